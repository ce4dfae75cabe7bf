/**
 * `/chiso` end to end through the emulator: component figures reported with `/nop` in unit chats,
 * then the unit's score and gains, and the leaders' ranking. Every expected number is worked out
 * by hand below from the fixture index's rules (test/fixtures/province.index.yaml), not read
 * back from the implementation:
 *   hs-tt      50 points, linear up to 80%            → 50 × ratio ÷ 80%, at most 50
 *   so-hoa-kq  30 points, steps 50% → 15, 100% → 30
 *   tt-tt      20 points, all or nothing at 50%
 *   bands: Tốt from 80, Khá from 50, Yếu from 0 — given only when every component has figures.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { writeFigures } from "../../src/db/repos/figures.js";
import { bindGroup, FILES_WITH_INDEX } from "./indexWorld.js";

const STP = -100501;
const X1 = -100502;
const LEADERS = -100599;
const OFFICER = 801;
const LEADER = 802;
let h: Harness;

/** The province's chats bound, on the given files (the fixture index, or the QĐ 766 preset). */
async function startWorld(files: readonly string[]): Promise<Harness> {
  const w = await startHarness({ now: "2026-11-20T09:00:00+07:00", files: [...files] });
  w.emu.addUser({ id: OFFICER, firstName: "Hoa" });
  w.emu.addUser({ id: LEADER, firstName: "Phó Chủ tịch" });
  for (const [id, title] of [
    [STP, "Sở Tư pháp"],
    [X1, "Phường Đức Xuân"],
    [LEADERS, "Lãnh đạo tỉnh"],
  ] as const)
    w.emu.addChat({ id, type: "supergroup", title });
  await bindGroup(w.db.prisma, STP, "unit", "TN-STP");
  await bindGroup(w.db.prisma, X1, "unit", "TN-X1");
  await bindGroup(w.db.prisma, LEADERS, "leaders", "TN");
  return w;
}

beforeEach(async () => {
  h = await startWorld(FILES_WITH_INDEX);
});
afterEach(async () => h?.stop());

async function say(text: string, chatId: number, fromId: number): Promise<string> {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  return (await h.emu.waitForMessages(chatId, before + 1)).at(-1)?.text ?? "";
}

describe("/chiso", () => {
  it("a unit's score, groups, missing component, gains and change since last month; then complete, with its band", async () => {
    // Last month (10/2026): 40/100 online → 50 × 40/80 = 25; 10/40 digitised = 25% → below 50%: 0. Total 25.
    await writeFigures(
      h.db.prisma,
      [
        { unitCode: "TN-STP", indicatorCode: "hs-truc-tuyen", period: "2026-10", numerator: 40, denominator: 100 },
        { unitCode: "TN-STP", indicatorCode: "so-hoa-ket-qua", period: "2026-10", numerator: 10, denominator: 40 },
      ],
      { byUser: null, chatId: null, source: "test", at: h.clock.now() },
    );
    // This month: 60/100 online → 50 × 60/80 = 37,5; 25/40 = 62,5% → the 50% step: 15. Payments missing.
    expect(await say("/nop hs-truc-tuyen 100 60", STP, OFFICER)).toContain("Sở Tư pháp");
    expect(await say("/nop so-hoa-ket-qua 40 25", STP, OFFICER)).toContain("Sở Tư pháp");
    const text = await say("/chiso", STP, OFFICER);
    // 37,5 + 15 = 52,5 out of the 50 + 30 points that have figures; no band while payments are missing.
    expect(text).toContain("Điểm: 52,5/80 điểm trên các thành phần đã có số liệu (tối đa 100)");
    expect(text).toContain("Xếp loại khi mọi thành phần đã có số liệu và được chấm.");
    expect(text).not.toContain("Xếp loại: ");
    // 52,5 − 25 = +27,5.
    expect(text).toContain("▲ +27,5 điểm so với tháng 10/2026 (25 điểm)");
    // Groups: 37,5/50 = 75% → 4 of 5 cells; 15/30 → 3 of 5 (2,5 rounds up); 0/20 → none.
    expect(text).toContain("▰▰▰▰▱ 37,5/50 Dịch vụ công trực tuyến");
    expect(text).toContain("▰▰▰▱▱ 15/30 Số hoá hồ sơ");
    expect(text).toContain("▱▱▱▱▱ 0/20 Thanh toán trực tuyến");
    expect(text).toContain("Chưa có số liệu (1)");
    expect(text).toContain("/nop thanh-toan-truc-tuyen 120 95");
    // Gains: digitising 15 more results (25 → 40 of 40 = 100%) lifts 15 → 30: +15, 1 point a result;
    // 20 more online files (60 → 80 of 100 = 80%) lift 37,5 → 50: +12,5, 0,625 a file. Cheapest first.
    const gains = text.slice(text.indexOf("Tăng điểm nhiều nhất:"));
    expect(gains).toContain("1. số hoá 15 kết quả → +15 điểm");
    expect(gains).toContain("2. thêm 20 hồ sơ trực tuyến → +12,5 điểm");

    // Payments 6/10 = 60% ≥ 50% → 20. Total 72,5/100: from 50, below 80 → Khá.
    await say("/nop thanh-toan-truc-tuyen 10 6", STP, OFFICER);
    const complete = await say("/chiso", STP, OFFICER);
    expect(complete).toContain("Điểm: 72,5/100 điểm · Xếp loại: Khá");
    expect(complete).not.toContain("Chưa có số liệu");
    expect(complete).toContain("▰▰▰▰▰ 20/20 Thanh toán trực tuyến");
  });

  it("in the leaders' chat: units lowest first with their best gain, and who reported nothing", async () => {
    await say("/nop hs-truc-tuyen 100 60", STP, OFFICER);
    await say("/nop so-hoa-ket-qua 40 25", STP, OFFICER);
    await say("/nop thanh-toan-truc-tuyen 10 6", STP, OFFICER);
    // Đức Xuân: 20/100 online → 50 × 20/80 = 12,5 of the 50 it has figures for (25%), below
    // Sở Tư pháp's 72,5 of 100. Its gain: 60 more files to 80% → 50 − 12,5 = +37,5.
    await say("/nop hs-truc-tuyen 100 20", X1, OFFICER);
    // Last month Sở Tư pháp reported only its online files, 40/100: 50 × 40/80 = 25. The change is
    // taken on that one component, 37,5 now against 25 → ▲12,5 (not its whole 72,5 against 25).
    await writeFigures(
      h.db.prisma,
      [{ unitCode: "TN-STP", indicatorCode: "hs-truc-tuyen", period: "2026-10", numerator: 40, denominator: 100 }],
      { byUser: null, chatId: null, source: "test", at: h.clock.now() },
    );
    const text = await say("/chiso", LEADERS, LEADER);
    expect(text).toContain("2. Sở Tư pháp — 72,5/100 (Khá) ▲12,5");
    const x1 = text.indexOf("1. Phường Đức Xuân — 12,5/50, thiếu 2 thành phần");
    const stp = text.indexOf("2. Sở Tư pháp — 72,5/100 (Khá)");
    expect(x1).toBeGreaterThan(0);
    expect(stp).toBeGreaterThan(x1);
    expect(text).toContain("↑ thêm 60 hồ sơ trực tuyến → +37,5 điểm");
    // The index applies to departments and communes, not to the district (UBND huyện Đông Anh).
    expect(text).toContain("Chưa báo cáo thành phần nào (3): Xã Nông Thượng, Xã Dương Quang, Sở Y tế");
    expect(text).not.toContain("Đông Anh");
  });

  it("the help of a unit chat and of the leaders' chat names /chiso where an index is loaded", async () => {
    expect(await say("/help", STP, OFFICER)).toContain("/chiso — điểm chỉ số phục vụ và cách tăng điểm");
    expect(await say("/help", LEADERS, LEADER)).toContain("/chiso — điểm chỉ số phục vụ, thấp nhất trước");
  });

  it("a unit the index does not apply to is told so", async () => {
    const H1 = -100503;
    h.emu.addChat({ id: H1, type: "supergroup", title: "Đông Anh" });
    await bindGroup(h.db.prisma, H1, "unit", "TN-H1");
    expect(await say("/chiso", H1, OFFICER)).toContain("không áp dụng cho UBND huyện Đông Anh");
  });
});

describe("/chiso without an index", () => {
  it("answers in one line that no index is loaded and what to do", async () => {
    await h.stop();
    h = await startHarness({ now: "2026-11-20T09:00:00+07:00" });
    h.emu.addChat({ id: STP, type: "supergroup", title: "Sở Tư pháp" });
    h.emu.addUser({ id: OFFICER, firstName: "Hoa" });
    await bindGroup(h.db.prisma, STP, "unit", "TN-STP");
    const text = await say("/chiso", STP, OFFICER);
    expect(text.split("\n")).toHaveLength(1);
    expect(text).toContain("Chưa nạp bộ chỉ số nào");
    expect(await say("/help", STP, OFFICER)).not.toContain("/chiso");
  });
});

/**
 * The QĐ 766 preset as shipped (directives/indices/qd-766-ttg-2022.yaml). By hand from the file:
 * 13 components are scored (points, target and rule from a text or from the portal's confirmed
 * practice), 8 are not ("chưa chấm được"), 5.1 is tracked at 0 points. The commune reports
 *   5.4  81/100: full at 90%, 6 points → 6 × 81/90 = 5,4; 9 more reach 90/100 → +0,6
 *   2.1  90/100: linear to 100%, 20 points → 18; 10 more → +2 (0,2 a dossier: the best gain)
 *   5.2  0/0: no petitions → the full 6
 * so 5,4 + 18 + 6 = 29,4 of 6 + 20 + 6 = 32, with 10 scored components unreported. Sở Tư pháp
 * reports 5.4 95/100 ≥ 90% → 6/6.
 */
describe("/chiso with the QĐ 766 preset", () => {
  const PRESET_FILES = [
    "test/fixtures/province.units.yaml",
    "test/fixtures/province.directive.yaml",
    "directives/indices/qd-766-ttg-2022.yaml",
  ];

  it("scores the components the preset can score, says how many cannot be, and names the gain", async () => {
    await h.stop();
    h = await startWorld(PRESET_FILES);
    await say("/nop ct766-5.4 100 81", X1, OFFICER);
    await say("/nop ct766-2.1 100 90", X1, OFFICER);
    await say("/nop ct766-5.2 0 0", X1, OFFICER);
    const text = await say("/chiso", X1, OFFICER);
    if (process.env.SHOW_CHISO) console.log(text);
    expect(text).toContain("📈 Chỉ số 766/QĐ-TTg — tháng 11/2026 — Phường Đức Xuân");
    expect(text).toContain("Điểm: 29,4/32 điểm trên các thành phần đã có số liệu (tối đa 100)");
    expect(text).toContain("8 thành phần chưa chấm được: chưa rõ điểm tối đa, chỉ tiêu hoặc cách tính.");
    expect(text).toContain("Chưa có số liệu (10)");
    expect(text).toContain("1. giải quyết đúng hạn 10 hồ sơ → +2 điểm");
    expect(text).toContain("2. thêm 9 hồ sơ hài lòng (đúng hạn, không bị phản ánh) → +0,6 điểm");
    // Every group now has a scorable component, so each is drawn, the unreported ones empty; the
    // "Chưa chấm được: …" line (groups with nothing scorable) no longer appears.
    expect(text).toContain("▰▰▰▰▰ 18/20 Tiến độ, kết quả giải quyết");
    expect(text).toContain("▰▰▰▱▱ 11,4/18 Mức độ hài lòng");
    expect(text).toContain("▱▱▱▱▱ 0/18 Công khai, minh bạch");
    expect(text).not.toContain("Chưa chấm được:");
    // Most points first, five with their command: 3.6, 4.1, 5.3 (6 points), 4.2 (4), then 1.3, the
    // first of the 2-point ones in the file's order; the other five are counted and sent to /mau.
    expect(text).toContain("• TTHC công khai đầy đủ: /nop ct766-1.3 120 95");
    expect(text).not.toContain("/nop ct766-4.3 120 95");
    expect(text).toContain("… và 5 thành phần khác: gửi cả bảng theo mẫu /mau.");

    await say("/nop ct766-5.4 100 95", STP, OFFICER);
    const leaders = await say("/chiso", LEADERS, LEADER);
    if (process.env.SHOW_CHISO) console.log(leaders);
    // Lowest first by the share of what each could earn: 29,4/32 = 91,9% before 6/6 = 100%.
    expect(leaders.indexOf("1. Phường Đức Xuân — 29,4/32, thiếu 10 thành phần")).toBeGreaterThan(0);
    expect(leaders.indexOf("2. Sở Tư pháp — 6/6")).toBeGreaterThan(leaders.indexOf("1. Phường Đức Xuân"));
    expect(leaders).toContain("↑ giải quyết đúng hạn 10 hồ sơ → +2 điểm");
  });
});
