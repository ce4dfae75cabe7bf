// One conversation as Telegram shows it (docs/SANDBOX.md): bubbles with formatted text, photos that
// enlarge, document cards, albums side by side, inline keyboards, force-reply prompts.
import { el, formatSize, renderText, vnParts } from "./render.js";

/** Consecutive messages of one media group are drawn as one album. */
function groupAlbums(messages) {
  const out = [];
  for (const m of messages) {
    const last = out[out.length - 1];
    if (m.mediaGroupId && last && last[0].mediaGroupId === m.mediaGroupId) last.push(m);
    else out.push([m]);
  }
  return out;
}

function photoNode(photo, opts, single) {
  const img = el("img", single ? "photo" : "photo album-item");
  img.src = photo.url;
  img.alt = "Ảnh do bot gửi (bấm để phóng to)";
  img.width = photo.width;
  img.height = photo.height;
  img.loading = "lazy";
  img.addEventListener("click", () => opts.onOpenImage(photo.url));
  return img;
}

function documentNode(doc) {
  const a = el("a", "document");
  a.href = doc.url;
  a.download = doc.name;
  const ext = (doc.name.split(".").pop() ?? "").slice(0, 4).toUpperCase();
  const icon = el("span", `doc-icon doc-${ext.toLowerCase()}`, ext || "TỆP");
  const info = el("span", "doc-info");
  info.append(el("span", "doc-name", doc.name), el("span", "doc-size", `${formatSize(doc.size)} · Tải về`));
  a.append(icon, info);
  return a;
}

function replyQuote(reply, opts) {
  const q = el("div", "reply-quote");
  q.append(el("div", "reply-from", reply.from), el("div", "reply-text", reply.text || "…"));
  q.addEventListener("click", () => opts.jumpTo(reply.id));
  return q;
}

function keyboard(m, opts) {
  const kb = el("div", "keyboard");
  for (const row of m.buttons) {
    const r = el("div", "kb-row");
    for (const b of row) {
      // A web_app button, or a link to the bot's Main Mini App (t.me/<bot>?startapp=…): Telegram
      // opens the Mini App; so does the sandbox, in its pane (docs/WEBAPP.md).
      if (b.webApp || (b.url && /^https:\/\/t\.me\/[A-Za-z0-9_]+\?startapp=/.test(b.url))) {
        const btn = el("button", "kb-button", b.text);
        btn.type = "button";
        btn.addEventListener("click", () => opts.onOpenApp(m, b, btn));
        r.append(btn);
        continue;
      }
      if (b.url) {
        const a = el("a", "kb-button", b.text);
        a.href = b.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        r.append(a);
        continue;
      }
      const btn = el("button", "kb-button", b.text);
      btn.type = "button";
      btn.addEventListener("click", () => opts.onPress(m, b, btn));
      r.append(btn);
    }
    kb.append(r);
  }
  return kb;
}

function bubble(group, opts) {
  const first = group[0];
  const mine = !first.from.isBot;
  const wrap = el("div", `msg ${mine ? "user" : "bot"}`);
  wrap.dataset.id = String(first.id);
  const b = el("div", "bubble");
  b.append(el("div", "sender", first.from.name));
  if (first.replyTo) b.append(replyQuote(first.replyTo, opts));
  const photos = group.filter((m) => m.photo);
  if (photos.length > 0) {
    const media = el("div", photos.length > 1 ? "album" : "media");
    for (const m of photos) media.append(photoNode(m.photo, opts, photos.length === 1));
    b.append(media);
  }
  for (const m of group) if (m.document) b.append(documentNode(m.document));
  const captioned = group.find((m) => m.text);
  if (captioned) {
    const t = el("div", "text");
    t.append(renderText(captioned.text, captioned.entities, opts.onCommand));
    b.append(t);
  }
  const meta = el("div", "meta");
  if (first.forceReply) meta.append(el("span", "force-reply", "↩ Bot chờ trả lời"));
  if (mine && !first.delivered) {
    const hidden = el("span", "undelivered", "bot không nhận");
    hidden.title = "Chế độ riêng tư của nhóm: bot chỉ nhận lệnh /… và tin trả lời bot";
    meta.append(hidden);
  }
  if (first.edited) meta.append(el("span", "edited", "đã sửa"));
  meta.append(el("span", "time", vnParts(first.date * 1000).time));
  b.append(meta);
  wrap.append(b);
  const withButtons = group.find((m) => m.buttons.length > 0);
  if (withButtons) wrap.append(keyboard(withButtons, opts));
  return wrap;
}

/** Redraws the conversation; keeps the view pinned to the bottom when it was there. */
export function renderConversation(container, messages, opts) {
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 80;
  container.replaceChildren();
  if (messages.length === 0) container.append(el("div", "empty", "Chưa có tin nhắn. Gửi một lệnh ở ô bên dưới."));
  let day = "";
  for (const group of groupAlbums(messages)) {
    const p = vnParts(group[0].date * 1000);
    if (p.iso !== day) {
      day = p.iso;
      container.append(el("div", "day", `${p.weekday}, ${p.date}`));
    }
    container.append(bubble(group, opts));
  }
  if (atBottom || opts.forceScroll) container.scrollTop = container.scrollHeight;
}

/**
 * The latest force-reply prompt nobody answered yet that is for `senderId`: the page's next message
 * replies to it. A selective one (replyFor) is skipped for anyone else, as Telegram does.
 */
export function pendingPrompt(messages, dismissed, senderId) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!m.from.isBot || !m.forceReply || dismissed.has(m.id)) continue;
    if (m.replyFor && senderId !== undefined && !m.replyFor.includes(senderId)) continue;
    const answered = messages.slice(i + 1).some((x) => !x.from.isBot && x.replyTo?.id === m.id);
    return answered ? undefined : m;
  }
  return undefined;
}

/** Short text for the chat list. */
export function preview(m) {
  if (!m) return "";
  if (m.photo) return `🖼 ${m.text || "Ảnh"}`;
  if (m.document) return `📎 ${m.document.name}`;
  return m.text.split("\n")[0];
}
