/**
 * Seeded update generators for the fuzz run: a deterministic PRNG (mulberry32) so a failing
 * seed replays the same updates. Strings mix what officials type (Vietnamese, numbers in
 * Vietnamese notation, dates, unit/task/dossier codes) with what breaks parsers (HTML, long
 * runs, emoji sequences, RTL, zero-width and combining characters, control characters).
 */

import { rng } from "../../scripts/bench-dataset.js";

export type Rng = () => number;

/** The bench dataset's seeded PRNG (mulberry32), so one generator serves both. */
export const mulberry32: (seed: number) => Rng = rng;

export const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export function pick<T>(r: Rng, xs: readonly T[]): T {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new Error("pick from an empty list");
  return x;
}

/** A marker no reply may ever carry as markup: user text must come back escaped. */
export const MARK = "ƒz";
export const HTML_PIECES = [
  `<b>${MARK}</b>`,
  `<fz>${MARK}</fz>`,
  `<script>${MARK}</script>`,
  `<a href="tg://${MARK}">x</a>`,
  `<i>${MARK}`,
  "</b>",
  "<",
  ">",
  "&",
  "&amp;",
  "&lt;b&gt;",
  "&#60;",
  `<img src=x onerror=${MARK}>`,
  `"'><b>${MARK}`,
];
/** What a reply may contain only if user text was put in it unescaped. */
export const INJECTED = /<b>ƒz|<fz|<script|<a href="tg:\/\/ƒz|<i>ƒz|<img/;

const WORDS = [
  "báo cáo",
  "hồ sơ",
  "Phường Đức Xuân",
  "duc xuan",
  "lanhdao",
  "thutruong",
  "xong",
  "tháng 10/2026",
  "đã rà soát",
  "UBND",
  "Xã Nông Thượng",
  "thanh-toan-truc-tuyen",
  "hs-truc-tuyen",
  "ok",
  "hủy",
  "Có",
  "không",
];
const CODES = [
  "TN-X1",
  "TN-X2",
  "TN-H1",
  "TN",
  "TN-STP",
  "T-1",
  "T-TX",
  "t-1",
  "H15.50.05.13-261120-0001",
  "X-1",
  "KHONG-CO",
  "tn-x1",
];
const NUMBERS = [
  "0",
  "1",
  "-1",
  "120",
  "95",
  "1.234",
  "1,5",
  "79,2%",
  "99999999999999999999",
  "2147483648",
  "1e3",
  "NaN",
  "0x10",
  "١٢٣",
  "１２０",
  "3.14",
];
const DATES = [
  "25/11/2026",
  "31/11/2026",
  "01/12/2026",
  "29/02/2027",
  "2026-12-01",
  "1/1",
  "00/00/0000",
  "thang 10/2026",
];
const UNICODE = [
  "👨‍👩‍👧‍👦",
  "🇻🇳",
  "مرحبا",
  "\u202Eabc",
  "\u200B",
  "\u200D",
  "e\u0301\u0301\u0301",
  "漢字",
  "ㅤ",
  "\t",
  "\u0007",
  "\uFEFF",
  "Ǆ",
  "ﬀ",
  "İ",
  "\\",
  "`",
  "*_~",
  "\r\n",
];

export function fuzzWord(r: Rng): string {
  switch (int(r, 0, 7)) {
    case 0:
      return pick(r, WORDS);
    case 1:
      return pick(r, CODES);
    case 2:
      return pick(r, NUMBERS);
    case 3:
      return pick(r, DATES);
    case 4:
      return pick(r, UNICODE);
    case 5:
      return pick(r, HTML_PIECES);
    case 6:
      return String.fromCodePoint(
        ...Array.from({ length: int(r, 1, 12) }, () => int(r, 0x20, 0x2fff)).filter((c) => c < 0xd800 || c > 0xdfff),
      );
    default:
      return pick(r, WORDS).repeat(int(r, 1, 3));
  }
}

/** 0–12 words; one time in thirty a long run up to Telegram's 4096 characters. */
export function fuzzText(r: Rng): string {
  if (r() < 1 / 30)
    return fuzzWord(r)
      .repeat(int(r, 50, 2000))
      .slice(0, 4096);
  return Array.from({ length: int(r, 0, 12) }, () => fuzzWord(r))
    .join(r() < 0.8 ? " " : "")
    .slice(0, 4096);
}

export const COMMANDS = [
  "start",
  "help",
  "id",
  "nop",
  "tinhtrang",
  "nhap",
  "mau",
  "bieudo",
  "nhiemvu",
  "xong",
  "nhaphoso",
  "quahan",
  "hoso",
  "dsquahan",
  "chithi",
  "donvi",
  "dangky",
  "capquyen",
  "thuquyen",
];

export function fuzzCommand(r: Rng): string {
  const name = r() < 0.9 ? pick(r, COMMANDS) : fuzzWord(r).replace(/\s/g, "").slice(0, 20) || "x";
  const at = r() < 0.1 ? pick(r, ["@dondoc_test_bot", "@other_bot", "@"]) : "";
  const args = r() < 0.8 ? ` ${fuzzText(r)}` : "";
  return `/${name}${at}${args}`.slice(0, 4096);
}

const CALLBACK_PREFIXES = [
  "undo:",
  "task:",
  "dx:a:",
  "dx:g:",
  "dx:r:",
  "dx:s:",
  "dx:rc:",
  "dx:rk:",
  "tk:c:",
  "tk:e:",
  "hs:",
  "cal:d:",
  "cal:m:",
  "dx:ok:",
  "dx:no:",
  "up:ok:",
  "up:no:",
  "uu:",
  "reg:ok:",
  "reg:no:",
  "dv:p:",
  "dp:ok:",
  "",
  "x:",
  ":",
];

/** Callback data a modified client could send: known families with odd ids, or garbage (≤ 64 bytes). */
export function fuzzCallbackData(r: Rng): string {
  const id = r() < 0.5 ? String(int(r, 0, 50)) : pick(r, NUMBERS);
  const data = `${pick(r, CALLBACK_PREFIXES)}${r() < 0.8 ? id : fuzzWord(r)}`;
  return (Buffer.byteLength(data) > 64 ? data.slice(0, 20) : data) || "x";
}

const CSV_HEADER = "STT,Đơn vị tiếp nhận,Mã hồ sơ,Trạng thái,Ngày nhận,Ngày hẹn trả";

/** A file: random bytes, or a table/YAML with fuzzed cells, under a fuzzed or plausible name. */
export function fuzzFile(r: Rng): { fileName: string; bytes: Buffer; mimeType?: string } {
  const ext = pick(r, ["xlsx", "csv", "yaml", "yml", "json", "pdf", "docx", "txt", "", "exe"]);
  const stem = r() < 0.7 ? "bao-cao" : fuzzWord(r).replace(/[/\\]/g, "_").slice(0, 40) || "f";
  let bytes: Buffer;
  switch (int(r, 0, 3)) {
    case 0:
      bytes = Buffer.from(Array.from({ length: int(r, 0, 2048) }, () => int(r, 0, 255)));
      break;
    case 1:
      bytes = Buffer.from(
        [
          CSV_HEADER,
          ...Array.from({ length: int(r, 0, 8) }, (_, i) =>
            [
              i + 1,
              pick(r, ["UBND Phường Đức Xuân", fuzzWord(r)]),
              pick(r, CODES),
              pick(r, ["Đang xử lý", fuzzWord(r)]),
              pick(r, DATES),
              pick(r, DATES),
            ]
              .map((c) => `"${String(c).replace(/"/g, '""')}"`)
              .join(","),
          ),
        ].join("\r\n"),
      );
      break;
    case 2:
      bytes = Buffer.from(
        `kind: ${pick(r, ["units", "directive", fuzzWord(r)])}\nid: ${fuzzWord(r)}\nunits:\n  - code: ${pick(r, CODES)}\n    name: ${fuzzWord(r)}\n`,
      );
      break;
    default:
      bytes = Buffer.from(`PK\u0003\u0004${fuzzText(r)}`);
  }
  return { fileName: ext ? `${stem}.${ext}` : stem, bytes };
}
