/**
 * Opening the dashboard Mini App in the sandbox (docs/SANDBOX.md, docs/WEBAPP.md): the button the
 * bot sent, pressed by the person the page plays, becomes the URL Telegram would open — the page,
 * then `#tgWebAppData=<initData signed with this session's bot token>&tgWebAppVersion=…
 * &tgWebAppPlatform=…&tgWebAppThemeParams=…`, exactly the launch parameters a Telegram client passes.
 */
import { createHash, randomBytes } from "node:crypto";
import { dashboardPageUrl } from "../render/dashboardButton.js";
import { initDataFields, signInitData } from "../webapp/initData.js";
import { PageError } from "./http.js";
import type { Session } from "./session.js";

/** The Bot API version the emulator speaks, and Telegram Web's platform name ("weba"). */
const WEBAPP_VERSION = "8.0";
const PLATFORM = "weba";
/** Telegram's light theme, as a client passes it: the page may colour itself with it. */
const THEME = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#707579",
  link_color: "#3390ec",
  button_color: "#3390ec",
  button_text_color: "#ffffff",
  secondary_bg_color: "#f4f4f5",
};

/** Which launch a pressed button stands for: a web_app button (no chat), or the Main Mini App link of a group. */
function startParamOf(s: Session, link: string): string | null {
  const dashboard = s.app.dashboard;
  if (!dashboard) throw new PageError(400, "Bảng điều khiển chưa chạy trong bản dùng thử");
  if (link === dashboardPageUrl(dashboard.link)) return null;
  const prefix = `https://t.me/${dashboard.link.botUsername}?startapp=`;
  if (link.startsWith(prefix)) return decodeURIComponent(link.slice(prefix.length));
  throw new PageError(400, "Nút này không mở bảng điều khiển");
}

export function dashboardLaunchUrl(s: Session, o: { chatId: number; fromId: number; link: string }): string {
  const startParam = startParamOf(s, o.link);
  const dashboard = s.app.dashboard;
  const token = s.config.BOT_TOKEN;
  const person = s.world.people.find((p) => p.id === o.fromId);
  if (!dashboard || !token || !person) throw new PageError(400, "Không mở được bảng điều khiển");
  const chat = s.world.chats.find((c) => c.id === o.chatId);
  const fields = initDataFields({
    user: { id: person.id, first_name: person.name, language_code: "vi" },
    at: s.clock.now(),
    ...(startParam === null
      ? {}
      : {
          startParam,
          chatType: chat?.type ?? "supergroup",
          // Telegram's chat_instance is an opaque per-chat number; any stable one does here.
          chatInstance: BigInt(
            `0x${createHash("sha256").update(String(o.chatId)).digest("hex").slice(0, 15)}`,
          ).toString(),
        }),
  });
  // A web_app button's launch carries a query id (for answerWebAppQuery); a link's does not.
  const signed = signInitData(
    startParam === null ? { ...fields, query_id: randomBytes(12).toString("base64url") } : fields,
    token,
  );
  const hash = new URLSearchParams({
    tgWebAppData: signed,
    tgWebAppVersion: WEBAPP_VERSION,
    tgWebAppPlatform: PLATFORM,
    tgWebAppThemeParams: JSON.stringify(THEME),
  });
  return `${dashboardPageUrl(dashboard.link)}#${hash.toString()}`;
}
