/** Who is an administrator or a leader (Person rows, plus ADMIN_IDS from the configuration). */
import { adminIds, grantRole, revokeRole, roleOf } from "../../db/repos/people.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";

export type { Role } from "../../db/repos/people.js";

export function roleUseCases(deps: AppDeps) {
  return {
    roleOf: bindDeps(deps.prisma, roleOf),
    grant: bindDeps(deps.prisma, grantRole),
    revoke: bindDeps(deps.prisma, revokeRole),
    /** The configured administrators and those granted the role, once each. */
    adminIds: () => adminIds(deps.prisma, deps.adminIds),
  };
}
export type RoleUseCases = ReturnType<typeof roleUseCases>;
