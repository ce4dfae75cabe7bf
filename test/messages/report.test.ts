/**
 * The `/nop` texts as officers read them, whole: an inline snapshot shows a changed word, a lost
 * escape or a number in the wrong format in review, where a `toContain` would let it through.
 */
import { describe, expect, it } from "vitest";
import { common } from "../../src/messages/common.js";
import { reliabilityTexts } from "../../src/messages/reliability.js";
import type { Indicator } from "../../src/domain/directive/schema.js";
import type { Evaluation } from "../../src/domain/evaluation/index.js";
import { resultLine } from "../../src/messages/grammar.js";
import { reportTexts } from "../../src/messages/report.js";
import { uploadTexts } from "../../src/messages/upload.js";
import type { SavedSummary } from "../../src/messages/views.js";

describe("/nop texts", () => {
  it("saved, replacing earlier figures: the figures in the grammar's order, then the result line every path prints", () => {
    const indicator: Indicator = {
      code: "hs-truc-tuyen",
      name: "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến",
      shortName: "hồ sơ trực tuyến",
      kind: "ratio",
      numerator: "Số hồ sơ TTHC tiếp nhận trực tuyến",
      denominator: "Tổng số hồ sơ TTHC tiếp nhận",
      itemWord: "hồ sơ",
    } as Indicator;
    const evaluation: Evaluation = {
      status: "evaluated",
      kind: "ratio",
      indicatorCode: "hs-truc-tuyen",
      asOf: "2026-11-20",
      figures: { numerator: 950, denominator: 1200 },
      ratio: 950 / 1200,
      percentText: "79,2%",
      met: true,
      level: "xanh",
      levelAgainst: "inForce",
      inForce: {
        target: 0.6,
        targetText: "60%",
        comparison: "atLeast",
        deadline: "2026-06-30",
        deadlineText: "30/06/2026",
        deadlineSource: "30/06/2026",
        directiveId: "tn",
        directiveNumber: "01/CT-UBND",
      },
      next: null,
      lapsed: null,
      missing: null,
      missingFor: null,
      missingNext: null,
      missingUnreachable: false,
    } as Evaluation;
    const figure = { indicator, period: "2026-11", numerator: 950, denominator: 1200 };
    expect(
      reportTexts.saved("Phường <Đức> Xuân", figure, evaluation, { numerator: 1234, denominator: 2000 }),
    ).toMatchInlineSnapshot(`
      "✅ Đã ghi số liệu: tổng 1.200, hồ sơ trực tuyến 950.
      🟢 <b>Phường &lt;Đức&gt; Xuân</b>, tháng 11/2026 — Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 79,2% (950/1.200) — Đạt chỉ tiêu 60% (đến 30/06/2026). Mức: xanh.
      (Thay cho số liệu cũ: tổng 2.000, hồ sơ trực tuyến 1.234; lịch sử vẫn được lưu.)"
    `);
    // The upload's summary prints the very same result line.
    expect(
      uploadTexts.saved({
        saved: 1,
        replaced: 0,
        lines: [{ unit: { name: "Phường <Đức> Xuân" }, indicator, period: "2026-11", evaluation }],
      } as unknown as SavedSummary),
    ).toContain(resultLine("Phường <Đức> Xuân", "2026-11", evaluation, indicator));
  });

  it("a refused form: the parser's reason, escaped, then a correct example that is not what was refused", () => {
    expect(
      reportTexts.invalid('Không hiểu kỳ báo cáo "thang 13/2026" — viết như "tháng 10/2026".', "/nop 120 95"),
    ).toMatchInlineSnapshot(`
        "⚠️ Không hiểu kỳ báo cáo "thang 13/2026" — viết như "tháng 10/2026".
        Ví dụ đúng: <code>/nop 120 95</code> (tổng trước, rồi số trực tuyến). Gửi /nop để bot hỏi từng bước."
      `);
  });

  it("undone, to earlier figures and to none", () => {
    expect(reportTexts.undone({ numerator: 95, denominator: 1200 })).toMatchInlineSnapshot(
      `"↩️ Đã hoàn tác: số liệu trở lại 95/1.200."`,
    );
    expect(reportTexts.undone(null)).toMatchInlineSnapshot(`"↩️ Đã hoàn tác: số liệu vừa gửi đã được xoá."`);
  });

  it("a month not yet come", () => {
    expect(reportTexts.futurePeriod("2026-12")).toMatchInlineSnapshot(
      `"⚠️ Kỳ tháng 12/2026 chưa đến, chưa thể báo cáo. Bỏ phần tháng để báo cáo tháng hiện tại."`,
    );
  });
});

describe("reliability texts", () => {
  it("the apology for a crash and the notice of an abandoned update", () => {
    expect(common.internalError).toMatchInlineSnapshot(
      `"Xin lỗi, bot gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên."`,
    );
    expect(reliabilityTexts.abandoned("command")).toMatchInlineSnapshot(
      `"⚠️ Bot gặp sự cố khi xử lý lệnh bạn gửi và đã bỏ qua để không ảnh hưởng đến người khác. Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên."`,
    );
    expect(reliabilityTexts.abandoned("file")).toMatchInlineSnapshot(
      `"⚠️ Bot gặp sự cố khi xử lý tệp bạn gửi và đã bỏ qua để không ảnh hưởng đến người khác. Hãy kiểm tra tệp (ví dụ chép riêng bảng số liệu sang một sổ làm việc Excel mới, lưu .xlsx) rồi gửi lại; nếu vẫn lỗi, báo quản trị viên."`,
    );
  });
});
