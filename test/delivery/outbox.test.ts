import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueue, OutboxError, storeBlob } from "../../src/delivery/outbox.js";
import { PNG, startWorld, type World } from "./setup.js";

let w: World;
beforeEach(async () => {
  w = await startWorld();
  await w.addGroups([-100123]);
});
afterEach(async () => w.stop());

const digest = (text = "Tuần 47") => ({
  dedupKey: "digest:2026-W47:chat:-100123",
  chatId: -100123n,
  kind: "digest",
  method: "sendMessage" as const,
  payload: { text },
});

describe("enqueue", () => {
  it("the same dedup key twice is one row and one message", async () => {
    const a = await enqueue(w.db.prisma, digest());
    const b = await enqueue(w.db.prisma, digest("khác"));
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, message: { id: a.message.id } });
    expect(await w.db.prisma.outboxMessage.count()).toBe(1);
    await w.worker().drainOnce();
    expect(w.emu.botMessages(-100123).map((m) => m.text)).toEqual(["Tuần 47"]);
  });

  it("concurrent enqueues of one key race on the unique index, not on a prior check", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => enqueue(w.db.prisma, digest())));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
  });

  it("refuses payloads Telegram would refuse and blobs that do not exist", async () => {
    await expect(enqueue(w.db.prisma, { ...digest(""), dedupKey: "x" })).rejects.toThrow();
    await expect(
      enqueue(w.db.prisma, {
        dedupKey: "y",
        chatId: 1n,
        kind: "chart",
        method: "sendPhoto",
        payload: { photo: { blobId: 999 } },
      }),
    ).rejects.toBeInstanceOf(OutboxError);
  });
});

describe("storeBlob", () => {
  it("stores identical bytes once", async () => {
    const [a, b] = await Promise.all([
      storeBlob(w.db.prisma, PNG, "image/png", "a.png"),
      storeBlob(w.db.prisma, PNG, "image/png", "b.png"),
    ]);
    expect(a.id).toBe(b.id);
    expect(await w.db.prisma.blob.count()).toBe(1);
  });
});
