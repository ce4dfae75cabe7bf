/**
 * The loss summary after a Telegram outage outlasted the morning reminders, end to end: the
 * administrator gets one message with resend buttons, presses "still useful" (a chat that got
 * a newer reminder meanwhile is skipped), then "all" with its confirmation.
 */
import { Api } from "grammy";
import { afterEach, beforeEach, expect, it } from "vitest";
import { extraFeatures } from "../../src/bot/extraFeatures.js";
import { ADMIN_ALERT_KIND } from "../../src/delivery/alerts.js";
import { createDeliveryWorker, type DeliveryWorker } from "../../src/delivery/worker.js";
import { pushText } from "../../src/services/notify.js";
import { ADMIN_ID, startHarness, TOKEN, type Harness } from "../helpers/harness.js";

const GROUPS = [-700_001, -700_002, -700_003];
let h: Harness;
let worker: DeliveryWorker | undefined;

beforeEach(async () => {
  h = await startHarness({
    extraFeatures: extraFeatures(),
    drain: (deps, emu, dialect) => {
      // As src/app.ts wires it: alerts are pushed to the administrators with their keyboard.
      worker = createDeliveryWorker({
        prisma: deps.prisma,
        dialect,
        api: new Api(TOKEN, { apiRoot: emu.url }),
        logger: deps.logger,
        clock: deps.clock,
        instanceId: "test",
        idlePollMs: 100,
        retry: { baseMs: 20, maxMs: 100, probeMaxMs: 100 },
        onAdminAlert: (text, keyboard) =>
          pushText(deps, {
            chatId: BigInt(ADMIN_ID),
            dedupKey: `alert:${text.length}:${Math.random()}`,
            kind: ADMIN_ALERT_KIND,
            text,
            ...(keyboard ? { replyMarkup: keyboard } : {}),
          }),
      });
      worker.start();
      return worker;
    },
  });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  for (const id of GROUPS) h.emu.addChat({ id, type: "supergroup", title: `Xã ${id}` });
  await h.db.prisma.chat.createMany({
    data: GROUPS.map((id) => ({ chatId: BigInt(id), type: "supergroup", kind: "unit" })),
  });
});
afterEach(async () => h?.stop());

it("one summary with buttons; a non-admin's press changes nothing; 'still useful' skips a replaced reminder; 'all' asks, then sends it", {
  timeout: 30_000,
}, async () => {
  for (const id of GROUPS) {
    h.emu.faults.add({ method: "sendMessage", chatId: id, times: 1e6, fault: { kind: "server_error", status: 500 } });
    await pushText(h.deps, {
      chatId: BigInt(id),
      dedupKey: `reminder:2026-11-20:chat:${id}`,
      kind: "reminder",
      text: "Nhắc nộp số liệu",
    });
  }
  await h.emu.waitFor(() => GROUPS.every((id) => (h.emu.counters()[id]?.rejected ?? 0) >= 1), { timeoutMs: 10_000 });
  h.clock.set("2026-11-20T17:05:00+07:00"); // past the working day: the reminders are no longer useful
  await worker?.drainOnce();
  const [summary] = await h.emu.waitForMessages(ADMIN_ID, 1);
  expect(summary?.text).toContain("3 tin không gửi được");
  expect(summary?.text).toContain("3 nhắc việc buổi sáng");
  h.emu.faults.clear();

  const replaced = GROUPS[0] ?? 0;
  await pushText(h.deps, {
    chatId: BigInt(replaced),
    dedupKey: "reminder:2026-11-21:chat:x",
    kind: "reminder",
    text: "Nhắc ngày mới",
  });
  await h.emu.waitForMessages(replaced, 1);

  h.emu.addUser({ id: 601, firstName: "Minh" });
  const refused = await h.emu.pressButton({
    chatId: ADMIN_ID,
    messageId: summary?.message_id ?? 0,
    fromId: 601,
    text: "🔁 Gửi lại tin còn hữu ích",
  });
  expect(refused.text).toContain("chỉ dành cho quản trị viên");
  expect(await h.db.prisma.outboxMessage.count({ where: { status: "failed" } })).toBe(3);

  const useful = await h.emu.pressButton({
    chatId: ADMIN_ID,
    messageId: summary?.message_id ?? 0,
    fromId: ADMIN_ID,
    text: "🔁 Gửi lại tin còn hữu ích",
  });
  expect(useful.text).toContain("Đã xếp 2 tin");
  for (const id of GROUPS.slice(1))
    expect((await h.emu.waitForMessages(id, 1)).map((m) => m.text)).toEqual(["Nhắc nộp số liệu"]);

  await h.emu.pressButton({
    chatId: ADMIN_ID,
    messageId: summary?.message_id ?? 0,
    fromId: ADMIN_ID,
    text: "Gửi lại tất cả…",
  });
  const [, ask] = await h.emu.waitForMessages(ADMIN_ID, 2);
  expect(ask?.text).toContain("tất cả 1 tin");
  const all = await h.emu.pressButton({
    chatId: ADMIN_ID,
    messageId: ask?.message_id ?? 0,
    fromId: ADMIN_ID,
    text: "✅ Gửi lại tất cả",
  });
  expect(all.text).toContain("Đã xếp 1 tin");
  expect((await h.emu.waitForMessages(replaced, 2)).map((m) => m.text)).toEqual(["Nhắc ngày mới", "Nhắc nộp số liệu"]);
  const again = await h.emu.pressButton({
    chatId: ADMIN_ID,
    messageId: ask?.message_id ?? 0,
    fromId: ADMIN_ID,
    text: "✅ Gửi lại tất cả",
  });
  expect(again.text).toContain("Không còn tin nào");
  expect(GROUPS.map((id) => h.emu.botMessages(id).length)).toEqual([2, 1, 1]);
});
