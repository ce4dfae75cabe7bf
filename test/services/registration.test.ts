/**
 * The registration use-cases (src/services/registration/) without Telegram: a decision is
 * claimed once however many administrators press at once, and an approval binds the chat
 * exactly as the tests' own bindChat does (one binding path for production and tests).
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, getChat, touchChat } from "../../src/db/repos/chats.js";
import { createLogger } from "../../src/logger.js";
import { createCatalogHolder } from "../../src/services/catalogHolder.js";
import type { AppDeps } from "../../src/services/context.js";
import { installText } from "../../src/services/directives/install.js";
import { registrationUseCases, type RegistrationUseCases } from "../../src/services/registration/index.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

const ADMIN = 9001n;
const GROUP = -100300n;
const OFFICER = 601n;
let db: TestDb;
let uc: RegistrationUseCases;

beforeEach(async () => {
  db = await createTestDb();
  for (const f of ["test/fixtures/province.units.yaml", "test/fixtures/province.directive.yaml"]) {
    const r = await installText(db.prisma, readFileSync(f, "utf8"), "yaml");
    if (!r.ok) throw new Error(`fixture ${f}`);
  }
  const deps: AppDeps = {
    prisma: db.prisma,
    catalog: await createCatalogHolder(db.prisma),
    clock: { now: () => new Date("2026-11-20T02:00:00Z") },
    logger: createLogger("silent"),
    adminIds: [ADMIN],
    kickDelivery: () => undefined,
  };
  uc = registrationUseCases(deps);
});
afterEach(async () => db.cleanup());

const request = (kind: "unit" | "leaders" | "head" = "unit", code = "tn-x2") =>
  uc.request({
    chat: { id: GROUP, title: "Xã Nông Thượng", record: null },
    code,
    kind,
    requester: { id: OFFICER, displayName: "Minh (id 601)" },
    adminButtons: () => ({ inline_keyboard: [] }),
  });
const decide = (registrationId: number, approved: boolean, by = ADMIN) =>
  uc.decide({ registrationId, approved, by, memberName: async () => "Minh" });
const pendingId = async () => (await db.prisma.registration.findFirstOrThrow({ where: { status: "pending" } })).id;

describe("registration use-cases", () => {
  it("a request is stored once and sent to every administrator; a second one while it waits is refused", async () => {
    expect(await request()).toMatchObject({ ok: true, unit: { code: "TN-X2" } });
    expect(await request("leaders", "TN")).toEqual({ ok: false, reason: "pending-exists" });
    expect(await db.prisma.registration.count()).toBe(1);
    expect(await db.prisma.outboxMessage.findMany({ select: { chatId: true, kind: true } })).toEqual([
      { chatId: ADMIN, kind: "registration-request" },
    ]);
  });

  it("two administrators deciding at once: one decides, the other is told it is decided; the chat is bound once", async () => {
    await request();
    const id = await pendingId();
    const outcomes = await Promise.all([decide(id, true), decide(id, false, 9002n)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, reason: "already-decided" }]);
    const approved = outcomes[0]?.ok === true;
    expect(await db.prisma.registration.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: approved ? "approved" : "rejected",
    });
    expect(await db.prisma.outboxMessage.count({ where: { kind: "registration-result" } })).toBe(1);
  });

  it("an approval binds the chat exactly as bindChat does for tests, even a chat with no tracking row yet", async () => {
    await request("head", "TN-X1");
    expect(await decide(await pendingId(), true)).toMatchObject({ ok: true, kind: "head", unit: { code: "TN-X1" } });
    const viaApproval = await getChat(db.prisma, GROUP);
    expect(viaApproval).toMatchObject({ type: "group", kind: "head", unitCode: "TN-X1", active: true });
    const OTHER = -100301n;
    await bindChat(db.prisma, OTHER, "head", "TN-X1");
    expect({ ...(await getChat(db.prisma, OTHER)), chatId: GROUP }).toEqual(viaApproval);
    // And a tracked chat keeps its title and type: only the binding changes.
    await touchChat(db.prisma, { chatId: OTHER, type: "supergroup", title: "Thủ trưởng" });
    await bindChat(db.prisma, OTHER, "unit", "TN-X2");
    expect(await getChat(db.prisma, OTHER)).toMatchObject({
      type: "supergroup",
      title: "Thủ trưởng",
      kind: "unit",
      unitCode: "TN-X2",
      active: true,
    });
  });

  it("a refusal binds nothing; a request that is gone is not found", async () => {
    await request();
    expect(await decide(await pendingId(), false)).toMatchObject({ ok: true });
    expect(await getChat(db.prisma, GROUP)).toBeNull();
    expect(await decide(12345, true)).toEqual({ ok: false, reason: "not-found" });
  });
});
