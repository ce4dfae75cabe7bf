import { describe, expect, it } from "vitest";
import { matchUnitName, matchUnitNames, unitMatcher } from "../../src/ingest/unitMatch.js";

const UNITS = [
  { code: "P-LB", name: "Phường Long Bình" },
  { code: "X-LB", name: "Xã Long Bình" },
  { code: "P-1", name: "Phường 1" },
  { code: "P-2", name: "Phường 2" },
  { code: "X-HL", name: "Xã Hòa Long" },
  { code: "TT-PM", name: "Thị trấn Phú Mỹ" },
  { code: "PTP", name: "Phòng Tư pháp thành phố" },
  { code: "STP", name: "Sở Tư pháp" },
  { code: "PNV", name: "Phòng Nội vụ thành phố" },
  { code: "VP", name: "Văn phòng HĐND và UBND thành phố" },
  { code: "UBND", name: "UBND thành phố Bà Rịa" },
];

describe("matchUnitName", () => {
  it.each([
    ["Phường Long Bình", "P-LB"],
    ["PHƯỜNG LONG BÌNH", "P-LB"],
    ["phuong long binh", "P-LB"],
    ["UBND Phường Long Bình", "P-LB"],
    ["Ủy ban nhân dân xã Long Bình", "X-LB"],
    ["P. Long Bình", "P-LB"],
    ["UBND P.1", "P-1"],
    ["Phường 2", "P-2"],
    ["Hòa Long", "X-HL"],
    ["UBND Hoà Long", "X-HL"], // old-style "oà" diacritic placement
    ["TT Phú Mỹ", "TT-PM"],
    ["Phòng Tư pháp", "PTP"],
    ["Phòng Nội vụ TP", "PNV"],
    ["Văn phòng HĐND - UBND thành phố", "VP"],
    ["1. Xã Hòa Long", "X-HL"],
    ["UBND thành phố Bà Rịa", "UBND"],
  ])("%s → %s", (name, code) => {
    expect(matchUnitName(name, UNITS)?.code).toBe(code);
  });

  it.each([
    ["Long Bình", "ambiguous: a phường and a xã"],
    ["Tư pháp", "ambiguous: Phòng and Sở"],
    ["Thị trấn Long Bình", "type differs from both"],
    ["Phường Hòa Long", "Hòa Long is a xã"],
    ["1", "a bare number names nothing"],
    ["Phường 3", "no such unit"],
    ["UBND", "nothing left after the prefix"],
    ["Phòng Kinh tế", "absent"],
    ["Phòng Tư pháp huyện Châu Đức", "other suffix is not stripped"],
  ])("%s → null (%s)", (name) => {
    expect(matchUnitName(name, UNITS)).toBeNull();
  });

  it("lists unmatched names once", () => {
    const r = matchUnitNames(["UBND Phường Long Bình", "Phòng Kinh tế", "Phòng Kinh tế", "Long Bình"], UNITS);
    expect([...r.matches].map(([n, u]) => [n, u.code])).toEqual([["UBND Phường Long Bình", "P-LB"]]);
    expect(r.unmatched).toEqual(["Phòng Kinh tế", "Long Bình"]);
  });
});

describe("unitMatcher", () => {
  const NAMES = [
    "Phường Long Bình",
    "P. Long Bình",
    "Xã Long Bình",
    "Long Bình",
    "Phường 1",
    "1",
    "Phòng Tư pháp",
    "UBND thành phố Bà Rịa",
    "Phòng Kinh tế",
    "Văn phòng HĐND-UBND thành phố",
    "",
  ];

  it("gives the same answers as matchUnitName", () => {
    const match = unitMatcher(UNITS);
    for (const name of NAMES) expect(match(name)).toBe(matchUnitName(name, UNITS));
  });

  it("reads each unit's name once however many rows it matches", () => {
    let reads = 0;
    const units = UNITS.map((u) => ({
      code: u.code,
      get name() {
        reads += 1;
        return u.name;
      },
    }));
    const match = unitMatcher(units);
    const rows = Array.from({ length: 200 }, (_, i) => NAMES[i % NAMES.length] ?? "");
    const codes = rows.map((name) => match(name)?.code ?? null);
    expect(reads).toBe(UNITS.length);
    expect(codes).toEqual(rows.map((name) => matchUnitName(name, UNITS)?.code ?? null));
  });
});
