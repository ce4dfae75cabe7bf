import { configDefaults, defineConfig } from "vitest/config";

/**
 * The PostgreSQL pass (`DONDOC_TEST_DB=postgres npm test`, run by .ci/run after the SQLite pass)
 * re-runs only what can meet the test database. These folders never open it: pure domain code,
 * parsers, renderers, message texts, directive files, the import rules, and the sandbox and
 * `npm start`, which always use their own SQLite file. A second run of them would repeat the first exactly.
 */
const SAME_ON_EVERY_DATABASE = [
  "test/domain/**", "test/render/**", "test/ingest/**", "test/messages/**", "test/directives/**", "test/sandbox/**", "test/e2e/**",
  "test/tooling/**",
];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: process.env.DONDOC_TEST_DB === "postgres" ? [...configDefaults.exclude, ...SAME_ON_EVERY_DATABASE] : configDefaults.exclude,
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // vitest's default is one worker fewer than the cores: one worker on the 2-core CI machine. Most
    // files wait on timers and the emulator rather than the CPU, so two run in 341 s instead of 532 s.
    maxWorkers: 2,
    env: { TZ: "Asia/Ho_Chi_Minh", LOG_LEVEL: "silent" },
  },
});
