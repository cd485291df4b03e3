/** Tables to CSV (one table) and XLSX (one sheet per table). */
import { toCsvRow } from '../analysis/long-csv.js';
import type { Cell, Table } from './report-tables.js';

/** Decimals kept in exported figures: enough for p-values, no 16-digit floating-point tails. */
const DECIMALS = 3;

/** Three decimals; a value too small for that (a p-value of 0.00004) keeps two significant digits. */
const roundTo = (value: number) =>
  value !== 0 && Math.abs(value) < 10 ** -DECIMALS
    ? Number(value.toPrecision(2))
    : Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;

/**
 * A number as Danish Excel reads it from a `;` file (decimal comma, no grouping); with `,`
 * as separator the decimal point stays. Numbers are never quoted or formula-neutralised,
 * so a negative difference stays a number.
 */
function numberText(value: number, separator: ',' | ';'): string {
  if (!Number.isFinite(value)) return '';
  const text = String(roundTo(value));
  return separator === ';' ? text.replace('.', ',') : text;
}

/** One table as CSV; `;` suits Danish Excel. Cells that look like formulas are neutralised. */
export function tableToCsv(table: Table, separator: ',' | ';' = ';'): string {
  const lines = [table.header, ...table.rows].map((row: readonly Cell[]) =>
    row
      .map((cell) =>
        typeof cell === 'number'
          ? numberText(cell, separator)
          : toCsvRow([cell], separator, { neutralizeFormulas: true }),
      )
      .join(separator),
  );
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Every table as a sheet of one workbook. */
export async function tablesToXlsx(tables: Table[], title: string): Promise<Buffer> {
  // exceljs takes over a second to load: only when a workbook is read or written.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samspil';
  workbook.title = title;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ''));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach((column) => (column.width = 16));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
