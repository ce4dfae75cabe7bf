/**
 * The sandbox's current session and "Đặt lại demo" (docs/SANDBOX.md): stop the app and the emulator,
 * delete the sandbox database, start both again and re-seed. Requests that arrive meanwhile
 * wait for the new session instead of reaching a half-stopped one.
 */
import { rmSync } from "node:fs";
import { sqlitePath } from "../db/sqlite.js";
import { startSession, type Session, type SessionOptions } from "./session.js";

export type Runtime = {
  /** The running session (waits while a reset is in progress). */
  session(): Promise<Session>;
  reset(): Promise<Session>;
  /** Called with each new session (after start and after every reset). */
  onSession(listener: (s: Session) => void): () => void;
  stop(): Promise<void>;
};

export class ResetError extends Error {}

function deleteDatabase(databaseUrl: string): void {
  if (!databaseUrl.startsWith("file:"))
    throw new ResetError("Chỉ đặt lại được cơ sở dữ liệu SQLite (file:) của bản dùng thử");
  const file = sqlitePath(databaseUrl);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

export async function startRuntime(o: SessionOptions): Promise<Runtime> {
  let current: Promise<Session> = startSession(o);
  await current;
  const listeners = new Set<(s: Session) => void>();
  let stopped = false;
  const announce = (s: Session): Session => {
    for (const l of listeners) l(s);
    return s;
  };
  return {
    session: () => current,
    reset() {
      if (stopped) return Promise.reject(new ResetError("Bản dùng thử đang dừng"));
      const previous = current;
      current = (async () => {
        await (await previous.catch(() => undefined))?.stop();
        deleteDatabase(o.databaseUrl);
        return announce(await startSession(o));
      })();
      return current;
    },
    onSession(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      await (await current.catch(() => undefined))?.stop();
    },
  };
}
