import type { MessageEntity } from "grammy/types";
import { badRequest, type ApiError } from "./errors.js";

/**
 * Telegram's parse_mode=HTML: turns the markup into plain text + entities, and refuses what
 * Telegram refuses (unsupported tags, unbalanced tags, bare `<`) with the same
 * "can't parse entities: …" wording, so a broken template fails here exactly as in production.
 * Offsets in entities are UTF-16 code units (what JS strings index); error offsets are UTF-8
 * bytes, as Telegram reports them.
 */
export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

type Kind =
  | "bold"
  | "italic"
  | "underline"
  | "strikethrough"
  | "spoiler"
  | "code"
  | "pre"
  | "text_link"
  | "blockquote"
  | "expandable_blockquote"
  | "custom_emoji";

const TAGS: Record<string, Kind> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  code: "code",
  pre: "pre",
  a: "text_link",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

interface Open {
  tag: string;
  kind: Kind;
  start: number;
  attrs: Record<string, string>;
}

const fail = (what: string): ApiError => badRequest(`can't parse entities: ${what}`);

export function parseHtml(source: string): ParsedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: Open[] = [];
  const byteAt = (i: number): number => Buffer.byteLength(source.slice(0, i));
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? "";
    if (ch === "&") {
      const m = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,10});/.exec(source.slice(i, i + 12));
      const decoded = m?.[1] ? decodeEntity(m[1]) : undefined;
      if (m && decoded !== undefined) {
        text += decoded;
        i += m[0].length;
        continue;
      }
      text += ch;
      i += 1;
      continue;
    }
    if (ch !== "<") {
      text += ch;
      i += 1;
      continue;
    }
    const close = source.indexOf(">", i);
    if (close < 0) throw fail(`Unclosed start tag at byte offset ${byteAt(i)}`);
    const inner = source.slice(i + 1, close);
    if (inner.startsWith("/")) {
      const name = inner.slice(1).trim().toLowerCase();
      const top = stack.pop();
      if (!top) throw fail(`Unexpected end tag at byte offset ${byteAt(i)}`);
      if (name !== top.tag) {
        throw fail(`Unmatched end tag at byte offset ${byteAt(i)}, expected "</${top.tag}>", found "</${name}>"`);
      }
      const parent = stack[stack.length - 1];
      if (top.tag === "code" && parent?.tag === "pre") {
        // <pre><code class="language-x"> is one pre entity with a language, as in Telegram.
        if (top.attrs.language) parent.attrs.language = top.attrs.language;
      } else {
        const entity = toEntity(top, text.length);
        if (entity) entities.push(entity);
      }
    } else {
      const name = (/^[a-zA-Z][\w-]*/.exec(inner)?.[0] ?? "").toLowerCase();
      const kind = TAGS[name];
      if (!kind) throw fail(`Unsupported start tag "${name}" at byte offset ${byteAt(i)}`);
      const attrs = parseAttributes(inner.slice(name.length));
      if (name === "span" && attrs.class !== "tg-spoiler") {
        throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(i)}`);
      }
      stack.push({ tag: name, kind, start: text.length, attrs });
    }
    i = close + 1;
  }
  const open = stack.pop();
  if (open) throw fail(`Can't find end tag corresponding to start tag "${open.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function toEntity(open: Open, end: number): MessageEntity | undefined {
  const offset = open.start;
  const length = end - offset;
  if (length <= 0) return undefined;
  switch (open.kind) {
    case "text_link":
      return open.attrs.href ? { type: "text_link", offset, length, url: open.attrs.href } : undefined;
    case "pre":
      return open.attrs.language
        ? { type: "pre", offset, length, language: open.attrs.language }
        : { type: "pre", offset, length };
    case "custom_emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: open.attrs["emoji-id"] ?? "" };
    case "blockquote":
      return "expandable" in open.attrs
        ? { type: "expandable_blockquote", offset, length }
        : { type: "blockquote", offset, length };
    default:
      return { type: open.kind, offset, length };
  }
}

function parseAttributes(rest: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const m of rest.matchAll(re)) {
    const key = (m[1] ?? "").toLowerCase();
    attrs[key] = decodeAll(m[2] ?? m[3] ?? m[4] ?? "");
  }
  // <code class="language-ts"> inside <pre> is carried as the pre's language by Telegram.
  const lang = /^language-(.+)$/.exec(attrs.class ?? "");
  if (lang?.[1]) attrs.language = lang[1];
  return attrs;
}

function decodeEntity(body: string): string | undefined {
  if (!body.startsWith("#")) return NAMED[body.toLowerCase()];
  const code = body.startsWith("#x") ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function decodeAll(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, body: string) => decodeEntity(body) ?? all);
}

/** Plain-text length as Telegram counts it for the 4096 / 1024 limits (after parsing). */
export function renderedText(text: string, parseMode: string | undefined): ParsedText {
  if (parseMode?.toLowerCase() === "html") return parseHtml(text);
  return { text, entities: [] };
}
