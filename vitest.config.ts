import { configDefaults, defineConfig } from "vitest/config";

/**
 * The PostgreSQL pass (`DONDOC_TEST_DB=postgres npm test`, run by .ci/run after the SQLite pass)
 * re-runs only what can meet the test database. These folders never open it: pure domain code,
 * parsers, renderers, message texts, directive files, the import rules, and the sandbox and
 * `npm start`, which always use their own SQLite file. A second run of them would repeat the first exactly.
 */
const SAME_ON_EVERY_DATABASE = [
  "test/domain/**",
  "test/render/**",
  "test/ingest/**",
  "test/messages/**",
  "test/directives/**",
  "test/sandbox/**",
  "test/e2e/**",
  "test/tooling/**",
];
const exclude =
  process.env.DONDOC_TEST_DB === "postgres"
    ? [...configDefaults.exclude, ...SAME_ON_EVERY_DATABASE]
    : [...configDefaults.exclude];

/**
 * Files that replace a module with `vi.mock`: they get a fresh module registry each. Every other
 * file shares its worker's modules with the files run before it (`isolate: false`): importing
 * Prisma's client, grammY and the app again for each file was two fifths of the suite's time
 * (SQLite pass 347 s isolated, 218 s shared, same machine, docs/PERFORMANCE.md "Test suite").
 */
const MOCKS_A_MODULE = ["test/messages/limits.test.ts", "test/services/apologySigner.test.ts"];

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Names the run's PostgreSQL test databases and drops them at the end (test/helpers/pgPool.ts).
    globalSetup: ["test/helpers/globalSetup.ts"],
    // vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine. Most
    // files wait on timers and the emulator rather than the CPU, so two run in 341 s instead of 532 s.
    maxWorkers: 2,
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
