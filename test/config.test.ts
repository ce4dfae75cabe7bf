import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

describe("config", () => {
  it("has safe defaults: SQLite under data/, no token = sandbox", () => {
    const c = parseConfig({});
    expect(c.DATABASE_URL).toBe("file:./data/dondoc.db");
    expect(c.BOT_TOKEN).toBeUndefined();
    expect(c.ADMIN_IDS).toEqual([]);
    expect(c.TZ).toBe("Asia/Ho_Chi_Minh");
  });

  it("parses admin ids and the emulator root", () => {
    const c = parseConfig({ ADMIN_IDS: "1, 2;3", TELEGRAM_API_ROOT: "http://127.0.0.1:8081", BOT_TOKEN: "123:abc" });
    expect(c.ADMIN_IDS).toEqual([1n, 2n, 3n]);
    expect(c.TELEGRAM_API_ROOT).toBe("http://127.0.0.1:8081");
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ ADMIN_IDS: "12,abc" }, "ADMIN_IDS"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ TZ: "UTC" }, "TZ"],
    [{ BOT_TOKEN: "not a token" }, "BOT_TOKEN"],
    [{ DAILY_REMINDER_CRON: "8h sáng" }, "DAILY_REMINDER_CRON"],
    [{ DAILY_REMINDER_CRON: "99 8 * * *" }, "DAILY_REMINDER_CRON"],
    [{ WEEKLY_DIGEST_CRON: "0 8 * * 9" }, "WEEKLY_DIGEST_CRON"],
    [{ LATE_LIST_CRON: "0 0 8 * * *" }, "LATE_LIST_CRON"],
  ])("a bad value stops start with a message naming the variable: %o", (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(name));
  });

  it("an out-of-range cron field is refused at start, naming the variable and the value", () => {
    expect(() => parseConfig({ OVERDUE_SWEEP_CRON: "99 8 * * *" })).toThrow(/OVERDUE_SWEEP_CRON: .*"99 8 \* \* \*"/);
    expect(parseConfig({ DAILY_REMINDER_CRON: "15 7 * * 1-5" }).DAILY_REMINDER_CRON).toBe("15 7 * * 1-5");
  });

  it("never echoes a bad token back", () => {
    // The refusal must happen: a try/catch alone passes when nothing is thrown at all.
    const refusal = (() => {
      try {
        parseConfig({ BOT_TOKEN: "123456:secret with space" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(ConfigError);
    expect(String(refusal)).toContain("BOT_TOKEN");
    expect(String(refusal)).not.toContain("secret");
    expect(String(refusal)).not.toContain("123456");
  });
});
