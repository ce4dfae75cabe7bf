import { deflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/errors.js";
import { readSheet } from "../../src/ingest/readSheet.js";
import { listZipEntries, storeZip, unzipVerified } from "../../src/ingest/zipGuard.js";
import { makeZip, workbookBuffer } from "./fixtures.js";

const MB = 1024 * 1024;
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof IngestError) return e.code;
    throw e;
  }
  return undefined;
};

describe("zip-bomb guard", () => {
  let bombRaw: Buffer; // 150 MB of zeros, deflated to ~150 KB
  beforeAll(() => {
    bombRaw = deflateRawSync(Buffer.alloc(150 * MB));
  });

  it("rejects an honest bomb from the central directory alone (total and ratio), before inflating", () => {
    const zip = makeZip([{ name: "xl/worksheets/sheet1.xml", raw: bombRaw, declaredSize: 150 * MB }]);
    expect(zip.length).toBeLessThan(MB);
    // listZipEntries never inflates: it only reads headers.
    expect(codeOf(() => listZipEntries(zip))).toBe("UNSAFE_ZIP");
  });

  it("rejects an entry with an absurd ratio even under the total cap", () => {
    const raw = deflateRawSync(Buffer.alloc(50 * MB));
    const zip = makeZip([{ name: "xl/worksheets/sheet1.xml", raw, declaredSize: 50 * MB }]);
    expect(() => listZipEntries(zip)).toThrow(/ratio/);
  });

  it("rejects many honest entries whose total is too large", () => {
    const parts = [1, 2, 3, 4, 5].map((i) => ({
      name: `xl/media/image${i}.bin`,
      data: Buffer.alloc(25 * MB, i),
      method: 0 as const,
    }));
    // Stored entries: ratio 1:1, but 125 MB in all.
    const zip = makeZip(parts);
    expect(() => listZipEntries(zip)).toThrow(/total uncompressed/);
  });

  it("stops a lying header at its declared size instead of inflating the bomb", () => {
    const zip = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", raw: bombRaw, declaredSize: 2 * MB },
    ]);
    expect(() => listZipEntries(zip)).not.toThrow(); // headers alone look plausible (ratio ~14:1)
    expect(() => unzipVerified(zip)).toThrow(/inflates past its declared size/);
  });

  it("rejects overlapping entries (non-recursive bombs reuse one compressed stream)", () => {
    const first = { name: "a.xml", data: Buffer.from("<a/>".repeat(100)) };
    const zip = makeZip([first, { name: "b.xml", data: Buffer.from("<b/>"), offsetOverride: 0 }]);
    expect(codeOf(() => unzipVerified(zip))).toBe("UNSAFE_ZIP");
  });

  it("rejects zip64 markers and unknown compression methods", () => {
    expect(
      codeOf(() => listZipEntries(makeZip([{ name: "x", data: Buffer.from("x"), declaredSize: 0xffffffff }]))),
    ).toBe("UNSAFE_ZIP");
    const zip = makeZip([{ name: "x", data: Buffer.from("abc"), method: 0 }]);
    zip.writeUInt16LE(12, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // bzip2 in the central dir
    expect(codeOf(() => listZipEntries(zip))).toBe("CORRUPT_FILE");
  });

  it("the bomb uploaded as .xlsx gets a Vietnamese explanation", async () => {
    const zip = makeZip([{ name: "xl/worksheets/sheet1.xml", raw: bombRaw, declaredSize: 150 * MB }]);
    const err = await readSheet({ fileName: "bao-cao.xlsx", data: zip }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe("UNSAFE_ZIP");
    expect((err as IngestError).userMessage).toMatch(/giải nén quá lớn/);
  });

  it("repacks a real workbook as stored entries with identical content", async () => {
    const buf = await workbookBuffer((ws) => ws.addRow(["Mã đơn vị", 1]));
    const entries = unzipVerified(buf);
    expect(entries.map((e) => e.name)).toContain("xl/workbook.xml");
    const stored = storeZip(entries);
    expect(listZipEntries(stored).every((e) => e.method === 0)).toBe(true);
    const again = unzipVerified(stored);
    expect(again.map((e) => e.data.toString("utf8"))).toEqual(entries.map((e) => e.data.toString("utf8")));
  });

  it("inflates only the entries asked for", () => {
    const zip = makeZip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/media/image1.png", raw: Buffer.from("not deflate at all"), declaredSize: 100 },
    ]);
    expect(unzipVerified(zip, (n) => n.startsWith("xl/w")).map((e) => e.name)).toEqual(["xl/workbook.xml"]);
    expect(() => unzipVerified(zip)).toThrow(IngestError);
  });
});

describe("no native zlib handle in the sheet worker's code", () => {
  // The worker is terminated when a file takes too long; Node 20 aborts the whole process when a worker
  // is torn down between creating a zlib handle and initialising it (node_zlib.cc "close before init").
  // The readers the worker runs (src/ingest/) inflate with pako and use node:zlib only for crc32; the
  // cap on a lying entry is the "inflates past its declared size" test above.
  it("src/ingest imports nothing from node:zlib but crc32", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const dir = new URL("../../src/ingest/", import.meta.url);
    const offenders: string[] = [];
    for (const name of await readdir(dir)) {
      const text = await readFile(new URL(name, dir), "utf8");
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(?:node:)?zlib"/g))
        if ((m[1] ?? "").split(",").some((n) => n.trim() !== "crc32")) offenders.push(`${name}: ${m[0]}`);
      if (/require\(\s*"(?:node:)?zlib"\s*\)|import\s+\*\s+as\s+\w+\s+from\s+"(?:node:)?zlib"/.test(text))
        offenders.push(name);
    }
    expect(offenders).toEqual([]);
  });
});
