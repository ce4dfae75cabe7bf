/** Units repository: returns plain domain records, never Prisma models. */
import type { Unit as UnitInput } from "../../domain/directive/schema.js";
import { letterheadSchema, type LetterheadInput } from "../../domain/letterhead.js";
import { normalizeForSearch } from "../../domain/text.js";
import type { Db } from "../client.js";
import { syncUnitListApprovers } from "./approvers.js";

export type UnitRecord = {
  code: string;
  name: string;
  tier: string;
  parentCode: string | null;
  oneStop: boolean;
  letterhead?: LetterheadInput;
};

/**
 * New units in one `createMany`, and only the units whose fields changed are updated: one
 * upsert per unit took ~1,5 ms, so a national list of 3.500 units held the bot ~5 s.
 */
export async function upsertUnits(
  prisma: Db,
  units: readonly UnitInput[],
): Promise<{ created: number; updated: number }> {
  const existing = new Map(
    (
      await prisma.unit.findMany({
        select: { code: true, name: true, tier: true, parentCode: true, oneStop: true, letterhead: true },
      })
    ).map((u) => [u.code, u]),
  );
  const fresh: {
    code: string;
    name: string;
    searchName: string;
    tier: string;
    parentCode: string | null;
    oneStop: boolean;
    letterhead: string | null;
  }[] = [];
  const changed: typeof fresh = [];
  let updated = 0;
  for (const u of units) {
    const row = {
      code: u.code,
      name: u.name,
      searchName: normalizeForSearch(u.name),
      tier: u.tier,
      parentCode: u.parent,
      oneStop: u.oneStop,
      letterhead: u.letterhead ? JSON.stringify(u.letterhead) : null,
    };
    const old = existing.get(u.code);
    if (!old) fresh.push(row);
    else {
      updated++;
      if (
        old.name !== row.name ||
        old.tier !== row.tier ||
        old.parentCode !== row.parentCode ||
        old.oneStop !== row.oneStop ||
        old.letterhead !== row.letterhead
      )
        changed.push(row);
    }
  }
  await prisma.$transaction([
    ...(fresh.length > 0 ? [prisma.unit.createMany({ data: fresh })] : []),
    ...changed.map(({ code, ...data }) => prisma.unit.update({ where: { code }, data })),
    ...syncUnitListApprovers(prisma, units),
  ]);
  return { created: fresh.length, updated };
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
    return {
      code: r.code,
      name: r.name,
      tier: r.tier,
      parentCode: r.parentCode,
      oneStop: r.oneStop,
      ...(letterhead ? { letterhead } : {}),
    };
  });
}

export async function unitExists(prisma: Db, code: string): Promise<boolean> {
  return (await prisma.unit.count({ where: { code } })) > 0;
}

export async function listUnitCodes(prisma: Db): Promise<string[]> {
  return (await prisma.unit.findMany({ select: { code: true } })).map((u) => u.code);
}
