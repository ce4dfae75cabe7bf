/**
 * From a verified `initData` to what the person may see (domain/dashboardScope.ts decides): the
 * launch chat from `start_param`, its binding and the person's role from the use-cases, their
 * membership from Telegram. A filter naming a unit outside the scope is refused, never narrowed.
 */
import { chatOfLaunchParam, decideScope, unitInScope, type ScopeRefusal } from "../domain/dashboardScope.js";
import type { AppServices } from "../services/useCases.js";
import type { DashboardFilters, DashboardScope } from "./contract.js";
import type { VerifiedInitData } from "./initData.js";
import type { ChatMembers } from "./membership.js";

export type ScopeResult = { ok: true; scope: DashboardScope } | { ok: false; reason: ScopeRefusal | "bad-launch" };

export async function scopeOf(
  services: Pick<AppServices, "uc">,
  members: ChatMembers,
  who: Pick<VerifiedInitData, "userId" | "startParam">,
): Promise<ScopeResult> {
  const { uc } = services;
  let launch = null;
  if (who.startParam) {
    const chatId = chatOfLaunchParam(who.startParam);
    if (chatId === null) return { ok: false, reason: "bad-launch" };
    const binding = await uc.dashboard.launchBinding(chatId);
    // Telegram is asked only about a chat that could show something.
    const member = binding ? await members.isMember(chatId, who.userId) : false;
    launch = { chatId, binding, member };
  }
  const leader = launch ? false : await uc.dashboard.isLeader(who.userId);
  return decideScope({
    userId: who.userId,
    launch,
    leader,
    topUnitCodes: launch ? [] : uc.dashboard.topUnitCodes(),
  });
}

/** The filter's unit, when it names one, must be inside the scope. */
export function filtersInScope(
  services: Pick<AppServices, "catalog">,
  scope: DashboardScope,
  filters: DashboardFilters,
): boolean {
  if (filters.unit === undefined) return true;
  const catalog = services.catalog.get();
  if (!catalog.unit(filters.unit)) return false;
  return unitInScope(scope, filters.unit, (c) => catalog.ancestorsOf(c));
}
