import { describe, expect, it } from "vitest";
import { escapeHtml, MESSAGE_LIMIT, splitMessage } from "../../src/render/html.js";

describe("splitMessage", () => {
  it("keeps short messages whole", () => {
    expect(splitMessage("<b>a</b>\nb")).toEqual(["<b>a</b>\nb"]);
  });

  it("splits on line boundaries, every part within Telegram's limit, nothing lost", () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i + 1}. <b>Phường Đức Xuân ${i}</b> — 79,2% (95/120)`);
    const parts = splitMessage(lines.join("\n"));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect((p.match(/<b>/g) ?? []).length).toBe((p.match(/<\/b>/g) ?? []).length);
    }
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });

  it("cuts a single over-long line without breaking a tag or an entity", () => {
    const line = `<b>${"đ&amp;".repeat(3000)}</b>`;
    const parts = splitMessage(line);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(p).not.toMatch(/<b>|<\/b>/);
      expect(p).not.toMatch(/&[a-z]*$/);
    }
  });

  it("cuts a single over-long line between characters, never inside an emoji", () => {
    const line = `${"a".repeat(MESSAGE_LIMIT - 1)}${"😀".repeat(10)}`;
    const parts = splitMessage(line);
    for (const p of parts) expect(/\p{Cs}/u.test(p)).toBe(false);
    expect(parts.join("")).toBe(line);
  });

  it("escapes user text", () => {
    expect(escapeHtml("<b>a & b</b>")).toBe("&lt;b&gt;a &amp; b&lt;/b&gt;");
  });
});
