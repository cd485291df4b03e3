/**
 * The long CSV format of answers (import and the command line): a pure parser and writer.
 *
 * Source: ANALYSIS.md "The long CSV format". One row per answer, a header row with the
 * column names exactly `respondent,unit,role,target,item,value,wave,arm,case` in any
 * order; UTF-8 with or without BOM; separator `,` or `;` detected from the header; RFC 4180
 * quoting (doubled quotes, separators and line breaks inside quotes); CRLF, LF or CR line
 * ends. A file with any rejected row is rejected as a whole: {@link parseLongCsv} throws
 * {@link CsvRejectedError} listing every problem with its line number (the line a row
 * starts on; the header is line 1).
 *
 * Readings where ANALYSIS.md is silent:
 *   - Required columns: respondent, unit, role, item, value. `target`, `wave`, `arm` and
 *     `case` may be left out (every row then has them empty). Unknown and repeated column
 *     names are rejected, so a misspelt optional column is not silently ignored.
 *   - An Excel `sep=;` (or `sep=,`) first line sets the separator and is skipped. Without
 *     one, the separator is the one that splits the header into more known column names.
 *   - Unquoted fields are trimmed; quoted fields are kept verbatim (so names with leading or
 *     trailing spaces survive a round trip through {@link toCsvRow}). Blank lines and rows
 *     whose fields are all empty (Excel's leftover `;;;;;;;;`) are skipped.
 *   - `value`: `1`–`5` exactly (not `0`, `6`, `3.5`, `4.0` or `five`); `ved ikke`, `vi`,
 *     `dk`, `don't know` (any case, ’ accepted for ') for "ved ikke"; empty = missing.
 *   - `role`: `leder`/`leader`, `medarbejder`/`employee` (any case); empty, `borger` or
 *     `citizen` only on citizen items (a citizen is neither leader nor employee).
 *   - `arm`: `intervention`, `kontrol` (also `control`), any case, or empty.
 *   - `item`: the keys of ANALYSIS.md, any case; `problemløsning` is read as
 *     `problemloesning`. RK items need a target; leadership and citizen items must have none.
 *   - `wave` may be empty: the file is then one wave named "" (empty). A file that mixes
 *     empty and non-empty waves is rejected (rows with the empty wave are reported).
 *   - Within a wave a respondent keeps one unit, role and arm, and answers each item at
 *     most once per target (see wave-data.ts).
 */
import {
  ALL_ITEMS,
  CITIZEN_ITEMS,
  itemIndex,
  placementProblem,
  scaleOfIndex,
  type Answer,
  type Arm,
  type Role,
} from './answer.js';
import { csvProblem, CsvRejectedError, type CsvProblem, type CsvProblemCode } from './errors.js';
import { AnswerCollector, type WaveData } from './wave-data.js';

/** The column names of the long CSV format, in the order {@link toLongCsv} writes them. */
export const LONG_CSV_COLUMNS = [
  'respondent',
  'unit',
  'role',
  'target',
  'item',
  'value',
  'wave',
  'arm',
  'case',
] as const;

type Column = (typeof LONG_CSV_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly Column[] = ['respondent', 'unit', 'role', 'item', 'value'];
const KNOWN_COLUMNS: ReadonlySet<string> = new Set(LONG_CSV_COLUMNS);
const DONT_KNOW = new Set(['ved ikke', 'vi', 'dk', "don't know"]);
const CITIZEN_ITEM_SET: ReadonlySet<string> = new Set(CITIZEN_ITEMS);

/** The separators the format allows. */
export type CsvSeparator = ',' | ';';

/** A parsed long CSV file. */
export interface LongCsvResult {
  answers: Answer[];
  separator: CsvSeparator;
}

interface RawRecord {
  fields: string[];
  /** Index just past the record's line break (or the end of the text). */
  end: number;
  /** Line breaks consumed, including the one ending the record. */
  breaks: number;
  error?: CsvProblemCode;
}

/** Reads one record starting at `start` with the general (quote-aware) state machine. */
function readQuotedRecord(text: string, start: number, separator: string): RawRecord {
  const fields: string[] = [];
  let i = start;
  let breaks = 0;
  const length = text.length;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          return { fields, end: length, breaks, error: 'unclosed_quote' };
        }
        for (let j = text.indexOf('\n', i); j >= 0 && j < quote; j = text.indexOf('\n', j + 1)) {
          breaks++;
        }
        value += text.slice(i, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      fields.push(value);
      if (i >= length) return { fields, end: length, breaks };
      const ch = text[i];
      if (ch === separator) {
        i++;
        continue;
      }
      if (ch === '\n') return { fields, end: i + 1, breaks: breaks + 1 };
      // Garbage after a closing quote: skip to the end of the line and reject the row.
      const lineEnd = text.indexOf('\n', i);
      return lineEnd < 0
        ? { fields, end: length, breaks, error: 'text_after_quote' }
        : { fields, end: lineEnd + 1, breaks: breaks + 1, error: 'text_after_quote' };
    }
    let j = i;
    while (j < length) {
      const ch = text[j];
      if (ch === separator || ch === '\n') break;
      j++;
    }
    fields.push(text.slice(i, j).trim());
    if (j >= length) return { fields, end: length, breaks };
    if (text[j] === '\n') return { fields, end: j + 1, breaks: breaks + 1 };
    i = j + 1;
  }
}

/** Reads one record; lines without a quote take a fast split path. */
function readRecord(text: string, start: number, separator: string): RawRecord {
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  const line = text.slice(start, end);
  if (line.indexOf('"') >= 0) return readQuotedRecord(text, start, separator);
  const fields = line.split(separator);
  for (let k = 0; k < fields.length; k++) fields[k] = fields[k]!.trim();
  return { fields, end: newline < 0 ? text.length : newline + 1, breaks: newline < 0 ? 0 : 1 };
}

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field !== '') return false;
  return true;
}

/** A role cell's role; `borger`/`citizen` only beside a citizen item. */
function normalizeRole(raw: string, citizenItem: boolean): Role | undefined {
  if (raw === 'medarbejder' || raw === 'leder') return raw;
  switch (raw.toLowerCase()) {
    case 'leder':
    case 'leader':
      return 'leder';
    case 'medarbejder':
    case 'employee':
      return 'medarbejder';
    case '':
      return '';
    case 'borger':
    case 'citizen':
      return citizenItem ? '' : undefined;
    default:
      return undefined;
  }
}

function normalizeArm(raw: string): Arm | undefined {
  if (raw === '' || raw === 'intervention' || raw === 'kontrol') return raw;
  switch (raw.toLowerCase()) {
    case 'intervention':
      return 'intervention';
    case 'kontrol':
    case 'control':
      return 'kontrol';
    case '':
      return '';
    default:
      return undefined;
  }
}

/** Reads a value cell: a score 1–5, `'dk'`, `null` for empty, or `undefined` if invalid. */
export function parseValue(raw: string): number | 'dk' | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  if (text.length === 1) {
    const code = text.charCodeAt(0);
    if (code >= 49 && code <= 53) return code - 48;
  }
  const lower = text.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
  return DONT_KNOW.has(lower) ? 'dk' : undefined;
}

function normalizeItem(raw: string): string {
  if (itemIndex(raw) !== undefined) return raw;
  const lower = raw.trim().toLowerCase();
  return lower === 'problemløsning' ? 'problemloesning' : lower;
}

/** Picks the separator that splits the header into more known column names. */
function detectSeparator(text: string, start: number): CsvSeparator | undefined {
  let best: CsvSeparator | undefined;
  let bestKnown = 0;
  let tie = false;
  for (const separator of [',', ';'] as const) {
    const { fields } = readQuotedRecord(text, start, separator);
    const known = fields.filter((name) => KNOWN_COLUMNS.has(name)).length;
    if (known > bestKnown) {
      best = separator;
      bestKnown = known;
      tie = false;
    } else if (known === bestKnown) {
      tie = true;
    }
  }
  // Equal counts: a header too broken to tell; with some known names, the column checks
  // that follow give the more useful message, so fall back to ','.
  if (tie) return bestKnown > 0 ? ',' : undefined;
  return best;
}

/** Decodes file bytes as UTF-8; throws {@link CsvRejectedError} (`not_utf8`) otherwise. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\uFFFD');
    let line = 1;
    for (let i = loose.indexOf('\n'); i >= 0 && i < bad; i = loose.indexOf('\n', i + 1)) line++;
    throw new CsvRejectedError([csvProblem(line, 'not_utf8')]);
  }
}

/** The column positions of a long CSV file; -1 for a column it leaves out. */
interface ColumnPositions {
  iRespondent: number;
  iUnit: number;
  iRole: number;
  iTarget: number;
  iItem: number;
  iValue: number;
  iWave: number;
  iArm: number;
  iCase: number;
}

/** A read header: where the rows start (index and line), the separator and the columns. */
interface HeaderResult {
  end: number;
  line: number;
  separator: CsvSeparator;
  width: number;
  columns: ColumnPositions;
}

/**
 * Reads everything before the first row (blank lines, a `sep=` hint, the header) of a text
 * without BOM and with `\n` line ends; throws {@link CsvRejectedError} on a bad header.
 */
function readHeader(text: string): HeaderResult {
  let pos = 0;
  let line = 1;
  // Skip leading blank lines.
  for (;;) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    if (text.slice(pos, end).trim() !== '' || newline < 0) break;
    pos = newline + 1;
    line++;
  }
  if (text.slice(pos).trim() === '') throw new CsvRejectedError([csvProblem(line, 'empty_file')]);

  let separator: CsvSeparator | undefined;
  const hint = /^sep=([,;])[ \t]*(\n|$)/i.exec(text.slice(pos, pos + 8));
  if (hint) {
    separator = hint[1] as CsvSeparator;
    pos += hint[0].length;
    line++;
  } else {
    separator = detectSeparator(text, pos);
  }
  const headerLine = line;
  if (separator === undefined) {
    throw new CsvRejectedError([csvProblem(headerLine, 'separator_unknown')]);
  }

  const header = readRecord(text, pos, separator);
  const headerProblems: CsvProblem[] = [];
  if (header.error) headerProblems.push(csvProblem(headerLine, header.error));
  const columnIndex = new Map<string, number>();
  header.fields.forEach((name, i) => {
    if (!KNOWN_COLUMNS.has(name))
      headerProblems.push(csvProblem(headerLine, 'unknown_column', name));
    else if (columnIndex.has(name)) {
      headerProblems.push(csvProblem(headerLine, 'duplicate_column', name));
    } else columnIndex.set(name, i);
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!columnIndex.has(name)) headerProblems.push(csvProblem(headerLine, 'missing_column', name));
  }
  if (headerProblems.length > 0) throw new CsvRejectedError(headerProblems);

  const col = (name: Column) => columnIndex.get(name) ?? -1;
  return {
    end: header.end,
    line: line + header.breaks,
    separator,
    width: header.fields.length,
    columns: {
      iRespondent: col('respondent'),
      iUnit: col('unit'),
      iRole: col('role'),
      iTarget: col('target'),
      iItem: col('item'),
      iValue: col('value'),
      iWave: col('wave'),
      iArm: col('arm'),
      iCase: col('case'),
    },
  };
}

/**
 * Parses a long CSV file into answers; throws {@link CsvRejectedError} listing every
 * rejected row (line number, code, reason in English and Danish) if any row is bad.
 */
export function parseLongCsv(input: string): LongCsvResult {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  const header = readHeader(text);
  let pos = header.end;
  let line = header.line;
  const { separator, width, columns } = header;
  const { iRespondent, iUnit, iRole, iTarget, iItem, iValue, iWave, iArm, iCase } = columns;
  const field = (fields: readonly string[], index: number) =>
    index < 0 ? '' : (fields[index] ?? '');

  const answers: Answer[] = [];
  const lineOf: number[] = [];
  const problems: CsvProblem[] = [];
  const emptyWaveLines: number[] = [];
  let anyNamedWave = false;
  const collector = new AnswerCollector();

  while (pos < text.length) {
    const recordLine = line;
    const record = readRecord(text, pos, separator);
    pos = record.end;
    line += record.breaks;
    if (record.error) {
      problems.push(csvProblem(recordLine, record.error));
      continue;
    }
    const fields = record.fields;
    if (isBlank(fields)) continue;
    if (fields.length !== width) {
      problems.push(
        csvProblem(recordLine, 'field_count', `expected ${width}, found ${fields.length}`),
      );
      continue;
    }
    const item = normalizeItem(field(fields, iItem));
    const rawRole = field(fields, iRole);
    const rawValue = field(fields, iValue);
    const rawArm = field(fields, iArm);
    const role = normalizeRole(rawRole, CITIZEN_ITEM_SET.has(item));
    const value = parseValue(rawValue);
    const arm = normalizeArm(rawArm);
    if (role === undefined) {
      problems.push(csvProblem(recordLine, 'invalid_role', JSON.stringify(rawRole)));
    }
    if (value === undefined) {
      problems.push(csvProblem(recordLine, 'invalid_value', JSON.stringify(rawValue)));
    }
    if (arm === undefined) {
      problems.push(csvProblem(recordLine, 'invalid_arm', JSON.stringify(rawArm)));
    }
    if (role === undefined || value === undefined || arm === undefined) continue;
    const answer: Answer = {
      respondent: field(fields, iRespondent),
      unit: field(fields, iUnit),
      role,
      target: field(fields, iTarget),
      item,
      value,
      wave: field(fields, iWave),
      arm,
      case: field(fields, iCase),
    };
    const problem = collector.add(answer, answers.length);
    if (problem !== null) {
      const detail =
        problem.code === 'unknown_item'
          ? JSON.stringify(item)
          : problem.relatedIndex !== undefined
            ? `${JSON.stringify(answer.respondent)}, see line ${lineOf[problem.relatedIndex]}`
            : undefined;
      problems.push(csvProblem(recordLine, problem.code, detail));
      continue;
    }
    if (answer.wave === '') emptyWaveLines.push(recordLine);
    else anyNamedWave = true;
    answers.push(answer);
    lineOf.push(recordLine);
  }
  if (anyNamedWave) {
    for (const emptyLine of emptyWaveLines) problems.push(csvProblem(emptyLine, 'mixed_wave'));
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    throw new CsvRejectedError(problems);
  }
  return { answers, separator };
}

/**
 * Parses a long CSV file from its bytes: the same answers, and the same errors, as
 * `parseLongCsv(decodeCsvBytes(bytes))`, but faster on large files. A file without quotes
 * whose rows are all accepted is read straight from the bytes, each distinct cell decoded
 * once and shared (respondents, units, items and waves repeat on every row), so reading
 * makes one object per answer and nothing per cell. Any other file, or the first problem
 * found, goes to the general reader, which reports every problem with its line.
 */
export function parseLongCsvBytes(bytes: Uint8Array): LongCsvResult {
  return readPlainBytes(bytes) ?? parseLongCsv(decodeCsvBytes(bytes));
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/**
 * What one distinct cell reads as in the columns that can hold it, worked out the first
 * time it is needed (`undefined`: not yet), so a row costs no text checks: an item cell's
 * position in `ALL_ITEMS`, a value cell's score, a role cell's role (beside a citizen item
 * and beside any other), an arm cell's arm.
 */
class CellReading {
  item: number | undefined = undefined;
  value: number | 'dk' | null | undefined = undefined;
  role: Role | undefined = undefined;
  citizenRole: Role | undefined = undefined;
  arm: Arm | undefined = undefined;

  constructor(readonly text: string) {}
}

/** Distinct byte strings of one buffer, numbered, each decoded (fatal UTF-8) and trimmed once. */
class CellInterner {
  /** Open addressing, at most half full; sized so a typical file never has to grow it. */
  private slots: Int32Array;
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly hashes: number[] = [];
  readonly cells: CellReading[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(private readonly bytes: Uint8Array) {
    // About one distinct cell (a respondent) per 4 kB of answers.
    let size = 1024;
    while (size * 4096 < bytes.length) size *= 2;
    this.slots = new Int32Array(size);
  }

  /** The number of the cell bytes[start, end) with the given FNV-1a hash; -1 if not UTF-8. */
  id(start: number, end: number, hash: number): number {
    const bytes = this.bytes;
    const length = end - start;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === hash && this.lengths[entry] === length) {
        const other = this.starts[entry]!;
        let k = 0;
        while (k < length && bytes[start + k] === bytes[other + k]) k++;
        if (k === length) return entry;
      }
      slot = (slot + 1) & mask;
    }
    let text: string;
    try {
      text = this.decoder.decode(bytes.subarray(start, end)).trim();
    } catch {
      return -1;
    }
    this.starts.push(start);
    this.lengths.push(length);
    this.hashes.push(hash);
    this.cells.push(new CellReading(text));
    this.slots[slot] = this.cells.length;
    if (this.cells.length * 2 > this.slots.length) this.grow();
    return this.cells.length - 1;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.cells.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

/** How many bytes from `a` on equal the bytes from `b` on, at most `limit`. */
function commonLength(bytes: Uint8Array, a: number, b: number, limit: number): number {
  let k = 0;
  while (k < limit && bytes[a + k] === bytes[b + k]) k++;
  return k;
}

/**
 * Where the cell from `start` ends: at the separator, a line feed, the CR of a CRLF or the
 * end of the file; -1 at a CR alone (old Mac line ends, left to the general reader).
 */
function cellEnd(bytes: Uint8Array, start: number, separator: number): number {
  for (let j = start; j < bytes.length; j++) {
    const byte = bytes[j];
    if (byte === separator || byte === NEWLINE) return j;
    if (byte === CARRIAGE_RETURN) return bytes[j + 1] === NEWLINE ? j : -1;
  }
  return bytes.length;
}

/** The FNV-1a hash of bytes[start, end). */
function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let j = start; j < end; j++) hash = Math.imul(hash ^ bytes[j]!, FNV_PRIME);
  return hash;
}

/**
 * Reads the rows of a file without quotes as numbered cells ({@link CellInterner}), one row
 * per {@link next}. Rows mostly repeat the row above (a respondent's unit, role and wave on
 * every row, a target for six rows), so a cell equal to the one above it is found by
 * comparing bytes, and only the cells that differ are hashed and looked up.
 */
class RowScanner {
  /** The cell number of each column in the row just read. */
  readonly ids: Int32Array;
  /** Whether every cell of the row just read is empty. */
  blank = true;
  /** Where the next row starts. */
  position: number;
  /** Where each column's cell above lies (length -1: none yet). */
  private readonly aboveStart: Int32Array;
  private readonly aboveLength: Int32Array;
  /** The row above: where it starts, its length with its line break, its cells and where its separators lie in it. */
  private rowStart = -1;
  private rowLength = 0;
  private cellsAbove = 0;
  private readonly separatorAt: Int32Array;
  private separatorsAbove = 0;
  /** Where the cell last read by {@link cell} ends. */
  private lastEnd = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly separator: number,
    private readonly width: number,
    readonly interner: CellInterner,
    start: number,
  ) {
    this.ids = new Int32Array(width);
    this.aboveStart = new Int32Array(width);
    this.aboveLength = new Int32Array(width).fill(-1);
    this.separatorAt = new Int32Array(width);
    this.position = start;
  }

  /** Reads the row at {@link position}: its number of cells, or -1 if the general reader must. */
  next(): number {
    const { bytes, separator, width, separatorAt } = this;
    const cells = this.interner.cells;
    const start = this.position;
    const above = this.rowStart;
    // The tail of the row above can stand for this row's tail only when that row was whole.
    const wholeAbove = this.cellsAbove === width;
    let count = 0;
    let j = start;
    this.blank = true;
    // The cells whose separator lies in the start this row shares with the row above.
    if (this.separatorsAbove > 0) {
      const limit = separatorAt[this.separatorsAbove - 1]! + 1;
      const same = commonLength(bytes, start, above, limit);
      while (count < this.separatorsAbove && separatorAt[count]! < same) {
        this.noteCell(count);
        count++;
      }
      if (count > 0) j = start + separatorAt[count - 1]! + 1;
    }
    this.rowStart = start;
    for (;;) {
      const id = this.cell(count, j);
      if (id < 0) return -1;
      if (this.blank && cells[id]!.text !== '') this.blank = false;
      j = this.lastEnd;
      count++;
      if (bytes[j] !== separator) {
        return this.endRow(start, bytes[j] === CARRIAGE_RETURN ? j + 2 : j + 1, count);
      }
      if (count > width) {
        j++;
        continue;
      }
      const aboveSeparator = separatorAt[count - 1]!;
      separatorAt[count - 1] = j - start;
      // The cells after a changed one (wave, arm, case after an item and its value) mostly
      // end the row as they ended the row above: then they are its cells, byte for byte.
      const rest = this.rowLength - aboveSeparator;
      if (
        count < width &&
        wholeAbove &&
        commonLength(bytes, j, above + aboveSeparator, rest) === rest
      ) {
        const shift = j - start - aboveSeparator;
        for (; count < width; count++) {
          if (count < width - 1) separatorAt[count] = separatorAt[count]! + shift;
          this.noteCell(count);
        }
        return this.endRow(start, j + rest, count);
      }
      j++;
    }
  }

  /** Clears {@link blank} when the cell of `column` (as in the row above) is not empty. */
  private noteCell(column: number): void {
    if (this.blank && this.interner.cells[this.ids[column]!]!.text !== '') this.blank = false;
  }

  /** Ends the row that started at `start` with `count` cells; the next starts at `next`. */
  private endRow(start: number, next: number, count: number): number {
    this.position = next;
    this.rowLength = next - start;
    this.cellsAbove = count;
    this.separatorsAbove = Math.min(count - 1, this.width);
    return count;
  }

  /** The number of the cell of column `column` starting at `start`; -1 if not readable here. */
  private cell(column: number, start: number): number {
    const bytes = this.bytes;
    if (column < this.width) {
      const above = this.aboveLength[column]!;
      if (above >= 0 && commonLength(bytes, start, this.aboveStart[column]!, above) === above) {
        const end = start + above;
        const after = bytes[end];
        if (
          after === this.separator ||
          after === NEWLINE ||
          end >= bytes.length ||
          (after === CARRIAGE_RETURN && bytes[end + 1] === NEWLINE)
        ) {
          this.lastEnd = end;
          return this.ids[column]!;
        }
      }
    }
    const end = cellEnd(bytes, start, this.separator);
    if (end < 0) return -1;
    const id = this.interner.id(start, end, fnv1a(bytes, start, end));
    if (id >= 0 && column < this.width) {
      this.ids[column] = id;
      this.aboveStart[column] = start;
      this.aboveLength[column] = end - start;
    }
    this.lastEnd = end;
    return id;
  }
}

/** What the byte reader gives: the answers (when asked for) and the collected waves. */
interface PlainRead {
  answers: Answer[];
  waves: WaveData[];
  separator: CsvSeparator;
}

/**
 * The fast path of {@link parseLongCsvBytes} (exported for its tests); `undefined` when the
 * file needs the general reader: quotes, a first line that is not the header, or any
 * rejected row or cell.
 */
export function readPlainBytes(bytes: Uint8Array): LongCsvResult | undefined {
  const read = readPlain(bytes, true);
  return read && { answers: read.answers, separator: read.separator };
}

/**
 * The waves of a long CSV file as the analysis collects them (`collectWaves`), read by the
 * byte reader straight from its interned cells, with no `Answer` object per row;
 * `undefined` when the file needs the general reader ({@link parseLongCsvBytes}).
 */
export function readPlainWaves(bytes: Uint8Array): WaveData[] | undefined {
  return readPlain(bytes, false)?.waves;
}

/** The header of a file the byte reader can take (no BOM trouble, no `sep=` line), else `undefined`. */
function readPlainHeader(
  bytes: Uint8Array,
): { header: HeaderResult; rowsStart: number } | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const headerEnd = bytes.indexOf(NEWLINE, start);
  if (headerEnd < 0) return undefined;
  try {
    let text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(start, headerEnd),
    );
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '' || /^sep=|\r/i.test(text)) return undefined;
    return { header: readHeader(text), rowsStart: headerEnd + 1 };
  } catch {
    return undefined;
  }
}

function readPlain(bytes: Uint8Array, keepAnswers: boolean): PlainRead | undefined {
  if (bytes.indexOf(34 /* " */) >= 0) return undefined;
  const plainHeader = readPlainHeader(bytes);
  if (plainHeader === undefined) return undefined;
  const { header, rowsStart } = plainHeader;
  const separator = header.separator.charCodeAt(0);
  const width = header.width;
  const { iRespondent, iUnit, iRole, iTarget, iItem, iValue, iWave, iArm, iCase } = header.columns;
  const interner = new CellInterner(bytes);
  const cells = interner.cells;
  const rows = new RowScanner(bytes, separator, width, interner, rowsStart);
  const ids = rows.ids;
  const text = (column: number) => (column < 0 ? '' : cells[ids[column]!]!.text);
  const answers: Answer[] = [];
  const collector = new AnswerCollector();
  let index = 0;
  let anyNamedWave = false;
  let anyEmptyWave = false;
  while (rows.position < bytes.length) {
    const count = rows.next();
    if (count < 0) return undefined;
    if (rows.blank) continue;
    if (count !== width) return undefined;
    // The cells read as the general reader reads them, and the checks of answerProblem.
    const itemCell = cells[ids[iItem]!]!;
    const item = (itemCell.item ??= itemIndex(normalizeItem(itemCell.text)));
    if (item === undefined) return undefined;
    const citizen = scaleOfIndex(item) === 'borger';
    const roleCell = cells[ids[iRole]!]!;
    const role = citizen
      ? (roleCell.citizenRole ??= normalizeRole(roleCell.text, true))
      : (roleCell.role ??= normalizeRole(roleCell.text, false));
    const valueCell = cells[ids[iValue]!]!;
    const value = (valueCell.value ??= parseValue(valueCell.text));
    const arm = iArm < 0 ? '' : (cells[ids[iArm]!]!.arm ??= normalizeArm(text(iArm)));
    if (role === undefined || value === undefined || arm === undefined) return undefined;
    const respondent = text(iRespondent);
    const unit = text(iUnit);
    const target = text(iTarget);
    const wave = text(iWave);
    if (respondent === '') return undefined;
    if (placementProblem(item, target, unit, role) !== null) return undefined;
    if (
      collector.addChecked(respondent, unit, role, arm, wave, target, item, value, index) !== null
    ) {
      return undefined;
    }
    index++;
    if (wave === '') anyEmptyWave = true;
    else anyNamedWave = true;
    if (keepAnswers) {
      answers.push({
        respondent,
        unit,
        role,
        target,
        item: ALL_ITEMS[item]!,
        value,
        wave,
        arm,
        case: text(iCase),
      });
    }
  }
  if (anyEmptyWave && anyNamedWave) return undefined;
  return { answers, waves: collector.waves(), separator: header.separator };
}

/** Options of {@link toCsvRow}. */
export interface CsvRowOptions {
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, tab or carriage return with `'`
   * so spreadsheets do not run them as formulas (OWASP "CSV injection"). For exports only:
   * the prefix is data, so a file written this way does not read back verbatim. Numbers
   * (JavaScript `number`s) are never prefixed.
   */
  neutralizeFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV line (without line break), quoting fields that hold the separator, quotes, line breaks or edge spaces. */
export function toCsvRow(
  fields: readonly (string | number | null | undefined)[],
  separator: CsvSeparator = ',',
  options: CsvRowOptions = {},
): string {
  return fields
    .map((raw) => {
      if (raw === null || raw === undefined) return '';
      if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : '';
      let text = raw;
      if (options.neutralizeFormulas && FORMULA_START.test(text)) text = `'${text}`;
      const needsQuotes =
        text.includes(separator) ||
        text.includes('"') ||
        text.includes('\n') ||
        text.includes('\r') ||
        text !== text.trim();
      return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(separator);
}

/** Writes answers in the long CSV format (header first, `\r\n` line ends, "ved ikke" as `dk`). */
export function toLongCsv(answers: readonly Answer[], separator: CsvSeparator = ','): string {
  const lines = [toCsvRow(LONG_CSV_COLUMNS, separator)];
  for (const a of answers) {
    lines.push(
      toCsvRow(
        [a.respondent, a.unit, a.role, a.target, a.item, a.value, a.wave, a.arm, a.case],
        separator,
      ),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
