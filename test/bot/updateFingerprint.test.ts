/**
 * An update's fingerprint (src/bot/updateGuard.ts) is stored with its ProcessedUpdate row and
 * compared with a redelivery's, possibly by a newer version of the bot within the 48-hour window.
 * So the text it hashes must stay exactly what it was: JSON of a key-sorted deep copy. The
 * reference below is that earlier implementation, kept as the specification.
 */
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { canonicalJson, updateFingerprint } from "../../src/bot/updateGuard.js";

function sortedCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedCopy);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => [k, sortedCopy(x)]),
  );
}
const reference = (v: unknown): string => JSON.stringify(sortedCopy(v));

const message: Update = {
  update_id: 10,
  message: {
    message_id: 7,
    date: 1_764_900_000,
    chat: { id: -100_123, type: "supergroup", title: 'UBND xã Đông Hưng "A"' },
    from: { id: 7001, is_bot: false, first_name: "Cán bộ", last_name: "Một", language_code: "vi" },
    text: "/nop 120 95 ✓ \u2028 \\ tab\there",
    entities: [{ type: "bot_command", offset: 0, length: 4 }],
  },
};

const cases: [string, unknown][] = [
  ["a message with Vietnamese text, quotes, escapes and entities", message],
  [
    "a callback query",
    {
      callback_query: { id: "9", data: "u:1:2", from: { id: 1, is_bot: false, first_name: "B" }, chat_instance: "-5" },
    },
  ],
  ["keys in reverse order, nested", { z: { b: 2, a: [3, { y: null, x: false }] }, a: -0, m: 1.5e-7 }],
  ["empty containers", { a: [], b: {}, c: "" }],
  [
    "undefined and functions dropped from objects, null in arrays",
    { a: undefined, b: [undefined, 1, () => 1], c: () => 2, d: 1 },
  ],
  ["numeric-looking keys", { "10": 1, "9": 2, a: 3, B: 4 }],
  [
    "a document with a photo size list",
    {
      message: {
        photo: [
          { file_id: "x", width: 90 },
          { width: 320, file_id: "y" },
        ],
      },
    },
  ],
];

describe("the update fingerprint's canonical JSON", () => {
  it.each(cases)("is the text the earlier key-sorted copy gave: %s", (_what, value) => {
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it("is the same text for 500 random nested values (seeded)", () => {
    let seed = 766;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const keys = ["a", "B", "z", "é", "10", "9", "0", "_", "text", "chat"];
    const value = (depth: number): unknown => {
      const k = rand(depth > 3 ? 4 : 7);
      if (k === 0) return rand(1000) - 500;
      if (k === 1) return `s${rand(100)}"\\\n`;
      if (k === 2) return rand(2) === 0;
      if (k === 3) return null;
      if (k === 4) return Array.from({ length: rand(4) }, () => value(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = rand(5); i > 0; i--) o[keys[rand(keys.length)] ?? "a"] = value(depth + 1);
      return o;
    };
    for (let i = 0; i < 500; i++) {
      const v = value(0);
      expect(canonicalJson(v)).toBe(reference(v));
    }
  });

  it("does not depend on key order, and ignores the update id", () => {
    const reordered = JSON.parse(JSON.stringify({ message: { ...message.message, date: message.message?.date } }));
    const again = { ...reordered, update_id: 99 } as Update;
    expect(updateFingerprint(again)).toBe(updateFingerprint(message));
    const other = { ...message, message: { ...message.message, text: "/nop 120 96" } } as Update;
    expect(updateFingerprint(other)).not.toBe(updateFingerprint(message));
  });
});
