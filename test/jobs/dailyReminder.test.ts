import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorld, type World } from "./helpers.js";

// Province fixture: TN-X1, TN-X2 communes (xa), TN-STP a department; reporting day 25.
const X1 = -1001;
const X2 = -1002;
const STP = -1003;
const LEADERS = -2001;

let w: World;
beforeEach(async () => {
  w = await startWorld({ now: "2026-01-01T07:00:00+07:00" });
  await w.bind(X1, "unit", "TN-X1");
  await w.bind(X2, "unit", "TN-X2");
  await w.bind(STP, "unit", "TN-STP");
  await w.bind(LEADERS, "leaders", "TN");
});
afterEach(async () => w.stop());

async function mornings(days: string[]): Promise<void> {
  for (const d of days) await w.runAt("daily-reminder", `${d}T08:00`);
}

describe("daily reminder: working days only, by the holiday calendar", () => {
  it("skips Quốc khánh 01–02/09/2026 and the weekend; unit chats only, one message each working day", async () => {
    await mornings(["2026-08-31", "2026-09-01", "2026-09-02", "2026-09-03", "2026-09-04", "2026-09-05", "2026-09-06"]);
    for (const chat of [X1, X2, STP]) {
      const texts = w.texts(chat);
      expect(texts.map((t) => /Nhắc việc ngày (\S+)/.exec(t)?.[1])).toEqual(["31/08/2026", "03/09/2026", "04/09/2026"]);
    }
    expect(w.texts(LEADERS)).toEqual([]);
    const skipped = await w.db.prisma.reminderLog.count({ where: { day: { in: ["2026-09-01", "2026-09-02"] } } });
    expect(skipped).toBe(0);
  });

  it("honours the make-up Saturday 10/01/2026 and skips the swapped day off 02/01/2026", async () => {
    await mornings(["2026-01-02", "2026-01-05", "2026-01-09", "2026-01-10", "2026-01-11"]);
    expect(w.texts(X1).map((t) => /Nhắc việc ngày (\S+)/.exec(t)?.[1])).toEqual([
      "05/01/2026",
      "09/01/2026",
      "10/01/2026",
    ]);
  });

  it("says what is missing and how to reply", async () => {
    await mornings(["2026-11-18"]);
    const [text] = w.texts(X2);
    expect(text).toContain("Xã Nông Thượng");
    expect(text).toContain("Số liệu tháng 11/2026");
    expect(text).toContain("hồ sơ trực tuyến: chưa có số liệu tháng này; chưa từng báo cáo");
    expect(text).toContain("/nop 120 95");
    expect(text).toContain("/nop thanh-toan-truc-tuyen");
  });
});

describe("daily reminder: closing last month in the first days", () => {
  // 04/01 reads the same (closingPeriod, test/domain/month.test.ts); the fixture's targets end in 2026.
  it.each([["2026-12-04", "11/2026"]])(
    "on %s it asks to close %s, with the month in every example",
    async (day, month) => {
      await mornings([day]);
      const [text] = w.texts(X2);
      expect(text).toContain(`Chốt số liệu tháng ${month}`);
      expect(text).toContain(`chưa có số liệu tháng ${month}`);
      expect(text).toContain(`/nop 120 95 tháng ${month}`);
      expect(text).toContain(`/nop thanh-toan-truc-tuyen 120 95 tháng ${month}`);
      expect(text).not.toMatch(/Số liệu tháng \d/);
    },
  );

  it("from the eighth day on, the new month's figures are asked for", async () => {
    await mornings(["2026-12-08"]);
    const [text] = w.texts(X2);
    expect(text).toContain("Số liệu tháng 12/2026");
    expect(text).not.toContain("Chốt số liệu");
  });
});

describe("daily reminder: cadence", () => {
  it("a unit that reported this week is left alone until its report is 7 days old; the gap rides along", async () => {
    // Both indicators reported on Monday 16/11; 50/100 is short of the 60% in force for communes.
    await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 50, 100, "2026-11-16T10:00");
    await w.report("TN-X1", "thanh-toan-truc-tuyen", "2026-11", 60, 100, "2026-11-16T10:00");
    await mornings(["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23"]);
    const x1 = w.texts(X1);
    // 20/11 is three working days before the 25th: the countdown section is due, not the figures.
    expect(x1.map((t) => /Nhắc việc ngày (\S+)/.exec(t)?.[1])).toEqual(["20/11/2026", "23/11/2026"]);
    expect(x1[0]).not.toContain("Số liệu tháng");
    expect(x1[1]).toContain("cập nhật lần cuối 16/11/2026 (7 ngày trước) — 50% (50/100)");
    expect(x1[1]).toMatch(/Cần thêm 10 hồ sơ trực tuyến để đạt 60%/);
    expect(w.texts(X2)).toHaveLength(5);
  });

  it("a report of last month's figures in the last week spares the first days of the new month", async () => {
    await w.report("TN-X1", "hs-truc-tuyen", "2026-10", 90, 100, "2026-10-30T15:00");
    await w.report("TN-X1", "thanh-toan-truc-tuyen", "2026-10", 90, 100, "2026-10-30T15:00");
    await mornings(["2026-11-02", "2026-11-05", "2026-11-06"]);
    expect(w.texts(X1).map((t) => /Nhắc việc ngày (\S+)/.exec(t)?.[1])).toEqual(["06/11/2026"]);
    // 06/11 is still in the closing days (CLOSING_DAYS): October's report is 7 days old, so the unit is
    // asked for October's final figures, not told it has none for November.
    expect(w.texts(X1)[0]).toContain("Chốt số liệu tháng 10/2026");
    expect(w.texts(X1)[0]).toContain("hồ sơ trực tuyến: cập nhật lần cuối 30/10/2026");
  });
});

describe("one combined morning message", () => {
  it("figures and the reporting-day countdown arrive as one message; units with fresh figures get only what concerns them", async () => {
    await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 80, 100, "2026-11-19T09:00");
    await w.report("TN-X1", "thanh-toan-truc-tuyen", "2026-11", 60, 100, "2026-11-19T09:00");
    // 25/11/2026 is a Wednesday: D-3 is Sunday 22 → Friday 20; D-1 Tuesday 24; D Wednesday 25.
    await mornings(["2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25"]);
    const x2 = w.texts(X2);
    expect(x2).toHaveLength(4);
    expect(x2[0]).toContain("Số liệu tháng 11/2026");
    expect(x2[0]).toContain("Hạn báo cáo định kỳ");
    expect(x2[0]).toContain("hạn 25/11/2026 (còn 5 ngày)");
    expect(x2[1]).not.toContain("Hạn báo cáo");
    expect(x2[2]).toContain("còn 1 ngày");
    expect(x2[3]).toContain("hạn 25/11/2026 (hôm nay)");
    // X1 reported on 19/11, before the first countdown day (20/11): reminded of the report, not of figures.
    expect(w.texts(X1)).toHaveLength(3);
    expect(w.texts(X1).some((t) => t.includes("Số liệu tháng"))).toBe(false);
  });

  it("re-running the same fire time sends nothing twice", async () => {
    await mornings(["2026-11-20"]);
    const outbox = await w.db.prisma.outboxMessage.count();
    await w.runAt("daily-reminder", "2026-11-20T08:00");
    expect(await w.db.prisma.outboxMessage.count()).toBe(outbox);
    for (const chat of [X1, X2, STP]) expect(w.texts(chat)).toHaveLength(1);
    const keys = (await w.db.prisma.outboxMessage.findMany()).map((m) => m.dedupKey).sort();
    expect(keys).toEqual(
      [`reminder:2026-11-20:chat:${X1}`, `reminder:2026-11-20:chat:${X2}`, `reminder:2026-11-20:chat:${STP}`].sort(),
    );
  });
});
