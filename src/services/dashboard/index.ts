/**
 * The Mini App's use-cases (docs/WEBAPP.md). For the server: what it learns about a person and the chat a dashboard link named, before
 * deciding what they may see (domain/dashboardScope.ts): the chat's binding and the person's role.
 * Whether they are in the chat is Telegram's to say (the server's membership port), not ours.
 * For the page: everything it shows for a scope and its filters, as plain data (view.ts).
 */
import { getChat } from "../../db/repos/chats.js";
import { roleOf } from "../../db/repos/people.js";
import { chatUnit } from "../../domain/chatUnit.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { dashboardView } from "./view.js";

export type LaunchBinding = { kind: "leaders" | "unit" | "head"; unitCode: string };

/** A registered, active chat whose unit is still in the catalog; null otherwise. */
async function launchBinding(deps: Pick<AppDeps, "prisma" | "catalog">, chatId: bigint): Promise<LaunchBinding | null> {
  const chat = await getChat(deps.prisma, chatId);
  const catalog = deps.catalog.get();
  for (const kind of ["leaders", "unit", "head"] as const) {
    const unit = chatUnit(catalog, chat, kind);
    if (unit) return { kind, unitCode: unit.code };
  }
  return null;
}

/** ADMIN_IDS, or a granted administrator or leader: who sees every top unit from a private chat. */
async function isLeader(deps: Pick<AppDeps, "prisma" | "adminIds">, userId: bigint): Promise<boolean> {
  if (deps.adminIds.includes(userId)) return true;
  const role = (await roleOf(deps.prisma, userId))?.role;
  return role === "admin" || role === "leader";
}

export function dashboardUseCases(deps: AppDeps) {
  return {
    launchBinding: (chatId: bigint) => launchBinding(deps, chatId),
    isLeader: (userId: bigint) => isLeader(deps, userId),
    topUnitCodes: () =>
      deps.catalog
        .get()
        .units.filter((u) => !u.parentCode)
        .map((u) => u.code),
    /** The page's data for a scope the server decided, narrowed by the filters. */
    view: bindDeps(deps, dashboardView),
  };
}
export type DashboardUseCases = ReturnType<typeof dashboardUseCases>;
export type * from "./types.js";
