/**
 * The HTTP client for Bot API calls, given to grammY as its `fetch` (docs/PERFORMANCE.md, burst
 * section). grammY's default is node-fetch, which builds a WHATWG Request, Headers and Response
 * around every call, parses the URL each time and writes headers and body separately; in a burst
 * of `/nop` that client was about 40 % of the bot's thread. grammY only ever calls `.json()` on
 * the answer, so this does the same work straight on `node:http`: one request through grammY's
 * keep-alive agent, the body read whole and parsed. Node's built-in fetch (undici) was measured
 * slower than node-fetch here.
 *
 * What node-fetch did that still holds: the agent grammY configures (keep-alive per API root);
 * its abort signal (grammY's timeout, the poll loop's lease) ends the request with an AbortError;
 * gzip/deflate/brotli answers are decoded when `compress` is set (grammY sets it for https);
 * multipart uploads (a stream body) are piped as they are generated; any status is answered with
 * its body and a body that is not JSON rejects, so grammY reports an `HttpError` as before.
 * Not kept: following redirects (the Bot API does not redirect).
 */
import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";

/** What grammY passes (core/client.js: baseFetchConfig, the JSON or multipart payload, its signal). */
export interface BotApiInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  agent?: http.Agent;
  compress?: boolean;
  signal?: {
    readonly aborted: boolean;
    addEventListener(type: "abort", listener: () => void): void;
    removeEventListener(type: "abort", listener: () => void): void;
  };
}

export interface BotApiResponse {
  json(): Promise<unknown>;
}

/** Parsed once per URL: a bot calls a few dozen distinct methods, so the map stays small. */
const targets = new Map<string, { https: boolean; host: string; port: string; path: string }>();
function target(url: string) {
  let t = targets.get(url);
  if (!t) {
    const u = new URL(url);
    t = { https: u.protocol === "https:", host: u.hostname, port: u.port, path: u.pathname + u.search };
    targets.set(url, t);
  }
  return t;
}

function abortError(): Error {
  const e = new Error("The Bot API request was aborted");
  e.name = "AbortError";
  return e;
}

function decoded(res: http.IncomingMessage): Readable {
  switch (res.headers["content-encoding"]) {
    case "gzip":
    case "x-gzip":
      return res.pipe(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH }));
    case "deflate":
      return res.pipe(zlib.createInflate());
    case "br":
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

/** A Bot API call: resolves once the whole answer is read and parsed (`json()` returns it). */
export function botApiFetch(url: string, init: BotApiInit = {}): Promise<BotApiResponse> {
  return new Promise((resolve, reject) => {
    const signal = init.signal;
    if (signal?.aborted) return reject(abortError());
    const t = target(url);
    const body = init.body;
    const headers: Record<string, string | number> = { ...init.headers };
    if (typeof body === "string") headers["content-length"] = Buffer.byteLength(body);
    if (init.compress) headers["accept-encoding"] = "gzip, deflate, br";
    const request = t.https ? https.request : http.request;
    const req = request({
      host: t.host,
      port: t.port || undefined,
      path: t.path,
      method: init.method ?? "GET",
      headers,
      agent: init.agent,
    });
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      reject(e);
    };
    const onAbort = () => {
      fail(abortError());
      req.destroy();
    };
    signal?.addEventListener("abort", onAbort);
    req.on("error", fail);
    req.on("response", (res) => {
      const stream = init.compress ? decoded(res) : res;
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", fail);
      res.on("error", fail);
      res.on("close", () => {
        if (!res.complete) fail(new Error("The Bot API answer was cut off"));
      });
      stream.on("end", () => {
        if (settled) return;
        let value: unknown;
        try {
          value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch (e) {
          return fail(new Error(`The Bot API answered HTTP ${res.statusCode} without JSON`, { cause: e }));
        }
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        resolve({ json: () => Promise.resolve(value) });
      });
    });
    if (body === undefined || typeof body === "string") req.end(body);
    else {
      body.on("error", (e) => {
        fail(e);
        req.destroy();
      });
      body.pipe(req);
    }
  });
}

/** grammY's client options: the API root (Telegram's when undefined) and this client. */
export function botApiClient(apiRoot?: string): { apiRoot?: string; fetch: typeof botApiFetch } {
  return { ...(apiRoot ? { apiRoot } : {}), fetch: botApiFetch };
}
