/**
 * Reading an uploaded table (CSV or XLSX) into a header and numbered rows, so every
 * import validates one shape whatever the file type.
 */
import type { CellValue } from 'exceljs';
import { AppError } from '../kernel/errors.js';
import { CsvFormatError, parseCsv, type CsvTable } from './csv.js';
import {
  checkZipLimits,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  tooManyColumns,
  tooManyRows,
} from './upload-limits.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const unsupported = () =>
  new AppError(415, 'unsupported_file', {
    da: 'Filen er hverken CSV eller Excel (XLSX). Gem den som CSV (UTF-8) eller XLSX, og prøv igen.',
    en: 'The file is neither CSV nor Excel (XLSX). Save it as CSV (UTF-8) or XLSX and try again.',
  });

const emptyFile = () =>
  new AppError(400, 'import_invalid', { da: 'Filen er tom.', en: 'The file is empty.' });

/**
 * Read CSV or XLSX bytes; rejects binary files, bad UTF-8, empty tables and files over the
 * limits of `upload-limits.ts`. Uploads call it through `parse-in-worker.ts`.
 */
export async function readTableFile(bytes: Buffer): Promise<CsvTable> {
  if (bytes.length === 0) throw emptyFile();
  const table = ZIP_MAGIC.every((b, i) => bytes[i] === b) ? await readXlsx(bytes) : readCsv(bytes);
  if (table.rows.length > MAX_TABLE_ROWS) throw tooManyRows(MAX_TABLE_ROWS);
  if (table.header.length > MAX_TABLE_COLUMNS) throw tooManyColumns();
  return table;
}

function readCsv(bytes: Buffer): CsvTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unsupported();
  }
  if (text.includes('\u0000')) throw unsupported();
  try {
    return parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    if (error.reason === 'empty') throw emptyFile();
    throw new AppError(400, 'import_invalid', {
      da: `Linje ${error.line}: et citationstegn (") lukkes aldrig.`,
      en: `Line ${error.line}: a quote (") is never closed.`,
    });
  }
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<CsvTable> {
  // exceljs takes over a second to load: only when a workbook is read or written.
  const { default: ExcelJS } = await import('exceljs');
  checkZipLimits(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as never);
  } catch {
    throw unsupported();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw emptyFile();
  let header: string[] | undefined;
  const rows: CsvTable['rows'] = [];
  const width = sheet.columnCount;
  if (width > MAX_TABLE_COLUMNS) throw tooManyColumns();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.every((c) => c === '')) return;
    if (header === undefined) header = cells.map((c) => c.trim());
    else rows.push({ line: rowNumber, cells });
  });
  if (header === undefined) throw emptyFile();
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  return { separator: ',', header, rows };
}
