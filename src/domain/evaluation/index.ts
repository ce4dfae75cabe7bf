/** Public surface of the evaluation engine (docs/DIRECTIVES.md). */
export * from "./types.js";
export * from "./ratio.js";
export * from "./milestones.js";
export * from "./level.js";
export * from "./evaluate.js";
export * from "./evaluator.js";
export * from "./describe.js";
export * from "./rollup.js";
export { messages, LEVEL_NAMES, targetPhrase } from "./messages.js";
export * from "./gap.js";
