import { describe, expect, test } from "vitest";
import { parseIndexText } from "../../../src/directives/loadIndex.js";
import type { IndexInput } from "../../../src/domain/index/schema.js";
import { fixtureIndex } from "./fixtures.js";

/** The problems of an index file, as `path: message` the way the CLI prints them (without lines). */
function problemsOf(mutate: (i: IndexInput & Record<string, unknown>) => void): string[] {
  const input = fixtureIndex() as IndexInput & Record<string, unknown>;
  mutate(input);
  const parsed = parseIndexText(JSON.stringify(input), "json");
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
}
const component = (i: IndexInput, n: number) => {
  const c = i.components[n];
  if (!c) throw new Error(`no component ${n}`);
  return c as Record<string, unknown>;
};

describe("index file: accepted", () => {
  test("the fixture loads, its own ratios settled", () => {
    const parsed = parseIndexText(JSON.stringify(fixtureIndex()), "json");
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.index.indicators.map((i) => `${i.code}:${i.itemWord}`)).toContain("thu-steps:kết quả");
  });

  test("a rule may say what a month with no items earns; a 0-point component needs no target, rule or reason", () => {
    const input = fixtureIndex();
    const c = input.components[0];
    if (!c) throw new Error("no component");
    c.rule = { kind: "linear", noItems: "full" };
    input.components.push({
      code: "thu-theo-doi",
      name: "E",
      group: "so-hoa",
      maxPoints: 0,
      source: "t",
      indicator: "thu-all",
    });
    const parsed = parseIndexText(JSON.stringify(input), "json");
    expect(parsed.ok ? parsed.index.components[0]?.rule : parsed.problems).toEqual({ kind: "linear", noItems: "full" });
  });
});

describe("index file: refused with a message that says what to do", () => {
  test.each<[string, (i: IndexInput & Record<string, unknown>) => void, string[]]>([
    [
      "a typo in a field name",
      (i) => {
        component(i, 0).maxPoint = 12;
      },
      ['components[0].maxPoint: khóa không hợp lệ "maxPoint" (viết sai tên trường?)'],
    ],
    [
      "a month with no items that earns something else than full or zero",
      (i) => {
        component(i, 0).rule = { kind: "linear", noItems: "half" };
      },
      ['components[0].rule.noItems: noItems phải là "full" hoặc "zero"'],
    ],
    [
      "negative points",
      (i) => {
        component(i, 0).maxPoints = -1;
      },
      ["components[0].maxPoints: số điểm không được âm"],
    ],
    [
      "a 0-point (tracked) component with a target and a rule",
      (i) => {
        component(i, 3).maxPoints = 0;
        i.groups[1] = { code: "so-hoa", name: "Số hoá", maxPoints: 6 };
        i.totalMaxPoints = 26;
      },
      ["components[3].maxPoints: thành phần 0 điểm chỉ để theo dõi: không ghi chỉ tiêu (target) hay cách tính (rule)"],
    ],
    [
      "a missing source",
      (i) => {
        delete (i as Record<string, unknown>).source;
      },
      ["source: thiếu trường bắt buộc"],
    ],
    [
      "points with three decimals",
      (i) => {
        component(i, 0).maxPoints = 12.005;
      },
      ["components[0].maxPoints: số điểm tối đa hai chữ số thập phân"],
    ],
    [
      "a target above 100%",
      (i) => {
        component(i, 0).target = 120;
      },
      ["components[0].target: tỷ lệ không thể vượt 100%"],
    ],
    [
      "a group whose components do not add up",
      (i) => {
        component(i, 0).maxPoints = 11;
      },
      ['groups[0].maxPoints: nhóm "truc-tuyen" có tối đa 20 điểm nhưng các thành phần cộng lại 19 điểm'],
    ],
    [
      "groups that do not add up to the total",
      (i) => {
        i.totalMaxPoints = 100;
      },
      ["totalMaxPoints: tổng điểm tối đa 100 nhưng các nhóm cộng lại 30 điểm"],
    ],
    [
      "a component of an undeclared group",
      (i) => {
        component(i, 3).group = "hai-long";
      },
      [
        'components[3].group: nhóm "hai-long" chưa được khai báo trong groups',
        'groups[1].maxPoints: nhóm "so-hoa" có tối đa 10 điểm nhưng các thành phần cộng lại 6 điểm',
      ],
    ],
    [
      "a missing rule without its reason",
      (i) => {
        delete component(i, 3).rule;
      },
      [
        "components[3].unknown: thiếu cách tính (rule): nêu trong unknown vì sao (chưa tìm thấy văn bản nào ghi) — không tự đặt số",
      ],
    ],
    [
      "a floor at the target",
      (i) => {
        component(i, 1).rule = { kind: "linear", floor: 90 };
      },
      ["components[1].rule.floor: ngưỡng sàn (floor) phải nhỏ hơn chỉ tiêu (target)"],
    ],
    [
      "steps whose last is not the target",
      (i) => {
        component(i, 2).target = 90;
      },
      ["components[2].rule.steps: bậc cao nhất phải bắt đầu đúng ở chỉ tiêu (target)"],
    ],
    [
      "an unknown scoring rule",
      (i) => {
        component(i, 0).rule = { kind: "sqrt" };
      },
      ['components[0].rule.kind: cách tính (rule.kind) phải là "linear", "thresholds" hoặc "allOrNothing"'],
    ],
    [
      "an undeclared tier",
      (i) => {
        i.appliesTo = { tiers: ["huyen"] };
      },
      ['appliesTo.tiers[0]: cấp "huyen" chưa được khai báo trong tiers'],
    ],
    [
      "a duplicate component code",
      (i) => {
        component(i, 1).code = "thu-linear";
        component(i, 1).indicator = "thu-floor";
      },
      ['components[1].code: mã thành phần "thu-linear" bị trùng (đã dùng ở components[0])'],
    ],
    [
      "an indicator neither in the registry nor defined by the index",
      (i) => {
        component(i, 3).indicator = "khong-co";
      },
      [
        'components[3].indicator: chỉ tiêu "khong-co" chưa có trong danh mục chỉ tiêu: dùng một mã có sẵn trong danh mục hoặc định nghĩa nó trong indicators của bộ chỉ số (numerator, denominator, itemWord)',
      ],
    ],
    [
      "a registry code given another meaning",
      (i) => {
        i.indicators = [
          ...(i.indicators ?? []),
          { code: "hs-truc-tuyen", name: "Khác", numerator: "Số hồ sơ nộp qua bưu điện", denominator: "Tổng số hồ sơ" },
        ];
      },
      [
        'indicators[4]: chỉ tiêu "hs-truc-tuyen" ở văn bản này (tỷ lệ: tử số "Số hồ sơ nộp qua bưu điện", mẫu số "Tổng số hồ sơ") khác định nghĩa trong danh mục chỉ tiêu (tỷ lệ: tử số "Số hồ sơ TTHC tiếp nhận trực tuyến", mẫu số "Tổng số hồ sơ TTHC tiếp nhận"). Một mã chỉ có một nghĩa trong cả hệ thống: nếu đây là chỉ tiêu khác, đặt mã mới, ví dụ "hs-truc-tuyen-thu-chi"',
      ],
    ],
    [
      "a count indicator as a component",
      (i) => {
        component(i, 3).indicator = "du-lieu-mo-bo-hang-nam";
      },
      [
        'components[3].indicator: chỉ tiêu "du-lieu-mo-bo-hang-nam" là chỉ tiêu đếm (count); thành phần chấm điểm theo tỷ lệ % nên cần một chỉ tiêu tỷ lệ (ratio)',
      ],
    ],
    [
      "a band beyond the total, and two bands from the same points",
      (i) => {
        i.bands = {
          source: "practice",
          citation: "thử",
          bands: [
            { code: "a", name: "A", from: 31 },
            { code: "b", name: "B", from: 10 },
            { code: "c", name: "C", from: 10 },
          ],
        };
      },
      [
        'bands.bands[0].from: mức "A" bắt đầu từ 31 điểm, vượt tổng điểm tối đa',
        "bands.bands[2].from: hai mức xếp loại cùng bắt đầu từ 10 điểm",
      ],
    ],
    [
      "a note about a component that does not exist, and an end before the start",
      (i) => {
        i.notes = [{ text: "đổi", source: "CV 1", components: ["khong-co"] }];
        i.validTo = "31/12/2023";
      },
      [
        "validTo: ngày hết hiệu lực sớm hơn ngày bắt đầu hiệu lực",
        'notes[0].components[0]: thành phần "khong-co" không có trong components',
      ],
    ],
    [
      "known points that leave nothing for a component whose points are unknown",
      (i) => {
        component(i, 1).maxPoints = 20;
        component(i, 0).maxPoints = undefined;
        component(i, 0).unknown = "chưa tìm thấy";
        component(i, 1).rule = { kind: "linear" };
      },
      [
        'groups[0].maxPoints: nhóm "truc-tuyen": các thành phần đã biết điểm đã cộng đủ 20/20 điểm, nên thành phần chưa biết điểm không còn điểm nào',
      ],
    ],
    [
      "steps that go down",
      (i) => {
        component(i, 2).rule = {
          kind: "thresholds",
          steps: [
            { atLeast: 60, points: 4 },
            { atLeast: 40, points: 2 },
            { atLeast: 80, points: 6 },
          ],
        };
      },
      ["components[2].rule.steps[1]: các bậc phải tăng dần cả về tỷ lệ (atLeast) lẫn số điểm (points)"],
    ],
  ])("%s", (_what, mutate, expected) => {
    expect(problemsOf(mutate)).toEqual(expected);
  });

  test("the line of the problem is given when the text is YAML", () => {
    const parsed = parseIndexText("code: x\nname: y\nnumber: z\nissuer: w\nissuedOn: 32/01/2024\n", "yaml");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.find((p) => p.path === "issuedOn")?.line).toBe(5);
  });
});
