/**
 * At start: the default menus, then the menu of every registered group and of every leader's and
 * administrator's private chat — chats registered before menus were scoped get theirs, and a
 * menu changed in a new version reaches every chat. One call at a time: a province has a few
 * hundred chats, and the menus are not worth competing with the outbox for Telegram's limits.
 */
import { activeChatsOfKind } from "../../db/repos/chats.js";
import { roleHolders } from "../../db/repos/people.js";
import type { GrantableRole } from "../../domain/roles.js";
import type { AppDeps } from "../context.js";
import type { MenuPublisher } from "./publish.js";

export async function publishAllMenus(
  deps: Pick<AppDeps, "prisma" | "adminIds" | "logger">,
  menus: MenuPublisher,
  /** Aborted when the app stops: the sweep ends before the database closes. */
  signal?: AbortSignal,
): Promise<{ chats: number; people: number; failed: number }> {
  await menus.publishDefaults();
  let chats = 0;
  let failed = 0;
  for (const kind of ["unit", "leaders", "head"] as const) {
    for (const chat of await activeChatsOfKind(deps.prisma, kind)) {
      if (signal?.aborted) return { chats, people: 0, failed };
      chats++;
      if (!(await menus.publishChat(chat.chatId, kind))) failed++;
    }
  }
  const people = new Map<bigint, GrantableRole>(deps.adminIds.map((id) => [id, "admin"]));
  for (const h of await roleHolders(deps.prisma)) {
    if (!people.has(h.telegramId) && (h.role === "admin" || h.role === "leader")) people.set(h.telegramId, h.role);
  }
  for (const [id, role] of people) {
    if (signal?.aborted) break;
    if (!(await menus.publishPerson(id, role))) failed++;
  }
  deps.logger.info({ chats, people: people.size, failed }, "command menus set");
  return { chats, people: people.size, failed };
}
