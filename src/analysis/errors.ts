/**
 * Typed domain errors of the analysis core.
 *
 * Callers decide from `code` (a string-literal union), never from message text. Every error
 * carries an English `message` and a Danish `messageDa`; CSV row problems carry `reason`
 * and `reasonDa` the same way (graphology `errors.js`, hono `http-exception.ts`).
 */

/** What can be wrong with a single answer (shared by the CSV parser and `analyze`). */
export type AnswerProblemCode =
  | 'missing_respondent'
  | 'missing_item'
  | 'unknown_item'
  | 'invalid_value'
  | 'invalid_role'
  | 'invalid_arm'
  | 'missing_target'
  | 'unexpected_target'
  | 'missing_unit'
  | 'missing_role'
  | 'inconsistent_respondent'
  | 'duplicate_answer';

/** What can be wrong with a CSV file or one of its rows. */
export type CsvProblemCode =
  | AnswerProblemCode
  | 'not_utf8'
  | 'empty_file'
  | 'separator_unknown'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'field_count'
  | 'unclosed_quote'
  | 'text_after_quote'
  | 'mixed_wave';

/** What can be wrong with the analysis options. */
export type OptionsProblemCode =
  | 'min_group_not_integer'
  | 'min_group_too_small'
  | 'threshold_not_finite'
  | 'thresholds_out_of_order';

interface Text {
  en: string;
  da: string;
}

const TEXTS: Readonly<Record<CsvProblemCode | OptionsProblemCode, Text>> = {
  missing_respondent: { en: 'respondent is empty', da: 'respondent er tom' },
  missing_item: { en: 'item is empty', da: 'item er tom' },
  unknown_item: { en: 'unknown item key', da: 'ukendt item-nøgle' },
  invalid_value: {
    en: "value must be 1-5, empty, or one of 'ved ikke', 'vi', 'dk', \"don't know\"",
    da: "value skal være 1-5, tom eller en af 'ved ikke', 'vi', 'dk', \"don't know\"",
  },
  invalid_role: {
    en: 'role must be leder/leader or medarbejder/employee',
    da: 'role skal være leder/leader eller medarbejder/employee',
  },
  invalid_arm: {
    en: 'arm must be intervention, kontrol or empty',
    da: 'arm skal være intervention, kontrol eller tom',
  },
  missing_target: {
    en: 'a relational capacity item needs a target',
    da: 'et relationel kapacitet-item skal have et target',
  },
  unexpected_target: {
    en: 'leadership and citizen items must have an empty target',
    da: 'ledelses- og borger-items skal have et tomt target',
  },
  missing_unit: { en: 'unit is empty', da: 'unit er tom' },
  missing_role: { en: 'role is empty', da: 'role er tom' },
  inconsistent_respondent: {
    en: 'the respondent has a different unit, role or arm elsewhere in the same wave',
    da: 'respondenten har en anden unit, role eller arm et andet sted i samme runde',
  },
  duplicate_answer: {
    en: 'the respondent already answered this item for this target in this wave',
    da: 'respondenten har allerede svaret på dette item for dette target i denne runde',
  },
  not_utf8: {
    en: 'the file is not UTF-8 (in Excel, save as "CSV UTF-8")',
    da: 'filen er ikke UTF-8 (vælg "CSV UTF-8" i Excel)',
  },
  empty_file: { en: 'the file is empty', da: 'filen er tom' },
  separator_unknown: {
    en: 'cannot tell the separator from the header (use , or ; consistently)',
    da: 'kan ikke se separatoren i overskriften (brug , eller ; konsekvent)',
  },
  missing_column: { en: 'required column missing', da: 'påkrævet kolonne mangler' },
  unknown_column: { en: 'unknown column', da: 'ukendt kolonne' },
  duplicate_column: { en: 'column appears twice', da: 'kolonnen findes to gange' },
  field_count: {
    en: 'wrong number of fields (mixed separators?)',
    da: 'forkert antal felter (blandede separatorer?)',
  },
  unclosed_quote: { en: 'quote is never closed', da: 'anførselstegn lukkes aldrig' },
  text_after_quote: {
    en: 'text after a closing quote',
    da: 'tekst efter et afsluttende anførselstegn',
  },
  mixed_wave: {
    en: 'wave is empty but other rows have a wave',
    da: 'wave er tom, men andre rækker har en wave',
  },
  min_group_not_integer: {
    en: 'minGroup must be a whole number',
    da: 'minGroup skal være et helt tal',
  },
  min_group_too_small: { en: 'minGroup must be at least 3', da: 'minGroup skal være mindst 3' },
  threshold_not_finite: {
    en: 'thresholds must be numbers',
    da: 'grænseværdierne skal være tal',
  },
  thresholds_out_of_order: {
    en: 'the low threshold must not exceed the high threshold',
    da: 'den lave grænse må ikke være større end den høje',
  },
};

/** The English and Danish text of a problem code, with an optional detail appended. */
export function problemText(
  code: CsvProblemCode | OptionsProblemCode,
  detail?: string,
): { en: string; da: string } {
  const text = TEXTS[code];
  if (detail === undefined || detail === '') return { en: text.en, da: text.da };
  return { en: `${text.en}: ${detail}`, da: `${text.da}: ${detail}` };
}

/** Base class of every error the analysis core throws. */
export class AnalysisError extends Error {
  constructor(
    readonly code: CsvProblemCode | OptionsProblemCode | 'csv_rejected',
    message: string,
    readonly messageDa: string,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** An answer handed to `analyze` is malformed; `index` is its position in the input array. */
export class AnalysisInputError extends AnalysisError {
  declare readonly code: AnswerProblemCode;

  constructor(
    code: AnswerProblemCode,
    readonly index?: number,
    detail?: string,
    readonly line?: number,
  ) {
    const text = problemText(code, detail);
    super(code, text.en, text.da);
    this.name = 'AnalysisInputError';
  }
}

/** The analysis options are invalid (minGroup below 3, thresholds out of order, …). */
export class AnalysisOptionsError extends AnalysisError {
  declare readonly code: OptionsProblemCode;

  constructor(code: OptionsProblemCode, detail?: string) {
    const text = problemText(code, detail);
    super(code, text.en, text.da);
    this.name = 'AnalysisOptionsError';
  }
}

/** One rejected row (or the header, line 1) of a long CSV file. */
export interface CsvProblem {
  line: number;
  code: CsvProblemCode;
  reason: string;
  reasonDa: string;
}

/** Builds a {@link CsvProblem} from a code and an optional detail (the offending text). */
export function csvProblem(line: number, code: CsvProblemCode, detail?: string): CsvProblem {
  const text = problemText(code, detail);
  return { line, code, reason: text.en, reasonDa: text.da };
}

/** A long CSV file was rejected; `problems` lists every bad row with its line number. */
export class CsvRejectedError extends AnalysisError {
  declare readonly code: 'csv_rejected';

  constructor(readonly problems: readonly CsvProblem[]) {
    const count = problems.length;
    super(
      'csv_rejected',
      `The file was not imported: ${count} problem${count === 1 ? '' : 's'}`,
      `Filen blev ikke indlæst: ${count} fejl`,
    );
    this.name = 'CsvRejectedError';
  }
}
