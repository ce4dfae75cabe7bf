/** Public surface of the working-day calendar (issue #2 §3.5). */
export * from "./days.js";
export * from "./schema.js";
export * from "./workingDays.js";
