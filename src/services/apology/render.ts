/**
 * A dossier document as a .docx: the legal form in force on the document's date
 * (apology/forms.ts), filled from the dossier, the conversation and the unit's letterhead
 * (src/domain/letterhead.ts). Drafts carry "DỰ THẢO" and a blank for the number; the issued
 * document carries its number and approval date. The signer, when known, is printed under the
 * title block (NĐ 30/2020/NĐ-CP Phụ lục I mục II.7); without one the name line stays empty.
 */
import { vnDate } from "../../domain/directive/dates.js";
import { resolveLetterhead, type SignerRole } from "../../domain/letterhead.js";
import type { Dossier } from "../../db/repos/dossiers.js";
import type { DossierDocument } from "../../db/repos/letters.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { documentFields, type DocumentFields } from "./fields.js";
import { formInForce } from "./forms.js";
import { safeFilePart, type RenderedDocument } from "./push.js";
import type { AppDeps } from "../context.js";
import { renderDocument } from "../../assets/documents.js";

/** The one .docx filler (src/render/docx.ts): strict, so a tag the fields lack is an error, not a blank. */
export async function fillTemplate(template: string, fields: DocumentFields): Promise<Buffer> {
  return renderDocument(template, { ...fields });
}

export async function renderDossierDocument(
  deps: Pick<AppDeps, "catalog" | "clock">,
  input: {
    dossier: Dossier;
    doc: DossierDocument;
    draft: boolean;
    /** Who approved the issued document (docs/DOSSIERS.md "Ai được duyệt"), for the signer block. */
    signer?: { name: string; role: SignerRole };
  },
): Promise<RenderedDocument> {
  const { dossier, doc, draft, signer } = input;
  const catalog = deps.catalog.get();
  const unit = catalog.unit(dossier.unitCode) ?? {
    code: dossier.unitCode,
    name: dossier.unitCode,
    tier: "",
    parentCode: null,
  };
  const date = !draft && doc.approvedAt ? vnDate(doc.approvedAt) : vnDate(deps.clock.now());
  const kind = doc.kind === "apology" ? "apology" : "explanation";
  const form = formInForce(kind, date);
  const symbol = `${form.symbol}-${resolveLetterhead(unit, catalog).abbreviation}`;
  const fields = documentFields({
    form,
    unit,
    catalog,
    date,
    number: draft ? null : doc.number,
    symbol,
    dossier,
    doc,
    ...(signer ? { signer } : {}),
  });
  const bytes = await fillTemplate(form.template, fields);
  const stem = `${kind === "apology" ? "xin-loi" : "giai-trinh"}-${safeFilePart(dossier.code)}`;
  const number = doc.number ?? "";
  return {
    bytes,
    filename: draft ? `${stem}-du-thao.docx` : `${stem}-so-${safeFilePart(number.split("/")[0] ?? "")}.docx`,
    caption: draft
      ? t.draftCaption(form.title, dossier.code)
      : `${t.issuedCaption(form.title, number)} — hồ sơ ${dossier.code}`,
  };
}
