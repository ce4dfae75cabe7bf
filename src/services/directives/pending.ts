/**
 * A directive file an administrator sent privately, held until "✅ Áp dụng" (or "Huỷ") is
 * pressed under its dry run. Kept in the store of held uploads (PendingUpload, kind
 * "directive"), so a restart loses nothing and a second press applies nothing twice.
 */
import { z } from "zod";
import { cancelHeldUpload, claimHeldUpload, holdUpload, settleHeldUpload } from "../../db/repos/uploads.js";
import type { TextFormat } from "../../directives/loadDirective.js";
import type { AppDeps } from "../context.js";
import { installText, type InstallResult } from "./install.js";
import { PENDING_UPLOAD_TTL_MS, pressRefusal, type PressRefusal, type PressRequest } from "../uploads/pending.js";

const KIND = "directive";
const KINDS = [KIND] as const;

const payloadSchema = z.object({
  text: z.string(),
  format: z.enum(["yaml", "json"]),
  /** The dry run as shown, so the message can be edited to say what happened under it. */
  preview: z.string(),
});

export async function holdDirective(
  deps: AppDeps,
  input: { text: string; format: TextFormat; preview: string; userId: bigint; chatId: bigint },
): Promise<number> {
  const now = deps.clock.now();
  const row = await holdUpload(
    deps.prisma,
    {
      chatId: input.chatId,
      userId: input.userId,
      kind: KIND,
      payload: JSON.stringify({ text: input.text, format: input.format, preview: input.preview }),
      createdAt: now,
      expiresAt: new Date(now.getTime() + PENDING_UPLOAD_TTL_MS),
    },
    now,
  );
  return row.id;
}

export type ApplyOutcome = { ok: true; preview: string; result: InstallResult } | { ok: false; reason: PressRefusal };

/** Installs the held text once: the row is claimed before installing. */
export async function applyHeldDirective(deps: AppDeps, req: PressRequest): Promise<ApplyOutcome> {
  const refused = await pressRefusal(deps, req, KINDS);
  if (refused) return { ok: false, reason: refused };
  const row = await claimHeldUpload(deps.prisma, req.id, deps.clock.now());
  if (!row) return { ok: false, reason: "already-saved" };
  try {
    const held = payloadSchema.parse(JSON.parse(row.payload));
    const result = await installText(deps.prisma, held.text, held.format, req.userId);
    // A text that no longer validates (the registry changed since the dry run) installed nothing.
    await settleHeldUpload(deps.prisma, req.id, result.ok ? "saved" : "cancelled");
    if (result.ok) await deps.catalog.reload();
    return { ok: true, preview: held.preview, result };
  } catch (e) {
    await settleHeldUpload(deps.prisma, req.id, "pending");
    throw e;
  }
}

export async function cancelHeldDirective(
  deps: AppDeps,
  req: PressRequest,
): Promise<{ ok: true; preview: string } | { ok: false; reason: PressRefusal }> {
  const refused = await pressRefusal(deps, req, KINDS);
  if (refused && refused !== "expired") return { ok: false, reason: refused };
  const row = await cancelHeldUpload(deps.prisma, req.id);
  if (!row) return { ok: false, reason: "already-saved" };
  const held = payloadSchema.safeParse(JSON.parse(row.payload));
  return { ok: true, preview: held.success ? held.data.preview : "" };
}
