/**
 * A fixed job on one core, timed: 400 MB of SHA-256 and a 3·10⁸-step integer loop. Run on the idle
 * machine between two measurements (not during one: it would share the cores) to see whether the
 * machine itself is slower that hour (docs/PERFORMANCE.md, "Session of 06/12/2026 (3)"): about
 * 1,350–1,440 ms on 06/12/2026.
 *   npx tsx scripts/machine-speed.ts
 */
import { createHash } from "node:crypto";

const block = Buffer.alloc(1 << 20, 7);
const started = process.hrtime.bigint();
let digest = "";
for (let i = 0; i < 400; i++) digest = createHash("sha256").update(block).digest("hex");
let x = 0;
for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1_000_003;
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`speed ms ${Math.round(ms)} (${digest.slice(0, 8)} ${x})`);
