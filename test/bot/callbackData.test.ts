/** Callback data at the edge: each family round-trips, and an id outside the database's Int range is null. */
import { describe, expect, it } from "vitest";
import {
  directiveButton, directivePlanButton, dossierButton, heldUploadButton, MAX_ROW_ID, parseRowId, registrationButton, taskButton, undoButton,
} from "../../src/bot/callbackData.js";

describe("parseRowId", () => {
  it.each([
    ["1", 1], [String(MAX_ROW_ID), MAX_ROW_ID], [String(MAX_ROW_ID + 1), null], ["99999999999999999999", null],
    ["0", null], ["01", null], ["-1", null], ["1e3", null], ["1.5", null], [" 1", null], ["", null], [undefined, null],
  ])("%s → %s", (text, id) => {
    expect(parseRowId(text)).toBe(id);
  });
});

describe("families round-trip within Telegram's 64 bytes", () => {
  it.each([
    [undoButton, { revisionId: MAX_ROW_ID }, `undo:${MAX_ROW_ID}`],
    [taskButton, { rowId: 7 }, "task:7"],
    [registrationButton, { approve: true, registrationId: 3 }, "reg:ok:3"],
    [registrationButton, { approve: false, registrationId: 3 }, "reg:no:3"],
    [heldUploadButton, { save: true, pendingId: 5 }, "up:ok:5"],
    [heldUploadButton, { save: false, pendingId: 5 }, "up:no:5"],
    [dossierButton, { action: "apology", dossierId: 9 }, "dx:a:9"],
    [dossierButton, { action: "explanation", dossierId: 9 }, "dx:g:9"],
    [dossierButton, { action: "returned", dossierId: 9 }, "dx:r:9"],
    [dossierButton, { action: "sendToHead", dossierId: 9 }, "dx:s:9"],
    [dossierButton, { action: "approve", dossierId: 9 }, "dx:ok:9"],
    [dossierButton, { action: "sendBack", dossierId: 9 }, "dx:no:9"],
    [directiveButton, { action: "removeConfirm", rowId: 2 }, "dv:x:2"],
    [directivePlanButton, { apply: true, pendingId: 4 }, "dp:ok:4"],
  ] as const)("%#: %j ↔ %s", (family, value, data) => {
    const encode = family.encode as (v: typeof value) => string;
    expect(encode(value)).toBe(data);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(family.parse(data)).toEqual(value);
    expect(family.pattern.test(data)).toBe(true);
  });

  it.each([
    [undoButton, `undo:${MAX_ROW_ID + 1}`], [undoButton, "undo:"], [undoButton, "undo:1:2"],
    [taskButton, "task:0"], [registrationButton, "reg:maybe:1"], [registrationButton, "reg:constructor:1"],
    [heldUploadButton, "up:ok:999999999999"], [dossierButton, "dx:z:1"], [dossierButton, `dx:ok:${MAX_ROW_ID + 1}`],
    [directiveButton, "dv:p:"], [directivePlanButton, "dp:ok:-1"],
  ] as const)("%#: %s is caught by the family but does not parse", (family, data) => {
    expect(family.pattern.test(data)).toBe(true);
    expect(family.parse(data)).toBeNull();
  });
});
