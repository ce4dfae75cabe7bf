/**
 * Features beyond the reporting loop (uploads, digests, tasks, dossiers), registered before
 * "unhandled". Each module appends its Composer here.
 */
import type { Middleware } from "grammy";
import type { BotContext } from "./context.js";
import { digestFeature } from "./features/digest.js";
import { dossiersFeature } from "./features/dossiers.js";
import { resendFeature } from "./features/resend.js";
import { tasksFeature } from "./features/tasks.js";
import { uploadFeature } from "./features/upload.js";

export function extraFeatures(): Middleware<BotContext>[] {
  return [tasksFeature, digestFeature, dossiersFeature, uploadFeature, resendFeature]; // tasks before uploads: a file replying to its evidence prompt is not a table
}
