/**
 * A small index that uses every scoring rule, for the table tests: 30 points over two groups.
 * Not QĐ 766 (whose preset leaves some points unknown, directives/indices/qd-766-ttg-2022.yaml):
 * invented numbers here are test data, never a transcription.
 */
import type { IndexInput } from "../../../src/domain/index/schema.js";

export const fixtureIndex = (): IndexInput => ({
  code: "thu-chi-so",
  name: "Bộ chỉ số thử",
  number: "1/QĐ-THU",
  issuer: "UBND thử",
  issuedOn: "01/01/2024",
  source: "dữ liệu thử",
  totalMaxPoints: 30,
  tiers: [
    { code: "so-ban-nganh", name: "Sở" },
    { code: "xa", name: "Xã" },
  ],
  appliesTo: { tiers: ["xa"] },
  groups: [
    { code: "truc-tuyen", name: "Trực tuyến", maxPoints: 20 },
    { code: "so-hoa", name: "Số hoá", maxPoints: 10 },
  ],
  indicators: [
    { code: "thu-linear", name: "Tỷ lệ A", numerator: "A đạt", denominator: "A tổng", itemWord: "hồ sơ" },
    { code: "thu-floor", name: "Tỷ lệ B", numerator: "B đạt", denominator: "B tổng", itemWord: "hồ sơ" },
    { code: "thu-steps", name: "Tỷ lệ C", numerator: "C đạt", denominator: "C tổng", itemWord: "kết quả" },
    { code: "thu-all", name: "Tỷ lệ D", numerator: "D đạt", denominator: "D tổng", itemWord: "TTHC" },
  ],
  components: [
    {
      code: "thu-linear",
      name: "A",
      group: "truc-tuyen",
      maxPoints: 12,
      target: 80,
      rule: { kind: "linear" },
      gain: { verb: "thêm", items: "hồ sơ trực tuyến" },
      source: "thử",
    },
    {
      code: "thu-floor",
      name: "B",
      group: "truc-tuyen",
      maxPoints: 8,
      target: 90,
      rule: { kind: "linear", floor: 50 },
      source: "thử",
    },
    {
      code: "thu-steps",
      name: "C",
      group: "so-hoa",
      maxPoints: 6,
      target: 80,
      rule: {
        kind: "thresholds",
        steps: [
          { atLeast: 40, points: 2 },
          { atLeast: 60, points: 4 },
          { atLeast: 80, points: 6 },
        ],
      },
      gain: { verb: "số hoá", items: "kết quả" },
      source: "thử",
    },
    {
      code: "thu-all",
      name: "D",
      group: "so-hoa",
      maxPoints: 4,
      target: 100,
      rule: { kind: "allOrNothing" },
      source: "thử",
    },
  ],
  bands: {
    source: "practice",
    citation: "dữ liệu thử",
    bands: [
      { code: "tot", name: "Tốt", from: 24, level: "xanh" },
      { code: "kha", name: "Khá", from: 15, level: "vang" },
      { code: "yeu", name: "Yếu", from: 0, level: "do" },
    ],
  },
});
