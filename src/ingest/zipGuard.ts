/**
 * Zip-bomb guard for .xlsx uploads. exceljs's readers inflate entries without any size cap
 * (JSZip compares sizes only afterwards), so we vet the archive ourselves:
 *
 * 1. read the central directory WITHOUT inflating anything and reject on declared sizes
 *    (total, per-entry ratio, entry count, zip64, encryption, odd methods, overlapping data);
 * 2. inflate each entry capped at its declared size, so a lying header stops the inflater at the
 *    cap instead of filling memory. pako (pure JavaScript) rather than node:zlib: this runs in the
 *    sheet worker (isolated.ts), which is terminated when a file takes too long, and Node 20 aborts
 *    the whole process when a worker is torn down between creating a zlib handle and initialising
 *    it ("close before init", node_zlib.cc; seen in test/ingest/limits.test.ts). A pure-JS inflater
 *    has no native handle to abort on;
 * 3. repack the verified bytes as STORED entries (`storeZip`) for exceljs's streaming reader,
 *    which then inflates nothing itself.
 */
import { Inflate } from "pako";
import { IngestError } from "./errors.js";
import { msg } from "./messages.js";

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  /** Deflate cannot exceed ~1032:1; real sheet XML compresses 10–20:1. */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked (tiny XML parts compress oddly). */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxRatio: 400,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

const unsafe = (detail: string): IngestError => new IngestError("UNSAFE_ZIP", msg.unsafeZip, { detail });
const corrupt = (detail: string): IngestError => new IngestError("CORRUPT_FILE", msg.corruptXlsx, { detail });

/** Step 1: the central directory, checked against `limits` on declared sizes only. */
export function listZipEntries(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const eocd = findEocd(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 8) !== count) throw corrupt("multi-disk zip");
  if (count === 0xffff || cdOffset === ZIP64_MARK) throw unsafe("zip64 archive");
  if (count > limits.maxEntries) throw unsafe(`${count} entries`);
  if (cdOffset + cdSize > eocd) throw corrupt("central directory out of bounds");
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt(`bad central entry ${i}`);
    const nameLen = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
    };
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    checkEntry(entry, limits);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressed) throw unsafe(`total uncompressed > ${limits.maxTotalUncompressed}`);
    entries.push(entry);
  }
  return entries;
}

function checkEntry(e: ZipEntry, limits: ZipLimits): void {
  if (e.compressedSize === ZIP64_MARK || e.uncompressedSize === ZIP64_MARK) throw unsafe(`zip64 entry ${e.name}`);
  if (e.flags & 0x1) throw new IngestError("UNSUPPORTED_TYPE", msg.encrypted, { detail: `encrypted ${e.name}` });
  if (e.method !== 0 && e.method !== 8) throw corrupt(`method ${e.method} in ${e.name}`);
  if (e.method === 0 && e.compressedSize !== e.uncompressedSize) throw corrupt(`stored size mismatch ${e.name}`);
  const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
  if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    throw unsafe(`entry ${e.name} ratio ${Math.round(ratio)}:1`);
  }
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  throw corrupt("no end of central directory");
}

/** Where an entry's compressed bytes start, validated against its local header. */
function dataStart(buf: Buffer, e: ZipEntry): number {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== SIG_LOCAL) throw corrupt(`bad local header ${e.name}`);
  if (buf.readUInt16LE(p + 8) !== e.method) throw corrupt(`method mismatch ${e.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw corrupt(`data out of bounds ${e.name}`);
  return start;
}

export interface VerifiedEntry {
  name: string;
  crc32: number;
  /** The uncompressed bytes, proven by actually inflating them under the declared-size cap. */
  data: Buffer;
}

/** Steps 1 and 2 for the entries `wanted`. Throws `IngestError` (UNSAFE_ZIP / CORRUPT_FILE) on any inconsistency. */
export function unzipVerified(
  buf: Buffer,
  wanted: (name: string) => boolean = () => true,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): VerifiedEntry[] {
  const entries = listZipEntries(buf, limits);
  assertNoOverlap(buf, entries);
  // Entries nobody reads (images, drawings) are size-checked above but never inflated.
  return entries
    .filter((e) => wanted(e.name))
    .map((e) => ({ name: e.name, crc32: e.crc32, data: inflateEntry(buf, e) }));
}

/** Step 3: a zip with every entry STORED, in the given order. */
export function storeZip(entries: readonly VerifiedEntry[]): Buffer {
  const names = entries.map((e) => Buffer.from(e.name, "utf8"));
  const localSize = entries.reduce((n, e, i) => n + 30 + (names[i]?.length ?? 0) + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    const name = names[i] ?? Buffer.alloc(0);
    offsets.push(p);
    writeHeader(out, p, SIG_LOCAL, e, name.length);
    name.copy(out, p + 30);
    p += 30 + name.length;
    p += e.data.copy(out, p);
  });
  const cdStart = p;
  entries.forEach((e, i) => {
    const name = names[i] ?? Buffer.alloc(0);
    writeHeader(out, p, SIG_CENTRAL, e, name.length);
    out.writeUInt32LE(offsets[i] ?? 0, p + 42);
    name.copy(out, p + 46);
    p += 46 + name.length;
  });
  out.writeUInt32LE(SIG_EOCD, p);
  out.writeUInt16LE(entries.length, p + 8);
  out.writeUInt16LE(entries.length, p + 10);
  out.writeUInt32LE(p - cdStart, p + 12);
  out.writeUInt32LE(cdStart, p + 16);
  return out;
}

function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  const start = dataStart(buf, e);
  const raw = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw;
  let data: Buffer;
  try {
    data = inflateCapped(raw, Math.max(1, e.uncompressedSize));
  } catch (cause) {
    if (cause instanceof RangeError) throw unsafe(`entry ${e.name} inflates past its declared size`);
    throw new IngestError("CORRUPT_FILE", msg.corruptXlsx, { detail: `inflate ${e.name}`, cause });
  }
  if (data.length !== e.uncompressedSize) throw corrupt(`size mismatch ${e.name}`);
  return data;
}

/** Raw deflate, stopped with a RangeError as soon as the output passes `cap` bytes. */
function inflateCapped(raw: Uint8Array, cap: number): Buffer {
  const inflater = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Called for every output chunk inside push(): throwing here stops the inflater at once.
  inflater.onData = (chunk) => {
    const bytes = chunk instanceof Uint8Array ? chunk : Buffer.from(chunk);
    total += bytes.length;
    if (total > cap) throw new RangeError(`output over ${cap} bytes`);
    chunks.push(bytes);
  };
  inflater.push(raw, true);
  if (inflater.err) throw new Error(`inflate: ${inflater.msg}`);
  return Buffer.concat(chunks, total);
}

/** Overlapping entries are the trick behind "non-recursive" zip bombs (Fifield 2019). */
function assertNoOverlap(buf: Buffer, entries: ZipEntry[]): void {
  const spans = entries.map((e) => [e.localHeaderOffset, dataStart(buf, e) + e.compressedSize] as const);
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev && cur && cur[0] < prev[1]) throw unsafe("overlapping entries");
  }
}

/** Local (30-byte) and central (46-byte) headers share their fields from offset 4/6 on. */
function writeHeader(out: Buffer, p: number, sig: number, e: VerifiedEntry, nameLen: number): void {
  const q = sig === SIG_CENTRAL ? p + 2 : p; // central headers carry an extra "version made by"
  out.writeUInt32LE(sig, p);
  if (sig === SIG_CENTRAL) out.writeUInt16LE(20, p + 4);
  out.writeUInt16LE(20, q + 4);
  out.writeUInt16LE(0x0800, q + 6); // names are written as UTF-8
  out.writeUInt16LE(0, q + 8);
  out.writeUInt32LE(e.crc32, q + 14);
  out.writeUInt32LE(e.data.length, q + 18);
  out.writeUInt32LE(e.data.length, q + 22);
  out.writeUInt16LE(nameLen, q + 26);
}
