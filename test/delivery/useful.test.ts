import { describe, expect, it } from "vitest";
import { endOfWorkday, usefulUntilFor } from "../../src/delivery/useful.js";

const at = (iso: string) => new Date(iso);

describe("useful-until per kind", () => {
  it("a morning reminder: until 17:00 Vietnam time that day, at least an hour", () => {
    expect(usefulUntilFor("reminder", at("2026-12-07T08:00:00+07:00")).toISOString()).toBe("2026-12-07T10:00:00.000Z");
    expect(usefulUntilFor("reminder", at("2026-12-07T16:30:00+07:00")).toISOString()).toBe("2026-12-07T10:30:00.000Z");
    // 23:30 UTC is 06:30 the next day in Vietnam: that day's 17:00.
    expect(endOfWorkday(at("2026-12-06T23:30:00Z")).toISOString()).toBe("2026-12-07T10:00:00.000Z");
  });

  it("a digest until the next one; alerts a week; unknown kinds a day", () => {
    const t = at("2026-12-07T08:00:00+07:00");
    expect(usefulUntilFor("digest", t).getTime() - t.getTime()).toBe(7 * 86_400_000);
    expect(usefulUntilFor("admin-alert", t).getTime() - t.getTime()).toBe(7 * 86_400_000);
    expect(usefulUntilFor("something-new", t).getTime() - t.getTime()).toBe(86_400_000);
    expect(usefulUntilFor("constructor", t).getTime() - t.getTime()).toBe(86_400_000);
  });
});
