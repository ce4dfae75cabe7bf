/**
 * Dossier statuses as one-stop systems print them, normalised to one enum. Matching ignores
 * diacritics and case; a status may carry a suffix ("Đang xử lý - quá hạn").
 */
import type { DossierStatus } from "../domain/dossierStatus.js";
import { foldText } from "./text.js";

export { DOSSIER_STATUSES, DOSSIER_STATUS_LABELS, type DossierStatus } from "../domain/dossierStatus.js";

const ALIASES: readonly (readonly [string, DossierStatus])[] = [
  ["moi dang ky", "new"],
  ["dang ky moi", "new"],
  ["moi", "new"],
  ["dang xu ly", "processing"],
  ["dang giai quyet", "processing"],
  ["dang thu ly", "processing"],
  ["yeu cau bo sung giay to", "supplement"],
  ["yeu cau bo sung ho so", "supplement"],
  ["yeu cau bo sung", "supplement"],
  ["cho bo sung", "supplement"],
  ["bo sung ho so", "supplement"],
  ["dung xu ly", "stopped"],
  ["tam dung xu ly", "stopped"],
  ["tam dung", "stopped"],
  ["da xu ly xong", "done"],
  ["xu ly xong", "done"],
  ["da xu ly", "done"],
  ["da giai quyet xong", "done"],
  ["da giai quyet", "done"],
  ["cho tra ket qua", "done"],
  ["da tra ket qua", "returned"],
  ["da tra kq", "returned"],
  ["da tra", "returned"],
];

export function parseDossierStatus(text: string): DossierStatus | null {
  const f = foldText(text);
  for (const [alias, status] of ALIASES) if (f === alias) return status;
  // Longest alias first so "da xu ly xong qua han" is not read as plain "da xu ly".
  let best: { len: number; status: DossierStatus } | null = null;
  for (const [alias, status] of ALIASES) {
    if (f.startsWith(`${alias} `) && (!best || alias.length > best.len)) best = { len: alias.length, status };
  }
  return best?.status ?? null;
}
