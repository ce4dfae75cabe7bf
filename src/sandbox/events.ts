/**
 * Live updates for the page (docs/SANDBOX.md): Server-Sent Events fed by the current emulator's
 * transcript. After "Đặt lại demo" the hub follows the new session and tells pages to reload.
 */
import type { ServerResponse } from "node:http";
import type { Runtime } from "./runtime.js";
import type { Session } from "./session.js";
import { toViewEvent } from "./view.js";

export type EventHub = {
  attach(res: ServerResponse): void;
  broadcast(event: string, data: unknown): void;
  close(): void;
};

const HEARTBEAT_MS = 15_000;

export function createEventHub(runtime: Runtime, initial: Session): EventHub {
  const clients = new Set<ServerResponse>();
  const broadcast = (event: string, data: unknown): void => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of clients) res.write(frame);
  };
  let detach = (): void => undefined;
  const follow = (s: Session): void => {
    detach();
    detach = s.emulator.on("transcript", ({ chatId, entry }) => {
      const view = toViewEvent(s.emulator, chatId, entry);
      if (view) broadcast("chat", view);
    });
  };
  follow(initial);
  const offSession = runtime.onSession((s) => {
    follow(s);
    broadcast("reset", { session: s.id });
  });
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(": ping\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    attach(res) {
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      res.write("retry: 1000\n\n");
      clients.add(res);
      res.on("close", () => clients.delete(res));
    },
    broadcast,
    close() {
      clearInterval(heartbeat);
      offSession();
      detach();
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
