/** A dossier export that arrives without /nhaphoso (the figures path) is still imported as dossiers. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { uploadFeature } from "../../src/bot/features/upload.js";
import { ADMIN_ID } from "../helpers/harness.js";
import { exportXlsx, row, startWorld, type World } from "./dossiersWorld.js";

let w: World;
beforeEach(async () => {
  w = await startWorld("2026-11-20T09:00:00+07:00", [uploadFeature]);
});
afterEach(async () => w?.stop());

describe("routing uploads", () => {
  it("an administrator's plain .xlsx dossier export in a private chat goes to the dossier import", async () => {
    const bytes = await exportXlsx([row("H15.50.05.13-261120-0042")]);
    w.h.emu.injectDocument({ chatId: ADMIN_ID, fromId: ADMIN_ID, fileName: "ho-so.xlsx", bytes });
    const [reply] = await w.h.emu.waitForMessages(ADMIN_ID, 1);
    expect(reply?.text).toContain("1 hồ sơ mới");
    expect(await w.h.db.prisma.dossier.count()).toBe(1);
    expect(await w.h.db.prisma.figure.count()).toBe(0);
  });
});
