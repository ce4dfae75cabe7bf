/** A unit's approvers (model UnitApprover): plain domain records, never Prisma models. */
import { isApproverRole, type Approver, type ApproverRole, type ApproverSource } from "../../domain/approvers.js";
import type { Db } from "../client.js";
import { isUniqueViolation } from "../errors.js";

type Row = { telegramId: bigint; role: string; name: string | null; telegramName: string | null; source: string };

const SOURCES: readonly ApproverSource[] = ["registration", "designated", "unitList"];

function toApprover(r: Row): Approver {
  return {
    telegramId: r.telegramId,
    role: isApproverRole(r.role) ? r.role : "deputy",
    name: r.name,
    telegramName: r.telegramName,
    source: SOURCES.find((s) => s === r.source) ?? "designated",
  };
}

/**
 * The active approvers of a unit. A heads' chat registered before approvers were recorded has
 * no "registration" row: its registrar still counts as the head (and gets a row when seen).
 */
export async function listApprovers(prisma: Db, unitCode: string): Promise<Approver[]> {
  const rows = await prisma.unitApprover.findMany({ where: { unitCode } });
  const out = rows.filter((r) => r.active).map(toApprover);
  if (rows.some((r) => r.source === "registration")) return out;
  const reg = await prisma.registration.findFirst({
    where: { unitCode, kind: "head", status: "approved" },
    orderBy: { decidedAt: "desc" },
  });
  if (!reg || rows.some((r) => r.telegramId === reg.requestedBy)) return out;
  return [
    ...out,
    { telegramId: reg.requestedBy, role: "head", name: null, telegramName: null, source: "registration" },
  ];
}

/** The registrar of a heads' chat is its unit's head; a new registration replaces the previous registrar. */
export async function recordRegistrar(
  prisma: Db,
  input: { unitCode: string; telegramId: bigint; telegramName: string | null; grantedBy: bigint },
): Promise<void> {
  await prisma.$transaction([
    prisma.unitApprover.updateMany({
      where: { unitCode: input.unitCode, source: "registration", telegramId: { not: input.telegramId } },
      data: { active: false },
    }),
    prisma.unitApprover.upsert({
      where: { unitCode_telegramId: { unitCode: input.unitCode, telegramId: input.telegramId } },
      create: {
        unitCode: input.unitCode,
        telegramId: input.telegramId,
        role: "head",
        source: "registration",
        telegramName: input.telegramName,
        grantedBy: input.grantedBy,
      },
      update: {
        role: "head",
        source: "registration",
        active: true,
        grantedBy: input.grantedBy,
        ...(input.telegramName ? { telegramName: input.telegramName } : {}),
      },
    }),
  ]);
}

/** `/nguoiduyet them`: adds, or changes the role (and name, when given) of, an approver. */
export async function designateApprover(
  prisma: Db,
  input: {
    unitCode: string;
    telegramId: bigint;
    role: ApproverRole;
    name: string | null;
    telegramName: string | null;
    grantedBy: bigint;
  },
): Promise<void> {
  const data = {
    role: input.role,
    active: true,
    grantedBy: input.grantedBy,
    ...(input.name ? { name: input.name } : {}),
    ...(input.telegramName ? { telegramName: input.telegramName } : {}),
  };
  await prisma.unitApprover.upsert({
    where: { unitCode_telegramId: { unitCode: input.unitCode, telegramId: input.telegramId } },
    create: { unitCode: input.unitCode, telegramId: input.telegramId, source: "designated", ...data },
    update: { ...data, source: "designated" },
  });
}

/** Kept, inactive: the registration fallback must not bring a removed registrar back. */
export async function removeApprover(prisma: Db, unitCode: string, telegramId: bigint): Promise<void> {
  const existing = await prisma.unitApprover.findUnique({ where: { unitCode_telegramId: { unitCode, telegramId } } });
  if (existing) {
    await prisma.unitApprover.update({ where: { id: existing.id }, data: { active: false } });
    return;
  }
  // The registrar of a chat registered before approvers were recorded has no row yet.
  await prisma.unitApprover.create({
    data: { unitCode, telegramId, role: "head", source: "registration", active: false },
  });
}

/** Official name set by the person; the Telegram name refreshed whenever an approver is seen. */
export async function updateApproverNames(
  prisma: Db,
  approver: Approver & { unitCode: string },
  names: { name?: string; telegramName?: string },
): Promise<void> {
  const data = {
    ...(names.name ? { name: names.name } : {}),
    ...(names.telegramName ? { telegramName: names.telegramName } : {}),
  };
  const where = { unitCode_telegramId: { unitCode: approver.unitCode, telegramId: approver.telegramId } };
  try {
    await prisma.unitApprover.upsert({
      where,
      create: {
        unitCode: approver.unitCode,
        telegramId: approver.telegramId,
        role: approver.role,
        source: approver.source,
        ...data,
      },
      update: data,
    });
  } catch (e) {
    // Two presses at once may both create a legacy registrar's row: the second one updates it.
    if (!isUniqueViolation(e)) throw e;
    await prisma.unitApprover.update({ where, data });
  }
}

export type ListedApprover = { telegramId: number; role: ApproverRole; name: string };

const IN_SLICE = 500;

/** The unit list is the source of its own approvers: a reload replaces them, unit by unit. */
export function syncUnitListApprovers(
  prisma: Db,
  units: readonly { code: string; approvers?: readonly ListedApprover[] | undefined }[],
) {
  // In slices: a province-size IN list is fine, a national one (3.500 units) passes SQLite's
  // limit on bound parameters.
  const codes = units.map((u) => u.code);
  const slices = Array.from({ length: Math.ceil(codes.length / IN_SLICE) }, (_, i) =>
    codes.slice(i * IN_SLICE, (i + 1) * IN_SLICE),
  );
  return [
    ...slices.map((slice) =>
      prisma.unitApprover.updateMany({
        where: { unitCode: { in: slice }, source: "unitList" },
        data: { active: false },
      }),
    ),
    ...units.flatMap((u) =>
      (u.approvers ?? []).map((a) => {
        const data = { role: a.role, name: a.name, source: "unitList", active: true };
        return prisma.unitApprover.upsert({
          where: { unitCode_telegramId: { unitCode: u.code, telegramId: BigInt(a.telegramId) } },
          create: { unitCode: u.code, telegramId: BigInt(a.telegramId), ...data },
          update: data,
        });
      }),
    ),
  ];
}
