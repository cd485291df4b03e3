/**
 * A small RFC 4180 reader for the files people export from Excel and survey tools.
 *
 * Handles a UTF-8 BOM, `,` or `;` as separator (chosen from the header line: Danish
 * Excel writes `;`), quoted fields with doubled quotes, separators and line breaks
 * inside quotes, and CRLF. Each row keeps the line number it started on, so errors
 * can point at it.
 */

/** One data row and the (1-based) line of the file it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  separator: ',' | ';';
  header: string[];
  rows: CsvRow[];
}

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unclosed_quote' | 'empty',
  ) {
    super(reason === 'empty' ? 'The file is empty' : `Unclosed quote starting on line ${line}`);
    this.name = 'CsvFormatError';
  }
}

/** Pick the separator that occurs most often outside quotes in the header line. */
export function detectSeparator(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parse CSV text into header and rows; blank lines are skipped. */
export function parseCsv(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') throw new CsvFormatError(1, 'empty');
  const firstBreak = text.search(/\r?\n/);
  const separator = detectSeparator(firstBreak === -1 ? text : text.slice(0, firstBreak));

  const records: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;

  const endRecord = () => {
    cells.push(field);
    const blank = cells.length === 1 && cells[0] === '' && !fieldStarted;
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === separator) {
      cells.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new CsvFormatError(recordLine, 'unclosed_quote');
  if (field !== '' || cells.length > 0 || fieldStarted) endRecord();

  const [head, ...rows] = records;
  if (!head) throw new CsvFormatError(1, 'empty');
  return { separator, header: head.cells.map((h) => h.trim()), rows };
}
