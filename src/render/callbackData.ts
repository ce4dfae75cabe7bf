/**
 * Callback data of inline buttons (STYLE.md habit 9): one typed family per kind of button, each
 * with its `pattern` (what a Composer listens to: every press of the family, so a bad one is
 * answered rather than passed on), `encode` (what a button carries, within Telegram's 64 bytes)
 * and `parse` (the press, checked, or null). Any client can send any callback data: ids are
 * bounded here, at the edge, before they reach a query (bot/buttons.ts answers a null). It lives
 * in render/ with the texts because services, jobs and delivery encode the buttons of the
 * messages they queue, and they must not import the grammY edge (bot/) to do it.
 *
 * The families live in callbackData/, one module per feature group; this module re-exports them
 * so every caller imports one place.
 */
export * from "./callbackData/core.js";
export * from "./callbackData/figures.js";
export * from "./callbackData/tasks.js";
export * from "./callbackData/dossiers.js";
export * from "./callbackData/admin.js";
export * from "./callbackData/digest.js";
