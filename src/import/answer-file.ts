/**
 * Reading an uploaded answer file (the long CSV of docs/analysis.md) into answers, with
 * the row limit of `upload-limits.ts`. Uploads call it through `parse-in-worker.ts`.
 */
import type { Answer } from '../analysis/answer.js';
import { parseLongCsv } from '../analysis/long-csv.js';
import { AppError } from '../kernel/errors.js';
import { MAX_ANSWER_ROWS, tooManyRows } from './upload-limits.js';

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(415, 'unsupported_file', {
      da: 'Filen er ikke en CSV-fil i UTF-8. Gem den som "CSV UTF-8", og prøv igen.',
      en: 'The file is not a UTF-8 CSV file. Save it as "CSV UTF-8" and try again.',
    });
  }
}

/** The answers of a long CSV; throws `AppError` for an unreadable file, `CsvRejectedError` for bad rows. */
export function readAnswerFile(bytes: Buffer): Answer[] {
  const text = decodeText(bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new AppError(400, 'import_invalid', { da: 'Filen er tom.', en: 'The file is empty.' });
  }
  const answers = parseLongCsv(text).answers;
  if (answers.length > MAX_ANSWER_ROWS) throw tooManyRows(MAX_ANSWER_ROWS);
  return answers;
}
