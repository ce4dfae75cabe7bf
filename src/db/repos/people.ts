/** Roles granted by administrators (docs/UPLOADS.md). ADMIN_IDS admins are not stored. */
import type { Db } from "../client.js";
import { ROLES, type Role } from "../../domain/roles.js";

export type { Role } from "../../domain/roles.js";

export async function roleOf(prisma: Db, telegramId: bigint): Promise<{ role: Role; unitCode: string | null } | null> {
  const p = await prisma.person.findUnique({ where: { telegramId } });
  if (!p) return null;
  const role = ROLES.find((r) => r === p.role);
  return role ? { role, unitCode: p.unitCode } : null;
}

export async function grantRole(
  prisma: Db,
  input: { telegramId: bigint; role: Role; unitCode?: string | null; grantedBy: bigint; name?: string | null },
): Promise<void> {
  const data = {
    role: input.role,
    unitCode: input.unitCode ?? null,
    grantedBy: input.grantedBy,
    name: input.name ?? null,
  };
  await prisma.person.upsert({
    where: { telegramId: input.telegramId },
    create: { telegramId: input.telegramId, ...data },
    update: data,
  });
}

export async function revokeRole(prisma: Db, telegramId: bigint): Promise<boolean> {
  const r = await prisma.person.deleteMany({ where: { telegramId } });
  return r.count > 0;
}

export async function adminIds(prisma: Db, configured: readonly bigint[]): Promise<bigint[]> {
  const stored = await prisma.person.findMany({ where: { role: "admin" }, select: { telegramId: true } });
  return [...new Set([...configured, ...stored.map((p) => p.telegramId)])];
}

export type RoleHolder = { rowId: number; telegramId: bigint; role: Role; name: string | null };

function toHolder(p: { id: number; telegramId: bigint; role: string; name: string | null }): RoleHolder | null {
  const role = ROLES.find((r) => r === p.role);
  return role ? { rowId: p.id, telegramId: p.telegramId, role, name: p.name } : null;
}

export async function roleHolder(prisma: Db, telegramId: bigint): Promise<RoleHolder | null> {
  const p = await prisma.person.findUnique({ where: { telegramId } });
  return p ? toHolder(p) : null;
}

export async function roleHolderByRow(prisma: Db, rowId: number): Promise<RoleHolder | null> {
  const p = await prisma.person.findUnique({ where: { id: rowId } });
  return p ? toHolder(p) : null;
}

export async function roleHolders(prisma: Db): Promise<RoleHolder[]> {
  const rows = await prisma.person.findMany({ orderBy: { id: "asc" } });
  return rows.flatMap((p) => toHolder(p) ?? []);
}

/** Puts back the role a grant replaced (its undo): the row keeps its id, so a second undo finds it. */
export async function setRoleOfRow(prisma: Db, rowId: number, role: Role, grantedBy: bigint): Promise<void> {
  await prisma.person.update({ where: { id: rowId }, data: { role, grantedBy } });
}
