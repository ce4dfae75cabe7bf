/**
 * The approver recorded on a letter reaches the renderer as `signer` (docs/DOSSIERS.md "Ai được
 * duyệt"), so the signer block can print the name and role of who really approved.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { approveDrafts } from "../../src/services/apology/decision.js";
import { submitDrafts } from "../../src/services/apology/flow.js";
import { renderDossierDocument } from "../../src/services/apology/render.js";
import { exportXlsx, HEAD_USER, OFFICER, row, startWorld, UNIT, type World } from "../bot/dossiersWorld.js";

vi.mock("../../src/services/apology/render.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/services/apology/render.js")>();
  return { ...real, renderDossierDocument: vi.fn(real.renderDossierDocument) };
});

let w: World | undefined;
afterEach(async () => w?.stop());

describe("approveDrafts", () => {
  it("passes the recorded approver to the renderer as signer", async () => {
    w = await startWorld("2026-11-20T09:00:00+07:00");
    await w.upload(await exportXlsx([row("H15.50.05.13-261120-0001")]));
    const d = await w.h.db.prisma.dossier.findFirstOrThrow();
    await submitDrafts(w.h.deps, {
      dossierId: d.id,
      unitCode: "TN-X1",
      reason: "Chờ kết quả xác minh",
      newDate: "2026-12-01",
      by: { id: BigInt(OFFICER), name: "Lan" },
      chatId: BigInt(UNIT),
    });
    const r = await approveDrafts(w.h.deps, {
      dossierId: d.id,
      headUnitCode: "TN-X1",
      by: { id: BigInt(HEAD_USER), telegramName: "Hùng" },
    });
    expect(r.ok).toBe(true);
    const finals = vi
      .mocked(renderDossierDocument)
      .mock.calls.map(([, input]) => input)
      .filter((i) => !i.draft);
    expect(finals.map((i) => i.signer)).toEqual([
      { name: "Hùng", role: "head" },
      { name: "Hùng", role: "head" },
    ]);
    await w.drained();
  });
});
