import { createInflateRaw, inflateRawSync } from "node:zlib";

// An .xlsx is a zip. Before any spreadsheet library sees an upload we read the zip's central directory
// ourselves: it declares every entry's sizes, so a zip bomb or a renamed macro workbook is refused in
// milliseconds without inflating anything big.

import { MAX_FILE_BYTES } from "./limits";

export { MAX_FILE_BYTES };
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** A workbook from the template has about a dozen parts; thousands of tiny entries are an attack, not a sheet. */
export const MAX_ENTRIES = 1000;
/** Per entry; only entries above RATIO_FLOOR are judged (tiny XML parts compress very well and are harmless). */
export const MAX_COMPRESSION_RATIO = 100;
const RATIO_FLOOR = 1024 * 1024;

export const XLSX_MAIN_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

/** Why an upload is refused; each is a catalogue key under import.refuse. */
export type ZipRefusal =
  | "empty"
  | "tooLarge"
  | "notZip"
  | "corrupt"
  | "notWorkbook"
  | "macroEnabled"
  | "unsupportedType"
  | "uncompressedTooLarge"
  | "tooManyEntries"
  | "compressionRatio";

export class ZipRefused extends Error {
  constructor(
    readonly reason: ZipRefusal,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;

/** Reads the central directory (no decompression). Throws ZipRefused for anything that is not a plain zip. */
export function readCentralDirectory(buf: Uint8Array): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 22 || view.getUint32(0, true) !== SIG_LOCAL) throw new ZipRefused("notZip");
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.byteLength - 22; i >= Math.max(0, buf.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused("corrupt");
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no legitimate template-sized workbook needs them.
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw new ZipRefused("uncompressedTooLarge");
  // Decided from the end record alone, before a single entry is read.
  if (count > MAX_ENTRIES || view.getUint16(eocd + 8, true) > MAX_ENTRIES) throw new ZipRefused("tooManyEntries");
  if (cdOffset + cdSize > eocd) throw new ZipRefused("corrupt");
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) throw new ZipRefused("corrupt");
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const entry: ZipEntry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      name: decoder.decode(buf.subarray(p + 46, p + 46 + nameLen)),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) {
      throw new ZipRefused("uncompressedTooLarge");
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates one entry, never producing more than it declared: a lying header is caught by the output cap,
 * so the declared sizes checked above are also the real ones.
 */
export function readEntry(buf: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.byteLength || view.getUint32(p, true) !== SIG_LOCAL) throw new ZipRefused("corrupt");
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.byteLength !== entry.compressedSize) throw new ZipRefused("corrupt");
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) throw new ZipRefused("corrupt");
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (out.byteLength !== entry.uncompressedSize) throw new ZipRefused("corrupt");
    return out;
  } catch (err) {
    if (err instanceof ZipRefused) throw err;
    // RangeError: the entry inflates to more than it declared.
    throw new ZipRefused(err instanceof RangeError ? "compressionRatio" : "corrupt");
  }
}

/** The content type the package declares for /xl/workbook.xml (Override, else Default by extension). */
export function workbookContentType(contentTypesXml: string): string | null {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? null;
  for (const tag of contentTypesXml.match(/<Override\b[^>]*>/g) ?? []) {
    if (attr(tag, "PartName")?.toLowerCase() === "/xl/workbook.xml") return attr(tag, "ContentType");
  }
  for (const tag of contentTypesXml.match(/<Default\b[^>]*>/g) ?? []) {
    if (attr(tag, "Extension")?.toLowerCase() === "xml") return attr(tag, "ContentType");
  }
  return null;
}

/**
 * Accepts only a plain .xlsx workbook within the size limits, whatever the file is called.
 * Returns the total declared uncompressed size.
 */
export function inspectXlsx(buf: Uint8Array): { entries: ZipEntry[]; uncompressed: number } {
  if (buf.byteLength === 0) throw new ZipRefused("empty");
  if (buf.byteLength > MAX_FILE_BYTES) throw new ZipRefused("tooLarge");
  // A legacy .xls (OLE compound file) is a common mistake: say so rather than "not a zip".
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) throw new ZipRefused("unsupportedType");
  const entries = readCentralDirectory(buf);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (total > MAX_UNCOMPRESSED_BYTES) throw new ZipRefused("uncompressedTooLarge");
    if (
      e.uncompressedSize > RATIO_FLOOR &&
      e.uncompressedSize > MAX_COMPRESSION_RATIO * Math.max(1, e.compressedSize)
    ) {
      throw new ZipRefused("compressionRatio", e.name);
    }
  }
  // Zip names are case-sensitive but Excel's part names are not: compare them in lower case.
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, "").toLowerCase(), e]));
  const types = byName.get("[content_types].xml");
  if (!byName.has("xl/workbook.xml") || !types) {
    throw new ZipRefused(
      byName.has("word/document.xml") || byName.has("ppt/presentation.xml") ? "unsupportedType" : "notWorkbook",
    );
  }
  if (types.uncompressedSize > RATIO_FLOOR) throw new ZipRefused("corrupt");
  const contentType = workbookContentType(readEntry(buf, types).toString("utf8"));
  if (contentType && /macroenabled/i.test(contentType)) throw new ZipRefused("macroEnabled");
  if (contentType !== XLSX_MAIN_CONTENT_TYPE) throw new ZipRefused("unsupportedType");
  // A VBA project anywhere in the package (xl/vbaProject.bin in any case, or moved) means macros.
  if (entries.some((e) => /(^|\/)vbaproject\.bin$/i.test(e.name))) throw new ZipRefused("macroEnabled");
  return { entries, uncompressed: total };
}

/**
 * Inflates one entry as a stream of chunks, never more than it declared; `onChunk` returning false stops
 * early (the row scan stops at row 50,001). Memory stays at one chunk whatever the entry's size.
 */
export async function streamEntry(
  buf: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Buffer) => boolean | undefined,
): Promise<void> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.byteLength || view.getUint32(p, true) !== SIG_LOCAL) throw new ZipRefused("corrupt");
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.byteLength !== entry.compressedSize) throw new ZipRefused("corrupt");
  if (entry.method === 0) {
    if (data.byteLength !== entry.uncompressedSize) throw new ZipRefused("corrupt");
    for (let i = 0; i < data.byteLength; i += 64 * 1024) {
      if (onChunk(Buffer.from(data.subarray(i, i + 64 * 1024))) === false) return;
    }
    return;
  }
  if (entry.method !== 8) throw new ZipRefused("corrupt");
  const inflate = createInflateRaw();
  let produced = 0;
  const done = new Promise<void>((resolve, reject) => {
    let stopped = false;
    inflate.on("data", (chunk: Buffer) => {
      if (stopped) return;
      produced += chunk.byteLength;
      if (produced > entry.uncompressedSize) {
        stopped = true;
        inflate.destroy();
        reject(new ZipRefused("compressionRatio"));
        return;
      }
      let more: boolean | undefined;
      try {
        more = onChunk(chunk);
      } catch (err) {
        stopped = true;
        inflate.destroy();
        reject(err);
        return;
      }
      if (more === false) {
        stopped = true;
        inflate.destroy();
        resolve();
      }
    });
    inflate.on("error", () => {
      if (!stopped) reject(new ZipRefused("corrupt"));
    });
    inflate.on("end", () => {
      if (stopped) return;
      if (produced !== entry.uncompressedSize) reject(new ZipRefused("corrupt"));
      else resolve();
    });
  });
  // Fed in slices so that a stop takes effect before the whole entry is inflated.
  const feed = async () => {
    for (let i = 0; i < data.byteLength && !inflate.destroyed; i += 64 * 1024) {
      if (!inflate.write(data.subarray(i, i + 64 * 1024))) {
        await new Promise<void>((r) => {
          const go = () => {
            inflate.off("close", go);
            inflate.off("drain", go);
            r();
          };
          inflate.once("drain", go);
          inflate.once("close", go);
        });
      }
    }
    if (!inflate.destroyed) inflate.end();
  };
  await Promise.all([done, feed()]);
}

/** Inflates every entry within its declared size (catches headers that under-declare). */
export function verifyEntries(buf: Uint8Array, entries: ZipEntry[]): void {
  for (const e of entries) if (!e.name.endsWith("/")) readEntry(buf, e);
}
