import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('rejects an empty file', () => {
    expect(() => parseCsv('')).toThrow(CsvFormatError);
    expect(() => parseCsv('\uFEFF  \n')).toThrow(CsvFormatError);
  });

  it('rejects an unclosed quote with its line', () => {
    try {
      parseCsv('a,b\n1,"x\n2,3\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvFormatError);
      expect((error as CsvFormatError).line).toBe(2);
    }
  });

  it('reads Danish Excel: BOM, semicolons, CRLF', () => {
    const table = parseCsv('\uFEFFenhed;type\r\nJobcenter;myndighed\r\nBostøtte;udfører\r\n');
    expect(table.separator).toBe(';');
    expect(table.header).toEqual(['enhed', 'type']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Jobcenter', 'myndighed'] },
      { line: 3, cells: ['Bostøtte', 'udfører'] },
    ]);
  });

  it('keeps quotes, separators and line breaks inside quoted fields', () => {
    const table = parseCsv('a,b\n"He said ""hi""","x,y"\n"two\nlines",z\nlast,row');
    expect(table.rows).toEqual([
      { line: 2, cells: ['He said "hi"', 'x,y'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['last', 'row'] },
    ]);
  });

  it('skips blank lines but keeps rows of empty fields', () => {
    const table = parseCsv('a,b\n\n,\n1,2\n');
    expect(table.rows).toEqual([
      { line: 3, cells: ['', ''] },
      { line: 4, cells: ['1', '2'] },
    ]);
  });
});
