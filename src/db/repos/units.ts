/** Units repository: returns plain domain records, never Prisma models. */
import type { Unit as UnitInput } from "../../domain/directive/schema.js";
import { letterheadSchema, type LetterheadInput } from "../../domain/letterhead.js";
import { normalizeForSearch } from "../../domain/text.js";
import type { Db } from "../client.js";
import { syncUnitListApprovers } from "./approvers.js";

export type UnitRecord = {
  code: string; name: string; tier: string; parentCode: string | null; oneStop: boolean; letterhead?: LetterheadInput;
};

export async function upsertUnits(prisma: Db, units: readonly UnitInput[]): Promise<{ created: number; updated: number }> {
  const existing = new Set((await prisma.unit.findMany({ select: { code: true } })).map((u) => u.code));
  let created = 0;
  let updated = 0;
  await prisma.$transaction([
    ...units.map((u) => {
      if (existing.has(u.code)) updated++;
      else created++;
      const data = {
        name: u.name, searchName: normalizeForSearch(u.name), tier: u.tier, parentCode: u.parent, oneStop: u.oneStop,
        letterhead: u.letterhead ? JSON.stringify(u.letterhead) : null,
      };
      return prisma.unit.upsert({ where: { code: u.code }, create: { code: u.code, ...data }, update: data });
    }),
    ...syncUnitListApprovers(prisma, units),
  ]);
  return { created, updated };
}

/** The stored letterhead, read back through its schema; one that no longer parses is derived instead. */
function letterheadOf(json: string | null): LetterheadInput | undefined {
  if (!json) return undefined;
  try {
    const parsed = letterheadSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function listUnits(prisma: Db): Promise<UnitRecord[]> {
  const rows = await prisma.unit.findMany({ orderBy: { code: "asc" } });
  return rows.map((r) => {
    const letterhead = letterheadOf(r.letterhead);
    return { code: r.code, name: r.name, tier: r.tier, parentCode: r.parentCode, oneStop: r.oneStop, ...(letterhead ? { letterhead } : {}) };
  });
}
