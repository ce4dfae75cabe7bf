/**
 * Two provinces under one root (a unit list has exactly one), their chats and people, for the Mini App's server tests: the database and the
 * use-cases as the app builds them, Telegram's membership answers as a set.
 */
import { bindChat } from "../../src/db/repos/chats.js";
import { createLogger } from "../../src/logger.js";
import { createCatalogHolder } from "../../src/services/catalogHolder.js";
import type { AppDeps } from "../../src/services/context.js";
import { installText } from "../../src/services/directives/install.js";
import { createAppServices } from "../../src/services/useCases.js";
import type { ChatMembers } from "../../src/webapp/membership.js";
import { createTestDb } from "../helpers/db.js";
import { TestClock } from "../helpers/harness.js";

export const TOKEN = "123456789:TEST-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
export const NOW = new Date("2026-11-20T09:00:00+07:00");

const UNITS = `name: Hai tỉnh (kiểm thử Mini App)
units:
  - { code: VN, name: Cả nước, tier: quoc-gia, parent: null }
  - { code: PA, name: UBND tỉnh A, tier: tinh, parent: VN }
  - { code: PA-H1, name: UBND huyện A1, tier: huyen, parent: PA }
  - { code: PA-X1, name: Xã A1-1, tier: xa, parent: PA-H1 }
  - { code: PA-X2, name: Xã A1-2, tier: xa, parent: PA-H1 }
  - { code: PB, name: UBND tỉnh B, tier: tinh, parent: VN }
  - { code: PB-H1, name: UBND huyện B1, tier: huyen, parent: PB }
  - { code: PB-X1, name: Xã B1-1, tier: xa, parent: PB-H1 }
`;

export const CHATS = { leadersA: -1001n, leadersB: -1002n, unitAX1: -1003n, headAH1: -1004n, loose: -1005n } as const;
export const PEOPLE = {
  leaderA: 501,
  leaderB: 502,
  officerAX1: 503,
  headAH1: 504,
  grantedLeader: 505,
  admin: 506,
  stranger: 507,
} as const;

export type World = Awaited<ReturnType<typeof startWorld>>;

export async function startWorld() {
  const db = await createTestDb();
  const r = await installText(db.prisma, UNITS, "yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const clock = new TestClock(NOW);
  const deps: AppDeps = {
    prisma: db.prisma,
    catalog: await createCatalogHolder(db.prisma),
    clock,
    logger: createLogger("silent"),
    adminIds: [BigInt(PEOPLE.admin)],
    kickDelivery: () => {},
  };
  await bindChat(db.prisma, CHATS.leadersA, "leaders", "PA");
  await bindChat(db.prisma, CHATS.leadersB, "leaders", "PB");
  await bindChat(db.prisma, CHATS.unitAX1, "unit", "PA-X1");
  await bindChat(db.prisma, CHATS.headAH1, "head", "PA-H1");
  await db.prisma.person.create({ data: { telegramId: BigInt(PEOPLE.grantedLeader), role: "leader" } });
  const inChat = new Set([
    `${CHATS.leadersA}:${PEOPLE.leaderA}`,
    `${CHATS.leadersB}:${PEOPLE.leaderB}`,
    `${CHATS.unitAX1}:${PEOPLE.officerAX1}`,
    `${CHATS.headAH1}:${PEOPLE.headAH1}`,
    `${CHATS.loose}:${PEOPLE.stranger}`,
  ]);
  const asked: string[] = [];
  const members: ChatMembers = {
    async isMember(chatId, userId) {
      asked.push(`${chatId}:${userId}`);
      return inChat.has(`${chatId}:${userId}`);
    },
  };
  return { db, deps, clock, services: createAppServices(deps), members, asked, cleanup: () => db.cleanup() };
}
