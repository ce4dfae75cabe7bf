// The sandbox clock and "Đặt lại demo" (docs/SANDBOX.md), plus the page's small shared helpers.
// Time only moves forward; after a jump the server runs the scheduler's due jobs for real.
import { el, vnParts } from "./render.js";

const $ = (id) => document.getElementById(id);

/** POST with a JSON body (GET without); the server's `{ error }` becomes the thrown message. */
export async function api(path, body) {
  const res = await fetch(
    path,
    body === undefined
      ? {}
      : {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        },
  );
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? `Lỗi ${res.status}`);
  return data;
}

export function toast(text, isError = false) {
  const t = el("div", `toast${isError ? " error" : ""}`, text);
  $("toasts").append(t);
  setTimeout(() => t.remove(), isError ? 6000 : 3000);
}

export function showAlert(text) {
  $("alert-text").textContent = text;
  $("alert").hidden = false;
  $("alert-ok").focus();
}

/** Names of the jobs users know by what they do; a job added later shows its code name. */
const JOB_NAMES = {
  "daily-reminder": "nhắc việc buổi sáng",
  "weekly-digest": "bản tin tuần",
  "peak-week-leaders": "tuần cao điểm",
  "overdue-sweep": "hồ sơ quá hạn",
  "late-list": "danh sách trễ hạn",
  retention: "xoá tệp văn bản hết hạn lưu",
};

function describeRuns(ran) {
  const done = ran.filter((r) => r.outcome === "finished" || r.outcome === "failed");
  if (done.length === 0) return "không có việc định kỳ nào đến hạn";
  return `đã chạy ${done.map((r) => `${JOB_NAMES[r.job] ?? r.job}${r.outcome === "failed" ? " (lỗi, xem nhật ký)" : ""}`).join(", ")}`;
}

// The sandbox clock ticks at wall speed between jumps: show server time + elapsed.
let base = { serverMs: Date.now(), localMs: Date.now() };
const nowMs = () => base.serverMs + (Date.now() - base.localMs);

function paintClock() {
  const p = vnParts(nowMs());
  $("clock-now").textContent = `${p.weekday}, ${p.date} ${p.time}:${p.seconds}`;
}

/** The jump buttons say where they go under the configured crons (the server reads them off). */
function paintJumps(jumps) {
  if (!jumps) return;
  $("to-0800").textContent = jumps["next-0800"];
  $("to-monday").textContent = jumps["next-monday-0800"];
}

function setClock(clock) {
  base = { serverMs: Date.parse(clock.iso), localMs: Date.now() };
  paintClock();
  paintJumps(clock.jumps);
}

function setStatus(text) {
  $("status").textContent = text;
}

async function busy(label, work) {
  const buttons = document.querySelectorAll(".clock-controls button");
  buttons.forEach((b) => {
    b.disabled = true;
  });
  setStatus(label);
  try {
    await work();
    setStatus("");
  } catch (err) {
    setStatus("");
    toast(err.message, true);
  } finally {
    buttons.forEach((b) => {
      b.disabled = false;
    });
  }
}

async function jump(body, label) {
  await busy(`${label}: đang chạy các việc định kỳ đến hạn…`, async () => {
    const { clock, ran } = await api("/api/clock", body);
    setClock(clock);
    toast(`${clock.label}: ${describeRuns(ran)}`);
  });
}

/** "7/12/2026" or "07/12/2026" → "2026-12-07"; anything else (or a day that does not exist) → null. */
export function parseDate(text) {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "8:00", "08:00" or "8h" → "08:00" (24-hour clock); anything else → null. */
export function parseTime(text) {
  const m = /^\s*(\d{1,2})(?:[:h](\d{2})?)?\s*$/i.exec(text);
  if (!m) return null;
  const [h, mi] = [Number(m[1]), Number(m[2] ?? 0)];
  if (h > 23 || mi > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}`;
}

/** The clock jumps, also used by the guided tour. */
export function jumpTo(target) {
  const button = $(target === "next-monday-0800" ? "to-monday" : "to-0800");
  return jump({ to: target }, button.textContent);
}

export function setupControls() {
  document.addEventListener("sandbox:clock", (e) => setClock(e.detail));
  setInterval(paintClock, 1000);
  $("to-0800").addEventListener("click", (e) => jump({ to: "next-0800" }, e.currentTarget.textContent));
  $("to-monday").addEventListener("click", (e) => jump({ to: "next-monday-0800" }, e.currentTarget.textContent));
  $("to-date").addEventListener("click", () => {
    const date = parseDate($("date-input").value);
    const time = parseTime($("time-input").value || "08:00");
    if (!date) {
      toast("Nhập ngày theo dạng dd/mm/yyyy, ví dụ 07/12/2026", true);
      $("date-input").focus();
      return;
    }
    if (!time) {
      toast("Nhập giờ theo dạng HH:MM (24 giờ), ví dụ 08:00", true);
      $("time-input").focus();
      return;
    }
    return jump({ to: "date", date, time }, `Tới ${date.split("-").reverse().join("/")} ${time}`);
  });
  $("reset").addEventListener("click", () => {
    if (!window.confirm("Đặt lại bản dùng thử? Mọi tin nhắn và số liệu đã nhập sẽ bị xoá, dữ liệu mẫu được nạp lại."))
      return;
    return busy("Đang đặt lại bản dùng thử…", async () => {
      await api("/api/reset", {});
      toast("Đã đặt lại bản dùng thử");
    });
  });
  $("alert-ok").addEventListener("click", () => {
    $("alert").hidden = true;
  });
}
