/** Who may decide on drafts (docs/DOSSIERS.md "Ai được duyệt"): named approvers, never the drafter. */
import { describe, expect, it } from "vitest";
import { approverName, decisionRight, type Approver } from "../../src/domain/approvers.js";

const head: Approver = {
  telegramId: 1n,
  role: "head",
  name: "Nguyễn Văn Hùng",
  telegramName: "Hùng",
  source: "registration",
};
const deputy: Approver = { telegramId: 2n, role: "deputy", name: null, telegramName: "Quang", source: "designated" };
const unnamed: Approver = { telegramId: 3n, role: "deputy", name: null, telegramName: null, source: "registration" };

describe("decisionRight", () => {
  it.each([
    ["the head, drafted by someone else", 1n, [9n], { ok: true, approver: head }],
    ["a deputy, drafted by someone else", 2n, [9n], { ok: true, approver: deputy }],
    ["the deputy who drafted it", 2n, [2n], { ok: false, reason: "drafter", others: [head, unnamed] }],
    [
      "the deputy who drafted one of two drafts",
      2n,
      [9n, 2n],
      { ok: false, reason: "drafter", others: [head, unnamed] },
    ],
    [
      "a chat member who is no approver",
      9n,
      [8n],
      { ok: false, reason: "not-approver", others: [head, unnamed, deputy] },
    ],
    [
      "a non-approver who drafted it: others exclude no approver",
      9n,
      [9n],
      { ok: false, reason: "not-approver", others: [head, unnamed, deputy] },
    ],
  ])("%s", (_label, user, drafters, expected) => {
    expect(decisionRight([unnamed, deputy, head], user, drafters)).toEqual(expected);
  });

  it("names: official, else Telegram, else the id", () => {
    expect([head, deputy, unnamed].map(approverName)).toEqual(["Nguyễn Văn Hùng", "Quang", "id 3"]);
  });
});
