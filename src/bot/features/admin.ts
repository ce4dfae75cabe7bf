/** The administrator's private chat: loading directives and unit lists, granting roles. */
import { Composer } from "grammy";
import { grantRole, revokeRole } from "../../db/repos/people.js";
import { adminTexts } from "../../messages/admin.js";
import { common } from "../../messages/common.js";
import { installText } from "../../services/install.js";
import type { BotContext } from "../context.js";
import { FileTooLargeError } from "../files.js";
import { leadingKeyword } from "../parse/keyword.js";
import { replyHtml } from "../reply.js";
import { isAdmin } from "./access.js";

export const adminFeature = new Composer<BotContext>();
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Role keywords, normalized: "quản trị", "quantri", "lãnh đạo", "lanhdao". */
const ROLE_WORDS = { quantri: "admin", lanhdao: "leader" } as const;

adminFeature.command("id", (ctx) => replyHtml(ctx, adminTexts.yourId(ctx.from?.id ?? 0)));

adminFeature.command("chithi", async (ctx) => {
  const rows = await ctx.deps.prisma.directive.findMany({ where: { active: true }, orderBy: { slug: "asc" } });
  return replyHtml(ctx, adminTexts.directivesList(rows));
});

adminFeature.command(["capquyen", "thuquyen"], async (ctx) => {
  if (ctx.chat.type !== "private") return replyHtml(ctx, common.privateOnly);
  if (!(await isAdmin(ctx))) return replyHtml(ctx, common.adminOnly);
  const [idText = "", ...roleWords] = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/);
  if (!/^\d{1,15}$/.test(idText)) return replyHtml(ctx, adminTexts.grantUsage);
  const id = BigInt(idText);
  if (ctx.message?.text?.startsWith("/thuquyen")) {
    if (ctx.deps.adminIds.includes(id)) return replyHtml(ctx, adminTexts.cannotRevokeConfigured);
    return replyHtml(ctx, (await revokeRole(ctx.deps.prisma, id)) ? adminTexts.revoked(idText) : adminTexts.notFound(idText));
  }
  const role = leadingKeyword(roleWords, ROLE_WORDS)?.value;
  if (!role) return replyHtml(ctx, adminTexts.grantUsage);
  await grantRole(ctx.deps.prisma, { telegramId: id, role, grantedBy: BigInt(ctx.from?.id ?? 0) });
  return replyHtml(ctx, adminTexts.granted(idText, role));
});

/** Directive and unit-list files sent privately by an administrator. */
adminFeature.on("message:document", async (ctx, next) => {
  const name = ctx.message.document.file_name ?? "";
  const ext = name.toLowerCase().match(/\.(ya?ml|json)$/)?.[1];
  if (!ext || ctx.chat.type !== "private") return next();
  if (!(await isAdmin(ctx))) return replyHtml(ctx, common.adminOnly);
  let bytes: Buffer;
  try {
    bytes = await ctx.files.download(ctx.message.document.file_id, MAX_FILE_BYTES);
  } catch (e) {
    if (e instanceof FileTooLargeError) return replyHtml(ctx, adminTexts.fileTooLarge);
    throw e;
  }
  const result = await installText(ctx.deps.prisma, bytes.toString("utf8"), ext === "json" ? "json" : "yaml", BigInt(ctx.from.id));
  if (!result.ok) return replyHtml(ctx, adminTexts.rejected(result.problems));
  await ctx.deps.catalog.reload();
  return replyHtml(ctx, adminTexts.installed(result));
});
