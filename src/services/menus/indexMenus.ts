/**
 * `/chiso` is in the menus only while a scored index is loaded (messages/menus.ts `menuOf`): when a
 * load or a removal turns that on or off, every chat's menu is set again, beside the update that
 * caused it (a few hundred chats, one call at a time: src/services/menus/sweep.ts).
 */
import type { AppDeps } from "../context.js";
import type { MenuPublisher } from "./publish.js";
import { publishAllMenus } from "./sweep.js";

const hasIndex = (deps: Pick<AppDeps, "catalog">) => deps.catalog.get().indices.length > 0;

/** Runs `change` (which reloads the catalog); republishes the menus when it loaded the first index or removed the last. */
export async function withIndexMenus<R>(
  deps: AppDeps,
  menus: MenuPublisher | undefined,
  change: () => Promise<R>,
): Promise<R> {
  const before = hasIndex(deps);
  const result = await change();
  if (menus && hasIndex(deps) !== before)
    void publishAllMenus(deps, menus).catch((e: unknown) => deps.logger.warn({ err: e }, "command menus not set"));
  return result;
}
