/**
 * The role use-cases bound to the application's dependencies: what the bot's `/capquyen`,
 * `/thuquyen` and `/quyen` are given instead of the database client. A change of role also
 * changes the person's private command menu (services/menus/).
 */
import { adminIds, revokeRole, roleOf } from "../../db/repos/people.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import type { MenuPublisher } from "../menus/publish.js";
import { grantRoleTo, resolveGrantee, undoGrant } from "./grant.js";
import { listRoles } from "./list.js";
import { createSeenUsers } from "./seen.js";

export type { GrantableRole, Grantee, GrantOutcome, RoleTarget, UndoOutcome } from "./grant.js";
export type { RoleEntry } from "./list.js";

type Menus = Pick<MenuPublisher, "publishPerson">;

export function roleUseCases(deps: Pick<AppDeps, "prisma" | "adminIds">, menus?: Menus) {
  const seen = createSeenUsers(deps.prisma);
  return {
    roleOf: bindDeps(deps.prisma, roleOf),
    /** The configured administrators and those granted the role, once each. */
    adminIds: () => adminIds(deps.prisma, deps.adminIds),
    remember: seen.remember,
    resolve: (t: Parameters<typeof resolveGrantee>[1]) => resolveGrantee(deps, t),
    async grant(g: Parameters<typeof grantRoleTo>[1]) {
      const r = await grantRoleTo(deps, g);
      if (r.ok) await menus?.publishPerson(g.grantee.telegramId, g.role);
      return r;
    },
    async undo(u: Parameters<typeof undoGrant>[1]) {
      const r = await undoGrant(deps, u);
      if (r.ok) await menus?.publishPerson(r.grantee.telegramId, r.restored);
      return r;
    },
    async revoke(telegramId: bigint) {
      const done = await revokeRole(deps.prisma, telegramId);
      if (done) await menus?.publishPerson(telegramId, null);
      return done;
    },
    /**
     * A leader or administrator has opened a private chat with the bot (/start): their menu can be
     * set now, where a grant made before had no chat to set it in.
     */
    async privateChatOpened(telegramId: bigint, role: "admin" | "leader") {
      await menus?.publishPerson(telegramId, role);
    },
    list: () => listRoles(deps),
    isConfiguredAdmin: (telegramId: bigint) => deps.adminIds.includes(telegramId),
  };
}

export type RoleUseCases = ReturnType<typeof roleUseCases>;
