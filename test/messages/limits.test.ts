/**
 * A limit appears once (STYLE.md habit 10): the texts that tell a user about the undo window, the
 * hold of an upload's buttons and the file-size limits print the constants of src/domain/limits.ts.
 * Here the constants are changed and the texts must follow (with the numbers typed into the
 * texts, as they were, they did not).
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("../../src/domain/limits.js", () => ({
  UNDO_WINDOW_MS: 15 * 60_000,
  MAX_SHEET_FILE_BYTES: 8 * 1024 * 1024,
  MAX_CONFIG_TEXT_BYTES: 3 * 1024 * 1024,
  MAX_EVIDENCE_FILE_BYTES: 20 * 1024 * 1024,
  PENDING_UPLOAD_TTL_MS: 45 * 60_000,
}));

const { reportTexts } = await import("../../src/messages/report.js");
const { uploadTexts } = await import("../../src/messages/upload.js");
const { dossierTexts } = await import("../../src/messages/dossiers.js");
const { adminTexts } = await import("../../src/messages/admin.js");
const { taskTexts } = await import("../../src/messages/tasks.js");
const { problemTexts } = await import("../../src/directives/readYaml.js");

describe("texts read the limits", () => {
  it.each([
    ["undo button", reportTexts.undoButton, "15 phút"],
    ["undo expired", reportTexts.undoExpired, "15 phút"],
    ["figures file too large", uploadTexts.fileTooLarge, "8 MB"],
    ["dossier file too large", dossierTexts.fileTooLarge, "8 MB"],
    ["directive file too large", adminTexts.fileTooLarge, "3 MB"],
    ["directive text too large", problemTexts.tooLarge(4 * 1024 * 1024), "giới hạn 3 MB"],
    ["evidence too large", taskTexts.evidenceTooLarge, "20 MB"],
    ["held upload expired", uploadTexts.refusals.expired, "45 phút"],
    [
      "held upload, keep the valid rows",
      uploadTexts.rowsRejected(3, [{ rowNumber: 2, reason: "sai" }], true),
      "45 phút",
    ],
    ["directive plan prompt", adminTexts.planPrompt("…"), "45 phút"],
  ])("%s", (_what, text, shown) => {
    expect(text).toContain(shown);
    expect(text).not.toMatch(/\b(10|30) phút|\b[15] MB/);
  });
});
