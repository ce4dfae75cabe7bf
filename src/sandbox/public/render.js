// Telegram text + entities → DOM nodes (docs/SANDBOX.md). Only createElement and text nodes: nothing a
// bot or a user typed is ever parsed as HTML, so a "<script>" in a message stays text.

const TAGS = {
  bold: "b",
  italic: "i",
  underline: "u",
  strikethrough: "s",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  expandable_blockquote: "blockquote",
};
const SAFE_LINK = /^(https?:|tg:|mailto:)/i;

function link(href) {
  if (!SAFE_LINK.test(href)) return document.createElement("span");
  const a = document.createElement("a");
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.title = href;
  return a;
}

function elementFor(entity, slice, onCommand) {
  const tag = TAGS[entity.type];
  if (tag) return document.createElement(tag);
  switch (entity.type) {
    case "text_link":
      return link(String(entity.url ?? ""));
    case "url":
      return link(/^[a-z]+:/i.test(slice) ? slice : `https://${slice}`);
    case "email":
      return link(`mailto:${slice}`);
    case "spoiler": {
      const s = document.createElement("span");
      s.className = "spoiler";
      s.title = "Bấm để xem";
      s.addEventListener("click", () => s.classList.add("shown"));
      return s;
    }
    case "bot_command": {
      const s = document.createElement("span");
      s.className = "cmd";
      s.title = "Bấm để gửi lệnh này";
      s.addEventListener("click", (e) => {
        e.stopPropagation();
        onCommand?.(slice);
      });
      return s;
    }
    case "mention":
    case "hashtag":
    case "cashtag":
    case "phone_number": {
      const s = document.createElement("span");
      s.className = "mention";
      return s;
    }
    default:
      return document.createElement("span");
  }
}

/**
 * Builds nested elements from entities (UTF-16 offsets, as JS strings index). Entities from
 * Telegram's HTML parser nest properly; one that overlaps its parent's end is clipped.
 */
export function renderText(text, entities, onCommand) {
  const frag = document.createDocumentFragment();
  const list = (entities ?? [])
    .filter((e) => Number.isInteger(e.offset) && Number.isInteger(e.length) && e.length > 0)
    .slice()
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  const build = (parent, start, end) => {
    let pos = start;
    while (list.length > 0 && list[0].offset < end) {
      const e = list.shift();
      const from = Math.max(e.offset, pos);
      const to = Math.min(e.offset + e.length, end);
      if (to <= from) continue;
      if (from > pos) parent.append(document.createTextNode(text.slice(pos, from)));
      const el = elementFor(e, text.slice(from, to), onCommand);
      build(el, from, to);
      parent.append(el);
      pos = to;
    }
    if (pos < end) parent.append(document.createTextNode(text.slice(pos, end)));
  };
  build(frag, 0, text.length);
  return frag;
}

/** "1,2 MB" — sizes the way the page's Vietnamese reader writes them. */
export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(".", ",")} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

const OFFSET_MS = 7 * 3600 * 1000;
const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const pad = (n) => String(n).padStart(2, "0");

/** Asia/Ho_Chi_Minh is UTC+7 all year, so a fixed offset is exact. */
export function vnParts(ms) {
  const d = new Date(ms + OFFSET_MS);
  return {
    weekday: WEEKDAYS[d.getUTCDay()],
    date: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
    iso: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    seconds: pad(d.getUTCSeconds()),
  };
}

/** An element with a class and optional text, the page's only building block. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
