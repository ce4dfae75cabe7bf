import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { excludeGlob, SAME_ON_EVERY_DATABASE } from "./test/helpers/sameOnEveryDatabase.js";

const onPostgres = process.env.DONDOC_TEST_DB === "postgres";
/**
 * The PostgreSQL pass (`DONDOC_TEST_DB=postgres npm test`, run by .ci/run after the SQLite pass)
 * re-runs only what can meet the test database: the files that never open it are listed, and
 * checked, in test/helpers/sameOnEveryDatabase.ts.
 */
const exclude = onPostgres
  ? [...configDefaults.exclude, ...SAME_ON_EVERY_DATABASE.map(excludeGlob)]
  : [...configDefaults.exclude];

/**
 * Files that replace a module with `vi.mock`: they get a fresh module registry each. Every other
 * file shares its worker's modules with the files run before it (`isolate: false`): importing
 * Prisma's client, grammY and the app again for each file was two fifths of the suite's time
 * (SQLite pass 347 s isolated, 218 s shared, same machine, docs/PERFORMANCE.md "Test suite").
 */
const MOCKS_A_MODULE = ["test/messages/limits.test.ts"];

/**
 * The files that take longest (docs/PERFORMANCE.md "Test suite"), in the order they start. Without the results
 * of an earlier run — a fresh clone in CI — vitest starts the largest files first, and these are small:
 * postgres-derive.test.ts was the 77th of 178, so a minute of Prisma CLI started in the second half
 * and the other worker finished long before it. Started first, they overlap with everything else.
 * The failover test (three `tsx` processes, SQLite pass only) came last, alone for its 20 s: it starts
 * beside the fuzz run now. Its waits are generous (instances up within 90 s, each reply 15 s); the
 * file that could not bear a busy start, pauses.test, now ends its pauses itself (test/delivery/timeWarp.ts).
 * Other files that race real time (the crash tests, uploads awaited 5 s like roleMatrix's) stay
 * where vitest puts them.
 */
const SLOW_FIRST = [
  "test/fuzz/updates.test.ts",
  "test/instances/failover.test.ts",
  "test/db/postgres-derive.test.ts",
  "test/bot/callbackBounds.test.ts",
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const order = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = SLOW_FIRST.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    const at = new Map(order.map((f, i) => [f, i]));
    // Projects keep vitest's order (they run one after the other); within one, the slow files go first.
    const out = [...order].sort(
      (a, b) =>
        (a.project.name === b.project.name ? 0 : (at.get(a) ?? 0) - (at.get(b) ?? 0)) ||
        rank(a) - rank(b) ||
        (at.get(a) ?? 0) - (at.get(b) ?? 0),
    );
    return out;
  }
}

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Names the run's PostgreSQL test databases and drops them at the end (test/helpers/pgPool.ts).
    globalSetup: ["test/helpers/globalSetup.ts"],
    sequence: { sequencer: SlowFirst },
    // vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine. Most
    // files wait on timers and the emulator rather than the CPU, so two run in 341 s instead of 532 s.
    // On SQLite two workers still left a third of both cores idle (waits in the delivery and bot
    // tests): three take the pass from 165–169 s to 150–152 s (docs/PERFORMANCE.md, "Session of
    // 06/12/2026 (3)"). On PostgreSQL the server takes that CPU: three gave nothing (130, 122, 114 s
    // against 126, 118, 113 s).
    maxWorkers: onPostgres ? 2 : 3,
    // The TypeScript vitest compiles, kept on disk (node_modules/.experimental-vitest-cache, keyed by
    // each file's path and content, the config and vitest's version): the PostgreSQL pass reuses what
    // the SQLite pass compiled, and a developer's next run reuses the last one's.
    experimental: { fsModuleCache: true },
    env: { TZ: "Asia/Ho_Chi_Minh", LOG_LEVEL: "silent" },
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...exclude, ...MOCKS_A_MODULE],
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: MOCKS_A_MODULE, exclude, isolate: true } },
    ],
  },
});
