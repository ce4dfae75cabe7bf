/**
 * The layering of README "Kiến trúc / Architecture" as import rules: data flows one way,
 * update → bot → service → domain (+ db) → render → outbox → delivery, and a cron tick enters at
 * jobs → service. Each rule's comment is the message a developer reads when it fires.
 * Run: `npm run deps`; test/tooling/importRules.test.ts breaks each rule once to prove it still fires.
 */

/** Node's core modules that touch the disk, the network or other processes. */
const IO_CORE = [
  "fs",
  "fs/promises",
  "net",
  "http",
  "https",
  "http2",
  "tls",
  "dgram",
  "dns",
  "child_process",
  "cluster",
  "worker_threads",
  "readline",
];
const ioCore = `^(node:)?(${IO_CORE.join("|")})$`;

/** The database: Prisma's clients (generated into src/db/) and the drivers under them. */
const prisma = "^src/db/generated|(^|/)node_modules/(@prisma|\\.prisma|pg|better-sqlite3)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle means two modules are one concern or a seam is missing: move the shared part down a layer.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment:
        "src/domain/ is pure (no grammY, no Prisma, no clock, no I/O): it may import only src/domain/, zod, yaml " +
        "(parsing text is pure) and cron-parser (date arithmetic on a cron expression, no timer). Pass what it needs " +
        "as parameters.",
      from: { path: "^src/domain/" },
      to: {
        pathNot: ["^src/domain/", "(^|/)node_modules/(zod|yaml|cron-parser)/"],
        dependencyTypesNot: ["core"],
      },
    },
    {
      name: "domain-no-io-core",
      severity: "error",
      comment: "src/domain/ does no I/O: read files and sockets in db/, directives/, ingest/ or a service.",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["core"], path: ioCore },
    },
    {
      name: "render-no-upper-layers",
      severity: "error",
      comment:
        "render/ and messages/ are pure text/chart/document renderers: they take data and return a string, PNG or " +
        ".docx. No db/, bot/, delivery/, jobs/, services/ or assets/ (files on disk): a shape or a limit both sides need belongs in domain/.",
      from: { path: "^src/(render|messages)/" },
      // Type-only imports count too: the swc parser cannot tell them apart (see parser below).
      to: { path: "^src/(db|bot|delivery|jobs|services|assets)/" },
    },
    {
      name: "render-no-io",
      severity: "error",
      comment:
        "render/ and messages/ do no I/O and touch no database: the caller loads templates, fonts and data and " +
        "passes them in.",
      from: { path: "^src/(render|messages)/" },
      to: { path: [ioCore, prisma] },
    },
    {
      name: "edges-no-prisma",
      severity: "error",
      comment:
        "Only src/db/ (repositories) and src/delivery/ (which owns its outbox tables) reach into Prisma or SQL; " +
        "everything else calls a repository that returns plain or domain types.",
      from: { path: "^src/", pathNot: "^src/(db|delivery)/" },
      to: { path: prisma },
    },
    {
      name: "edges-use-cases-only",
      severity: "error",
      comment:
        "Bot features, jobs and the Mini App's server get the use-cases (ctx.uc, AppServices in " +
        "src/services/useCases.ts), not the database: nothing in src/bot/, src/jobs/ or src/webapp/ imports src/db/ (client, repositories, errors). Add a use-case to " +
        "the feature's group in services/<feature>/index.ts; a record type the edge needs is re-exported there.",
      from: { path: "^src/(bot|jobs|webapp)/" },
      to: { path: "^src/db/" },
    },
    {
      name: "delivery-no-services",
      severity: "error",
      comment:
        "delivery/ is the way out (outbox → Telegram); use-cases call it, never the reverse. Move what delivery " +
        "needs below both (domain/ or db/).",
      from: { path: "^src/delivery/" },
      to: { path: "^src/services/" },
    },
    {
      name: "config-is-a-leaf",
      severity: "error",
      comment:
        "config.ts is read first at boot: it may import domain/ and libraries, nothing above it (jobs/, services/, " +
        "bot/, db/, delivery/ …). Put a validator it shares with jobs/ in domain/.",
      from: { path: "^src/config\\.ts$" },
      to: {
        pathNot: ["^src/domain/", "(^|/)node_modules/"],
        dependencyTypesNot: ["core"],
      },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "This import resolves to nothing: a typo, a moved file or a package missing from package.json.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "no-non-package-json",
      severity: "error",
      comment: "This package is not in package.json: it works only by accident of what else is installed.",
      from: {},
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "src-not-to-dev-dep",
      severity: "error",
      comment:
        "A production install has no devDependencies: src/ must not import one (tests and scripts may). Move it " +
        "to dependencies if src/ really needs it.",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], pathNot: ["(^|/)node_modules/@types/"] },
    },
  ],
  options: {
    // Generated Prisma code is a node in the graph (so a rule can forbid reaching it) but not walked.
    doNotFollow: { path: ["node_modules", "^src/db/generated"] },
    exclude: { path: ["^src/sandbox/public/"] },
    // swc, not tsc: TypeScript 7 (our compiler) ships no JavaScript API for the cruiser to load. The price:
    // swc does not mark `import type`, so every rule here counts type-only imports like value imports.
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports count too: a layer that needs another's types still depends on it.
    tsPreCompilationDeps: true,
    // ESM with NodeNext: `./x.js` in the source is `./x.ts` on disk; the cruiser retries `.js` as `.ts` itself.
    enhancedResolveOptions: {
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json"],
      conditionNames: ["import", "require", "node", "default", "types"],
      exportsFields: ["exports"],
      mainFields: ["module", "main", "types"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
