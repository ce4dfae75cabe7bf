import type { MessageEntity } from "grammy/types";

/**
 * Entities Telegram attaches to text a *user* types: bot commands (including the
 * `/cmd@botname` form, the whole span being one entity) and @mentions. grammY's
 * `bot.command()` matches on these entities, not on the raw text, so they must be right.
 * Offsets are UTF-16 code units, which is what JS string indices are.
 */
const COMMAND = /\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?/y;
const MENTION = /@[a-zA-Z0-9_]{5,32}/y;

export function detectEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "/" && ch !== "@") continue;
    const prev = i === 0 ? "" : (text[i - 1] ?? "");
    if (prev !== "" && !/[\s([{,.;:!?'"]/.test(prev)) continue;
    const re = ch === "/" ? COMMAND : MENTION;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) continue;
    const after = text[i + m[0].length] ?? "";
    if (/[a-zA-Z0-9_@/]/.test(after)) continue; // "/a/b" paths and "x@y@z" are not entities
    entities.push({ type: ch === "/" ? "bot_command" : "mention", offset: i, length: m[0].length });
    i += m[0].length - 1;
  }
  return entities;
}

/** Username part of a command entity (`/cmd@name` → "name"), undefined for a bare `/cmd`. */
export function commandTarget(text: string, entity: MessageEntity): string | undefined {
  const span = text.slice(entity.offset, entity.offset + entity.length);
  const at = span.indexOf("@");
  return at < 0 ? undefined : span.slice(at + 1);
}

/** Does this text address the bot, as Telegram's privacy mode decides for groups? */
export function addressesBot(text: string, entities: MessageEntity[], botUsername: string): boolean {
  const me = botUsername.toLowerCase();
  return entities.some((e) => {
    if (e.type === "bot_command") {
      const target = commandTarget(text, e);
      return target === undefined || target.toLowerCase() === me;
    }
    if (e.type === "mention") {
      return text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me;
    }
    return false;
  });
}
