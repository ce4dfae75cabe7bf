import { handleControl } from "./control.js";
import { Emulator, type EmulatorOptions } from "./emulator.js";

/** Starts an emulator with its HTTP control API (`/__emulator/*`). */
export const startEmulator = (opts: EmulatorOptions): Promise<Emulator> => Emulator.start(opts, handleControl);
