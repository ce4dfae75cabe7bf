/**
 * Texts of the second deadline (docs/DOSSIERS.md "Hẹn lại và trễ hẹn lần 2"): a dossier
 * re-appointed by an issued apology letter and near or past that new date. Only codes,
 * procedures, dates and counts: no citizen's name leaves the unit (NĐ 13/2023).
 */
import { escapeHtml } from "../render/html.js";
import { formatNumber } from "../domain/format.js";
import { briefLine, type BriefLine } from "./dossiers.js";

const b = (s: string) => `<b>${escapeHtml(s)}</b>`;
const lines = (items: readonly BriefLine[]) => items.map((d, i) => briefLine(d, items.length > 1 ? i + 1 : undefined));
const n = (items: readonly unknown[]) => formatNumber(items.length);
const NO_SECOND = "Quy định chỉ cho hẹn lại <b>một lần</b>: không lập được văn bản xin lỗi thứ hai.";

function toldLine(told: { head: boolean; leaders: boolean }): string {
  const who = [told.head ? "thủ trưởng" : "", told.leaders ? "lãnh đạo" : ""].filter(Boolean).join(" và ");
  return who ? ` Bot đã báo ${who}.` : "";
}

export const secondDeadlineTexts = {
  soon: (unitName: string, items: readonly BriefLine[]) =>
    [
      `🟠 ${items.length === 1 ? "Hồ sơ" : `${n(items)} hồ sơ`} sắp đến <b>ngày hẹn lại</b> — ${b(unitName)}`,
      ...lines(items),
      "",
      `${NO_SECOND} Quá ngày hẹn lại là <b>trễ hẹn lần 2</b>, bot báo ngay thủ trưởng và lãnh đạo. ` +
        "Hãy trả kết quả đúng ngày hẹn lại, rồi bấm «Đã trả kết quả».",
    ].join("\n"),
  lateUnit: (unitName: string, items: readonly BriefLine[], told: { head: boolean; leaders: boolean }) =>
    [
      `🔴 <b>Trễ hẹn lần 2</b> — ${b(unitName)}: ${n(items)} hồ sơ đã quá ngày hẹn lại`,
      ...lines(items),
      "",
      `${NO_SECOND}${toldLine(told)} Lập <b>báo cáo giải trình</b> (nút bên dưới) và trả kết quả sớm nhất; ` +
        "đã trả thì bấm «Đã trả kết quả».",
    ].join("\n"),
  lateHead: (unitName: string, items: readonly BriefLine[]) =>
    [
      `🚨 ${b(unitName)}: ${n(items)} hồ sơ <b>trễ hẹn lần 2</b> (đã xin lỗi, hẹn lại một lần và vẫn quá ngày hẹn lại):`,
      ...items.map((d) => briefLine(d)),
      "Không được hẹn lại lần nữa. Đề nghị thủ trưởng chỉ đạo trả kết quả ngay và duyệt báo cáo giải trình.",
    ].join("\n"),
  lateLeaders: (groups: readonly { unitName: string; items: readonly BriefLine[] }[]) =>
    [
      `🚨 Hồ sơ <b>trễ hẹn lần 2</b>: đã xin lỗi và hẹn lại một lần, vẫn quá ngày hẹn lại (${formatNumber(groups.reduce((sum, g) => sum + g.items.length, 0))} hồ sơ):`,
      ...groups.flatMap((g) => [`\n${b(g.unitName)} — ${n(g.items)} hồ sơ`, ...g.items.map((d) => briefLine(d))]),
    ].join("\n"),
};
