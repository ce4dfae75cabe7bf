/**
 * scripts/bench-nop.ts's handle on Telegram's side (bench-nop-telegram.ts): a worker thread by
 * default, or the bot's own thread (`--emulator inline`, how the bench ran before), behind one
 * message port either way. Also the CPU clocks the bench reports.
 */
import { readFileSync } from "node:fs";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { z } from "zod";
import { reply, runTelegram, type command, type setup } from "./bench-nop-telegram.js";

type Command = z.infer<typeof command>;
type Latencies = Extract<z.infer<typeof reply>, { type: "latencies" }>;

export type Telegram = {
  url: string;
  /** Injects and resolves with the latencies once every injected message is answered. */
  send(c: Exclude<Command, { type: "stop" }>): Promise<Latencies>;
  stop(): Promise<void>;
};

export async function startTelegram(inline: boolean, options: z.infer<typeof setup>): Promise<Telegram> {
  let port: MessagePort | Worker;
  if (inline) {
    const channel = new MessageChannel();
    port = channel.port1;
    void runTelegram(channel.port2, options);
  } else {
    // Node 20 does not hand tsx's loader to worker threads: the worker loads the file through tsx's API.
    const file = new URL("./bench-nop-telegram.ts", import.meta.url).href;
    const boot = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`;
    port = new Worker(boot, { eval: true, workerData: options });
  }
  // One request at a time: each waits for the next message from the other side.
  let waiting: { resolve: (r: z.infer<typeof reply>) => void; reject: (e: unknown) => void } | undefined;
  port.on("message", (m: unknown) => waiting?.resolve(reply.parse(m)));
  if (port instanceof Worker) port.on("error", (e) => waiting?.reject(e));
  const next = () => new Promise<z.infer<typeof reply>>((resolve, reject) => (waiting = { resolve, reject }));
  const ready = await next();
  if (ready.type !== "ready") throw new Error(`Telegram side: expected ready, got ${ready.type}`);
  return {
    url: ready.url,
    async send(c) {
      const answered = next();
      port.postMessage(c);
      const r = await answered;
      if (r.type !== "latencies") throw new Error(`Telegram side: expected latencies, got ${r.type}`);
      return r;
    },
    async stop() {
      const stopped = next();
      port.postMessage({ type: "stop" });
      await stopped;
      if (port instanceof Worker) await port.terminate();
      else port.close();
    },
  };
}

/** CPU ms of this thread only (Linux /proc; ticks of 10 ms), or NaN elsewhere: the bot's own share. */
export function threadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
