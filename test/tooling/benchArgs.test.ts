import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/db.js";

/** `npm run bench` with arguments it cannot use: a usage line and exit 2, before any measurement starts. */
function bench(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("npm run bench: its arguments", () => {
  it("--help lists the measurements and measures nothing", () => {
    const r = bench("--help");
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      "--only evaluate,nop-sqlite,nop-postgres,burst-sqlite,burst-postgres,xlsx,fanout,webapp,charts",
    );
    expect(r.stderr).not.toContain("bench: national re-evaluation");
    expect(r.stdout).toBe("");
  });

  it.each([
    [["--only", "evaluat"], "bench: unknown measurement: evaluat"],
    [["--only", "evaluate,nop"], "bench: unknown measurement: nop"],
    [["--fast"], "bench: Unknown option '--fast'"],
  ])("%j is refused with a usage line, before any measurement", (args, message) => {
    const r = bench(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("usage: npm run bench");
    expect(r.stderr).not.toContain("bench: national re-evaluation");
    expect(r.stdout).toBe("");
  });
});
