/**
 * Puts the demo province in place (docs/SANDBOX.md): the preset on first start, the emulated
 * Telegram world on every start (the emulator keeps nothing), and — once per database — the
 * chat bindings, roles and figures an administrator would otherwise set up by hand.
 */
import type { App } from "../app.js";
import { recordRegistrar } from "../db/repos/approvers.js";
import { bindChat, countKnownChats, touchChat } from "../db/repos/chats.js";
import { listLoadedDirectives } from "../db/repos/directives.js";
import { grantRole } from "../db/repos/people.js";
import type { Emulator } from "../emulator/index.js";
import { vnDate } from "../domain/directive/dates.js";
import { seedFigures } from "./figures.js";
import { installDemoPreset } from "./preset.js";
import { DEMO_IDS, planWorld, type DemoWorld } from "./world.js";

export type SeedOptions = { directivesDir: string };
type AppParts = Omit<App, "stop" | "dashboard">;

/** Users and chats in the emulator, as if they had existed on Telegram all along. */
export function buildEmulatorWorld(emu: Emulator, world: DemoWorld): void {
  for (const p of world.people) emu.addUser({ id: p.id, firstName: p.name, languageCode: "vi" });
  for (const c of world.chats) {
    if (c.type === "private") {
      emu.addChat({ id: c.id, type: "private", firstName: world.people.find((p) => p.id === c.id)?.name ?? c.title });
      continue;
    }
    const members = Object.fromEntries(
      c.members.map((id, i) => [id, i === 0 ? ("creator" as const) : ("member" as const)]),
    );
    emu.addChat({ id: c.id, type: c.type, title: c.title, botStatus: "member", members });
  }
}

async function isSeeded(app: AppParts, world: DemoWorld): Promise<boolean> {
  const ids = world.chats.filter((c) => c.kind !== "private").map((c) => BigInt(c.id));
  return (await countKnownChats(app.db.prisma, ids)) === ids.length;
}

async function seedDatabase(app: AppParts, world: DemoWorld): Promise<number> {
  const prisma = app.db.prisma;
  // As the bot would have them: each chat seen (tracked), each group bound as an approved registration binds it.
  for (const c of world.chats) {
    const chatId = BigInt(c.id);
    await touchChat(prisma, { chatId, type: c.type, title: c.type === "private" ? null : c.title });
    if (c.kind !== "private" && c.kind !== "new" && c.unitCode) await bindChat(prisma, chatId, c.kind, c.unitCode);
  }
  const grantedBy = BigInt(DEMO_IDS.admin);
  for (const p of world.people) {
    // The demo head registered the heads' chat, so approves its unit's letters (docs/DOSSIERS.md "Ai được duyệt").
    if (p.role === "head" && p.unitCode) {
      await recordRegistrar(prisma, {
        unitCode: p.unitCode,
        telegramId: BigInt(p.id),
        telegramName: p.name,
        grantedBy,
      });
    }
    if (p.role === "admin" || p.role === "head") continue;
    await grantRole(prisma, { telegramId: BigInt(p.id), role: p.role, unitCode: p.unitCode, grantedBy, name: p.name });
  }
  const first = world.units[0]?.code;
  return seedFigures(prisma, app.deps.catalog.get(), app.deps.clock.now(), first ? [first] : []);
}

/**
 * Runs in startApp's `beforeStart`: the bot is not polling yet, and the scheduler's start-up
 * catch-up is awaited first, so nothing races the seed (the catch-up sees the database as the
 * previous run left it, as it would in production).
 */
export async function seedDemo(
  app: AppParts,
  emu: Emulator,
  opts: SeedOptions,
): Promise<{ world: DemoWorld; preset?: string[]; figures: number }> {
  await app.scheduler.catchUp;
  let preset: string[] | undefined;
  if ((await listLoadedDirectives(app.db.prisma)).length === 0) {
    preset = await installDemoPreset(app.db.prisma, opts.directivesDir);
    await app.deps.catalog.reload();
  }
  const world = planWorld(app.deps.catalog.get(), vnDate(app.deps.clock.now()));
  buildEmulatorWorld(emu, world);
  const figures = (await isSeeded(app, world)) ? 0 : await seedDatabase(app, world);
  return { world, ...(preset ? { preset } : {}), figures };
}
