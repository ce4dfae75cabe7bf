import { describe, expect, it } from "vitest";
import { detectEntities } from "../../src/emulator/entities.js";
import { redact } from "../../src/emulator/errors.js";
import { parseHtml } from "../../src/emulator/html.js";
import { parseMultipart } from "../../src/emulator/multipart.js";
import { RateLimiter } from "../../src/emulator/ratelimit.js";

const part = (headers: string, body: string): string => `--XYZ\r\n${headers}\r\n\r\n${body}\r\n`;

describe("parseMultipart", () => {
  it("reads quoted, unquoted (grammY) and RFC 5987 file names", () => {
    const body = Buffer.from(
      part(`content-disposition:form-data;name="chat_id"`, "-100") +
        part(
          `Content-Disposition: form-data; name="a"; filename="x \\"y\\".pdf"\r\nContent-Type: application/pdf`,
          "A",
        ) +
        part(
          `content-disposition:form-data;name="b";filename=Báo cáo.xlsx\r\ncontent-type:application/octet-stream`,
          "B\r\n--XY",
        ) +
        part(`content-disposition: form-data; name="c"; filename*=UTF-8''T%E1%BB%95ng.csv`, "") +
        "--XYZ--\r\n",
    );
    const { fields, files } = parseMultipart(body, "XYZ");
    expect(fields).toEqual({ chat_id: "-100" });
    expect([...files.values()].map((f) => [f.field, f.filename, f.bytes.toString()])).toEqual([
      ["a", 'x "y".pdf', "A"],
      ["b", "Báo cáo.xlsx", "B\r\n--XY"],
      ["c", "Tổng.csv", ""],
    ]);
  });
});

describe("parseHtml", () => {
  it.each([
    ['<pre><code class="language-ts">x</code></pre>', "x", [{ type: "pre", offset: 0, length: 1, language: "ts" }]],
    [
      '<tg-spoiler>s</tg-spoiler><span class="tg-spoiler">t</span>',
      "st",
      [
        { type: "spoiler", offset: 0, length: 1 },
        { type: "spoiler", offset: 1, length: 1 },
      ],
    ],
    ["<blockquote expandable>q</blockquote>", "q", [{ type: "expandable_blockquote", offset: 0, length: 1 }]],
    ["😀<i>ý</i>", "😀ý", [{ type: "italic", offset: 2, length: 1 }]], // UTF-16 offsets
    ["&#272;&#x1EAD;m &amp; &unknown; R&D", "Đậm & &unknown; R&D", []],
  ])("%s", (html, text, entities) => {
    expect(parseHtml(html)).toEqual({ text, entities });
  });
});

describe("detectEntities", () => {
  it.each([
    ["/start", [{ type: "bot_command", offset: 0, length: 6 }]],
    ["xem /help@dondoc_bot nhé", [{ type: "bot_command", offset: 4, length: 16 }]],
    ["đường dẫn /a/b và email a@example", []],
    ["@abc quá ngắn, @ubnd_xa ok", [{ type: "mention", offset: 15, length: 8 }]],
  ])("%s", (text, entities) => {
    expect(detectEntities(text)).toEqual(entities);
  });
});

describe("RateLimiter", () => {
  it("counts an album as several messages and computes retry_after from the window", () => {
    let t = 0;
    const limiter = new RateLimiter(() => t);
    limiter.configure({ perSecond: 30, perGroupPerMinute: 20 });
    expect(limiter.admit(-1, true, 10)).toBeUndefined();
    t = 30_000;
    expect(limiter.admit(-1, true, 10)).toBeUndefined();
    expect(limiter.admit(-1, true, 1)?.parameters).toEqual({ retry_after: 30 });
    t = 60_001;
    expect(limiter.admit(-1, true, 10)).toBeUndefined();
  });
});

describe("redact", () => {
  it("removes the token from URLs and free text", () => {
    expect(redact("GET /bot123:ABC/getMe failed, token 123:ABC", "123:ABC")).toBe(
      "GET /bot<redacted>/getMe failed, token <redacted>",
    );
  });
});
