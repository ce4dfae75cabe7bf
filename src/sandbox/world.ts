/**
 * Who and which chats the demo has (docs/SANDBOX.md): an administrator, two officers, a leader and a
 * unit head; 3–4 unit groups, the leaders' group, the head's group, the administrator's
 * private chat. Pure: derived from the catalog, so a restart rebuilds the same world.
 */
import type { Catalog, CatalogUnit } from "../domain/catalog.js";
import type { IsoDate } from "../domain/directive/dates.js";

export type DemoRole = "admin" | "officer" | "leader" | "head";
export type DemoPerson = { id: number; name: string; role: DemoRole; label: string; unitCode: string | null };
/** "new": a group the bot was just added to and nobody registered yet (the tour's last step). */
export type DemoChatKind = "unit" | "leaders" | "head" | "private" | "new";
export type DemoChat = {
  id: number;
  type: "private" | "supergroup";
  title: string;
  kind: DemoChatKind;
  unitCode: string | null;
  /** Member ids, the default sender first. */
  members: number[];
};
export type DemoWorld = { root: CatalogUnit; units: CatalogUnit[]; people: DemoPerson[]; chats: DemoChat[] };

/** Two communes or wards and two departments make a readable demo. */
const UNIT_COUNT = 4;
const FIRST_TIERS = ["xa", "xa", "so-ban-nganh", "so-ban-nganh"];

export const DEMO_IDS = { admin: 70001, officerA: 70011, officerB: 70012, leader: 70021, head: 70031 } as const;
const shortName = (u: CatalogUnit): string => u.name.replace(/^UBND\s+/i, "");
const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export class WorldError extends Error {}

/**
 * Units with a target in force or to come on `today` (a lapsed one makes a dead demo): two
 * communes and two departments when the preset has them, else spread over its tiers.
 */
function pickUnits(catalog: Catalog, today: IsoDate): CatalogUnit[] {
  // Departments named "Sở …" first: a one-stop centre or the police make a less typical demo unit.
  const reporting = catalog.units
    .filter((u) => u.parentCode !== null && !u.oneStop && catalog.indicatorsFor(u, today).length > 0)
    .sort((a, b) => Number(!/^Sở /.test(a.name)) - Number(!/^Sở /.test(b.name)));
  const picked: CatalogUnit[] = [];
  for (const tier of FIRST_TIERS) {
    const next = reporting.find((u) => u.tier === tier && !picked.includes(u));
    if (next) picked.push(next);
  }
  if (picked.length >= 3) return picked;
  const byTier = new Map<string, CatalogUnit[]>();
  for (const u of reporting) if (!picked.includes(u)) byTier.set(u.tier, [...(byTier.get(u.tier) ?? []), u]);
  for (let round = 0; picked.length < UNIT_COUNT && round < UNIT_COUNT; round++) {
    for (const list of byTier.values())
      if (list[round] && picked.length < UNIT_COUNT) picked.push(list[round] as CatalogUnit);
  }
  return picked;
}

function rootOf(catalog: Catalog, unit: CatalogUnit): CatalogUnit {
  let u = unit;
  for (let guard = 0; u.parentCode && guard < 20; guard++) u = catalog.unit(u.parentCode) ?? u;
  return u;
}

export function planWorld(catalog: Catalog, today: IsoDate): DemoWorld {
  const units = pickUnits(catalog, today);
  const [a, b, c, d] = units;
  if (!a || !b) throw new WorldError("Văn bản mẫu không có đủ đơn vị có chỉ tiêu để dựng bản dùng thử");
  const root = rootOf(catalog, a);
  const id = DEMO_IDS;
  const people: DemoPerson[] = [
    { id: id.officerA, name: "Nguyễn Thị Lan", role: "officer", unitCode: a.code, label: `Cán bộ — ${shortName(a)}` },
    { id: id.officerB, name: "Trần Văn Minh", role: "officer", unitCode: b.code, label: `Cán bộ — ${shortName(b)}` },
    { id: id.leader, name: "Phạm Thu Hà", role: "leader", unitCode: root.code, label: `Lãnh đạo — ${shortName(root)}` },
    { id: id.head, name: "Hoàng Văn Hùng", role: "head", unitCode: a.code, label: `Thủ trưởng — ${shortName(a)}` },
    { id: id.admin, name: "Đỗ Minh Quân", role: "admin", unitCode: null, label: "Quản trị viên" },
  ];
  // Each officer also sits in a second unit's group: officers report for every unit whose chat they are in.
  const officerOf = [id.officerA, id.officerB, id.officerA, id.officerB];
  const unitChats: DemoChat[] = [a, b, c, d].flatMap((u, i) =>
    u
      ? [
          {
            id: -1001000000001 - i,
            type: "supergroup" as const,
            title: `${capitalized(shortName(u))} — Một cửa`,
            kind: "unit" as const,
            unitCode: u.code,
            members: [officerOf[i] ?? id.officerA, ...(i === 0 ? [id.head] : [])],
          },
        ]
      : [],
  );
  const chats: DemoChat[] = [
    ...unitChats,
    {
      id: -1001000000101,
      type: "supergroup",
      title: `Lãnh đạo ${shortName(root)}`,
      kind: "leaders",
      unitCode: root.code,
      members: [id.leader, id.admin],
    },
    {
      id: -1001000000201,
      type: "supergroup",
      title: `Thủ trưởng ${shortName(a)}`,
      kind: "head",
      unitCode: a.code,
      members: [id.head, id.officerA],
    },
    {
      id: id.admin,
      type: "private",
      title: "Quản trị viên (tin nhắn riêng)",
      kind: "private",
      unitCode: null,
      members: [id.admin],
    },
  ];
  return { root, units, people, chats };
}

/**
 * The group of the tour's last step: for a unit of the same tier as the first demo unit that has
 * no group yet, with the first officer and the administrator in it. Undefined when every unit
 * of the preset already has one.
 */
export function planNewGroup(catalog: Catalog, world: DemoWorld, today: IsoDate): DemoChat | undefined {
  const taken = new Set(world.chats.map((c) => c.unitCode));
  const first = world.units[0];
  const candidates = catalog.units.filter(
    (u) => u.parentCode !== null && !u.oneStop && !taken.has(u.code) && catalog.indicatorsFor(u, today).length > 0,
  );
  const unit = candidates.find((u) => u.tier === first?.tier) ?? candidates[0];
  if (!unit) return undefined;
  return {
    id: -1001000000301,
    type: "supergroup",
    title: `${capitalized(shortName(unit))} — nhóm mới`,
    kind: "new",
    unitCode: unit.code,
    members: [DEMO_IDS.officerA, DEMO_IDS.admin],
  };
}
