import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/emulator/html.js";
import { entitiesToHtml } from "../../src/render/entitiesHtml.js";

describe("entitiesToHtml", () => {
  it.each([
    "<b>Đã ghi</b> số liệu <code>TN-X1</code> — 79,2%",
    "a &lt; b &amp; <i>c <b>d</b></i> e",
    '<a href="https://x.vn/?a=1&amp;b=2">liên kết</a> 🤖 <b>đậm</b>',
    "không có định dạng",
  ])("round-trips %s through Telegram's parse", (html) => {
    const parsed = parseHtml(html);
    expect(entitiesToHtml(parsed.text, parsed.entities)).toBe(html);
  });

  it("drops an entity that crosses another instead of writing broken HTML", () => {
    const html = entitiesToHtml("abcdef", [
      { type: "bold", offset: 0, length: 4 },
      { type: "italic", offset: 2, length: 4 },
    ]);
    expect(html).toBe("<b>abcd</b>ef");
  });
});
