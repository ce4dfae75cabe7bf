/** Hostile and large directive / unit-list texts for hostileText.test.ts and the bot's tests. */
import { readFileSync } from "node:fs";

export const ALIAS_BOMB = readFileSync("test/fixtures/hostile/alias-bomb.yaml", "utf8");

/** `n` units under one root, `per` communes per district; one flow mapping per line. */
export function unitList(n: number, per = 100): string {
  const lines = ["name: Danh sách lớn", "units:", "  - { code: T, name: UBND tỉnh, tier: tinh, parent: null }"];
  for (let i = 0; lines.length - 2 < n; i++) {
    lines.push(`  - { code: T-H${i}, name: UBND huyện số ${i}, tier: huyen, parent: T }`);
    for (let x = 0; x < per - 1 && lines.length - 2 < n; x++)
      lines.push(`  - { code: T-H${i}-X${x}, name: Xã số ${i}-${x}, tier: xa, parent: T-H${i} }`);
  }
  return `${lines.join("\n")}\n`;
}
