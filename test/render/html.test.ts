import { describe, expect, it } from "vitest";
import { escapeHtml, fitMessage, MESSAGE_LIMIT, splitMessage } from "../../src/render/html.js";

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

/** The morning reminder's cut (messages/reminders.ts): the first part of the one splitter, then a pointer to the rest. */
describe("fitMessage", () => {
  const tail = "\n… (còn nữa)";
  it.each([
    ["fits: unchanged", "a\nb", 10, "a\nb"],
    ["at the limit: unchanged", "a".repeat(10), 10, "a".repeat(10)],
    ["whole lines, then the tail", "aaa\nbbb\nccc", 8, "aaa\nbbb…"],
    ["one line less when the tail does not fit", "aaa\nbbb\nccc", 7, "aaa…"],
  ] as const)("%s", (_what, html, limit, out) => {
    expect(fitMessage(html, "…", limit)).toBe(out);
  });

  it("keeps every line that fits with the tail, and stays within the limit", () => {
    const lines = Array.from({ length: 600 }, (_, i) => `• <b>dòng ${i}</b> — nội dung`);
    const text = fitMessage(lines.join("\n"), tail);
    expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(text.endsWith(tail)).toBe(true);
    const kept = text.slice(0, -tail.length).split("\n");
    expect(kept).toEqual(lines.slice(0, kept.length));
    expect(`${kept.join("\n")}\n${lines[kept.length]}${tail}`.length).toBeGreaterThan(MESSAGE_LIMIT);
  });

  it("a first line longer than a message is cut too (the old loop kept it whole, over the limit)", () => {
    const text = fitMessage(`${"a".repeat(MESSAGE_LIMIT + 50)}\nb`, tail);
    expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(text.endsWith(tail)).toBe(true);
  });
});
