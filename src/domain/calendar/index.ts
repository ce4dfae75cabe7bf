/** Public surface of the working-day calendar (docs/DIRECTIVES.md). */
export * from "./days.js";
export * from "./schema.js";
export * from "./workingDays.js";
