/**
 * Vietnamese wording of evaluation results — the one place it lives (STYLE.md habit 4), so
 * the bot, the CLI and the digests say the same thing in the same words.
 */
import type { Comparison } from "../directive/schema.js";
import type { Level } from "./types.js";

export const LEVEL_NAMES: Record<Level, string> = { xanh: "xanh", vang: "vàng", cam: "cam", do: "đỏ" };

/** "70%", "trên 50%", "mức phấn đấu 80%" — the target as the directive states it. */
export function targetPhrase(targetText: string, comparison: Comparison): string {
  switch (comparison) {
    case "moreThan":
      return `trên ${targetText}`;
    case "aspiration":
      return `mức phấn đấu ${targetText}`;
    default:
      return targetText;
  }
}

export const messages = {
  figures: (percent: string, numerator: string, denominator: string) => `${percent} (${numerator}/${denominator})`,
  met: (target: string, deadline: string) => `Đạt chỉ tiêu ${target} (đến ${deadline})`,
  notMet: (target: string, deadline: string) => `Chưa đạt chỉ tiêu ${target} (đến ${deadline})`,
  aspirationReached: (target: string, deadline: string) => `Đạt ${target} (đến ${deadline})`,
  aspirationNotReached: (target: string, deadline: string) => `Chưa đạt ${target} (đến ${deadline})`,
  notYetDue: (target: string, deadline: string) => `Chưa đến hạn; chỉ tiêu gần nhất ${target} (đến ${deadline})`,
  noMilestone: "chưa có chỉ tiêu nào áp dụng cho đơn vị",
  lapsed: (target: string, deadline: string, directive: string) =>
    `hiện không có chỉ tiêu nào đang áp dụng (chỉ tiêu ${target} đến ${deadline} của ${directive} đã hết kỳ)`,
  lapsedLine: (target: string, deadline: string, directive: string) =>
    `Hiện không có chỉ tiêu nào đang áp dụng; chỉ tiêu ${target} (đến ${deadline}) của ${directive} đã hết kỳ.`,
  count: (count: string, itemWord: string) => `${count} ${itemWord}`,
  level: (level: Level) => `Mức: ${LEVEL_NAMES[level]}.`,
  headline: (indicator: string, body: string) => `${indicator}: ${body}.`,
  notReported: (indicator: string) => `${indicator}: chưa báo cáo.`,
  noData: (indicator: string, itemWord: string) =>
    `${indicator}: chưa phát sinh ${itemWord} (mẫu số bằng 0) — chưa tính tỷ lệ.`,
  currentTarget: (target: string, deadline: string) => `Chỉ tiêu hiện hành: ${target} (đến ${deadline}).`,
  nextTarget: (target: string, deadline: string) => `Chỉ tiêu tiếp theo: ${target} (đến ${deadline}).`,
  missingInForce: (count: string, items: string, target: string, deadline: string) =>
    `Cần thêm ${count} ${items} để đạt ${target} (hạn ${deadline}).`,
  missingNext: (count: string, items: string, target: string, deadline: string) =>
    `Cần thêm ${count} ${items} để đạt ${target} trước ${deadline}.`,
  alreadyMeetsNext: (target: string, deadline: string) => `Đã đạt sớm chỉ tiêu tiếp theo ${target} (đến ${deadline}).`,
  unreachable: (target: string, denominator: string, itemWord: string) =>
    `Chỉ tiêu ${target} không thể đạt được với ${denominator} ${itemWord} hiện có.`,
} as const;
