// The guided tour ("kịch bản dùng thử"): four buttons that walk a first-time visitor through
// what dondoc does — report, Monday digest, overdue dossiers, registering a new group. Each
// step does what a person would do in the chat (it sends real messages through the page's own
// endpoints), so what follows is the bot's real answer.
import { api, toast } from "./controls.js";

const $ = (id) => document.getElementById(id);
const narrow = () => !window.matchMedia("(min-width: 761px)").matches;

/** Resolves with the first value `probe` returns within `ms`, else undefined. */
async function waitFor(probe, ms = 8000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 150));
  }
  return undefined;
}

export function setupTour(app) {
  const steps = {
    async report() {
      if (!app.openChat("unit")) throw new Error("Bản dùng thử chưa có nhóm đơn vị");
      await app.send("/nop 120 95");
      toast("Xem câu trả lời của bot: tỉ lệ, mức màu và số hồ sơ còn thiếu");
    },
    async digest() {
      if (!app.openChat("leaders")) throw new Error("Bản dùng thử chưa có nhóm lãnh đạo");
      await app.jumpTo("next-monday-0800");
    },
    async dossiers() {
      const chat = app.openChat("unit");
      if (!chat) throw new Error("Bản dùng thử chưa có nhóm đơn vị");
      await app.send("/nhaphoso");
      const prompt = await waitFor(() => app.pendingPrompt());
      if (!prompt) throw new Error("Bot chưa hỏi tệp danh sách hồ sơ; thử lại sau ít giây");
      app.follow();
      const { messageId } = await api("/api/tour/dossiers", {
        chatId: chat.id,
        fromId: app.sender(),
        replyToMessageId: prompt.id,
      });
      // Once the bot has read the list, ask what is late: its answer offers the apology letter.
      const read = await waitFor(() => app.messages().some((m) => m.from.isBot && m.id > messageId));
      if (!read) throw new Error("Bot chưa đọc xong tệp mẫu; thử lại sau ít giây");
      await app.send("/quahan");
      toast("Gửi /hoso <mã> của một hồ sơ quá hạn để soạn văn bản xin lỗi gửi thủ trưởng duyệt");
    },
    async group() {
      const { command } = await api("/api/tour/group", {});
      await app.reload();
      if (!app.openChat("new")) throw new Error("Không mở được nhóm mới");
      await app.send(command);
      toast("Quản trị viên duyệt yêu cầu trong tin nhắn riêng của mình");
    },
  };
  for (const button of document.querySelectorAll("[data-tour]")) {
    button.addEventListener("click", async () => {
      const step = steps[button.dataset.tour];
      if (!step) return;
      button.disabled = true;
      // On a phone the panel would hide the chat the step is about.
      if (narrow()) $("tour").open = false;
      try {
        await step();
      } catch (err) {
        toast(err.message, true);
      } finally {
        button.disabled = false;
      }
    });
  }
}
