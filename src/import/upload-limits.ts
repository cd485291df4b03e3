/**
 * Limits on what an uploaded file may unpack to, checked before and while it is unpacked:
 * an XLSX file is a zip, and a zip of 1 MB can hold a sheet of hundreds of megabytes.
 *
 * `checkZipLimits` reads the zip's central directory itself, refuses declared sizes over
 * the limit without inflating anything, then inflates each entry with a cap on its output
 * (declared sizes can lie), so the work is bounded by `MAX_UNPACKED_BYTES` whatever the file
 * claims. It also counts the rows of every worksheet, which is what the XLSX reader
 * would otherwise build in memory.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../kernel/errors.js';

/** Most bytes all entries of an XLSX file may unpack to together. */
export const MAX_UNPACKED_BYTES = 25 * 1024 * 1024;
/** Most entries (files) in an XLSX zip. */
export const MAX_ZIP_ENTRIES = 500;
/** Most rows in a table (organisation) file. */
export const MAX_TABLE_ROWS = 50_000;
/** Most columns in a table file. */
export const MAX_TABLE_COLUMNS = 50;
/** Most data rows in an answer file (the long CSV: one row per answer). */
export const MAX_ANSWER_ROWS = 1_000_000;

const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The file unpacks to more than the limit. */
export const tooLargeUnpacked = () =>
  new AppError(413, 'payload_too_large', {
    da: `Filen fylder for meget, når den pakkes ud (højst ${MB(MAX_UNPACKED_BYTES)} MB). Del den op, eller gem den som CSV.`,
    en: `The file unpacks to too much data (at most ${MB(MAX_UNPACKED_BYTES)} MB). Split it, or save it as CSV.`,
  });

/** The file has more rows than the import takes. */
export const tooManyRows = (max: number) =>
  new AppError(413, 'payload_too_large', {
    da: `Filen har for mange rækker (højst ${max.toLocaleString('da-DK')}). Del den op i flere filer.`,
    en: `The file has too many rows (at most ${max.toLocaleString('en-GB')}). Split it into several files.`,
  });

/** The file has more columns than any import uses. */
export const tooManyColumns = () =>
  new AppError(400, 'import_invalid', {
    da: `Filen har for mange kolonner (højst ${MAX_TABLE_COLUMNS}). Slet de kolonner, importen ikke bruger.`,
    en: `The file has too many columns (at most ${MAX_TABLE_COLUMNS}). Delete the columns the import does not use.`,
  });

const broken = () =>
  new AppError(415, 'unsupported_file', {
    da: 'Excel-filen er beskadiget eller ikke en XLSX-fil. Gem den igen som XLSX eller CSV.',
    en: 'The Excel file is damaged or not an XLSX file. Save it again as XLSX or CSV.',
  });

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Find the end-of-central-directory record (it ends the file, before a comment). */
function endOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  throw broken();
}

/** Count `<row` elements in a worksheet's XML. */
function countRows(xml: Buffer): number {
  let rows = 0;
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    const next = xml[at + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f) rows++; // "<row ", "<row>", "<row/"
  }
  return rows;
}

/**
 * Check an XLSX (zip) file against the limits; throws a 413/415 `AppError`, or returns
 * when the file is safe to hand to the XLSX reader.
 */
export function checkZipLimits(zip: Buffer, maxRows = MAX_TABLE_ROWS): void {
  if (zip.length < 22) throw broken();
  const end = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  // Zip64 (0xffff entries, 0xffffffff offsets) is never needed within our limits.
  if (count === 0xffff || at === 0xffffffff) throw tooLargeUnpacked();
  if (count > MAX_ZIP_ENTRIES) throw tooLargeUnpacked();

  const entries: { name: string; method: number; compressed: number; offset: number }[] = [];
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw broken();
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === 0xffffffff || compressed === 0xffffffff) throw tooLargeUnpacked();
    declared += size;
    if (declared > MAX_UNPACKED_BYTES) throw tooLargeUnpacked();
    entries.push({ name, method, compressed, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }

  let budget = MAX_UNPACKED_BYTES;
  let rows = 0;
  for (const entry of entries) {
    const local = entry.offset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw broken();
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + entry.compressed);
    if (data.length !== entry.compressed) throw broken();
    let content: Buffer;
    if (entry.method === 0) content = data;
    else if (entry.method === 8) {
      try {
        // The cap is what is left of the budget: a lying header cannot make us inflate more.
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if (error instanceof RangeError) throw tooLargeUnpacked();
        throw broken();
      }
    } else throw broken();
    budget -= content.length;
    if (budget < 0) throw tooLargeUnpacked();
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      rows += countRows(content);
      if (rows > maxRows) throw tooManyRows(maxRows);
    }
  }
}
