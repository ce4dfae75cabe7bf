/**
 * Loading a directive or a unit list into a deployment — from the admin's private chat or the
 * CLI. One use-case for both, so the chat and the terminal can never disagree.
 */
import type { Db } from "../../db/client.js";
import { listLoadedDirectives, saveDirective } from "../../db/repos/directives.js";
import { listUnitCodes, unitExists, upsertUnits } from "../../db/repos/units.js";
import { namedUnitCodes } from "../../domain/directive/dryRun.js";
import type { Directive } from "../../domain/directive/schema.js";
import {
  defaultRegistry,
  isUnitListText,
  parseDirectiveText,
  parseUnitListText,
  type Parsed,
  type TextFormat,
} from "../../directives/loadDirective.js";
import { extendRegistry, type IndicatorRegistry } from "../../domain/registry.js";
import { listActiveIndices, saveIndex } from "../../db/repos/indices.js";
import { isIndexText, parseIndexText } from "../../directives/loadIndex.js";
import { indexAsRegistrySource } from "../../domain/index/resolveIndex.js";
import type { ScoredIndex } from "../../domain/index/schema.js";
import type { InstallResult } from "../../messages/views.js";

export type { InstallResult } from "../../messages/views.js";

/**
 * A unit list has `units` and no `tiers`; everything else is read as a directive. The parse is
 * kept for the `parseUnitListText` that follows (loadDirective.ts), so a large list is read once.
 */
export function looksLikeUnitList(text: string): boolean {
  return isUnitListText(text);
}

/** Unit codes a directive names (issuer, groups, scopes) that the deployment does not know. */
export function unknownUnitCodes(d: Directive, known: ReadonlySet<string>): string[] {
  return namedUnitCodes(d).filter((u) => !known.has(u));
}

/**
 * The directive text checked against the deployment it would join: its indicators against the
 * registry file and the codes other loaded directives define (one meaning per code), and its
 * issuing unit against the units loaded (a directive binds only its issuer's subtree, so an
 * unknown issuer would bind nobody). Refusals name what to do.
 */
export async function parseForDeployment(
  prisma: Db,
  text: string,
  format: TextFormat,
): Promise<Parsed<"directive", Directive>> {
  const loaded = await listLoadedDirectives(prisma);
  const firstPass = parseDirectiveText(text, format);
  const own = firstPass.ok ? firstPass.directive.id : null;
  const others = loaded.flatMap((r) => (r.slug !== own && r.directive ? [r.directive] : []));
  const parsed = parseDirectiveText(text, format, await deploymentRegistry(prisma, others, null));
  if (!parsed.ok) return parsed;
  const issuer = parsed.directive.issuingUnit;
  if (issuer !== undefined && !(await unitExists(prisma, issuer))) {
    return {
      ok: false,
      problems: [
        {
          path: "issuingUnit",
          message: `đơn vị ban hành "${issuer}" chưa có trong hệ thống: văn bản chỉ ràng buộc các đơn vị thuộc đơn vị ban hành. Nạp danh sách đơn vị (tệp .yaml có units) trước rồi gửi lại văn bản`,
        },
      ],
    };
  }
  return parsed;
}

/**
 * The registry a new file is checked against: the registry file, the codes the loaded directives
 * define and those the loaded indices define (but not the file's own earlier version, `ownIndex`),
 * so one code keeps one meaning across directives and indices.
 */
async function deploymentRegistry(
  prisma: Db,
  directives: readonly Directive[],
  ownIndex: string | null,
): Promise<IndicatorRegistry> {
  const indices = (await listActiveIndices(prisma)).filter((i) => i.code !== ownIndex);
  return extendRegistry(defaultRegistry(), [...directives, ...indices.map(indexAsRegistrySource)]);
}

/** A scored index checked against the deployment's meanings (docs/INDEX.md). */
export async function parseIndexForDeployment(
  prisma: Db,
  text: string,
  format: TextFormat,
): Promise<Parsed<"index", ScoredIndex>> {
  const firstPass = parseIndexText(text, format);
  const own = firstPass.ok ? firstPass.index.code : null;
  const directives = (await listLoadedDirectives(prisma)).flatMap((r) => (r.directive ? [r.directive] : []));
  return parseIndexText(text, format, await deploymentRegistry(prisma, directives, own));
}

export async function installText(
  prisma: Db,
  text: string,
  format: TextFormat,
  loadedBy?: bigint,
): Promise<InstallResult> {
  if (looksLikeUnitList(text)) {
    const parsed = parseUnitListText(text, format);
    if (!parsed.ok) return parsed;
    const { created, updated } = await upsertUnits(prisma, parsed.units.units);
    return { ok: true, kind: "units", list: parsed.units, created, updated };
  }
  if (isIndexText(text)) {
    const parsed = await parseIndexForDeployment(prisma, text, format);
    if (!parsed.ok) return parsed;
    const status = await saveIndex(prisma, parsed.index, text, loadedBy);
    return { ok: true, kind: "index", index: parsed.index, status };
  }
  const parsed = await parseForDeployment(prisma, text, format);
  if (!parsed.ok) return parsed;
  const known = new Set(await listUnitCodes(prisma));
  const status = await saveDirective(prisma, parsed.directive, text, loadedBy);
  return {
    ok: true,
    kind: "directive",
    directive: parsed.directive,
    status,
    unknownUnits: unknownUnitCodes(parsed.directive, known),
  };
}
