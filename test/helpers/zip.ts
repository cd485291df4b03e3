/**
 * Writing small zip files by hand for upload tests: XLSX zip bombs whose sheet unpacks to
 * hundreds of megabytes, with honest or lying sizes in their headers.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The deflated bytes. */
  data: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size written into the headers (defaults to the true one). */
  declaredSize?: number;
}

/** A deflated entry of `text`. */
export function textEntry(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

/** A deflated entry of `head`, `chunk` repeated `times` and `tail`, deflated as a stream. */
export async function repeatedEntry(
  name: string,
  head: string,
  chunk: string,
  times: number,
  tail: string,
): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))));
  const perBlock = block.length / Buffer.byteLength(chunk);
  let crc = 0;
  let size = 0;
  const write = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head));
  let left = times;
  while (left >= perBlock) {
    await write(block);
    left -= perBlock;
  }
  if (left > 0) await write(Buffer.from(chunk.repeat(left)));
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { name, data: Buffer.concat(parts), crc, size };
}

/**
 * The fields a local header and its central directory entry share, from "version needed"
 * (at `at`) to the name's length: version 2.0, deflate, the CRC and both sizes.
 */
function writeSharedFields(
  header: Buffer,
  at: number,
  entry: ZipEntry,
  size: number,
  nameLength: number,
): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(entry.crc >>> 0, at + 10);
  header.writeUInt32LE(entry.data.length, at + 14);
  header.writeUInt32LE(size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** The zip file of the entries (method 8, no data descriptors). */
export function zipFile(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, entry, size, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeSharedFields(central, 6, entry, size, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/**
 * An XLSX file whose one sheet has `rows` identical rows of one inline-text cell (without
 * row numbers, so that it compresses like a real zip bomb: 5 M rows, 285 MB, in 0.3 MB).
 * With `lie`, the headers claim the sheet unpacks to 1 000 bytes.
 */
export async function xlsxWithRows(rows: number, options: { lie?: boolean } = {}) {
  const sheet = await repeatedEntry(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    '<row><c t="inlineStr"><is><t>enhed</t></is></c></row>',
    rows,
    '</sheetData></worksheet>',
  );
  if (options.lie) sheet.declaredSize = 1000;
  const file = zipFile([
    textEntry('[Content_Types].xml', CONTENT_TYPES),
    textEntry('_rels/.rels', ROOT_RELS),
    textEntry('xl/workbook.xml', WORKBOOK),
    textEntry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    sheet,
  ]);
  return { file, unpacked: sheet.size };
}
