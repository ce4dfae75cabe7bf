/**
 * Who may see a dossier (docs/DOSSIERS.md, NĐ 13/2023): the chat of the unit that handles it, the unit
 * head's chat, and leaders' chats whose subtree holds the unit. Nothing else.
 */
import { activeChatIds } from "../../db/repos/dossierChats.js";
import type { Catalog } from "../../domain/catalog.js";
import type { AppDeps } from "../context.js";

function chatsOf(deps: Pick<AppDeps, "prisma">, kind: "unit" | "head", unitCode: string): Promise<bigint[]> {
  return activeChatIds(deps.prisma, kind, [unitCode]);
}

export function unitChatIds(deps: Pick<AppDeps, "prisma">, unitCode: string): Promise<bigint[]> {
  return chatsOf(deps, "unit", unitCode);
}

export function headChatIds(deps: Pick<AppDeps, "prisma">, unitCode: string): Promise<bigint[]> {
  return chatsOf(deps, "head", unitCode);
}

/** The unit itself and every unit above it. */
export function ancestry(catalog: Catalog, unitCode: string): string[] {
  const out: string[] = [];
  let code: string | null = unitCode;
  while (code && !out.includes(code)) {
    out.push(code);
    code = catalog.unit(code)?.parentCode ?? null;
  }
  return out;
}

/** Leaders' chats overseeing a subtree that holds `unitCode`. */
export async function leaderChatIds(deps: Pick<AppDeps, "prisma" | "catalog">, unitCode: string): Promise<bigint[]> {
  const codes = ancestry(deps.catalog.get(), unitCode);
  return activeChatIds(deps.prisma, "leaders", codes);
}

/** Units a leaders' chat rooted at `rootCode` oversees (itself included). */
export function subtreeCodes(catalog: Catalog, rootCode: string): Set<string> {
  return new Set([rootCode, ...catalog.descendants(rootCode).map((u) => u.code)]);
}
