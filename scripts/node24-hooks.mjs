/**
 * Preloaded by scripts/node24.sh (NODE_OPTIONS=--import=…) in the Node 24 test pass only.
 * node_modules' better-sqlite3 binary is built for Node 20 and must stay so for the Node 20
 * passes; this sends its load, and only its load, to the copy compiled for Node 24.
 * module.registerHooks is synchronous and also sees require(), which is how better-sqlite3
 * (through the `bindings` package) loads its binary.
 * Plain JavaScript, not TypeScript: Node preloads it before tsx or vitest exist, and the project's
 * @types/node stays at 20, which has no registerHooks.
 */
import { existsSync } from "node:fs";
import { registerHooks } from "node:module";
import { pathToFileURL } from "node:url";

const addon = process.env.DONDOC_NODE24_SQLITE;
if (!addon || !existsSync(addon)) {
  throw new Error(
    `node24-hooks: DONDOC_NODE24_SQLITE (${addon ?? "unset"}) is not a built binary; run it through scripts/node24.sh`,
  );
}
const target = pathToFileURL(addon).href;
const NODE20_BUILD = /\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    return NODE20_BUILD.test(resolved.url) ? { ...resolved, url: target, shortCircuit: true } : resolved;
  },
});
