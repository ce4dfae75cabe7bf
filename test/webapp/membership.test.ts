/** Telegram's word on membership (src/webapp/membership.ts): who reads the chat, kept one minute. */
import { describe, expect, it } from "vitest";
import { MEMBERSHIP_CACHE_MS, telegramMembers } from "../../src/webapp/membership.js";
import { startDashboard } from "../../src/webapp/start.js";
import { createLogger } from "../../src/logger.js";
import type { AppServices } from "../../src/services/useCases.js";

type Answer = { status: string; is_member?: boolean } | Error;

function fakeApi(answer: () => Answer) {
  let calls = 0;
  const api = {
    getChatMember: async () => {
      calls += 1;
      const a = answer();
      if (a instanceof Error) throw a;
      return a as never;
    },
  };
  return { api, calls: () => calls };
}

describe("telegramMembers", () => {
  it.each<[Answer, boolean]>([
    [{ status: "creator" }, true],
    [{ status: "administrator" }, true],
    [{ status: "member" }, true],
    [{ status: "restricted", is_member: true }, true],
    [{ status: "restricted", is_member: false }, false],
    [{ status: "left" }, false],
    [{ status: "kicked" }, false],
    [new Error("Bad Request: chat not found"), false],
  ])("%j → %s", async (answer, member) => {
    const { api } = fakeApi(() => answer);
    expect(await telegramMembers(api).isMember(-1n, 5n)).toBe(member);
  });

  it("asks Telegram again only after a minute: leaving the group closes the dashboard within it", async () => {
    let now = 0;
    let status = "member";
    const { api, calls } = fakeApi(() => ({ status }));
    const members = telegramMembers(api, () => now);
    expect(await members.isMember(-1n, 5n)).toBe(true);
    status = "left";
    now = MEMBERSHIP_CACHE_MS - 1;
    expect(await members.isMember(-1n, 5n)).toBe(true);
    now = MEMBERSHIP_CACHE_MS;
    expect(await members.isMember(-1n, 5n)).toBe(false);
    expect(calls()).toBe(2);
  });
});

describe("startDashboard", () => {
  const base = {
    services: {} as AppServices,
    token: "1:x",
    api: fakeApi(() => ({ status: "member" })).api,
    botUsername: "b",
    logger: createLogger("silent"),
  };
  it("starts nothing when WEBAPP_PORT is unset, or when no page is built in", async () => {
    expect(
      await startDashboard({ ...base, config: { WEBAPP_PORT: undefined, WEBAPP_URL: undefined }, page: undefined }),
    ).toBeNull();
    expect(
      await startDashboard({ ...base, config: { WEBAPP_PORT: 0, WEBAPP_URL: undefined }, page: undefined }),
    ).toBeNull();
  });
});
