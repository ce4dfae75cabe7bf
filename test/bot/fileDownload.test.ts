/**
 * A file the bot cannot fetch from Telegram — getFile refused, or the download answering 404
 * once the file path has expired — is answered with what to do, and nothing is saved.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extraFeatures } from "../../src/bot/extraFeatures.js";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { common } from "../../src/messages/common.js";
import { ADMIN_ID, startHarness, type Harness } from "../helpers/harness.js";
import { exportCsv, row } from "./dossiersWorld.js";
import { figuresFile } from "./uploadFixtures.js";

const FILES = [
  "test/fixtures/province.units.yaml",
  "test/fixtures/province.directive.yaml",
  "test/jobs/fixtures/tasks.directive.yaml",
];
const UNIT = -100701; // TN-X1
const OFFICER = 751;

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: "2026-11-20T09:00:00+07:00", files: FILES, extraFeatures: extraFeatures() });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addChat({ id: ADMIN_ID, type: "private" });
  h.emu.addChat({ id: UNIT, type: "supergroup", title: "Phường Đức Xuân" });
  await touchChat(h.db.prisma, { chatId: BigInt(UNIT), type: "supergroup", title: "Phường Đức Xuân" });
  await bindChat(h.db.prisma, BigInt(UNIT), "unit", "TN-X1");
});
afterEach(async () => h?.stop());

async function say(text: string, chatId = UNIT, fromId = OFFICER) {
  const before = h.emu.botMessages(chatId).length;
  h.emu.injectText({ chatId, fromId, text });
  const reply = (await h.emu.waitForMessages(chatId, before + 1)).at(-1);
  if (!reply) throw new Error("no reply");
  return reply;
}

type Failure = "getFile refused" | "download 404";

/** Sends a document whose fetch fails as `failure` says; returns the bot's answers. */
async function sendFailing(
  failure: Failure,
  input: {
    chatId: number;
    fromId: number;
    fileName: string;
    bytes: Buffer;
    caption?: string;
    replyToMessageId?: number;
  },
) {
  if (failure === "getFile refused") {
    h.emu.faults.add({
      method: "getFile",
      fault: {
        kind: "error",
        errorCode: 400,
        description: "Bad Request: wrong file_id or the file is temporarily unavailable",
      },
    });
  }
  const before = h.emu.botMessages(input.chatId).length;
  const sent = h.emu.injectDocument(input);
  const stored = h.emu.file(sent.message.document?.file_id ?? "");
  if (!stored) throw new Error("file not stored");
  // Telegram's file paths expire (an hour after getFile): the download then answers 404.
  if (failure === "download 404") stored.filePath = `${stored.filePath}.expired`;
  const replies = (await h.emu.waitForMessages(input.chatId, before + 1)).slice(before);
  await h.idle();
  return [...replies, ...h.emu.botMessages(input.chatId).slice(before + replies.length)];
}

const saved = async () => ({
  figures: await h.db.prisma.figure.count(),
  dossiers: await h.db.prisma.dossier.count(),
  blobs: await h.db.prisma.blob.count(),
  pendingUploads: await h.db.prisma.pendingUpload.count(),
  directives: await h.db.prisma.directive.count(),
  tasks: await h.db.prisma.taskOccurrence.findMany({ orderBy: { id: "asc" } }),
});

const FAILURES: Failure[] = ["getFile refused", "download 404"];

describe.each(FAILURES)("a file the bot cannot fetch (%s)", (failure) => {
  it("a figures table sent with /nhap", async () => {
    const before = await saved();
    const replies = await sendFailing(failure, {
      chatId: UNIT,
      fromId: OFFICER,
      fileName: "so-lieu.xlsx",
      caption: "/nhap",
      bytes: await figuresFile([["TN-X1", "Phường Đức Xuân", "hs-truc-tuyen", "10/2026", 95, 120]]),
    });
    expect(replies.map((m) => m.text)).toEqual([common.fileDownloadFailed]);
    expect(await saved()).toEqual(before);
  });

  it("a dossier list sent in reply to /nhaphoso", async () => {
    const prompt = await say("/nhaphoso");
    const before = await saved();
    const replies = await sendFailing(failure, {
      chatId: UNIT,
      fromId: OFFICER,
      fileName: "ds-ho-so.csv",
      bytes: exportCsv([row("H15.50.05.13-261120-0001")]),
      replyToMessageId: prompt.message_id,
    });
    expect(replies.map((m) => m.text)).toEqual([common.fileDownloadFailed]);
    expect(await saved()).toEqual(before);
  });

  it("an evidence file in reply to the /xong prompt", async () => {
    const prompt = await say("/xong T-1");
    const before = await saved();
    const replies = await sendFailing(failure, {
      chatId: UNIT,
      fromId: OFFICER,
      fileName: "bien-ban.pdf",
      bytes: Buffer.from("%PDF-1.4 minh chung"),
      replyToMessageId: prompt.message_id,
    });
    expect(replies.map((m) => m.text)).toEqual([common.fileDownloadFailed]);
    expect(await saved()).toEqual(before);
  });

  it("a directive file sent privately by an administrator", async () => {
    const before = await saved();
    const replies = await sendFailing(failure, {
      chatId: ADMIN_ID,
      fromId: ADMIN_ID,
      fileName: "chi-thi.yaml",
      bytes: readFileSync("test/fixtures/province.directive.yaml"),
    });
    expect(replies.map((m) => m.text)).toEqual([common.fileDownloadFailed]);
    expect(await saved()).toEqual(before);
  });
});
