/** Directives and a world for the `/chithi` and directive-file tests (units: test/fixtures/province.units.yaml). */
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { installText } from "../../src/services/directives/install.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";

export const UNIT_CHAT = -100777;
export const STRANGER = 611;

/** A province directive: communes and departments, a task, a commitment, a reporting day, no colour bands. */
export const PROVINCE = `
id: tn-chi-thi-01
number: 01/CT-UBND
kind: chi-thi
issuer: UBND tỉnh Thử Nghiệm
issuingUnit: TN
issuedOn: 01/01/2026
title: Chỉ tiêu dịch vụ công trực tuyến năm 2026
tiers:
  - { code: so-ban-nganh, name: "Các sở, ban, ngành" }
  - { code: xa, name: UBND cấp xã }
indicators:
  - { code: hs-truc-tuyen, name: Tỷ lệ hồ sơ trực tuyến, shortName: hồ sơ trực tuyến, default: true }
milestones:
  - { indicator: hs-truc-tuyen, scope: { tiers: [xa], label: "UBND xã, phường" }, deadline: 31/12/2026, target: 80, comparison: atLeast }
  - { indicator: hs-truc-tuyen, scope: { tiers: [so-ban-nganh] }, deadline: 31/12/2026, target: 90, comparison: atLeast }
tasks:
  - { code: nv-1, title: Rà soát quy trình, lead: { tiers: [xa] }, deadline: { kind: date, date: 15/12/2026 } }
commitments:
  - { text: "Thuộc nhóm 10 tỉnh dẫn đầu về chuyển đổi số" }
reporting: { cadence: monthly, day: 25 }
`;

/** A district plan for one group of wards, with its own colour bands. */
export const DISTRICT = `
id: dong-anh-kh-2026
number: 12/KH-UBND
kind: ke-hoach
issuer: UBND huyện Đông Anh
issuingUnit: TN-H1
issuedOn: 01/03/2026
title: Kế hoạch số hoá hồ sơ
tiers:
  - { code: xa, name: UBND cấp xã }
groups:
  - { code: nhom-1, tier: xa, name: "Nhóm 1 (phường)", units: [TN-X1] }
indicators:
  - { code: hs-truc-tuyen, name: Tỷ lệ hồ sơ trực tuyến }
milestones:
  - { indicator: hs-truc-tuyen, scope: { groups: [nhom-1] }, deadline: 30/09/2026, target: 85, comparison: atLeast }
levels: { vang: 5, cam: 15 }
`;

/** A directive that ended before the harness's today (20/11/2026). */
export const ENDED = `
id: tn-chi-thi-cu
number: 05/CT-UBND
kind: chi-thi
issuer: UBND tỉnh Thử Nghiệm
issuingUnit: TN
issuedOn: 01/01/2025
effectiveUntil: 31/12/2025
title: Chỉ tiêu năm 2025
tiers:
  - { code: xa, name: UBND cấp xã }
indicators:
  - { code: hs-truc-tuyen, name: Tỷ lệ hồ sơ trực tuyến }
milestones:
  - { indicator: hs-truc-tuyen, scope: { tiers: [xa] }, deadline: 31/12/2025, target: 70, comparison: atLeast }
`;

export async function install(h: Harness, ...texts: string[]): Promise<void> {
  for (const text of texts) {
    const r = await installText(h.db.prisma, text, "yaml");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  }
  await h.deps.catalog.reload();
}

export async function startDirectivesWorld(): Promise<Harness> {
  const h = await startHarness({ now: "2026-11-20T09:00:00+07:00", files: ["test/fixtures/province.units.yaml"] });
  h.emu.addUser({ id: STRANGER, firstName: "Người lạ" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
  h.emu.addChat({ id: STRANGER, type: "private", firstName: "Người lạ" });
  h.emu.addChat({ id: UNIT_CHAT, type: "supergroup", title: "Phường Đức Xuân" });
  await touchChat(h.db.prisma, { chatId: BigInt(UNIT_CHAT), type: "supergroup", title: "Phường Đức Xuân" });
  await bindChat(h.db.prisma, BigInt(UNIT_CHAT), "unit", "TN-X1");
  return h;
}

/** The bot's replies to one message: waits for at least one. */
export async function say(h: Harness, chatId: number, fromId: number, text: string) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  await h.emu.waitForMessages(chatId, before + 1);
  // A split reply arrives in parts: every part is out once the bot is idle.
  await h.idle();
  return h.emu.botMessages(chatId).slice(before);
}

export async function sendYaml(h: Harness, text: string, fromId = ADMIN_ID, fileName = "chi-thi.yaml") {
  const before = h.emu.botMessages(fromId).length;
  h.emu.injectDocument({ chatId: fromId, fromId, fileName, bytes: Buffer.from(text, "utf8") });
  const sent = await h.emu.waitForMessages(fromId, before + 1);
  return sent.at(-1);
}

export const buttonTexts = (m: { reply_markup?: { inline_keyboard: { text: string }[][] } } | undefined) =>
  (m?.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);

/** Waits until the message reads `part` (an edit arrives after the press is answered). */
export async function editedTo(h: Harness, chatId: number, messageId: number, part: string) {
  return h.emu.waitFor(
    () => {
      const m = h.emu.message(chatId, messageId);
      return m?.text?.includes(part) ? m : undefined;
    },
    { timeoutMs: 5000, label: `message ${messageId} reads «${part}»` },
  );
}

/** What a refusal must leave as it was. */
export async function state(h: Harness) {
  const p = h.db.prisma;
  return {
    directives: await p.directive.findMany({
      select: { slug: true, active: true, body: true },
      orderBy: { slug: "asc" },
    }),
    pending: await p.pendingUpload.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
    figures: await p.figure.count(),
    catalog: h.deps.catalog.get().directives.map((d) => d.id),
  };
}
