/**
 * HTML helpers for Telegram's parse_mode "HTML" (only b, i, u, s, code, pre, a are used). They
 * live in render/, the pure layer that turns data into text, rather than in bot/: messages/,
 * jobs and services render text too and must not reach up into the grammY edge for it.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The text an HTML message reads as, for where HTML is not taken (a button's alert). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Telegram's limit for one message's text (Bot API sendMessage: 1-4096 characters). */
export const MESSAGE_LIMIT = 4096;

/**
 * Splits a message on line boundaries so each part fits `limit`. Our templates never open a
 * tag on one line and close it on another, so a line boundary is always a safe cut; a single
 * over-long line is cut between characters outside tags and entities.
 */
export function splitMessage(html: string, limit = MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let current = "";
  const push = () => {
    if (current.length > 0) parts.push(current);
    current = "";
  };
  for (const line of html.split("\n")) {
    const pieces = line.length > limit ? cutLine(line, limit) : [line];
    for (const piece of pieces) {
      const candidate = current.length === 0 ? piece : `${current}\n${piece}`;
      if (candidate.length > limit) {
        push();
        current = piece;
      } else current = candidate;
    }
  }
  push();
  return parts.length > 0 ? parts : [""];
}

/**
 * The first part of `splitMessage` followed by `tail` when `html` is too long for one message:
 * for a text whose rest the reader finds elsewhere (the morning reminder points to /nhiemvu).
 */
export function fitMessage(html: string, tail: string, limit = MESSAGE_LIMIT): string {
  if (html.length <= limit) return html;
  return (splitMessage(html, limit - tail.length)[0] ?? "") + tail;
}

function cutLine(line: string, limit: number): string[] {
  // Drop markup on a line too long for one message: plain text cannot break an entity or a tag.
  const plain = line.replace(/<[^>]*>/g, "");
  const out: string[] = [];
  let rest = plain;
  while (rest.length > limit) {
    let cut = limit;
    const amp = rest.lastIndexOf("&", cut);
    if (amp > cut - 8 && rest.indexOf(";", amp) >= cut) cut = amp;
    // Never between the two halves of an emoji: Telegram refuses a lone surrogate.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}
