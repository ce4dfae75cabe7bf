/**
 * The test files that never open the test database, so the PostgreSQL pass
 * (`DONDOC_TEST_DB=postgres npm test`, run by .ci/run after the SQLite pass) leaves them out: a
 * second run would repeat the first exactly. Folders end with "/". vitest.config.ts excludes them;
 * `assertMayOpenTestDatabase` (./db.ts) fails a listed file that opens one after all, so the list
 * cannot quietly drop a file's PostgreSQL run.
 */
export const SAME_ON_EVERY_DATABASE: readonly string[] = [
  // Pure code: domain rules, parsers, renderers, message texts, directive files, the import rules.
  "test/domain/",
  "test/render/",
  "test/ingest/",
  "test/messages/",
  "test/directives/",
  "test/tooling/",
  // The Bot API emulator with a bare grammY bot.
  "test/emulator/",
  // Their own SQLite file whatever DONDOC_TEST_DB says: the sandbox, `npm start`, the CLI's cases.
  "test/sandbox/",
  "test/e2e/",
  "test/cli/",
  "test/webapp/sandbox.test.ts",
  "test/webapp/sandboxPane.test.ts",
  "test/webapp/sandboxPhone.test.ts",
  // Single files of pure code or of the emulator alone, beside database tests in their folders.
  "test/logger.test.ts",
  "test/runtime.test.ts",
  "test/bot/parse/",
  "test/bot/grammarExamples.test.ts",
  "test/bot/updateFingerprint.test.ts",
  "test/bot/concurrencyWebhook.test.ts",
  "test/delivery/holds.test.ts",
  "test/delivery/pacer.test.ts",
  "test/delivery/useful.test.ts",
  "test/delivery/waker.test.ts",
  "test/instances/webhook.test.ts",
  "test/jobs/overdue.test.ts",
  "test/jobs/rules.test.ts",
  "test/jobs/scheduler-clock.test.ts",
  "test/services/digestBars.test.ts",
  "test/services/dossiersState.test.ts",
  "test/webapp/config.test.ts",
  "test/webapp/initData.test.ts",
  "test/webapp/membership.test.ts",
];

/** `file` relative to the project's root, with "/" separators. */
export function sameOnEveryDatabase(file: string): boolean {
  return SAME_ON_EVERY_DATABASE.some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry));
}

/** vitest's glob for an entry. */
export function excludeGlob(entry: string): string {
  return entry.endsWith("/") ? `${entry}**` : entry;
}
