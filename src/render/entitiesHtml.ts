/**
 * A message as Telegram returns it (plain text + entities) back to the HTML it was sent as, so
 * a message the bot edits after a button press keeps its bold, code and links instead of
 * turning into plain text. Offsets are UTF-16 code units, which is what JS strings index.
 */
import type { MessageEntity } from "grammy/types";
import { escapeHtml } from "./html.js";

const escapeAttr = (s: string) => escapeHtml(s).replace(/"/g, "&quot;");

function tags(e: MessageEntity): [string, string] | null {
  switch (e.type) {
    case "bold":
      return ["<b>", "</b>"];
    case "italic":
      return ["<i>", "</i>"];
    case "underline":
      return ["<u>", "</u>"];
    case "strikethrough":
      return ["<s>", "</s>"];
    case "code":
      return ["<code>", "</code>"];
    case "pre":
      return ["<pre>", "</pre>"];
    case "blockquote":
      return ["<blockquote>", "</blockquote>"];
    case "text_link":
      return [`<a href="${escapeAttr(e.url)}">`, "</a>"];
    case "text_mention":
      return [`<a href="tg://user?id=${e.user.id}">`, "</a>"];
    default:
      // Mentions, hashtags, plain URLs … are recognised by Telegram again from the text itself.
      return null;
  }
}

/** HTML whose parse gives back `text` with `entities` (entities that overlap without nesting are dropped). */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const stack: number[] = [];
  for (const e of sorted) {
    const t = tags(e);
    const end = e.offset + e.length;
    if (!t || e.length <= 0 || end > text.length) continue;
    while (stack.length > 0 && (stack.at(-1) ?? 0) <= e.offset) stack.pop();
    // Telegram nests entities; a crossing one cannot be written as HTML and is left out.
    if (stack.length > 0 && end > (stack.at(-1) ?? 0)) continue;
    stack.push(end);
    opens.set(e.offset, [...(opens.get(e.offset) ?? []), t[0]]);
    closes.set(end, [t[1], ...(closes.get(end) ?? [])]);
  }
  let out = "";
  for (let i = 0; i <= text.length; i++) {
    out += (closes.get(i) ?? []).join("") + (opens.get(i) ?? []).join("");
    if (i < text.length) out += escapeHtml(text.charAt(i));
  }
  return out;
}
