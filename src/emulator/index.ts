/** Public surface of the Bot API emulator (tests, the sandbox, the CLI). */
export { Emulator, type EmulatorOptions } from "./emulator.js";
export { startEmulator } from "./start.js";
export type { Fault, FaultSpec } from "./faults.js";
export type { DocumentInput, PressInput, RawUpdate, TextInput } from "./inject.js";
export type { RateLimitOptions } from "./ratelimit.js";
export type { WaitOptions } from "./wait.js";
export type { BotStatusOptions } from "./world.js";
export { describe as describeEntry } from "./wait.js";
export { redact } from "./errors.js";
export type * from "./types.js";
