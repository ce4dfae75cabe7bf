/** `/quyen`: who holds which role, named — the administrators of ADMIN_IDS first, then the stored grants. */
import { roleHolders, type Role } from "../../db/repos/people.js";
import { seenUsersByIds } from "../../db/repos/telegramUsers.js";
import type { AppDeps } from "../context.js";

export type RoleEntry = {
  telegramId: bigint;
  role: Role;
  displayName: string | null;
  username: string | null;
  /** Set in ADMIN_IDS: revoked only by editing the configuration. */
  configured: boolean;
};

const ORDER: Record<Role, number> = { admin: 0, leader: 1, officer: 2 };

export async function listRoles(deps: Pick<AppDeps, "prisma" | "adminIds">): Promise<RoleEntry[]> {
  const holders = (await roleHolders(deps.prisma)).filter((h) => !deps.adminIds.includes(h.telegramId));
  const ids = [...deps.adminIds, ...holders.map((h) => h.telegramId)];
  const seen = new Map((await seenUsersByIds(deps.prisma, ids)).map((u) => [u.telegramId, u]));
  const entry = (telegramId: bigint, role: Role, storedName: string | null, configured: boolean): RoleEntry => {
    const u = seen.get(telegramId);
    return { telegramId, role, displayName: u?.displayName ?? storedName, username: u?.username ?? null, configured };
  };
  return [
    ...deps.adminIds.map((id) => entry(id, "admin", null, true)),
    ...holders.map((h) => entry(h.telegramId, h.role, h.name, false)),
  ].sort((a, b) => ORDER[a.role] - ORDER[b.role] || Number(b.configured) - Number(a.configured));
}
