import Database from "better-sqlite3";
const db = new Database("/tmp/bench-webapp.db");
const codes = db.prepare(`SELECT code FROM "Unit" WHERE "parentCode"='T01'`).all().map((r) => r.code);
const q = (sql, args) => { console.log(db.prepare("EXPLAIN QUERY PLAN " + sql).all(...args).map((r) => r.detail).join(" | ")); const t = performance.now(); const n = db.prepare(sql).all(...args).length; console.log(n, (performance.now() - t).toFixed(1), "ms"); };
const ph = codes.map(() => "?").join(",");
q(`SELECT * FROM "Figure" WHERE "unitCode" IN (${ph}) AND "period" IN (?,?)`, [...codes, "2026-10", "2026-11"]);
q(`SELECT * FROM "Dossier" WHERE "unitCode" IN (${ph}) AND "status" IN ('new','processing','supplement') AND "finishedAt" IS NULL AND "dueAt" <= ?`, [...codes, "2026-11-20T99"]);
const inds = ["hs-truc-tuyen","thanh-toan-truc-tuyen","so-hoa-ho-so","tai-su-dung-du-lieu","dung-han","hai-long"];
for (let i = 0; i < 2; i++) {
q(`SELECT * FROM "Figure" WHERE "unitCode" IN (${ph}) AND "period" IN (?,?)`, [...codes, "2026-10", "2026-11"]);
q(`SELECT * FROM "Figure" WHERE "unitCode" IN (${ph}) AND "indicatorCode" IN (${inds.map(() => "?").join(",")}) AND "period" IN (?,?)`, [...codes, ...inds, "2026-10", "2026-11"]);
q(`SELECT * FROM "Figure" WHERE "unitCode" IN (${ph})`, [...codes]);
q(`SELECT * FROM "Dossier" WHERE "unitCode" IN (${ph}) AND "status" IN ('new','processing','supplement') AND "finishedAt" IS NULL AND "dueAt" <= ?`, [...codes, "2026-11-20T99"]);
}
