/**
 * Who sees what (domain/dashboardScope.ts through src/webapp/scope.ts): the launch chat narrows,
 * membership in it (Telegram's answer) grants, a role grants only from a private chat.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatOfLaunchParam, launchParamOf } from "../../src/domain/dashboardScope.js";
import { filtersInScope, scopeOf } from "../../src/webapp/scope.js";
import { CHATS, PEOPLE, startWorld, type World } from "./world.js";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => w?.cleanup());

const open = (user: number, chat?: bigint) =>
  scopeOf(w.services, w.members, { userId: BigInt(user), startParam: chat === undefined ? null : launchParamOf(chat) });

describe("launch parameter", () => {
  it.each([-1001234567890n, 42n])("round-trips the chat id %s within Telegram's startapp alphabet", (id) => {
    const p = launchParamOf(id);
    expect(p).toMatch(/^[A-Za-z0-9_-]{1,512}$/);
    expect(chatOfLaunchParam(p)).toBe(id);
  });
  it.each(["", "c", "c1.5", "x-100", "c-100&x=1", `c${"9".repeat(21)}`])("refuses %j", (p) => {
    expect(chatOfLaunchParam(p)).toBeNull();
  });
});

describe("scope", () => {
  it("a leader in province A's leaders' chat sees A's subtree, from that chat", async () => {
    expect(await open(PEOPLE.leaderA, CHATS.leadersA)).toEqual({
      ok: true,
      scope: {
        userId: BigInt(PEOPLE.leaderA),
        kind: "leader",
        chatId: CHATS.leadersA,
        rootUnitIds: ["PA"],
        subtree: true,
      },
    });
  });

  it("a leader of province A who edits the link to province B's chat sees nothing", async () => {
    expect(await open(PEOPLE.leaderA, CHATS.leadersB)).toEqual({ ok: false, reason: "not-member" });
  });

  it("province B's units are out of A's scope; A's are in", async () => {
    const a = await open(PEOPLE.leaderA, CHATS.leadersA);
    if (!a.ok) throw new Error("no scope");
    for (const unit of ["VN", "PB", "PB-H1", "PB-X1", "NOPE"])
      expect(filtersInScope(w.services, a.scope, { unit })).toBe(false);
    for (const unit of ["PA", "PA-H1", "PA-X2"]) expect(filtersInScope(w.services, a.scope, { unit })).toBe(true);
  });

  it("a unit chat's member sees only their unit, not its siblings or parent", async () => {
    const r = await open(PEOPLE.officerAX1, CHATS.unitAX1);
    expect(r).toEqual({
      ok: true,
      scope: {
        userId: BigInt(PEOPLE.officerAX1),
        kind: "unitHead",
        chatId: CHATS.unitAX1,
        rootUnitIds: ["PA-X1"],
        subtree: false,
      },
    });
    if (!r.ok) return;
    expect(filtersInScope(w.services, r.scope, { unit: "PA-X1" })).toBe(true);
    expect(filtersInScope(w.services, r.scope, { unit: "PA-X2" })).toBe(false);
    expect(filtersInScope(w.services, r.scope, { unit: "PA-H1" })).toBe(false);
  });

  it("a heads' chat member sees their unit alone, not the units below it", async () => {
    const r = await open(PEOPLE.headAH1, CHATS.headAH1);
    expect(r.ok && r.scope).toMatchObject({ kind: "unitHead", rootUnitIds: ["PA-H1"], subtree: false });
    if (!r.ok) return;
    expect(filtersInScope(w.services, r.scope, { unit: "PA-X1" })).toBe(false);
  });

  it("from a private chat a leader or administrator sees from the top unit; anyone else nothing", async () => {
    for (const who of [PEOPLE.grantedLeader, PEOPLE.admin]) {
      const r = await open(who);
      expect(r.ok && r.scope).toMatchObject({ kind: "leader", chatId: null, rootUnitIds: ["VN"], subtree: true });
    }
    expect(await open(PEOPLE.leaderA)).toEqual({ ok: false, reason: "no-role" });
    expect(await open(PEOPLE.stranger)).toEqual({ ok: false, reason: "no-role" });
  });

  it("a role does not open a chat the person is not in, and an unregistered chat opens nothing", async () => {
    expect(await open(PEOPLE.grantedLeader, CHATS.leadersA)).toEqual({ ok: false, reason: "not-member" });
    w.asked.length = 0;
    expect(await open(PEOPLE.stranger, CHATS.loose)).toEqual({ ok: false, reason: "unknown-chat" });
    // Telegram is not asked about a chat that could show nothing.
    expect(w.asked).toEqual([]);
  });

  it("a start parameter that is not a chat is refused", async () => {
    expect(await scopeOf(w.services, w.members, { userId: BigInt(PEOPLE.leaderA), startParam: "hello" })).toEqual({
      ok: false,
      reason: "bad-launch",
    });
  });
});
