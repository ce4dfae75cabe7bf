/**
 * Granting a role to someone named by id, @username, or the message an administrator replied to.
 * Only people the bot has seen (or who already hold a role) can be named by id or @username: a
 * mistyped id granted silently is a role nobody holds, while its real owner wonders why nothing works.
 */
import { grantRole, roleHolder, roleHolderByRow, revokeRole, setRoleOfRow, type Role } from "../../db/repos/people.js";
import { saveSeenUser, seenUserById, seenUserByUsername, type SeenUser } from "../../db/repos/telegramUsers.js";
import type { GrantableRole } from "../../domain/roles.js";
import type { AppDeps } from "../context.js";

export type { GrantableRole } from "../../domain/roles.js";
export type RoleTarget =
  | { kind: "id"; id: bigint }
  | { kind: "username"; username: string }
  | { kind: "user"; user: SeenUser };
export type Grantee = { telegramId: bigint; displayName: string | null; username: string | null };

export type ResolveOutcome = { ok: true; grantee: Grantee } | { ok: false; reason: "unknown-id" | "unknown-username" };

type Deps = Pick<AppDeps, "prisma" | "adminIds">;

export async function resolveGrantee(deps: Deps, t: RoleTarget): Promise<ResolveOutcome> {
  if (t.kind === "user") {
    // Seen right now (the replied-to message): remembered, so /quyen names them later.
    await saveSeenUser(deps.prisma, t.user);
    return { ok: true, grantee: t.user };
  }
  if (t.kind === "username") {
    const u = await seenUserByUsername(deps.prisma, t.username);
    return u ? { ok: true, grantee: u } : { ok: false, reason: "unknown-username" };
  }
  const seen = await seenUserById(deps.prisma, t.id);
  if (seen) return { ok: true, grantee: seen };
  const holder = await roleHolder(deps.prisma, t.id);
  if (holder || deps.adminIds.includes(t.id)) {
    return { ok: true, grantee: { telegramId: t.id, displayName: holder?.name ?? null, username: null } };
  }
  return { ok: false, reason: "unknown-id" };
}

export type GrantOutcome =
  | { ok: true; rowId: number; previous: Role | null }
  | { ok: false; reason: "configured-admin" | "unchanged" | "self" };

export async function grantRoleTo(
  deps: Deps,
  g: { grantee: Grantee; role: GrantableRole; by: bigint },
): Promise<GrantOutcome> {
  // Replying to one's own message by mistake would demote the administrator doing it.
  if (g.by === g.grantee.telegramId) return { ok: false, reason: "self" };
  // ADMIN_IDS already holds every right; a stored row beside it would only mislead /quyen.
  if (deps.adminIds.includes(g.grantee.telegramId)) return { ok: false, reason: "configured-admin" };
  const before = await roleHolder(deps.prisma, g.grantee.telegramId);
  if (before?.role === g.role) return { ok: false, reason: "unchanged" };
  await grantRole(deps.prisma, {
    telegramId: g.grantee.telegramId,
    role: g.role,
    grantedBy: g.by,
    name: g.grantee.displayName ?? before?.name ?? null,
  });
  const after = await roleHolder(deps.prisma, g.grantee.telegramId);
  if (!after) throw new Error("role row missing right after its upsert");
  return { ok: true, rowId: after.rowId, previous: before?.role ?? null };
}

export type UndoOutcome =
  | { ok: true; grantee: Grantee; restored: Role | null }
  | { ok: false; reason: "gone" | "changed" };

/**
 * "Huỷ" under a grant: the role before it comes back (or none). Refused when the role has
 * changed since — undoing then would erase a later decision.
 */
export async function undoGrant(
  deps: Deps,
  u: { rowId: number; previous: Role | null; granted: GrantableRole; by: bigint },
): Promise<UndoOutcome> {
  const holder = await roleHolderByRow(deps.prisma, u.rowId);
  if (!holder) return { ok: false, reason: "gone" };
  if (holder.role !== u.granted) return { ok: false, reason: "changed" };
  if (u.previous === null) await revokeRole(deps.prisma, holder.telegramId);
  else await setRoleOfRow(deps.prisma, u.rowId, u.previous, u.by);
  const seen = await seenUserById(deps.prisma, holder.telegramId);
  return {
    ok: true,
    grantee: seen ?? { telegramId: holder.telegramId, displayName: holder.name, username: null },
    restored: u.previous,
  };
}
