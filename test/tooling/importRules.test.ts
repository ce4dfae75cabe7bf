import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/**
 * The import rules (.dependency-cruiser.cjs) run over a small tree shaped like src/ in which every
 * rule is broken once and every allowed edge appears once. A rule whose path pattern stopped
 * matching would pass `npm run deps` in silence; here it fails by name.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = fileURLToPath(new URL("../fixtures/layers", import.meta.url));

const cruiseResult = z.object({
  summary: z.object({
    violations: z.array(z.object({ from: z.string(), to: z.string(), rule: z.object({ name: z.string() }) })),
  }),
});

/** `../../../node_modules/@prisma/client/default.d.ts` → `@prisma/client`, so the table reads as imports. */
function shortTarget(to: string): string {
  const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(to);
  return pkg?.[1] ?? to;
}

function violations(): string[] {
  const run = spawnSync(
    process.execPath,
    [
      `${root}/node_modules/dependency-cruiser/bin/dependency-cruise.mjs`,
      "src",
      "--config",
      `${root}/.dependency-cruiser.cjs`,
      "--output-type",
      "json",
    ],
    { cwd: fixture, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  const { summary } = cruiseResult.parse(JSON.parse(run.stdout));
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${shortTarget(v.to)}`).sort();
}

describe("import rules", () => {
  it("flag each broken layer by rule and allow the edges the shape wants", () => {
    expect(violations()).toEqual(
      [
        "config-is-a-leaf: src/config.ts → src/jobs/job.ts",
        "delivery-no-services: src/delivery/send.ts → src/services/use.ts",
        "domain-is-pure: src/domain/impure.ts → grammy",
        "domain-is-pure: src/domain/impure.ts → src/db/client.ts",
        "domain-no-io-core: src/domain/impure.ts → fs",
        "edges-use-cases-only: src/bot/feature.ts → src/db/client.ts",
        "edges-use-cases-only: src/bot/feature.ts → src/db/generated/client.ts",
        "edges-use-cases-only: src/jobs/job.ts → src/db/repos/units.ts",
        "edges-no-prisma: src/bot/feature.ts → @prisma/client",
        "edges-no-prisma: src/bot/feature.ts → src/db/generated/client.ts",
        "edges-no-prisma: src/jobs/job.ts → pg",
        "edges-no-prisma: src/render/chart.ts → @prisma/client",
        "no-circular: src/jobs/cycleA.ts → src/jobs/cycleB.ts",
        "no-non-package-json: src/cli/main.ts → semver",
        "not-to-unresolvable: src/cli/stale.js → ./nothing-here.js",
        "render-no-io: src/messages/text.ts → fs",
        "render-no-io: src/render/chart.ts → @prisma/client",
        "render-no-io: src/render/chart.ts → fs/promises",
        "render-no-upper-layers: src/messages/text.ts → src/bot/html.ts",
        "render-no-upper-layers: src/messages/text.ts → src/services/use.ts",
        "src-not-to-dev-dep: src/cli/main.ts → vitest",
      ].sort(),
    );
  });
});
