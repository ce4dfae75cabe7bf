/** "Which unit is this chat" (src/domain/chatUnit.ts): only an active chat of the asked kind, bound to a unit the catalog still has. */
import { describe, expect, it } from "vitest";
import { Catalog } from "../../src/domain/catalog.js";
import { chatUnit, type BoundChat, type ChatBindingKind } from "../../src/domain/chatUnit.js";

const catalog = new Catalog(
  [
    { code: "T", name: "Tỉnh", tier: "tinh", parentCode: null },
    { code: "X1", name: "Phường Một", tier: "xa", parentCode: "T" },
  ],
  [],
);

describe("chatUnit", () => {
  it.each<[string, BoundChat | null, ChatBindingKind, string | null]>([
    ["a unit chat", { kind: "unit", unitCode: "X1", active: true }, "unit", "X1"],
    ["a leaders' chat", { kind: "leaders", unitCode: "T", active: true }, "leaders", "T"],
    ["a head's chat", { kind: "head", unitCode: "X1", active: true }, "head", "X1"],
    ["asked for another kind", { kind: "leaders", unitCode: "T", active: true }, "unit", null],
    ["the bot left the chat", { kind: "unit", unitCode: "X1", active: false }, "unit", null],
    ["not registered", { kind: "unknown", unitCode: null, active: true }, "unit", null],
    ["a unit no longer in the catalog", { kind: "unit", unitCode: "GONE", active: true }, "unit", null],
    ["a chat the bot has not recorded", null, "unit", null],
  ])("%s", (_what, chat, kind, code) => {
    expect(chatUnit(catalog, chat, kind)?.code ?? null).toBe(code);
  });
});
