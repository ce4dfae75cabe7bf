/**
 * The `/nop` texts as officers read them, whole: an inline snapshot shows a changed word, a lost
 * escape or a number in the wrong format in review, where a `toContain` would let it through.
 */
import { describe, expect, it } from "vitest";
import { common } from "../../src/messages/common.js";
import { reliabilityTexts } from "../../src/messages/reliability.js";
import { reportTexts } from "../../src/messages/report.js";

describe("/nop texts", () => {
  it("saved, replacing earlier figures (thousands with dots, the unit's name escaped)", () => {
    expect(
      reportTexts.saved(
        "Phường <Đức> Xuân",
        "2026-11",
        ["Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 79,2% (950/1.200) — Đạt chỉ tiêu 60% (đến 30/06/2026). Mức: xanh."],
        { numerator: 1234, denominator: 2000 },
      ),
    ).toMatchInlineSnapshot(`
      "✅ Đã ghi số liệu tháng 11/2026 của <b>Phường &lt;Đức&gt; Xuân</b>.
      Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 79,2% (950/1.200) — Đạt chỉ tiêu 60% (đến 30/06/2026). Mức: xanh.
      (Thay cho số liệu cũ 1.234/2.000; lịch sử vẫn được lưu.)"
    `);
  });

  it("a refused form: the parser's reason, escaped, then a correct example", () => {
    expect(
      reportTexts.invalid(
        "Số hồ sơ trực tuyến (130) không được lớn hơn tổng số hồ sơ (120). Gửi: /nop <tổng số> <số trực tuyến>.",
      ),
    ).toMatchInlineSnapshot(`
      "⚠️ Số hồ sơ trực tuyến (130) không được lớn hơn tổng số hồ sơ (120). Gửi: /nop &lt;tổng số&gt; &lt;số trực tuyến&gt;.
      Ví dụ đúng: <code>/nop 120 95</code> (tổng số hồ sơ, số hồ sơ trực tuyến). Gửi /nop để xem hướng dẫn."
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
