/**
 * The five seed directives as presets (seeds 000–004): they load with zero problems, and their
 * counts and literal rows match the documents. Tables below are copied from the seeds by hand,
 * independently of the YAML, so a dropped or mistyped row fails here.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { loadPresets, type LoadedDirective } from "../../src/directives/loadDirective.js";
import type { Directive, Milestone } from "../../src/domain/directive/schema.js";

let presets: LoadedDirective[] = [];
let failures: Awaited<ReturnType<typeof loadPresets>>["failures"] = [];
beforeAll(async () => {
  ({ presets, failures } = await loadPresets("directives"));
});

function preset(id: string): LoadedDirective {
  const p = presets.find((x) => x.directive.id === id);
  if (!p) throw new Error(`preset ${id} not loaded`);
  return p;
}

function row(m: Milestone): string {
  const scope = [...m.scope.tiers, ...m.scope.groups, ...m.scope.units].join("+");
  return `${m.indicator} ${scope} ${m.deadline.date} ${m.comparison} ${m.target}`;
}

test("the five seed presets and the directives of today load with zero problems", () => {
  expect(failures).toEqual([]);
  expect(presets.map((p) => p.directive.id).sort()).toEqual([
    "ba-ria-qd-ubnd-2023",
    "bac-kan-kh-ubnd-2022",
    "bac-ninh-10-ct-ubnd-2023",
    "bac-ninh-144-kh-ubnd-2025",
    "long-an-ct-ubnd-2022",
    "qd-2629-ttg-2025",
    "tuyen-quang-ubnd-thcbks-2023",
  ]);
});

test.each([
  // id, tiers, groups, indicators, milestones, tasks
  ["bac-ninh-10-ct-ubnd-2023", 6, 0, 5, 36, 12],
  // Bà Rịa task 3: completion in 11/2023, its 10/11 registration, the Văn phòng's own part (2 reports)
  ["ba-ria-qd-ubnd-2023", 5, 0, 7, 7, 13],
  // Long An: tasks 4.1 b)–e), 4.5, 4.6 c), 4.7 b); tier doan-the for 4.5
  ["long-an-ct-ubnd-2022", 6, 0, 3, 3, 21],
  ["tuyen-quang-ubnd-thcbks-2023", 5, 0, 0, 0, 29],
  ["bac-kan-kh-ubnd-2022", 6, 5, 3, 15, 17],
])(
  "%s: %i tiers, %i groups, %i indicators, %i milestones, %i tasks",
  (id, tiers, groups, indicators, milestones, tasks) => {
    const d = preset(id).directive;
    expect([d.tiers.length, d.groups.length, d.indicators.length, d.milestones.length, d.tasks.length]).toEqual([
      tiers,
      groups,
      indicators,
      milestones,
      tasks,
    ]);
  },
);

describe("Bắc Ninh 10/CT-UBND (seed 000)", () => {
  // Phụ lục, every row in order: I (12), II.a (9), II.b (6), III (6), IV (3).
  const IV = "huyen+xa+BN-TTHCC";
  const appendix = [
    "hs-giai-quyet-truc-tuyen so-ban-nganh 2023-09-30 atLeast 70",
    "hs-giai-quyet-truc-tuyen so-ban-nganh 2023-12-31 atLeast 85",
    "hs-giai-quyet-truc-tuyen so-ban-nganh 2024-12-31 atLeast 90",
    "hs-giai-quyet-truc-tuyen so-ban-nganh 2025-12-31 atLeast 95",
    "hs-giai-quyet-truc-tuyen huyen 2023-09-30 atLeast 65",
    "hs-giai-quyet-truc-tuyen huyen 2023-12-31 atLeast 80",
    "hs-giai-quyet-truc-tuyen huyen 2024-12-31 atLeast 85",
    "hs-giai-quyet-truc-tuyen huyen 2025-12-31 atLeast 90",
    "hs-giai-quyet-truc-tuyen xa 2023-09-30 atLeast 60",
    "hs-giai-quyet-truc-tuyen xa 2023-12-31 atLeast 75",
    "hs-giai-quyet-truc-tuyen xa 2024-12-31 atLeast 80",
    "hs-giai-quyet-truc-tuyen xa 2025-12-31 atLeast 85",
    "so-hoa-ket-qua so-ban-nganh 2023-12-31 atLeast 70",
    "so-hoa-ket-qua so-ban-nganh 2024-12-31 atLeast 90",
    "so-hoa-ket-qua so-ban-nganh 2025-12-31 reach 100",
    "so-hoa-ket-qua huyen 2023-12-31 atLeast 60",
    "so-hoa-ket-qua huyen 2024-12-31 atLeast 80",
    "so-hoa-ket-qua huyen 2025-12-31 reach 100",
    "so-hoa-ket-qua xa 2023-12-31 atLeast 55",
    "so-hoa-ket-qua xa 2024-12-31 atLeast 75",
    "so-hoa-ket-qua xa 2025-12-31 reach 100",
    "so-hoa-thanh-phan so-ban-nganh 2023-09-30 reach 100",
    "so-hoa-thanh-phan huyen 2023-12-31 atLeast 80",
    "so-hoa-thanh-phan huyen 2024-12-31 reach 100",
    "so-hoa-thanh-phan xa 2023-12-31 atLeast 60",
    "so-hoa-thanh-phan xa 2024-12-31 atLeast 90",
    "so-hoa-thanh-phan xa 2025-12-31 reach 100",
    "chung-thuc-dien-tu huyen 2023-12-31 atLeast 50",
    "chung-thuc-dien-tu huyen 2024-12-31 atLeast 70",
    "chung-thuc-dien-tu huyen 2025-12-31 atLeast 90",
    "chung-thuc-dien-tu xa 2023-12-31 atLeast 40",
    "chung-thuc-dien-tu xa 2024-12-31 atLeast 60",
    "chung-thuc-dien-tu xa 2025-12-31 atLeast 90",
    `thanh-toan-truc-tuyen ${IV} 2023-12-31 atLeast 85`,
    `thanh-toan-truc-tuyen ${IV} 2024-12-31 atLeast 95`,
    `thanh-toan-truc-tuyen ${IV} 2025-12-31 atLeast 98`,
  ];

  test("every appendix row, in order", () => {
    expect(preset("bac-ninh-10-ct-ubnd-2023").directive.milestones.map(row)).toEqual(appendix);
  });

  test.each([
    ["so-ban-nganh", 70],
    ["huyen", 65],
    ["xa", 60],
  ])("hs-giai-quyet-truc-tuyen %s by 30/09/2023: tối thiểu %i%%", (tier, target) => {
    const m = preset("bac-ninh-10-ct-ubnd-2023").directive.milestones.find(
      (x) =>
        x.indicator === "hs-giai-quyet-truc-tuyen" && x.scope.tiers.includes(tier) && x.deadline.date === "2023-09-30",
    );
    expect(m).toMatchObject({ target, comparison: "atLeast", deadline: { text: "30/09/2023", precision: "day" } });
  });

  test("unit list: 8 district-level units, communes under their district", () => {
    const units = preset("bac-ninh-10-ct-ubnd-2023").units?.units ?? [];
    expect(units.filter((u) => u.tier === "huyen")).toHaveLength(8);
    const districts = new Set(units.filter((u) => u.tier === "huyen").map((u) => u.code));
    for (const u of units.filter((x) => x.tier === "xa")) expect(districts.has(u.parent ?? "")).toBe(true);
  });
});

describe("Bắc Kạn Kế hoạch 08/2022 (seed 004)", () => {
  const d = (): Directive => preset("bac-kan-kh-ubnd-2022").directive;

  test("Phụ lục I: every group × indicator cell, deadline 31/12/2022", () => {
    const cells = Object.fromEntries(d().milestones.map((m) => [`${m.scope.groups[0]} ${m.indicator}`, m.target]));
    expect(cells).toEqual({
      "pcm-nhom-1 dvc-toan-trinh": 100,
      "pcm-nhom-1 dvc-phat-sinh-hs": 70,
      "pcm-nhom-1 hs-truc-tuyen": 30,
      "pcm-nhom-2 dvc-toan-trinh": 100,
      "pcm-nhom-2 dvc-phat-sinh-hs": 60,
      "pcm-nhom-2 hs-truc-tuyen": 20,
      "pcm-nhom-3 dvc-toan-trinh": 100,
      "pcm-nhom-3 dvc-phat-sinh-hs": 60,
      "pcm-nhom-3 hs-truc-tuyen": 10,
      "xa-nhom-1 dvc-toan-trinh": 100,
      "xa-nhom-1 dvc-phat-sinh-hs": 50,
      "xa-nhom-1 hs-truc-tuyen": 13,
      "xa-nhom-2 dvc-toan-trinh": 100,
      "xa-nhom-2 dvc-phat-sinh-hs": 50,
      "xa-nhom-2 hs-truc-tuyen": 7,
    });
    expect(new Set(d().milestones.map((m) => m.deadline.date))).toEqual(new Set(["2022-12-31"]));
  });

  test("groups name every unit of the appendix: 5 + 3 + 3 departments, 4 + 4 communes", () => {
    expect(d().groups.map((g) => [g.code, g.units.length])).toEqual([
      ["pcm-nhom-1", 5],
      ["pcm-nhom-2", 3],
      ["pcm-nhom-3", 3],
      ["xa-nhom-1", 4],
      ["xa-nhom-2", 4],
    ]);
    const names = preset("bac-kan-kh-ubnd-2022")
      .units?.units.filter((u) => d().groups[4]?.units.includes(u.code))
      .map((u) => u.name);
    expect(names).toEqual([
      "UBND phường Xuất Hóa",
      "UBND phường Huyền Tụng",
      "UBND xã Dương Quang",
      "UBND xã Nông Thượng",
    ]);
  });

  test("Phụ lục II: all 15 rows (II.7 split in three), deadlines as written", () => {
    const byCode = Object.fromEntries(d().tasks.map((t) => [t.code, t.deadline]));
    expect(Object.keys(byCode)).toEqual([
      "BK-I.1",
      "BK-I.2",
      "BK-II.1",
      "BK-II.2",
      "BK-II.3",
      "BK-II.4",
      "BK-II.5",
      "BK-II.6",
      "BK-II.7a",
      "BK-II.7b",
      "BK-II.7c",
      "BK-II.8",
      "BK-II.9",
      "BK-II.10",
      "BK-II.11",
      "BK-III.1",
      "BK-III.2",
    ]);
    expect(byCode["BK-I.1"]).toMatchObject({ kind: "month", month: "2022-09" });
    expect(byCode["BK-I.2"]).toMatchObject({ kind: "recurring", rule: "yearly" });
    expect(byCode["BK-II.2"]).toMatchObject({ kind: "monthRange", from: "2022-09", to: "2022-10" });
    expect(byCode["BK-II.3"]).toMatchObject({ kind: "monthRange", from: "2022-09", to: "2022-11" });
    expect(byCode["BK-II.6"]).toMatchObject({ kind: "yearRange", from: 2021, to: 2025 });
    // "Từ 01/6/2023 …": a duty from that day on, not a deadline ticked once
    expect(byCode["BK-II.7b"]).toMatchObject({ kind: "from", date: "2023-06-01" });
    expect(byCode["BK-III.2"]).toMatchObject({ kind: "yearRange", from: 2022, to: 2022 });
  });

  test("worked example 3 keeps the seed's 96,7% and records the correct rounding", () => {
    const ind = d().indicators.find((i) => i.code === "hs-truc-tuyen");
    expect(ind?.formula).toContain("96,7%");
    expect(ind?.formula).toContain("96,8%");
  });
});

describe("Bà Rịa, Long An, Tuyên Quang", () => {
  test("Bà Rịa: targets by tháng 11/2023 and the dated tasks", () => {
    const d = preset("ba-ria-qd-ubnd-2023").directive;
    expect(d.milestones.map(row)).toEqual([
      "hs-truc-tuyen-tu-xa phong-chuyen-mon+xa 2023-11-30 atLeast 50",
      "hs-truc-tuyen phong-chuyen-mon+xa 2023-11-30 aspiration 100",
      "dvc-cung-cap-truc-tuyen phong-chuyen-mon+xa 2023-11-30 atLeast 80",
      "thanh-toan-giao-dich phong-chuyen-mon+xa 2023-11-30 atLeast 30",
      "thanh-toan-tthc-nvtc phong-chuyen-mon+xa 2023-11-30 atLeast 60",
      "thanh-toan-tthc-phat-sinh phong-chuyen-mon+xa 2023-11-30 atLeast 50",
      "thanh-toan-hs-phat-sinh phong-chuyen-mon+xa 2023-11-30 atLeast 30",
    ]);
    const dated = d.tasks
      .filter((t) => t.deadline.kind !== "recurring")
      .map((t) => [t.code, t.deadline.kind === "date" ? t.deadline.date : t.deadline.kind]);
    // Task 3 completes "trong tháng 11/2023"; its registration before 10/11 is a sub-step; the
    // Văn phòng reports its part in the November and December reports.
    expect(dated).toEqual([
      ["BR-3", "month"],
      ["BR-3-dang-ky", "2023-11-09"],
      ["BR-3-vp", "month"],
      ["BR-3-vp-t12", "month"],
      ["BR-7", "2023-11-14"],
      ["BR-8", "month"],
    ]);
    expect(d.tasks.every((t) => t.supervisor !== undefined)).toBe(true);
  });

  test("Long An: 2022 targets, peak week, reporting day 25, digitisation start per tier", () => {
    const d = preset("long-an-ct-ubnd-2022").directive;
    expect(d.milestones.map(row)).toEqual([
      "dvc-phat-sinh-hs so-ban-nganh+huyen+xa 2022-12-31 atLeast 80",
      "hs-giai-quyet-truc-tuyen so-ban-nganh+huyen+xa 2022-12-31 moreThan 50",
      "hs-truc-tuyen-tich-hop so-ban-nganh+huyen+xa 2022-12-31 reach 100",
    ]);
    expect(d.peakWeek?.from).toBe("2022-06");
    expect(d.reporting).toMatchObject({ cadence: "monthly", day: 25 });
    // Long An names the four levels but sets no bands: dondoc's default, said as such.
    expect(d.levels).toBeUndefined();
    expect(d.reporting?.owedBy?.tiers).not.toContain("xa");
    const start = Object.fromEntries(
      d.tasks
        .filter((t) => t.code.startsWith("LA-1d-"))
        .map((t) => [t.code, t.deadline.kind === "from" ? t.deadline.date : ""]),
    );
    expect(start).toEqual({
      "LA-1d-tinh": "2022-06-01",
      "LA-1d-huyen": "2022-12-01",
      "LA-1d-xa": "2023-06-01",
      "LA-1d-thiet-yeu": "2022-07-01",
    });
  });

  test("Tuyên Quang: hard dates", () => {
    const d = preset("tuyen-quang-ubnd-thcbks-2023").directive;
    const dated = Object.fromEntries(
      d.tasks.flatMap((t) =>
        t.deadline.kind === "date" || t.deadline.kind === "from"
          ? [[t.code, `${t.deadline.kind} ${t.deadline.date}`] as const]
          : [],
      ),
    );
    expect(dated).toEqual({
      "TQ-1.5": "date 2023-12-09",
      "TQ-2.4": "date 2024-06-30",
      "TQ-4": "from 2023-12-01",
      "TQ-5.1": "date 2023-12-19",
      "TQ-5.2": "date 2024-06-30",
      "TQ-8.3": "from 2023-12-01",
    });
    expect(d.reporting?.cadence).toBe("quarterly");
  });
});

describe("shared vocabulary", () => {
  test("unit codes are ASCII, prefixed by province, unique across all lists; one root each", () => {
    const prefixes: Record<string, string> = {
      "bac-ninh-10-ct-ubnd-2023": "BN-",
      "ba-ria-qd-ubnd-2023": "BR-",
      "long-an-ct-ubnd-2022": "LA-",
      "tuyen-quang-ubnd-thcbks-2023": "TQ-",
      "bac-kan-kh-ubnd-2022": "BK-",
      "bac-ninh-144-kh-ubnd-2025": "BN25-",
    };
    const all: string[] = [];
    for (const p of presets) {
      // A national document binds every unit of a deployment and brings no unit list of its own.
      if (p.directive.national) {
        expect(p.directive.unitsFile).toBeUndefined();
        continue;
      }
      expect(p.directive.unitsFile).toMatch(/^units\/[a-z0-9-]+\.yaml$/);
      const units = p.units?.units ?? [];
      for (const u of units) {
        expect(u.code).toMatch(/^[A-Z0-9.-]+$/);
        expect(u.code.startsWith(prefixes[p.directive.id] ?? "?")).toBe(true);
      }
      const roots = units.filter((u) => u.parent === null);
      const cityLevel = p.directive.id.startsWith("ba-ria") || p.directive.id.startsWith("bac-kan");
      expect(roots.map((r) => r.tier)).toEqual([cityLevel ? "thanh-pho" : "tinh"]);
      all.push(...units.map((u) => u.code));
    }
    expect(new Set(all).size).toBe(all.length);
  });

  test("the default indicator is the binding online-dossier ratio, one per preset", () => {
    const defaults = Object.fromEntries(
      presets.map((p) => [p.directive.id, p.directive.indicators.filter((i) => i.default).map((i) => i.code)]),
    );
    expect(defaults).toEqual({
      "bac-ninh-10-ct-ubnd-2023": ["hs-giai-quyet-truc-tuyen"],
      // Bà Rịa binds "Tối thiểu 50%" on remote-online dossiers; plain online is only "Phấn đấu 100%".
      "ba-ria-qd-ubnd-2023": ["hs-truc-tuyen-tu-xa"],
      "long-an-ct-ubnd-2022": ["hs-giai-quyet-truc-tuyen"],
      "tuyen-quang-ubnd-thcbks-2023": [],
      "bac-kan-kh-ubnd-2022": ["hs-truc-tuyen"],
      "bac-ninh-144-kh-ubnd-2025": ["hs-truc-tuyen-toan-trinh"],
      // The only ratio the decision gives to sở and xã themselves ("cấp bộ, tỉnh, cấp xã").
      "qd-2629-ttg-2025": ["hscv-dien-tu-ky-so"],
    });
  });
});
