/**
 * The operator's path: `npm start` (src/main.ts) with BOT_TOKEN and TELEGRAM_API_ROOT talks to
 * an emulator started separately exactly as it would talk to Telegram, and never prints the token.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { common } from "../../src/messages/common.js";

const TOKEN = "5550001:REAL-looking_secret_token_ABCDEFGHIJ";
let emu: Emulator;
let child: ChildProcess;
let output = "";
const dir = mkdtempSync(path.join(tmpdir(), "dondoc-start-"));

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_bot" });
  emu.addChat({ id: 42, type: "private", firstName: "Quản trị" });
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emu.url,
      ADMIN_IDS: "42",
      LOG_LEVEL: "debug",
      DATABASE_URL: `file:${path.join(dir, "p.db")}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  await emu.waitFor(() => emu.calls("getUpdates") > 0, { timeoutMs: 20_000 });
}, 30_000);

afterAll(async () => {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm start against a separately started emulator", () => {
  it("answers /start in a private chat and sets the command menus by scope", async () => {
    emu.injectText({ chatId: 42, fromId: 42, text: "/start" });
    const [reply] = await emu.waitForMessages(42, 1, 10_000);
    expect(reply?.text).toContain("dondoc");
    expect(reply?.text).toContain("Quản trị viên");
    // Set beside the first updates (src/app.ts): the administrator's own menu comes last.
    await emu.waitFor(() => emu.menuFor(42, 42).some((c) => c.command === "capquyen"), { timeoutMs: 10_000 });
    expect(emu.commands("all_group_chats::").map((c) => c.command)).toContain("dangky");
    expect(emu.commands("all_private_chats::").map((c) => c.command)).not.toContain("capquyen");
  });

  it("never prints the token, even at debug level and on a failing call", async () => {
    emu.faults.add({ method: "sendMessage", times: 1, fault: { kind: "server_error" } });
    emu.injectText({ chatId: 42, fromId: 42, text: "/id" });
    // The refused answer is logged (with the call's details) and the user gets the apology: only
    // then has the failing call's whole path, log line included, run. A fixed sleep could end
    // before either, and the check below would pass on an empty log.
    await emu.waitFor(() => emu.botMessages(42).some((m) => m.text === common.internalError), { timeoutMs: 10_000 });
    await emu.waitFor(() => output.includes("update failed"), { timeoutMs: 10_000, label: "the failure logged" });
    expect(output).not.toContain("secret_token");
    expect(output).not.toContain(TOKEN);
  });
});
