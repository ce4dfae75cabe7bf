/**
 * Telegram's side of scripts/bench-nop.ts, in a worker thread: the Bot API emulator and the officers
 * who inject `/nop`. In production Telegram does not run on the bot's CPU; sharing the bot's one
 * JavaScript thread it took about a quarter of that thread in a burst (docs/PERFORMANCE.md), so the
 * bench measured the emulator's queue as much as the bot's. Latencies are still taken here, from a
 * message's injection to its answer arriving at the emulator: what an officer waits.
 */
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { z } from "zod";
import { startEmulator } from "../src/emulator/index.js";
import { common } from "../src/messages/common.js";

export const setup = z.object({
  token: z.string(),
  officer: z.number(),
  chats: z.array(z.object({ id: z.number(), title: z.string() })),
});
export const command = z.discriminatedUnion("type", [
  z.object({ type: z.literal("once"), chatId: z.number(), text: z.string() }),
  z.object({ type: z.literal("burst"), messages: z.array(z.object({ chatId: z.number(), text: z.string() })) }),
  z.object({ type: z.literal("stop") }),
]);
/** What the worker posts back: ready (with the Bot API root), one latency, a burst's latencies, stopped. */
export const reply = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), url: z.string() }),
  z.object({ type: z.literal("latencies"), ms: z.array(z.number()), failed: z.number() }),
  z.object({ type: z.literal("stopped") }),
]);

/** Runs Telegram's side, answering on `port`: in the worker, or on the bot's thread (`--emulator inline`). */
export async function runTelegram(port: MessagePort, options: unknown): Promise<void> {
  const o = setup.parse(options);
  const emu = await startEmulator({ token: o.token, botUsername: "dondoc_bench_bot" });
  emu.addUser({ id: o.officer, firstName: "Cán bộ" });
  for (const c of o.chats)
    emu.addChat({ id: c.id, type: "supergroup", title: c.title, members: { [o.officer]: "member" } });

  /** Per chat, the injection times still waiting for their answer, oldest first (a chat answers in order). */
  const unanswered = new Map<number, number[]>();
  let samples: number[] = [];
  let left = 0;
  let failed = 0; // answers that are the "internal error" text: speed must not be bought with errors
  emu.on("message", (m: { chatId: number; direction: "bot" | "user"; message?: { text?: string } }) => {
    if (m.direction !== "bot") return;
    const sent = unanswered.get(m.chatId)?.shift();
    if (sent === undefined) return;
    if (m.message?.text === common.internalError) failed += 1;
    samples.push(performance.now() - sent);
    if (--left === 0) {
      port.postMessage({ type: "latencies", ms: samples, failed });
      samples = [];
      failed = 0;
    }
  });
  const inject = (chatId: number, text: string) => {
    unanswered.set(chatId, [...(unanswered.get(chatId) ?? []), performance.now()]);
    emu.injectText({ chatId, fromId: o.officer, text });
  };

  port.on("message", async (raw: unknown) => {
    const c = command.parse(raw);
    if (c.type === "stop") {
      await emu.stop();
      port.postMessage({ type: "stopped" });
      return;
    }
    const messages = c.type === "once" ? [c] : c.messages;
    left = messages.length;
    for (const m of messages) inject(m.chatId, m.text);
  });
  port.postMessage({ type: "ready", url: emu.url });
}

if (parentPort) await runTelegram(parentPort, workerData);
