/**
 * Requests to bind a group to a unit (model Registration, `/dangky`) and their decision by an
 * administrator. Plain records, never Prisma models.
 */
import type { Db } from "../client.js";
import { bindChat } from "./chats.js";

/** What a registration binds a group as: a unit's officers, leaders following a subtree, a unit's head. */
export type RegistrationKind = "unit" | "leaders" | "head";
export type RegistrationRecord = {
  id: number;
  chatId: bigint;
  unitCode: string;
  kind: RegistrationKind;
  requestedBy: bigint;
};

const KINDS: readonly RegistrationKind[] = ["unit", "leaders", "head"];

function toRecord(r: {
  id: number;
  chatId: bigint;
  unitCode: string;
  kind: string;
  requestedBy: bigint;
}): RegistrationRecord {
  // A kind this version does not know (written by a newer one) reads as the plain unit chat.
  const kind = KINDS.find((k) => k === r.kind) ?? "unit";
  return { id: r.id, chatId: r.chatId, unitCode: r.unitCode, kind, requestedBy: r.requestedBy };
}

export async function hasPendingRegistration(prisma: Db, chatId: bigint): Promise<boolean> {
  return (await prisma.registration.findFirst({ where: { chatId, status: "pending" }, select: { id: true } })) !== null;
}

export async function createRegistration(
  prisma: Db,
  input: { chatId: bigint; unitCode: string; kind: RegistrationKind; requestedBy: bigint },
): Promise<RegistrationRecord> {
  return toRecord(await prisma.registration.create({ data: input }));
}

export async function findRegistration(prisma: Db, id: number): Promise<RegistrationRecord | null> {
  const r = await prisma.registration.findUnique({ where: { id } });
  return r ? toRecord(r) : null;
}

/**
 * Claims the decision of a pending request and, when approved, binds its chat — in one
 * transaction: two administrators pressing at once decide only once, and a failed binding
 * leaves the request pending. False when the request was no longer pending.
 */
export async function recordDecision(
  prisma: Db,
  input: { registration: RegistrationRecord; approved: boolean; decidedBy: bigint; decidedAt: Date },
): Promise<boolean> {
  const reg = input.registration;
  return prisma.$transaction(async (tx) => {
    const r = await tx.registration.updateMany({
      where: { id: reg.id, status: "pending" },
      data: {
        status: input.approved ? "approved" : "rejected",
        decidedBy: input.decidedBy,
        decidedAt: input.decidedAt,
      },
    });
    if (r.count > 0 && input.approved) await bindChat(tx, reg.chatId, reg.kind, reg.unitCode);
    return r.count > 0;
  });
}
