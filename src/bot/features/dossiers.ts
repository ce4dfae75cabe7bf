/**
 * Overdue dossiers (docs/DOSSIERS.md), one Composer made of its parts, in order: the upload (it must
 * see documents before the figures upload does), the force-reply answers, the date picker, the views, the
 * buttons, the monthly list, who approves (`/nguoiduyet`).
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { approversFeature } from "./approvers.js";
import { dossiersApologyFeature } from "./dossiersApology.js";
import { dossiersLateListFeature } from "./dossiersLateList.js";
import { dossiersDateFeature } from "./dossiersDate.js";
import { afterDate, afterSalutation, dossiersRepliesFeature } from "./dossiersReplies.js";
import { dossiersSalutationFeature } from "./dossiersSalutation.js";
import { dossiersUploadFeature } from "./dossiersUpload.js";
import { dossiersViewFeature } from "./dossiersView.js";

export const dossiersFeature = new Composer<BotContext>();
dossiersFeature.use(
  dossiersUploadFeature,
  dossiersRepliesFeature,
  dossiersDateFeature(afterDate),
  dossiersSalutationFeature(afterSalutation),
  dossiersViewFeature,
  dossiersApologyFeature,
  dossiersLateListFeature,
  approversFeature,
);
