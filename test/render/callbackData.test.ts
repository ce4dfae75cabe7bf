/** Callback data at the edge: each family round-trips, and an id outside the database's Int range is null. */
import { describe, expect, it } from "vitest";
import {
  datePickerButton,
  directiveButton,
  directivePlanButton,
  dossierButton,
  dossierViewButton,
  heldUploadButton,
  uploadUndoButton,
  MAX_NOP_CHOICE,
  MAX_RESEND_SPAN,
  MAX_ROW_ID,
  nopButton,
  parseRowId,
  registrationButton,
  resendButton,
  digestButton,
  roleUndoButton,
  salutationButton,
  taskButton,
  taskStepButton,
  undoButton,
  type CallbackFamily,
} from "../../src/render/callbackData.js";

describe("parseRowId", () => {
  it.each([
    ["1", 1],
    [String(MAX_ROW_ID), MAX_ROW_ID],
    [String(MAX_ROW_ID + 1), null],
    ["99999999999999999999", null],
    ["0", null],
    ["01", null],
    ["-1", null],
    ["1e3", null],
    ["1.5", null],
    [" 1", null],
    ["", null],
    [undefined, null],
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
    [uploadUndoButton, { pendingId: MAX_ROW_ID }, `uu:${MAX_ROW_ID}`],
    [dossierButton, { action: "apology", dossierId: 9 }, "dx:a:9"],
    [dossierButton, { action: "explanation", dossierId: 9 }, "dx:g:9"],
    [dossierButton, { action: "returned", dossierId: 9 }, "dx:r:9"],
    [dossierButton, { action: "sendToHead", dossierId: 9 }, "dx:s:9"],
    [dossierButton, { action: "approve", dossierId: 9 }, "dx:ok:9"],
    [dossierButton, { action: "sendBack", dossierId: 9 }, "dx:no:9"],
    [directiveButton, { action: "removeConfirm", rowId: 2 }, "dv:x:2"],
    [directivePlanButton, { apply: true, pendingId: 4 }, "dp:ok:4"],
    [roleUndoButton, { rowId: 6, granted: "leader", previous: null }, "rq:l-:6"],
    [roleUndoButton, { rowId: MAX_ROW_ID, granted: "admin", previous: "leader" }, `rq:al:${MAX_ROW_ID}`],
  ] as const)("%#: %j ↔ %s", (family, value, data) => {
    const encode = family.encode as (v: typeof value) => string;
    expect(encode(value)).toBe(data);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(family.parse(data)).toEqual(value);
    expect(family.pattern.test(data)).toBe(true);
  });

  it.each([
    [undoButton, `undo:${MAX_ROW_ID + 1}`],
    [undoButton, "undo:"],
    [undoButton, "undo:1:2"],
    [taskButton, "task:0"],
    [registrationButton, "reg:maybe:1"],
    [registrationButton, "reg:constructor:1"],
    [heldUploadButton, "up:ok:999999999999"],
    [uploadUndoButton, "uu:0"],
    [dossierButton, "dx:z:1"],
    [dossierButton, `dx:ok:${MAX_ROW_ID + 1}`],
    [directiveButton, "dv:p:"],
    [directivePlanButton, "dp:ok:-1"],
  ] as const)("%#: %s is caught by the family but does not parse", (family, data) => {
    expect(family.pattern.test(data)).toBe(true);
    expect(family.parse(data)).toBeNull();
  });
});

/** Every family the bot has: a new one is added here, or the "every family" tables miss it. */
const FAMILIES: readonly [string, CallbackFamily<never>][] = [
  ["undo", undoButton],
  ["task", taskButton],
  ["reg", registrationButton],
  ["up", heldUploadButton],
  ["uu", uploadUndoButton],
  ["dx", dossierButton],
  ["dv", directiveButton],
  ["dp", directivePlanButton],
  ["rs", resendButton],
  ["dg", digestButton],
  ["tk", taskStepButton],
  ["hs", dossierViewButton],
  ["cal", datePickerButton],
  ["sal", salutationButton],
] as unknown as readonly [string, CallbackFamily<never>][];

describe("every family: every value round-trips, at both ends of the id range", () => {
  const cases: [string, CallbackFamily<unknown>, unknown][] = [];
  for (const id of [1, MAX_ROW_ID]) {
    cases.push(["undo", undoButton, { revisionId: id }], ["task", taskButton, { rowId: id }]);
    for (const approve of [true, false]) cases.push(["reg", registrationButton, { approve, registrationId: id }]);
    for (const save of [true, false]) cases.push(["up", heldUploadButton, { save, pendingId: id }]);
    cases.push(["uu", uploadUndoButton, { pendingId: id }]);
    for (const step of ["confirm", "keep", "evidence", "skip"] as const)
      cases.push(["tk", taskStepButton, { step, rowId: id }]);
    cases.push(["hs", dossierViewButton, { dossierId: id }]);
    for (const salutation of ["Ông", "Bà"] as const) cases.push(["sal", salutationButton, { salutation }]);
    for (const action of [
      "apology",
      "explanation",
      "returned",
      "returnedConfirm",
      "returnedKeep",
      "sendToHead",
      "approve",
      "sendBack",
    ] as const)
      cases.push(["dx", dossierButton, { action, dossierId: id }]);
    for (const action of ["pause", "resume", "remove", "removeConfirm", "keep"] as const)
      cases.push(["dv", directiveButton, { action, rowId: id }]);
    for (const apply of [true, false]) cases.push(["dp", directivePlanButton, { apply, pendingId: id }]);
    for (const action of ["useful", "askAll", "all", "keep"] as const)
      cases.push(["rs", resendButton, { action, first: id, last: id }]);
  }
  it.each(cases)("%s %j", (_name, family, value) => {
    const data = family.encode(value);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(family.pattern.test(data)).toBe(true);
    expect(family.parse(data)).toEqual(value);
  });

  it("no two families claim the same data", () => {
    for (const [, a] of FAMILIES)
      for (const [, b] of FAMILIES) if (a !== b) expect(a.pattern.source).not.toBe(b.pattern.source);
    expect(undoButton.pattern.test(taskButton.encode({ rowId: 1 }))).toBe(false);
    expect(dossierButton.pattern.test(directiveButton.encode({ action: "pause", rowId: 1 }))).toBe(false);
  });
});

describe("date picker data", () => {
  it.each([
    ["cal:n", { kind: "none" }],
    ["cal:m:202612", { kind: "month", year: 2026, month: 12 }],
    ["cal:d:20261201", { kind: "pick", date: "2026-12-01" }],
    ["cal:p:20261130", { kind: "past", date: "2026-11-30" }],
    ["cal:d:20260229", null],
    ["cal:d:20261301", null],
    ["cal:m:202613", null],
    ["cal:m:202600", null],
    ["cal:m:999912", null],
    ["cal:d:2026121", null],
    ["cal:x:20261201", null],
  ] as const)("%s → %j", (data, value) => {
    expect(datePickerButton.pattern.test(data)).toBe(true);
    expect(datePickerButton.parse(data)).toEqual(value);
    if (value) expect(datePickerButton.encode(value)).toBe(data);
  });
});

describe("resend ranges", () => {
  it.each([
    ["rs:u:1:1", { action: "useful", first: 1, last: 1 }],
    [`rs:y:1:${1 + MAX_RESEND_SPAN}`, { action: "all", first: 1, last: 1 + MAX_RESEND_SPAN }],
    [`rs:y:1:${2 + MAX_RESEND_SPAN}`, null],
    ["rs:a:5:4", null],
    [`rs:n:1:${MAX_ROW_ID + 1}`, null],
    ["rs:z:1:2", null],
    ["rs:u:1", null],
    ["rs:u:0:1", null],
  ] as const)("%s → %j", (data, value) => {
    expect(resendButton.pattern.test(data)).toBe(true);
    expect(resendButton.parse(data)).toEqual(value);
  });
});

describe("every family refuses garbage", () => {
  const garbage = [
    undefined,
    "",
    ":",
    "1",
    "undo",
    "undo:abc",
    "task:1 ",
    " task:1",
    "reg:ok",
    "up::1",
    "dx:a:1:2",
    "dv:P:1",
    "dp:ok:1.0",
    "rs:u:1:2:3",
    "__proto__",
    "dx:__proto__:1",
    "reg:hasOwnProperty:1",
    "x".repeat(64),
    "undo:١٢",
    "task:+1",
  ];
  it.each(FAMILIES)("%s", (_name, family) => {
    for (const data of garbage) expect(family.parse(data), String(data)).toBeNull();
  });
});

describe("digest buttons", () => {
  it.each([
    [{ action: "remind", root: "TN", period: "2026-11" }, "dg:r:TN:202611"],
    [{ action: "list", root: "BN25-SKHCN", period: "2026-12" }, "dg:l:BN25-SKHCN:202612"],
    [{ action: "xlsx", root: "TN", period: "2027-01" }, "dg:x:TN:202701"],
    [{ action: "pick", root: "TN", period: "2026-11" }, "dg:i:TN:202611"],
    [{ action: "chart", root: "TN", period: "2026-11", indicator: "hs-truc-tuyen" }, "dg:c:TN:202611:hs-truc-tuyen"],
  ] as const)("%j ↔ %s", (value, data) => {
    expect(digestButton.encode(value)).toBe(data);
    expect(digestButton.parse(data)).toEqual(value);
  });

  it.each([
    "dg:r:TN:202613",
    "dg:r:TN:202600",
    "dg:c:TN:202611",
    "dg:l:TN:202611:hs",
    "dg:q:TN:202611",
    "dg:r:T N:202611",
    "dg:r::202611",
    `dg:r:${"A".repeat(41)}:202611`,
  ])("refuses %s", (data) => expect(digestButton.parse(data)).toBeNull());
});

describe("the /nop question buttons (nopButton)", () => {
  it.each([
    [{ action: "choose", questionId: 7, index: 0 }, "nop:i:7:0"],
    [{ action: "choose", questionId: MAX_ROW_ID, index: MAX_NOP_CHOICE }, `nop:i:${MAX_ROW_ID}:${MAX_NOP_CHOICE}`],
    [{ action: "month", questionId: 7, index: 1 }, "nop:p:7:1"],
    [{ action: "save", questionId: 7 }, "nop:s:7"],
    [{ action: "cancel", questionId: 7 }, "nop:c:7"],
  ] as const)("%j ↔ %s", (value, data) => {
    expect(nopButton.encode(value)).toBe(data);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(nopButton.parse(data)).toEqual(value);
    expect(nopButton.pattern.test(data)).toBe(true);
  });

  it.each([
    "nop:i:7",
    `nop:i:7:${MAX_NOP_CHOICE + 1}`,
    "nop:p:7:2",
    "nop:s:7:1",
    "nop:c:0",
    `nop:s:${MAX_ROW_ID + 1}`,
    "nop:x:7",
    "nop:s:07",
  ])("%s is no button the bot drew", (data) => {
    expect(nopButton.parse(data)).toBeNull();
  });
});
