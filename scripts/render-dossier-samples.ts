/**
 * Renders one sample of each dossier document template into docs/samples/, with made-up people
 * (docs/DOSSIERS.md): the letters as the văn thư would receive them after approval, signed by
 * the deputy chairman, and the explanation report. Run after make-dossier-templates.ts:
 * `npx tsx scripts/render-dossier-samples.ts`, then look at each page (README of docs/samples).
 */
import { writeFile } from "node:fs/promises";
import type { Dossier, DossierDocument } from "../src/db/generated/client.js";
import { Catalog } from "../src/domain/catalog.js";
import { renderDossierDocument } from "../src/services/apology/render.js";

const catalog = new Catalog(
  [
    { code: "TNG", name: "UBND tỉnh Thái Nguyên", tier: "tinh", parentCode: null },
    { code: "TNG-X-DUCXUAN", name: "UBND phường Đức Xuân", tier: "xa", parentCode: "TNG" },
  ],
  [],
);

const dossier: Dossier = {
  id: 1,
  code: "H56.25.31-251120-0007",
  unitCode: "TNG-X-DUCXUAN",
  procedure: "Đăng ký khai sinh",
  status: "processing",
  applicantName: "Nông Thị Hoa",
  applicantTitle: null,
  officerName: "Hoàng Văn Nam",
  receivedAt: "2025-11-20T08:15",
  dueAt: "2025-11-25",
  finishedAt: null,
  promptedAt: null,
  escalatedAt: null,
  escalatedLeadersAt: null,
  resultReturnedAt: null,
  secondPromptedAt: null,
  secondOverdueAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

/** A letter under TT 01/2018 answers for a dossier of January 2025. */
const earlier: Dossier = {
  ...dossier,
  code: "H56.25.31-250120-0003",
  receivedAt: "2025-01-20T09:30",
  dueAt: "2025-01-24",
};

const doc = (
  kind: string,
  number: string,
  approvedAt: string,
  d: Dossier = dossier,
  newDueDate = "2025-12-02",
): DossierDocument => ({
  id: 1,
  dossierId: d.id,
  dossierCode: d.code,
  kind,
  status: "issued",
  reason: "Chờ kết quả xác minh của Công an phường",
  newDueDate,
  originalDueDate: d.dueAt,
  number,
  numberYear: Number(approvedAt.slice(0, 4)),
  register: null,
  salutation: "Bà",
  createdBy: 1n,
  createdByName: "Lan",
  createdChatId: 1n,
  approvedBy: 2n,
  approvedAt: new Date(approvedAt),
  approverName: signer.name,
  approverRole: signer.role,
  returnReason: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

const deps = (now: string) => ({
  catalog: { get: () => catalog, reload: async () => catalog },
  clock: { now: () => new Date(now) },
});
const signer = { name: "Lường Văn Tâm", role: "deputy" as const };

const samples: [string, Dossier, DossierDocument, string][] = [
  [
    "phieu-xin-loi-mau-04-tt01-2018.docx",
    earlier,
    doc("apology", "07/PXL-UBND", "2025-01-24T15:00:00+07:00", earlier, "2025-02-04"),
    "2025-01-24T15:00:00+07:00",
  ],
  [
    "van-ban-xin-loi-mau-04-tt03-2025.docx",
    dossier,
    doc("apology", "12/XL-UBND", "2025-11-25T15:00:00+07:00"),
    "2025-11-25T15:00:00+07:00",
  ],
  [
    "bao-cao-giai-trinh.docx",
    dossier,
    doc("explanation", "12/BC-UBND", "2025-11-25T15:00:00+07:00"),
    "2025-11-25T15:00:00+07:00",
  ],
];

for (const [name, dossierOf, d, at] of samples) {
  const r = await renderDossierDocument(deps(at), { dossier: dossierOf, doc: d, draft: false, signer });
  await writeFile(new URL(`../docs/samples/${name}`, import.meta.url), r.bytes);
  console.log(`wrote docs/samples/${name}`);
}
