import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer, SMALL_NETWORK } from '../../test/fixtures/analysis/answers.js';
import { analyze, analyzeWaves, collectWaves } from './analyze.js';
import { CITIZEN_ITEMS, LEADERSHIP_ITEMS, type Answer } from './answer.js';
import { CsvRejectedError, type CsvProblem } from './errors.js';
import {
  decodeCsvBytes,
  parseLongCsv,
  parseLongCsvBytes,
  readPlainBytes,
  readPlainWaves,
  toCsvRow,
  toLongCsv,
} from './long-csv.js';
import { randomMeasurement } from '../../test/helpers/disclosure-check.js';

const HEADER = 'respondent,unit,role,target,item,value,wave,arm,case';
const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/analysis/${name}`, import.meta.url));

/** The problems the byte reader reports for a text, which must be the same as the string reader's. */
function bytesRejection(text: string): readonly CsvProblem[] | undefined {
  try {
    parseLongCsvBytes(Buffer.from(text));
  } catch (error) {
    if (error instanceof CsvRejectedError) return error.problems;
    throw error;
  }
  return undefined;
}

/** The problems a rejected file reports, as [line, code] pairs. */
function problemsOf(text: string): [number, string][] {
  try {
    parseLongCsv(text);
  } catch (error) {
    if (error instanceof CsvRejectedError) {
      expect(bytesRejection(text)).toEqual(error.problems);
      return error.problems.map((p) => [p.line, p.code]);
    }
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

function rejection(text: string): readonly CsvProblem[] {
  try {
    parseLongCsv(text);
  } catch (error) {
    if (error instanceof CsvRejectedError) {
      expect(bytesRejection(text)).toEqual(error.problems);
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

const rows = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('parseLongCsv: bad input', () => {
  it('rejects an empty file', () => {
    expect(problemsOf('')).toEqual([[1, 'empty_file']]);
    expect(problemsOf('\ufeff\r\n  \n')).toEqual([[3, 'empty_file']]);
  });

  it('accepts a header with no rows as no answers', () => {
    expect(parseLongCsv(HEADER)).toEqual({ answers: [], separator: ',' });
  });

  it('rejects unknown, repeated and missing columns, naming them', () => {
    const problems = rejection('respondent,Unit,role,item,value,value');
    expect(problems.map((p) => [p.line, p.code, p.reason])).toEqual([
      [1, 'unknown_column', 'unknown column: Unit'],
      [1, 'duplicate_column', 'column appears twice: value'],
      [1, 'missing_column', 'required column missing: unit'],
    ]);
    expect(problems[0]!.reasonDa).toBe('ukendt kolonne: Unit');
  });

  it('rejects a header whose separator cannot be told', () => {
    expect(problemsOf('foo;bar,baz\n1;2,3')).toEqual([[1, 'separator_unknown']]);
    // a lone known name cannot tell either, but the missing columns are the better message
    expect(problemsOf('respondent\nr1')).toContainEqual([1, 'missing_column']);
  });

  it('reports rows with the other separator as a field-count error on their line', () => {
    const text = [
      'respondent;unit;role;target;item;value;wave;arm;case',
      'r1;A;leder;B;respekt;4;;;',
      'r2,A,leder,B,respekt,4,,,',
      'r3;A;leder;B;respekt;4;;;',
    ].join('\r\n');
    const problems = rejection(text);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[3, 'field_count']]);
    expect(problems[0]!.reason).toContain('expected 9, found 1');
  });

  it('rejects values other than 1–5, dk spellings or empty', () => {
    const bad = ['0', '6', '3.5', '4.0', 'five', '05', '-1', 'ved ikk'];
    const text = rows(...bad.map((v, i) => `r${i},A,leder,B,respekt,${v},,,`));
    expect(problemsOf(text)).toEqual(bad.map((_, i) => [i + 2, 'invalid_value']));
    expect(rejection(rows('r1,A,leder,B,respekt,five,,,'))[0]!.reason).toContain('"five"');
  });

  it('lists every bad row with its reason and imports nothing', () => {
    const text = rows(
      'r1,A,chef,B,respekt,4,,,',
      'r2,A,leder,B,respekt,4,,,',
      'r3,A,leder,,respekt,4,,,',
      'r4,A,leder,B,ledelse1,4,,,',
      'r5,A,leder,B,tillid,4,,,',
      ',A,leder,B,respekt,4,,,',
      'r7,,leder,B,respekt,4,,,',
      'r8,A,,B,respekt,4,,,',
      'r9,A,leder,B,respekt,4,,pilot,',
      'r10,A,chef,B,respekt,9,,,',
    );
    expect(problemsOf(text)).toEqual([
      [2, 'invalid_role'],
      [4, 'missing_target'],
      [5, 'unexpected_target'],
      [6, 'unknown_item'],
      [7, 'missing_respondent'],
      [8, 'missing_unit'],
      [9, 'missing_role'],
      [10, 'invalid_arm'],
      [11, 'invalid_role'],
      [11, 'invalid_value'],
    ]);
  });

  it('rejects a respondent who changes unit, role or arm within a wave, and duplicates', () => {
    const text = rows(
      'r1,A,leder,B,respekt,4,1,,',
      'r1,A,medarbejder,B,kendskab,4,1,,',
      'r1,A,leder,B,respekt,3,1,,',
      'r1,C,medarbejder,B,respekt,3,2,,',
    );
    const problems = rejection(text);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'inconsistent_respondent'],
      [4, 'duplicate_answer'],
    ]);
    expect(problems[0]!.reason).toContain('"r1", see line 2');
  });

  it('rejects a file mixing empty and named waves', () => {
    expect(problemsOf(rows('r1,A,leder,B,respekt,4,før,,', 'r2,A,leder,B,respekt,4,,,'))).toEqual([
      [3, 'mixed_wave'],
    ]);
  });

  it('rejects an unclosed quote and text after a closing quote', () => {
    expect(problemsOf(rows('r1,"A,leder,B,respekt,4,,,'))).toEqual([[2, 'unclosed_quote']]);
    expect(problemsOf(rows('r1,"A"x,leder,B,respekt,4,,,', 'r2,A,leder,B,respekt,4,,,'))).toEqual([
      [2, 'text_after_quote'],
    ]);
  });

  it('reports the line of a byte that is not UTF-8', () => {
    const latin1 = Buffer.from(
      `${HEADER}\nr1,A,leder,B,respekt,4,,,\nr2,Sundhed og \xe6ldre,leder,B,respekt,4,,,\n`,
      'latin1',
    );
    try {
      decodeCsvBytes(latin1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvRejectedError);
      expect((error as CsvRejectedError).problems.map((p) => [p.line, p.code])).toEqual([
        [3, 'not_utf8'],
      ]);
    }
  });
});

describe('parseLongCsv: good input', () => {
  it('reads the small network fixture', () => {
    const { answers, separator } = parseLongCsv(decodeCsvBytes(fixture('small-network.csv')));
    expect(separator).toBe(',');
    expect(answers).toEqual(SMALL_NETWORK);
  });

  it('reads a Danish Excel file: BOM, ";", CRLF, columns reordered, quoted fields', () => {
    const { answers, separator } = parseLongCsv(decodeCsvBytes(fixture('danish-excel.csv')));
    expect(separator).toBe(';');
    const unit = 'Børn; Unge & Familie';
    expect(answers).toEqual<Answer[]>([
      answer('r1', unit, 'leder', 'Jobcenter', 'videndeling', 4, 'før'),
      answer('r1', unit, 'leder', 'Jobcenter', 'respekt', 'dk', 'før'),
      answer('r2', unit, 'medarbejder', 'Jobcenter', 'videndeling', 3, 'før'),
      answer('r2', unit, 'medarbejder', 'Jobcenter', 'innovation', null, 'før'),
      answer('r3', 'Jobcenter', 'medarbejder', unit, 'kendskab', 5, 'før'),
      answer('r3', 'Jobcenter', 'medarbejder', '', 'ledelse1', 4, 'før'),
      { ...answer('c1', '', '', '', 'borger1', 'dk', 'før'), case: 'sag-7' },
    ]);
  });

  it('accepts every "ved ikke" spelling in any case, and role and arm synonyms', () => {
    const spellings = ['ved ikke', 'VED IKKE', 'Vi', 'DK', "don't know", 'Don’t Know'];
    const { answers } = parseLongCsv(
      rows(
        ...spellings.map((v, i) => `r${i},A,leader,B,respekt,${v},,Intervention,`),
        'e1,A,Employee,B,respekt,1,,control,',
        'e2,A,MEDARBEJDER,B,respekt,5,,kontrol,',
        'c1,,citizen,,borger1,2,,,',
      ),
    );
    expect(answers.slice(0, spellings.length).every((a) => a.value === 'dk')).toBe(true);
    expect(answers[0]).toMatchObject({ role: 'leder', arm: 'intervention' });
    expect(answers.slice(-3).map((a) => [a.role, a.arm, a.value])).toEqual([
      ['medarbejder', 'kontrol', 1],
      ['medarbejder', 'kontrol', 5],
      ['', '', 2],
    ]);
  });

  it('honours an Excel "sep=" line and optional columns left out', () => {
    const { answers, separator } = parseLongCsv(
      'sep=;\nrespondent;unit;role;target;item;value\nr1;A;leder;B;Problemløsning;3\n',
    );
    expect(separator).toBe(';');
    expect(answers).toEqual([answer('r1', 'A', 'leder', 'B', 'problemloesning', 3)]);
  });

  it('reads quotes, separators and line breaks inside quotes, keeping later line numbers', () => {
    const text = rows(
      '"r ""1""","A, the ""first""\nunit",leder,B,respekt,4,,,',
      'r2,A,leder,B,respekt,4,,,x,',
    );
    // the bad row starts on line 4 because the quoted unit spans lines 2–3
    expect(problemsOf(text)).toEqual([[4, 'field_count']]);
    const { answers } = parseLongCsv(
      rows('"r ""1""","A, the ""first""\r\nunit",leder,B,respekt,4,,,'),
    );
    expect(answers[0]!.respondent).toBe('r "1"');
    expect(answers[0]!.unit).toBe('A, the "first"\nunit');
  });

  it('skips blank lines and rows of empty fields, and trims unquoted fields', () => {
    const { answers } = parseLongCsv(
      `\n${HEADER}\n\n r1 , A ,leder, B ,respekt, 4 ,,,\n,,,,,,,,\n`,
    );
    expect(answers).toEqual([answer('r1', 'A', 'leder', 'B', 'respekt', 4)]);
  });
});

describe('round trip through toLongCsv and parseLongCsv', () => {
  const awkward = [
    'Børn & Unge "Syd"',
    'Job;center',
    'Sundhed, Ældre',
    '🤝 Samspil',
    '<script>alert(1)</script>',
    ' leading and trailing ',
    'two\nlines',
    '=SUM(A1:A2)',
  ];
  const answers: Answer[] = awkward.flatMap((unit, i) => [
    answer(`r${i}`, unit, 'medarbejder', awkward[(i + 1) % awkward.length]!, 'respekt', 4, 'før'),
    answer(`r${i}`, unit, 'medarbejder', '', 'ledelse3', 'dk', 'før', ''),
  ]);

  it.each([',', ';'] as const)('keeps awkward unit names intact with "%s"', (separator) => {
    const text = toLongCsv(answers, separator);
    expect(parseLongCsv(text)).toEqual({ answers, separator });
    expect(parseLongCsv(`\ufeff${text}`).answers).toEqual(answers);
  });
});

describe('toCsvRow', () => {
  it('quotes only what needs quoting', () => {
    expect(toCsvRow(['a', 'b;c', 'say "hi"', 'x\ny', 3.5, null, undefined], ';')).toBe(
      'a;"b;c";"say ""hi""";"x\ny";3.5;;',
    );
    expect(toCsvRow(['b;c', 'd,e'])).toBe('b;c,"d,e"');
    expect(toCsvRow([Number.NaN, ' padded'])).toBe('," padded"');
  });

  it('neutralises spreadsheet formulas only when asked, never in numbers', () => {
    const cells = ['=1+1', '+45', '-3', '@SUM(A1)', 'ok', -3];
    expect(toCsvRow(cells)).toBe('=1+1,+45,-3,@SUM(A1),ok,-3');
    expect(toCsvRow(cells, ',', { neutralizeFormulas: true })).toBe(
      "'=1+1,'+45,'-3,'@SUM(A1),ok,-3",
    );
  });
});

describe('parseLongCsvBytes', () => {
  /** Both readers on the same bytes; returns whether the fast path read the file alone. */
  function same(bytes: Uint8Array): boolean {
    const expected = parseLongCsv(decodeCsvBytes(bytes));
    expect(parseLongCsvBytes(bytes)).toEqual(expected);
    const plain = readPlainBytes(bytes);
    if (plain !== undefined) expect(plain).toEqual(expected);
    return plain !== undefined;
  }

  it('reads plain files straight from the bytes, exactly as the general reader', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const answers = randomMeasurement(seed, ['før', 'efter']).map((a) => ({
        ...a,
        // Names with Danish letters, inner spaces and (for the trim) a no-break space.
        unit: seed % 2 === 0 ? `Ældre ${a.unit}` : a.unit,
        target: seed % 2 === 0 ? `Ældre ${a.target}` : a.target,
      }));
      for (const separator of [',', ';'] as const) {
        const crlf = toLongCsv(answers, separator);
        expect(same(Buffer.from(crlf)), `seed ${seed} ${separator}`).toBe(true);
        expect(same(Buffer.from(crlf.replaceAll('\r\n', '\n')))).toBe(true);
        expect(same(Buffer.from(`\ufeff${crlf}`))).toBe(true);
        // Old Mac line ends (CR alone) go to the general reader, with the same result.
        expect(same(Buffer.from(crlf.replaceAll('\r\n', '\r')))).toBe(false);
      }
    }
    const untidy = rows(
      '  r1 ,\u00a0A\u00a0,LEDER,B,Respekt, 4 ,,Control,',
      '',
      ',,,,,,,,',
      // Blank rows wider than the header, one under the other.
      ',,,,,,,,,,,,',
      ',,,,,,,,,,,,',
      'r2,A,medarbejder,B,problemløsning,Ved  Ikke,,,',
      'r2,A,medarbejder,B,kendskab ,3,,,',
      'r3,A,leader,B,respekt,,,,',
    );
    expect(same(Buffer.from(untidy))).toBe(true);
    expect(same(Buffer.from(`${untidy}\n\n   \n`))).toBe(true);
  });

  it('leaves quotes, sep= lines, leading blank lines and bad bytes to the general reader', () => {
    for (const text of [
      rows('"r1",A,leder,B,respekt,4,,,'),
      `sep=;\n${rows('r1,A,leder,B,respekt,4,,,').replaceAll(',', ';')}`,
      `\n${rows('r1,A,leder,B,respekt,4,,,')}`,
      rows('r1,A,leder,B,respekt,4,,,\rr2,A,leder,B,respekt,5,,,'),
    ]) {
      expect(readPlainBytes(Buffer.from(text))).toBeUndefined();
      expect(same(Buffer.from(text))).toBe(false);
    }
    // A row wider or narrower than the header, under a whole row.
    for (const text of [
      rows('r1,A,leder,B,respekt,4,,,', 'r1,A,leder,B,kendskab,4,,,,'),
      rows('r1,A,leder,B,respekt,4,,,', 'r1,A,leder,B,kendskab,4,,'),
    ]) {
      expect(readPlainBytes(Buffer.from(text))).toBeUndefined();
      expect(() => parseLongCsvBytes(Buffer.from(text))).toThrow(CsvRejectedError);
    }
    const latin1 = Buffer.from(`${HEADER}\nr1,\xc6ldre,leder,B,respekt,4,,,\n`, 'latin1');
    expect(readPlainBytes(latin1)).toBeUndefined();
    expect(() => parseLongCsvBytes(latin1)).toThrow(CsvRejectedError);
  });
});

describe('readPlainWaves', () => {
  /** A varied measurement: shuffled rows, leadership and citizen items, missing values. */
  function variedAnswers(seed: number): Answer[] {
    let state = seed;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const answers: Answer[] = randomMeasurement(seed, ['før', 'efter']).map((a) => ({
      ...a,
      value: next() < 0.03 ? null : a.value,
      case: next() < 0.1 ? 'sag 7' : '',
    }));
    const byRespondent = new Map(answers.map((a) => [`${a.wave} ${a.respondent}`, a]));
    for (const a of byRespondent.values()) {
      for (const item of LEADERSHIP_ITEMS) {
        if (next() < 0.8) answers.push({ ...a, target: '', item, value: 1 + (state % 5) });
      }
    }
    for (let i = 0; i < 12; i++) {
      const item = CITIZEN_ITEMS[i % 2]!;
      answers.push({
        ...answers[0]!,
        respondent: `b${i >> 1}`,
        unit: '',
        role: '',
        target: '',
        item,
        value: 1 + (i % 5),
        arm: '',
      });
    }
    // Shuffle part of the rows, so cells differ from the row above in every column.
    for (let i = answers.length - 1; i > answers.length / 2; i--) {
      const j = Math.floor(next() * (i + 1));
      [answers[i], answers[j]] = [answers[j]!, answers[i]!];
    }
    return answers;
  }

  it('collects exactly the waves the general reader and collectWaves give, and the same analysis', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const answers = variedAnswers(seed);
      for (const separator of [',', ';'] as const) {
        const bytes = Buffer.from(toLongCsv(answers, separator));
        const general = parseLongCsv(decodeCsvBytes(bytes)).answers;
        const waves = readPlainWaves(bytes);
        expect(waves, `seed ${seed}`).toBeDefined();
        expect(waves).toEqual(collectWaves(general));
        expect(analyzeWaves(waves!, { minGroup: 3 })).toEqual(analyze(general, { minGroup: 3 }));
      }
    }
  });

  it('leaves files with a rejected row to the general reader', () => {
    const answers = variedAnswers(3);
    const duplicate = [...answers, answers[5]!];
    expect(readPlainWaves(Buffer.from(toLongCsv(duplicate)))).toBeUndefined();
    const moved = [
      ...answers,
      { ...answers[5]!, unit: 'elsewhere', target: 'U0', item: 'respekt' },
    ];
    expect(readPlainWaves(Buffer.from(toLongCsv(moved)))).toBeUndefined();
  });
});
