/**
 * A proxy between a doomed process and the emulator that stops forwarding once told to: held
 * requests never reach "Telegram", so a SIGKILL right after `hold()` cannot leave a message that
 * Telegram accepted but the dead process never recorded (the duplicate window documented in
 * src/delivery/deliver.ts, which these crash tests are not about). Used by test/delivery/crash.test.ts,
 * test/jobs/digestCrash.test.ts and test/instances/failover.test.ts.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface HoldingProxy {
  url: string;
  hold(): void;
  /**
   * Resolves once no forwarded request is still waiting for its answer to reach the doomed
   * process: after `hold()`, what Telegram accepted is all back with it (whether it recorded
   * it is for the test to see in the database). Long polls (getUpdates) do not count: they send
   * nothing to record, and the server may keep one open for its whole timeout.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  let holding = false;
  const held: http.IncomingMessage[] = [];
  let inFlight = 0;
  const waiters: (() => void)[] = [];
  const done = (): void => {
    inFlight -= 1;
    if (inFlight === 0) for (const w of waiters.splice(0)) w();
  };
  const server = http.createServer((req, res) => {
    if (holding) {
      held.push(req); // never forwarded: Telegram never sees it
      return;
    }
    const counted = !/\/getUpdates$/.test(req.url ?? "");
    if (counted) {
      inFlight += 1;
      res.once("close", done); // answered, or the doomed process went away
    }
    const up = http.request(`${target}${req.url ?? "/"}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on("error", () => res.destroy());
    // A dead process's long poll must not go on taking updates from "Telegram".
    res.on("close", () => up.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hold: () => {
      holding = true;
    },
    settled: () =>
      inFlight === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiters.push(resolve);
          }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of held) r.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
