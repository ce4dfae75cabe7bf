/**
 * `dondoc load <file…>` — loads directives and unit lists into the deployment's database
 * (DATABASE_URL), the same use-case as sending the file to the bot privately (issue #3).
 * A directive's `unitsFile` is loaded first, so its groups and scopes find their units.
 * `dondoc grant <id> quantri|lanhdao` and `dondoc revoke <id>` manage roles.
 */
import { readFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { Command } from "commander";
import type { OpenedDb } from "../../db/client.js";
import { CliExit, fail, type CliIO } from "../io.js";

/** The database (and Prisma) is loaded only by the commands that need it: `check`/`evaluate` stay fast. */
async function withDb<T>(fn: (db: OpenedDb) => Promise<T>): Promise<T> {
  const { parseConfig } = await import("../../config.js");
  const { openDatabase } = await import("../../db/client.js");
  const config = parseConfig(process.env);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function loadOne(db: OpenedDb, file: string, io: CliIO): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    io.err(`✗ ${file}: không đọc được tệp.`);
    return false;
  }
  const unitsFile = /^\s*"?unitsFile"?\s*:\s*"?([^"\s,]+)/m.exec(text)?.[1];
  if (unitsFile && !(await loadOne(db, resolve(dirname(file), unitsFile.replace(/^["']|["']$/g, "")), io))) return false;
  const { installText } = await import("../../services/install.js");
  const result = await installText(db.prisma, text, extname(file).toLowerCase() === ".json" ? "json" : "yaml");
  if (!result.ok) {
    io.err(`✗ ${file}: ${result.problems.length} lỗi, chưa nạp gì.`);
    for (const p of result.problems.slice(0, 10)) io.err(`  - ${p.path}${p.line ? ` (dòng ${p.line})` : ""}: ${p.message}`);
    return false;
  }
  if (result.kind === "units") io.out(`✓ ${file}: ${result.list.units.length} đơn vị (${result.created} mới, ${result.updated} cập nhật).`);
  else {
    io.out(`✓ ${file}: ${result.directive.number} — ${result.status === "created" ? "đã nạp" : "đã cập nhật"}.`);
    if (result.unknownUnits.length > 0) io.err(`  ! ${result.unknownUnits.length} mã đơn vị chưa có: ${result.unknownUnits.slice(0, 10).join(", ")}`);
  }
  return true;
}

export function registerLoad(program: Command, io: CliIO): void {
  program
    .command("load")
    .description("nạp chỉ thị hoặc danh sách đơn vị vào cơ sở dữ liệu (DATABASE_URL)")
    .argument("<files...>", "tệp .yaml, .yml hoặc .json")
    .action(async (files: string[]) => {
      const ok = await withDb(async (db) => {
        let all = true;
        for (const f of files) all = (await loadOne(db, f, io)) && all;
        return all;
      });
      if (!ok) throw new CliExit(1);
    });
  program
    .command("grant")
    .description("cấp quyền: dondoc grant <id Telegram> quantri|lanhdao")
    .argument("<id>").argument("<role>")
    .action(async (id: string, role: string) => {
      if (!/^\d{1,15}$/.test(id)) fail("id Telegram phải là số.");
      const mapped = ({ quantri: "admin", lanhdao: "leader" } as const)[role as "quantri" | "lanhdao"];
      if (!mapped) fail("vai trò phải là quantri hoặc lanhdao.");
      const { grantRole } = await import("../../db/repos/people.js");
      await withDb((db) => grantRole(db.prisma, { telegramId: BigInt(id), role: mapped, grantedBy: 0n }));
      io.out(`✓ Đã cấp quyền ${role} cho ${id}.`);
    });
  program
    .command("revoke")
    .description("thu quyền: dondoc revoke <id Telegram>")
    .argument("<id>")
    .action(async (id: string) => {
      if (!/^\d{1,15}$/.test(id)) fail("id Telegram phải là số.");
      const { revokeRole } = await import("../../db/repos/people.js");
      const removed = await withDb((db) => revokeRole(db.prisma, BigInt(id)));
      io.out(removed ? `✓ Đã thu quyền của ${id}.` : `${id} chưa có quyền nào.`);
    });
}
