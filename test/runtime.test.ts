/**
 * The Node the suite runs on. .ci/run tests on Node 20 and, with a subset, on Node 24
 * (scripts/node24.sh sets DONDOC_EXPECT_NODE): without the first check a PATH mistake would
 * quietly run that pass on Node 20 again and prove nothing about Node 24.
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const expected = process.env.DONDOC_EXPECT_NODE;

describe("runtime", () => {
  it.runIf(expected)("runs on the Node version the pass asked for", () => {
    expect(process.versions.node).toBe(expected);
  });

  it("satisfies package.json's engines", () => {
    const pkg = z
      .object({ engines: z.object({ node: z.string() }) })
      .parse(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")));
    const range = pkg.engines.node;
    const min = /^>=(\d+)\.(\d+)$/.exec(range);
    expect(min, `engines.node "${range}" is not of the form >=major.minor`).not.toBeNull();
    const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
    const [wantMajor, wantMinor] = [Number(min?.[1]), Number(min?.[2])];
    expect(major > wantMajor || (major === wantMajor && minor >= wantMinor)).toBe(true);
  });

  it("loads better-sqlite3's binary built for this Node", () => {
    // The binary is ABI-specific: a Node 20 build fails here on Node 24 with NODE_MODULE_VERSION.
    const db = new Database(":memory:");
    expect(db.prepare("select 40 + 2 as x").get()).toEqual({ x: 42 });
    db.close();
  });
});
