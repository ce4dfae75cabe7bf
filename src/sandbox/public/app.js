// The sandbox page (docs/SANDBOX.md): chats on the left, the conversation on the right, a composer
// that sends as a chosen person, live updates over Server-Sent Events.
import { pendingPrompt, preview, renderConversation } from "./chat.js";
import { api, jumpTo, setupControls, showAlert, toast } from "./controls.js";
import { el } from "./render.js";
import { setupTour } from "./tour.js";

const $ = (id) => document.getElementById(id);
const KIND_LABELS = {
  unit: "Nhóm đơn vị",
  leaders: "Nhóm lãnh đạo",
  head: "Nhóm thủ trưởng",
  private: "Tin nhắn riêng",
  new: "Nhóm mới, chưa đăng ký",
};
/** After the person sends something, the view follows the conversation down for this long. */
const FOLLOW_MS = 20_000;
const SUGGESTIONS = {
  unit: ["/nop 120 95", "/nop", "/tinhtrang", "/nhap", "/mau"],
  leaders: ["/tinhtrang", "/bieudo", "/bangdieukhien"],
  head: ["/help"],
  private: ["/start", "/chithi", "/id"],
  new: ["/start", "/dangky"],
};

const state = {
  session: null,
  people: [],
  chats: [],
  messages: new Map(),
  unread: new Map(),
  current: null,
  senders: new Map(),
  dismissed: new Set(),
  loaded: false,
  followUntil: 0,
};

const messagesOf = (chatId) => [...(state.messages.get(chatId)?.values() ?? [])].sort((a, b) => a.id - b.id);
const chatOf = (chatId) => state.chats.find((c) => c.id === chatId);

function applyState(s) {
  state.session = s.session;
  state.people = s.people;
  state.chats = s.chats;
  state.messages = new Map(s.chats.map((c) => [c.id, new Map((s.messages[c.id] ?? []).map((m) => [m.id, m]))]));
  state.unread = new Map();
  state.dismissed = new Set();
  if (!chatOf(state.current)) state.current = s.chats[0]?.id ?? null;
  state.loaded = true;
  document.dispatchEvent(new CustomEvent("sandbox:clock", { detail: s.clock }));
  renderAll(true);
}

function applyChatEvent(ev) {
  const map = state.messages.get(ev.chatId);
  if (!map) return;
  const isNew = ev.type === "message" && !map.has(ev.message.id);
  if (ev.type === "delete") map.delete(ev.messageId);
  else map.set(ev.message.id, ev.message);
  if (isNew && ev.chatId !== state.current) state.unread.set(ev.chatId, (state.unread.get(ev.chatId) ?? 0) + 1);
  if (isNew && ev.message.from.isBot) announce(ev.chatId, ev.message);
  if (ev.chatId === state.current) renderCurrent(Date.now() < state.followUntil);
  renderChatList();
}

/** Screen readers hear each new bot message: its text in the open chat, a notice for the others. */
function announce(chatId, message) {
  const box = $("announcer");
  const text =
    chatId === state.current
      ? `Bot: ${preview(message)}`
      : `Tin mới trong ${chatOf(chatId)?.title ?? "cuộc trò chuyện khác"}`;
  box.append(el("p", "", text.slice(0, 300)));
  while (box.childElementCount > 5) box.firstElementChild?.remove();
}

function renderChatList() {
  const list = $("chat-list");
  list.replaceChildren();
  for (const c of state.chats) {
    const li = el("li", `chat-item kind-${c.kind}${c.id === state.current ? " active" : ""}`);
    li.dataset.chatId = String(c.id);
    li.tabIndex = 0;
    const avatar = el(
      "span",
      "avatar",
      c.title
        .replace(/^(Phường|Phòng|Lãnh đạo|Thủ trưởng|Xã)\s+/i, "")
        .slice(0, 1)
        .toUpperCase(),
    );
    const body = el("span", "chat-body");
    const last = messagesOf(c.id).at(-1);
    // The strip on a phone shows the short name ("Phường Bắc Giang", not "… — Một cửa").
    body.append(
      el("span", "chat-title", c.title),
      el("span", "chat-short", c.title.split(" — ")[0]),
      el("span", "chat-kind", KIND_LABELS[c.kind] ?? ""),
      el("span", "chat-preview", preview(last)),
    );
    li.append(avatar, body);
    const n = state.unread.get(c.id);
    if (n) li.append(el("span", "badge", String(n)));
    const open = () => selectChat(c.id);
    li.addEventListener("click", open);
    li.addEventListener("keydown", (e) => {
      if (e.key === "Enter") open();
    });
    list.append(li);
  }
}

function renderSenders(chat) {
  const select = $("sender");
  select.replaceChildren();
  const allowed = chat.type === "private" ? state.people.filter((p) => p.id === chat.id) : state.people;
  for (const p of allowed) {
    const o = el("option", "", `${p.name} — ${p.label}`);
    o.value = String(p.id);
    select.append(o);
  }
  select.value = String(state.senders.get(chat.id) ?? chat.members[0] ?? allowed[0]?.id);
  select.disabled = chat.type === "private";
}

function renderCurrent(forceScroll) {
  const chat = chatOf(state.current);
  if (!chat) return;
  const messages = messagesOf(chat.id);
  renderConversation($("messages"), messages, {
    forceScroll,
    onPress: pressButton,
    onOpenApp: openDashboard,
    onCommand: (cmd) => send(cmd),
    onOpenImage: openImage,
    jumpTo: (id) =>
      $("messages").querySelector(`[data-id="${id}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" }),
  });
  // Pinned to the newest message now? The reply bar below may appear and shrink the chat; stay pinned.
  const box = $("messages");
  const pinned = box.scrollHeight - box.scrollTop - box.clientHeight < 2;
  const prompt = pendingPrompt(messages, state.dismissed, currentSender());
  $("reply-bar").hidden = !prompt;
  $("reply-bar").dataset.messageId = prompt ? String(prompt.id) : "";
  $("reply-bar-snippet").textContent = prompt ? prompt.text.split("\n")[0].slice(0, 90) : "";
  $("text-input").placeholder = prompt
    ? (prompt.placeholder ?? "Trả lời bot, hoặc gửi tệp 📎")
    : "Nhập tin nhắn hoặc lệnh, ví dụ /nop 120 95";
  if (pinned) box.scrollTop = box.scrollHeight;
}

function renderAll(forceScroll) {
  const chat = chatOf(state.current);
  if (!chat) return;
  $("conv-title").textContent = chat.title;
  const names = chat.members.map((id) => state.people.find((p) => p.id === id)?.name).filter(Boolean);
  $("conv-subtitle").textContent =
    `${KIND_LABELS[chat.kind]} · ${names.join(", ")}${chat.type === "private" ? "" : " và bot"}`;
  const sugg = $("suggestions");
  sugg.replaceChildren(
    ...(SUGGESTIONS[chat.kind] ?? []).map((s) => {
      const chip = el("button", "chip", s);
      chip.type = "button";
      chip.addEventListener("click", () => {
        $("text-input").value = s;
        $("text-input").focus();
      });
      return chip;
    }),
  );
  renderSenders(chat);
  renderChatList();
  renderCurrent(forceScroll);
}

function selectChat(chatId) {
  state.current = chatId;
  state.unread.delete(chatId);
  closeMenu();
  renderAll(true);
}

const currentSender = () => Number($("sender").value);
const replyTarget = () => Number($("reply-bar").dataset.messageId) || undefined;

/** Keeps the newest message in view while the answers to what was just sent come in. */
function follow() {
  state.followUntil = Date.now() + FOLLOW_MS;
  const box = $("messages");
  box.scrollTop = box.scrollHeight;
}

async function send(text) {
  follow();
  const chatId = state.current;
  const replyToMessageId = replyTarget();
  await api("/api/send", { chatId, fromId: currentSender(), text, ...(replyToMessageId ? { replyToMessageId } : {}) });
}

async function pressButton(message, button, node) {
  node.disabled = true;
  try {
    const answer = await api("/api/press", {
      chatId: state.current,
      messageId: message.id,
      fromId: currentSender(),
      data: button.data,
    });
    if (answer.text) (answer.showAlert ? showAlert : toast)(answer.text);
  } finally {
    node.disabled = false;
  }
}

/** The dashboard Mini App in its pane, launched as Telegram would for the chosen sender. */
async function openDashboard(_message, button, node) {
  node.disabled = true;
  try {
    const { url } = await api("/api/webapp/open", {
      chatId: state.current,
      fromId: currentSender(),
      link: button.webApp ?? button.url,
    });
    $("webapp-frame").src = url;
    $("webapp-pane").hidden = false;
  } catch (err) {
    toast(err.message, true);
  } finally {
    node.disabled = false;
  }
}

function closeDashboard() {
  $("webapp-pane").hidden = true;
  $("webapp-frame").src = "about:blank";
}

function openImage(url) {
  $("lightbox-img").src = url;
  $("lightbox").hidden = false;
}

async function uploadFile(file) {
  const dataUrl = await new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(new Error("Không đọc được tệp"));
    r.readAsDataURL(file);
  });
  const replyToMessageId = replyTarget();
  follow();
  await api("/api/upload", {
    chatId: state.current,
    fromId: currentSender(),
    fileName: file.name,
    base64: dataUrl.slice(dataUrl.indexOf(",") + 1),
    ...(file.type ? { mimeType: file.type } : {}),
    ...(replyToMessageId ? { replyToMessageId } : {}),
  });
}

function connect() {
  const es = new EventSource("/api/events");
  let pending = [];
  // Subscribe first, then load: nothing sent in between is lost (events upsert by message id).
  es.addEventListener("open", async () => {
    state.loaded = false;
    pending = [];
    try {
      applyState(await api("/api/state"));
    } catch (err) {
      toast(err.message, true);
      return;
    }
    for (const ev of pending) applyChatEvent(ev);
    pending = [];
  });
  es.addEventListener("chat", (e) => {
    const ev = JSON.parse(e.data);
    if (state.loaded) applyChatEvent(ev);
    else pending.push(ev);
  });
  es.addEventListener("clock", (e) =>
    document.dispatchEvent(new CustomEvent("sandbox:clock", { detail: JSON.parse(e.data) })),
  );
  es.addEventListener("reset", () => api("/api/state").then(applyState, (err) => toast(err.message, true)));
}

$("composer").addEventListener("submit", async (e) => {
  e.preventDefault();
  const input = $("text-input");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  await send(text).catch((err) => {
    input.value = text;
    toast(err.message, true);
  });
});
$("sender").addEventListener("change", () => {
  state.senders.set(state.current, currentSender());
  closeMenu();
  // A selective question opens the reply bar for its person only: switching speaker redraws it.
  renderCurrent(false);
});

/** Telegram's "/" menu for this chat and sender: each kind of chat and role has its own (docs/ROLES.md). */
function closeMenu() {
  $("cmd-menu").hidden = true;
  $("menu-btn").setAttribute("aria-expanded", "false");
}
async function openMenu() {
  const commands = await api("/api/menu", { chatId: state.current, fromId: currentSender() });
  const items = commands.map((c) => {
    const item = el("button", "cmd-item");
    item.type = "button";
    item.setAttribute("role", "menuitem");
    item.append(el("b", null, `/${c.command}`), ` — ${c.description}`);
    item.addEventListener("click", () => {
      $("text-input").value = `/${c.command} `;
      closeMenu();
      $("text-input").focus();
    });
    return item;
  });
  $("cmd-menu").replaceChildren(...(items.length ? items : [el("p", "cmd-empty", "Bot chưa đặt menu lệnh ở đây.")]));
  $("cmd-menu").hidden = false;
  $("menu-btn").setAttribute("aria-expanded", "true");
}
$("menu-btn").addEventListener("click", () => {
  if (!$("cmd-menu").hidden) return closeMenu();
  openMenu().catch((err) => toast(err.message, true));
});
$("file-input").addEventListener("change", async (e) => {
  const file = e.target.files?.[0];
  e.target.value = "";
  if (file) await uploadFile(file).catch((err) => toast(err.message, true));
});
$("reply-cancel").addEventListener("click", () => {
  state.dismissed.add(replyTarget());
  renderCurrent(false);
});
$("lightbox").addEventListener("click", () => {
  $("lightbox").hidden = true;
});
$("webapp-close").addEventListener("click", closeDashboard);
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") $("lightbox").hidden = true;
});
setupControls();
setupTour({
  openChat: (kind) => {
    const chat = state.chats.find((c) => c.kind === kind);
    if (chat) selectChat(chat.id);
    return chat;
  },
  send,
  jumpTo,
  sender: currentSender,
  follow,
  reload: async () => applyState(await api("/api/state")),
  messages: () => messagesOf(state.current),
  pendingPrompt: () => pendingPrompt(messagesOf(state.current), state.dismissed, currentSender()),
});
// A wide screen has room for the clock controls; a phone keeps the screen for the chat.
if (window.matchMedia("(min-width: 761px)").matches) $("time-panel").open = true;
connect();
