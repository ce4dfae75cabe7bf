/**
 * Hostile directive and unit-list texts (src/directives/readYaml.ts): a YAML alias bomb, an
 * oversized file, a list of more units than any deployment has. Each is refused with a problem
 * the sender can act on — never a throw, which the bot answered as "bot gặp lỗi" — and fast; a
 * large but real list (3.500 units, the whole country's communes and more) still loads.
 */
import { describe, expect, test } from "vitest";
import {
  MAX_CONFIG_TEXT_BYTES,
  MAX_UNITS,
  parseDirectiveText,
  parseUnitListText,
} from "../../src/directives/loadDirective.js";
import { looksLikeUnitList } from "../../src/services/directives/install.js";
import { ALIAS_BOMB, unitList } from "./hostileFixtures.js";

describe("a YAML alias bomb", () => {
  test("is a problem, not a throw, as a unit list and as a directive", () => {
    expect(Buffer.byteLength(ALIAS_BOMB)).toBeLessThan(400);
    const asUnits = parseUnitListText(ALIAS_BOMB, "yaml");
    const asDirective = parseDirectiveText(ALIAS_BOMB, "yaml");
    for (const r of [asUnits, asDirective]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^tệp không hợp lệ: dùng quá nhiều bí danh YAML/) }),
      ]);
    }
    expect(looksLikeUnitList(ALIAS_BOMB)).toBe(false);
  });

  test("a few aliases, as real files use them, still load", () => {
    const text =
      "name: Có bí danh\nunits:\n  - &root { code: T, name: UBND tỉnh, tier: tinh, parent: null }\n  - { code: T-X1, name: Xã 1, tier: xa, parent: T }\n";
    expect(parseUnitListText(text, "yaml").ok).toBe(true);
  });
});

describe("unit-list bounds", () => {
  test("more than 1 MB is refused before the parser runs", () => {
    const text = `name: x\nunits:\n${"  - { code: T, name: UBND tỉnh, tier: tinh, parent: null }\n".repeat(Math.ceil((MAX_CONFIG_TEXT_BYTES + 1) / 60))}`;
    const started = performance.now();
    const r = parseUnitListText(text, "yaml");
    expect(performance.now() - started).toBeLessThan(500);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/vượt giới hạn 1 MB/);
  });

  test("more than 10.000 units is refused before the parser runs", () => {
    const text = unitList(MAX_UNITS + 1, 500);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_CONFIG_TEXT_BYTES);
    const started = performance.now();
    const r = parseUnitListText(text, "yaml");
    expect(performance.now() - started).toBeLessThan(500);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/^danh sách có hơn 10\.000 đơn vị, vượt giới hạn 10\.000 đơn vị/);
  });

  test("a 3.500-unit list parses, once, however many times it is asked about", () => {
    const text = unitList(3_500);
    const started = performance.now();
    expect(looksLikeUnitList(text)).toBe(true);
    const r = parseUnitListText(text, "yaml");
    const second = performance.now();
    expect(parseUnitListText(text, "yaml").ok).toBe(true);
    expect(r.ok && r.units.units).toHaveLength(3_500);
    // The parse is the cost (~1 s on a loaded 2-core machine); asking again costs ~nothing.
    expect(performance.now() - second).toBeLessThan((second - started) / 2 + 50);
  });
});
