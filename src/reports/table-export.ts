/** Tables to CSV (one table) and XLSX (one sheet per table). */
import { toCsvRow } from '../analysis/long-csv.js';
import type { Table } from './report-tables.js';

/** One table as CSV; `;` suits Danish Excel. Cells that look like formulas are neutralised. */
export function tableToCsv(table: Table, separator: ',' | ';' = ';'): string {
  const lines = [table.header, ...table.rows].map((row) =>
    toCsvRow(row, separator, { neutralizeFormulas: true }),
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
