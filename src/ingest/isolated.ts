/**
 * `readSheet` in a worker thread with a heap cap and a time limit per file. Parsing is the one
 * step an upload's content can make arbitrarily heavy; in a worker it neither blocks the event
 * loop that answers other chats nor can exhaust the bot's own heap: a worker that runs out of
 * heap or time is ended, the sender gets a refusal, and the process carries on. The readers'
 * bounds (limits.ts, zipGuard.ts) refuse the known shapes early; this catches what they miss.
 *
 * One long-lived worker, files one at a time: starting a worker (tsx compiles the readers) costs
 * ~1–2 s, and one parse at a time is what the 2-core target machine affords. A worker that was
 * ended is replaced at the next file.
 */
import { Worker } from "node:worker_threads";
import { IngestError } from "./errors.js";
import type { Grid } from "./grid.js";
import { msg } from "./messages.js";
import { checkSheetFile, type ReadSheetOptions, type SheetFormat, type UploadedFile } from "./readSheet.js";
import type { SheetJob, SheetReply } from "./sheetJob.js";

export type IsolationLimits = {
  /** V8 old-space cap of the worker; a 20.000-row sheet needs < 300 MB. */
  heapMb: number;
  /** Per file, from the moment the worker takes it. */
  timeMs: number;
};

export const DEFAULT_ISOLATION: IsolationLimits = { heapMb: 512, timeMs: 60_000 };

const WORKER_URL = new URL("./sheetWorker.mjs", import.meta.url);

type Live = { worker: Worker; heapMb: number };
let live: Live | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

export async function readSheetIsolated(
  file: UploadedFile,
  opts: ReadSheetOptions = {},
  limits: IsolationLimits = DEFAULT_ISOLATION,
): Promise<Grid> {
  // The cheap checks (name, size, magic bytes) refuse most bad files without the worker.
  const format = checkSheetFile(file, opts);
  const turn = queue.then(() => inWorker(file, opts, limits, format));
  queue = turn.catch(() => undefined);
  return turn;
}

/** Ends the worker (tests; a stopping process need not: the worker never holds it open). */
export async function stopSheetWorker(): Promise<void> {
  const w = live;
  live = undefined;
  if (w) await w.worker.terminate();
}

function workerFor(limits: IsolationLimits): Worker {
  if (live && live.heapMb === limits.heapMb) return live.worker;
  if (live) void live.worker.terminate();
  const worker = new Worker(WORKER_URL, {
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  const entry = { worker, heapMb: limits.heapMb };
  worker.once("exit", () => {
    if (live === entry) live = undefined;
  });
  worker.unref();
  live = entry;
  return worker;
}

function inWorker(
  file: UploadedFile,
  opts: ReadSheetOptions,
  limits: IsolationLimits,
  format: SheetFormat,
): Promise<Grid> {
  const worker = workerFor(limits);
  const id = nextId++;
  const corrupt = (detail: string) =>
    new IngestError("CORRUPT_FILE", format === "csv" ? msg.corruptCsv(null) : msg.corruptXlsx, { detail });
  const heavy = (detail: string) => new IngestError("TOO_HEAVY", msg.tooHeavy, { detail });
  return new Promise<Grid>((resolve, reject) => {
    const done = (end: () => void, kill = false) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      worker.unref();
      if (kill) {
        if (live?.worker === worker) live = undefined;
        void worker.terminate();
      }
      end();
    };
    const onMessage = (reply: SheetReply) => {
      if (reply.id !== id) return;
      done(() => {
        if (reply.ok) resolve(reply.grid);
        else if (reply.code === null) reject(corrupt(reply.detail));
        else reject(new IngestError(reply.code, reply.userMessage, { detail: reply.detail }));
      });
    };
    const onError = (err: Error) => {
      const oom = "code" in err && err.code === "ERR_WORKER_OUT_OF_MEMORY";
      done(
        () => reject(oom ? heavy(`worker heap over ${limits.heapMb} MB`) : corrupt(`worker failed: ${err.message}`)),
        true,
      );
    };
    const onExit = (code: number) => done(() => reject(heavy(`worker exited (${code}) without a result`)));
    const timer = setTimeout(
      () => done(() => reject(heavy(`no result within ${limits.timeMs} ms`)), true),
      limits.timeMs,
    );
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.ref(); // while a file is being read, the process waits for it
    const job: SheetJob = { id, fileName: file.fileName, data: new Uint8Array(file.data), opts };
    worker.postMessage(job);
  });
}
