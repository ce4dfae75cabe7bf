import { EventEmitter } from "node:events";

/**
 * A typed wrapper over EventEmitter. `on` returns an unsubscribe function so waiters and
 * the sandbox's SSE stream can detach without keeping the listener reference around.
 */
export class TypedEmitter<E extends object> {
  private readonly ee = new EventEmitter();

  constructor() {
    // Many concurrent waitFor() calls and SSE clients are normal, not a leak.
    this.ee.setMaxListeners(0);
  }

  on<K extends keyof E & string>(event: K, listener: (payload: E[K]) => void): () => void {
    this.ee.on(event, listener);
    return () => this.ee.off(event, listener);
  }

  emit<K extends keyof E & string>(event: K, payload: E[K]): void {
    this.ee.emit(event, payload);
  }
}
