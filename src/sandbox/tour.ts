/**
 * What the page's guided tour ("kịch bản dùng thử") needs beyond sending messages: a new group
 * the bot has just been added to. The emulator announces the bot's membership as Telegram does,
 * so the bot greets the group exactly as it would a real one.
 */
import { vnDate } from "../domain/directive/dates.js";
import { PageError } from "./http.js";
import type { Session } from "./session.js";
import { planNewGroup, type DemoChat } from "./world.js";

export function addNewGroup(s: Session): { chat: DemoChat; unitCode: string } {
  const existing = s.world.chats.find((c) => c.kind === "new");
  const chat = existing ?? planNewGroup(s.app.deps.catalog.get(), s.world, vnDate(s.clock.now()));
  if (!chat?.unitCode)
    throw new PageError(400, "Mọi đơn vị của văn bản mẫu đã có nhóm; không còn đơn vị nào để đăng ký thử");
  if (!existing) {
    const members = Object.fromEntries(
      chat.members.map((id, i) => [id, i === 0 ? ("creator" as const) : ("member" as const)]),
    );
    s.emulator.addChat({ id: chat.id, type: chat.type, title: chat.title, botStatus: "member", members });
    s.world.chats.push(chat);
  }
  return { chat, unitCode: chat.unitCode };
}
