/**
 * Erases the letter files (.docx in Blob) whose purpose is over (domain/retention.ts). The
 * files reach the Blob table only through the outbox (apology/push.ts): the rows keyed
 * "dossier-draft:<document id>:<chat>" and "dossier-issued:<document id>:<chat>" name them.
 * A file is erased once every row naming it is delivered or given up, and nothing else holds
 * the same bytes (services/blobs.ts). The DossierDocument row — kind, number, dates, no
 * citizen's name — stays: it is the register that keeps numbers from repeating.
 */
import { blobIdsOf, parseRequest } from "../../delivery/payload.js";
import { letterFileErasable, type LetterFile } from "../../domain/retention.js";
import { outboxRowsOfKinds, storedBlobIds } from "../../db/repos/letterOutbox.js";
import { documentStates } from "../../db/repos/letters.js";
import { releaseBlob } from "../blobs.js";
import type { AppDeps } from "../context.js";

const LETTER_KINDS: Record<string, LetterFile["file"]> = { "dossier-draft": "draft", "dossier-issued": "issued" };
const IN_FLIGHT = new Set(["pending", "sending"]);
const KEY = /^dossier-(?:draft|issued):(\d{1,12}):/;

type Carrier = { outboxId: number; documentId: number; file: LetterFile["file"]; inFlight: boolean };

export type RetentionCounts = { lettersErased: number; lettersKept: number };

export async function eraseLetterFiles(deps: Pick<AppDeps, "prisma" | "logger">, now: Date): Promise<RetentionCounts> {
  const rows = await outboxRowsOfKinds(deps.prisma, Object.keys(LETTER_KINDS));
  const byBlob = new Map<number, Carrier[]>();
  for (const r of rows) {
    const documentId = Number(KEY.exec(r.dedupKey)?.[1] ?? NaN);
    const file = LETTER_KINDS[r.kind];
    if (!file || !Number.isSafeInteger(documentId)) continue;
    for (const blobId of blobsOf(r.method, r.payload)) {
      byBlob.set(blobId, [
        ...(byBlob.get(blobId) ?? []),
        { outboxId: r.id, documentId, file, inFlight: IN_FLIGHT.has(r.status) },
      ]);
    }
  }
  const alive = await storedBlobIds(deps.prisma, [...byBlob.keys()]);
  const docIds = [
    ...new Set([...byBlob.entries()].filter(([b]) => alive.has(b)).flatMap(([, cs]) => cs.map((c) => c.documentId))),
  ];
  const docs = new Map((await documentStates(deps.prisma, docIds)).map((d) => [d.id, d]));
  const counts: RetentionCounts = { lettersErased: 0, lettersKept: 0 };
  for (const [blobId, carriers] of byBlob) {
    if (!alive.has(blobId)) continue;
    // A document gone from the table has no purpose left for its file either.
    const due = carriers.every((c) => {
      const d = docs.get(c.documentId);
      return (
        !c.inFlight && (!d || letterFileErasable({ file: c.file, status: d.status, decidedAt: d.approvedAt }, now))
      );
    });
    if (due && (await releaseBlob(deps.prisma, blobId, { outboxIds: carriers.map((c) => c.outboxId) })))
      counts.lettersErased++;
    else counts.lettersKept++;
  }
  if (counts.lettersErased > 0) deps.logger.info(counts, "letter files erased (retention)");
  return counts;
}

function blobsOf(method: string, payload: string): number[] {
  try {
    return blobIdsOf(parseRequest(method, JSON.parse(payload)));
  } catch {
    return [];
  }
}
