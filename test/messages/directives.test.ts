/** How a directive is described (src/messages/directives.ts): bands, validity, dates, the dry run. */
import { describe, expect, it } from "vitest";
import { planDirective } from "../../src/domain/directive/dryRun.js";
import type { DirectiveInput } from "../../src/domain/directive/schema.js";
import { parseDirective } from "../../src/domain/registry.js";
import { htmlStyle } from "../../src/messages/admin.js";
import {
  bandsText,
  commitmentLines,
  datesText,
  planLines,
  plainStyle,
  validityText,
} from "../../src/messages/directives.js";

const ind = {
  code: "hs-truc-tuyen",
  name: "Tỷ lệ hồ sơ trực tuyến",
  numerator: "Số hồ sơ trực tuyến",
  denominator: "Tổng số hồ sơ",
};
const directive = (over: Partial<DirectiveInput> = {}) =>
  parseDirective({
    id: "p-01",
    number: "01/CT-UBND",
    kind: "chi-thi",
    issuer: "UBND tỉnh P",
    issuingUnit: "P",
    issuedOn: "01/06/2023",
    title: "Thử nghiệm <đặc biệt>",
    tiers: [{ code: "xa", name: "UBND cấp xã" }],
    indicators: [ind],
    milestones: [
      {
        indicator: "hs-truc-tuyen",
        scope: { tiers: ["xa"] },
        deadline: "30/09/2023",
        target: 70,
        comparison: "atLeast",
      },
    ],
    ...over,
  });

describe("colour bands say whose they are", () => {
  it("absent: dondoc's default, which the directive did not set", () => {
    expect(bandsText(directive())).toBe(
      "Mức màu: ngưỡng mặc định của dondoc (vàng ≤ 10, cam ≤ 20 điểm % dưới chỉ tiêu) — văn bản không quy định",
    );
  });
  it("set by the directive, with a decimal comma", () => {
    expect(bandsText(directive({ levels: { vang: 7.5, cam: 15 } }))).toBe(
      "Mức màu theo văn bản: vàng ≤ 7,5, cam ≤ 15 điểm % dưới chỉ tiêu",
    );
  });
});

describe("dates and validity", () => {
  it.each([
    ["not-yet", { kind: "open" }, "chưa có hiệu lực (từ 01/07/2023)"],
    ["in-force", { kind: "open" }, "đang có hiệu lực"],
    ["ended", { kind: "until", date: "2024-12-31" }, "đã hết hiệu lực (ngày cuối 31/12/2024)"],
    ["ended", { kind: "replaced", date: null, by: "02/CT-UBND" }, "đã hết hiệu lực"],
  ] as const)("%s %j → %s", (status, end, text) => {
    expect(validityText(status, "2023-07-01", end)).toBe(text);
  });

  it("issue, effect, end or replacement", () => {
    const d = directive();
    expect(datesText(d, "2023-07-01", { kind: "until", date: "2024-12-31" }, plainStyle)).toBe(
      "Ban hành 01/06/2023 · hiệu lực từ 01/07/2023 · đến 31/12/2024",
    );
    expect(datesText(d, "2023-06-01", { kind: "replaced", date: "2023-12-31", by: "02/CT-UBND" }, plainStyle)).toBe(
      "Ban hành 01/06/2023 · hiệu lực từ 01/06/2023 · bị thay thế bởi 02/CT-UBND (hiệu lực đến 31/12/2023)",
    );
  });

  it("commitments with their words and deadline", () => {
    const d = directive({ commitments: [{ text: "Thuộc nhóm 4 dẫn đầu", deadline: "tháng 12/2025" }] });
    expect(commitmentLines(d.commitments, plainStyle)).toEqual([
      "Cam kết không đo bằng số liệu (1):",
      "  – Thuộc nhóm 4 dẫn đầu (hạn tháng 12/2025)",
    ]);
    expect(commitmentLines([], plainStyle)).toEqual([]);
  });
});

describe("the dry run", () => {
  const units = [
    { code: "P", name: "Tỉnh P", tier: "tinh", parentCode: null },
    { code: "P-X1", name: "Xã Một", tier: "xa", parentCode: "P" },
  ];

  it("a reload: what changes, reminders, commitments, unknown units", () => {
    const loaded = { directive: directive(), active: false };
    const d = directive({
      milestones: [
        {
          indicator: "hs-truc-tuyen",
          scope: { tiers: ["xa"] },
          deadline: "30/09/2023",
          target: 75,
          comparison: "atLeast",
        },
      ],
      tasks: [
        { code: "nv1", title: "Rà soát", lead: { units: ["P-X9"] }, deadline: { kind: "date", date: "31/08/2023" } },
      ],
      reporting: { cadence: "monthly", day: 25 },
      commitments: [{ text: "Dẫn đầu" }],
    });
    const lines = planLines(
      planDirective({ units, directive: d, loaded, others: [], today: "2023-08-01" }),
      plainStyle,
    );
    expect(lines).toEqual([
      "Xem trước: 01/CT-UBND — Thử nghiệm <đặc biệt>",
      "UBND tỉnh P (mã p-01)",
      "Ban hành 01/06/2023 · hiệu lực từ 01/06/2023",
      "Hôm nay 01/08/2023: đang có hiệu lực",
      "Thay bản đã nạp (đang tạm dừng): áp dụng sẽ cho văn bản chạy lại.",
      "Ràng buộc 1 đơn vị: 1 UBND cấp xã.",
      "Mốc chỉ tiêu: 1 (thêm 0, bỏ 0, đổi 1).",
      "  ~ hs-truc-tuyen · xa · 30/09/2023: tối thiểu 70% → tối thiểu 75%",
      "Nhiệm vụ: 1 (thêm nv1).",
      "Nhắc việc sẽ bật: ngày báo cáo 25 hằng tháng; hạn 1 nhiệm vụ (nv1 31/08/2023).",
      "Cam kết không đo bằng số liệu: 1.",
      "⚠️ 1 mã đơn vị chưa có trong danh sách: P-X9.",
    ]);
  });

  it("HTML escapes the directive's words", () => {
    const lines = planLines(
      planDirective({ units, directive: directive(), loaded: null, others: [], today: "2023-08-01" }),
      htmlStyle,
    );
    expect(lines[0]).toBe("<b>Xem trước: 01/CT-UBND — Thử nghiệm &lt;đặc biệt&gt;</b>");
    expect(lines).toContain("Văn bản mới (chưa nạp lần nào).");
    expect(lines).toContain("Mốc chỉ tiêu: 1.");
  });
});
