import { describe, expect, it } from "vitest";
import { clipText, stripXmlForbidden } from "../../src/domain/text.js";

describe("stripXmlForbidden (XML 1.0 §2.2)", () => {
  it.each([
    ["tab, line feed, carriage return stay", "a\tb\nc\rd", "a\tb\nc\rd"],
    ["C0 controls go", "a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg", "abcdefg"],
    ["U+0020 and U+D7FF stay", "\u0020\uD7FF", "\u0020\uD7FF"],
    ["U+E000 and U+FFFD stay", "\uE000\uFFFD", "\uE000\uFFFD"],
    ["U+FFFE and U+FFFF go", "a\uFFFEb\uFFFFc", "abc"],
    ["a pair (U+10000, U+10FFFF, an emoji) stays", "\u{10000}\u{10FFFF}😀", "\u{10000}\u{10FFFF}😀"],
    ["a lone high surrogate goes", "a\uD800b", "ab"],
    ["a lone low surrogate goes", "a\uDC00b", "ab"],
    ["low then high is two lone halves", "a\uDC00\uD800b", "ab"],
    ["Vietnamese text is untouched", "Đăng ký khai sinh — Trần Thị B", "Đăng ký khai sinh — Trần Thị B"],
  ])("%s", (_, input, expected) => {
    expect(stripXmlForbidden(input)).toBe(expected);
  });
});

describe("clipText", () => {
  it.each([
    ["shorter than max: whole", "abc", 4, "", "abc"],
    ["at max: whole", "abcd", 4, "", "abcd"],
    ["above max: cut", "abcde", 4, "", "abcd"],
    ["an emoji straddling the cut is left out", "abc😀", 4, "", "abc"],
    ["an emoji that fits is kept", "ab😀c", 4, "", "ab😀"],
    ["a letter keeps its combining marks (NFD ế)", "abce\u0302\u0301", 4, "", "abc"],
    ["a family emoji is one character", "a👨‍👩‍👧b", 6, "", "a"],
    ["the ellipsis fits within max", "abcdef", 4, "…", "abc…"],
    ["no ellipsis when nothing is cut", "abcd", 4, "…", "abcd"],
  ])("%s", (_, text, max, ellipsis, expected) => {
    const out = clipText(text, max, ellipsis);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
    expect(/\p{Cs}/u.test(out)).toBe(false);
  });
});
