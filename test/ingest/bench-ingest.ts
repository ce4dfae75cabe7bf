/**
 * Benchmark (not a test): a 20,000-row dossier export through readSheet + parseDossiers versus
 * exceljs's own `load` of the same file. Budget: ≤ 1.5× exceljs's time, peak RSS < 300 MB.
 * Run: `npx tsx test/ingest/bench-ingest.ts` (each mode runs in a fresh process for a clean RSS).
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDossiers } from "../../src/ingest/dossiers.js";
import { readSheet } from "../../src/ingest/readSheet.js";
import { DOSSIER_EXPORT_HEADER } from "./fixtures.js";

const HEADER = DOSSIER_EXPORT_HEADER;

async function build(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DS");
  ws.addRow(["DANH SÁCH HỒ SƠ"]);
  ws.addRow(HEADER);
  for (let i = 1; i <= 20_000; i++) {
    ws.addRow([
      i,
      `UBND Phường ${i % 11}`,
      `Cấp giấy chứng nhận đăng ký hộ kinh doanh ${i % 37}`,
      `H15.50.05.13-261008-${String(i).padStart(5, "0")}`,
      i % 3 ? "Đang xử lý" : "Đã trả kết quả",
      `Số ${i} đường Nguyễn Văn Cừ, khu phố ${i % 9}`,
      `Nguyễn Văn A${i}`,
      `Trần Thị B${i}`,
      "08/10/2026 08:15",
      new Date(Date.UTC(2026, 9, 8, 9, 30)),
      46310,
      i % 3 ? null : "14/10/2026 16:00",
    ]);
  }
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

async function run(mode: string, path: string): Promise<void> {
  const data = readFileSync(path);
  const t = performance.now();
  let rows = 0;
  if (mode === "exceljs") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data.buffer); // its typings want an ArrayBuffer-like; readFileSync's is exact
    rows = wb.worksheets[0]?.actualRowCount ?? 0;
  } else {
    rows = parseDossiers(await readSheet({ fileName: "ds.xlsx", data })).rows.length;
  }
  const ms = performance.now() - t;
  console.log(
    JSON.stringify({ mode, ms: Math.round(ms), rows, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }),
  );
}

const [mode, path] = process.argv.slice(2);
if (mode && path) {
  await run(mode, path);
} else {
  const file = join(mkdtempSync(join(tmpdir(), "dondoc-bench-")), "ds.xlsx");
  await build(file);
  const self = fileURLToPath(import.meta.url);
  const results: Record<string, number[]> = { exceljs: [], ours: [] };
  for (let k = 0; k < 3; k++) {
    for (const m of ["exceljs", "ours"]) {
      const out = execFileSync(process.execPath, ["--import", "tsx", self, m, file], { encoding: "utf8" });
      console.log(out.trim());
      results[m]?.push(Number(JSON.parse(out).ms));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const ratio = median(results.ours ?? []) / median(results.exceljs ?? []);
  console.log(`median ratio ours/exceljs = ${ratio.toFixed(2)} (budget 1.5)`);
}
