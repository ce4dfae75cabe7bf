/**
 * Telegram-shaped API errors. The emulator answers exactly like api.telegram.org does
 * (HTTP status = error_code, JSON body `{ ok:false, error_code, description, parameters? }`)
 * so grammY turns them into `GrammyError` with the same fields the production code sees.
 */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }

  toJSON(): Record<string, unknown> {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (what: string, parameters?: ResponseParameters): ApiError =>
  new ApiError(400, `Bad Request: ${what}`, parameters);

export const forbidden = (what: string): ApiError => new ApiError(403, `Forbidden: ${what}`);

export const tooManyRequests = (retryAfter: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

export const unauthorized = (): ApiError => new ApiError(401, "Unauthorized");
export const notFound = (): ApiError => new ApiError(404, "Not Found");

export const chatNotFound = (): ApiError => badRequest("chat not found");

/**
 * The token is a credential: it must never reach a log line or an error text, including
 * URLs that embed it (`/bot<token>/method`, `/file/bot<token>/path`).
 */
export function redact(text: string, token?: string): string {
  let out = text.replace(/\/bot[^/\s]+\//g, "/bot<redacted>/");
  if (token) out = out.split(token).join("<redacted>");
  return out;
}
