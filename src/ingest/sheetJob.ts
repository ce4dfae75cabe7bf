/**
 * The body of the sheet worker (isolated.ts): reads each file it is sent with `readSheet` and
 * posts the grid back, or the refusal as plain fields (an Error does not survive `postMessage`).
 */
import { parentPort } from "node:worker_threads";
import { isIngestError, type IngestErrorCode } from "./errors.js";
import type { Grid } from "./grid.js";
import { readSheet, type ReadSheetOptions } from "./readSheet.js";

export type SheetJob = { id: number; fileName: string; data: Uint8Array; opts: ReadSheetOptions };
export type SheetReply = { id: number } & (
  | { ok: true; grid: Grid }
  | { ok: false; code: IngestErrorCode; userMessage: string; detail: string }
  | { ok: false; code: null; detail: string }
);

export function serveSheetJobs(): void {
  parentPort?.on("message", (job: SheetJob) => {
    void runJob(job).then((reply) => parentPort?.postMessage(reply));
  });
}

async function runJob(job: SheetJob): Promise<SheetReply> {
  const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  try {
    return { id: job.id, ok: true, grid: await readSheet({ fileName: job.fileName, data }, job.opts) };
  } catch (e) {
    if (isIngestError(e))
      return {
        id: job.id,
        ok: false,
        code: e.code,
        userMessage: e.userMessage,
        detail: e.message.replace(/^\w+: /, ""),
      };
    return {
      id: job.id,
      ok: false,
      code: null,
      detail: e instanceof Error ? `${e.name}: ${e.message}` : "unknown failure",
    };
  }
}
