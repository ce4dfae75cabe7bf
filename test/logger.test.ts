import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactSecrets } from "../src/logger.js";

describe("the bot token never reaches a log line", () => {
  const token = "7012345678:AAHk-very_secret_token_value_123";
  it.each([
    `https://api.telegram.org/bot${token}/getUpdates`,
    `request to http://127.0.0.1:8081/file/bot${token}/documents/file_1.xlsx failed`,
    `token ${token}`,
  ])("redacts %s", (text) => {
    expect(redactSecrets(text, [token])).not.toContain("secret_token");
    expect(redactSecrets(text)).not.toContain("secret_token");
  });

  it("redacts inside logged errors, nested objects and messages", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger("info", [token], sink);
    logger.info(
      { err: new Error(`failed https://x/bot${token}/sendMessage`), nested: { url: `/bot${token}/getMe` } },
      `polling /bot${token}/x`,
    );
    logger.error(new Error(`HttpError: request to /bot${token}/getUpdates failed`));
    const out = lines.join("");
    expect(out).toContain("<token>");
    expect(out).not.toContain("secret_token");
  });
});
