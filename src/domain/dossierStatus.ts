/**
 * The statuses of a one-stop dossier, normalised to one enum, and their official wording. The
 * readers of one-stop exports (src/ingest/dossierStatus.ts) map printed statuses onto them; the
 * texts list them back to the user.
 */
export const DOSSIER_STATUSES = ["new", "processing", "supplement", "stopped", "done", "returned"] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** The official wording, in the order of DOSSIER_STATUSES. */
export const DOSSIER_STATUS_LABELS: readonly string[] = [
  "Mới đăng ký",
  "Đang xử lý",
  "Yêu cầu bổ sung giấy tờ",
  "Dừng xử lý",
  "Đã xử lý xong",
  "Đã trả kết quả",
];
