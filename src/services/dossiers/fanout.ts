/**
 * Shared by the two overdue sweeps (first deadline: dossiers/sweep.ts; re-appointed date:
 * dossiers/sweepSecond.ts): grouping by unit, unit names, and long pushes split with a dedup
 * key per part.
 */
import { splitMessage } from "../../render/html.js";
import type { AppDeps } from "../context.js";
import { pushText, type PushText } from "../notify.js";

/** 10 dossiers × 2 buttons keeps a prompt readable on a phone and far from Telegram's limits. */
export const PROMPT_BATCH = 10;

export function byUnit<T extends { unitCode: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const d of list) out.set(d.unitCode, [...(out.get(d.unitCode) ?? []), d]);
  return out;
}

/** Escalation lists can outgrow one message: each part gets its own dedup key. */
export async function pushLong(deps: AppDeps, msg: PushText): Promise<void> {
  const parts = splitMessage(msg.text);
  for (const [i, text] of parts.entries()) {
    await pushText(deps, { ...msg, text, dedupKey: i === 0 ? msg.dedupKey : `${msg.dedupKey}:p${i}` });
  }
}

export const unitName = (deps: AppDeps, code: string): string => deps.catalog.get().unit(code)?.name ?? code;
