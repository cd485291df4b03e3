/**
 * Importing answers collected elsewhere (e.g. SurveyXact) as the long CSV of
 * ANALYSIS.md into a measurement. All or nothing: any rejected row, unknown unit or
 * foreign wave rejects the whole file. A new import replaces the measurement's
 * earlier imported answers, so importing the same file twice changes nothing.
 * Respondent ids from the file are not stored: each becomes a new random id.
 */
import type { ResponseImportReport } from '../../contract/measurements.schema.js';
import type { Answer } from '../analysis/answer.js';
import { CsvRejectedError } from '../analysis/errors.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import { readAnswerFileInWorker } from '../import/parse-in-worker.js';
import { listUnits } from '../org/org.repository.js';
import { AppError } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { measurementNotFound, type MeasurementDeps } from './measurement.service.js';
import { findMeasurement } from './measurement.repository.js';
import { requireKind } from './measurement-errors.js';

const key = (s: string) => s.trim().toLocaleLowerCase('da');

/** Check (and with `commit`, import) a long CSV of answers into a measurement. */
export async function importResponses(
  deps: MeasurementDeps,
  user: AuthUser,
  measurementId: string,
  bytes: Buffer,
  commit: boolean,
): Promise<ResponseImportReport> {
  requirePermission(user, 'measurements.manage');
  const measurement = requireKind(
    await findMeasurement(deps.db, user.municipalityId, measurementId),
    'network',
  );
  if (!measurement) throw measurementNotFound();
  let answers: Answer[];
  const errors: ResponseImportReport['errors'] = [];
  try {
    // Parsed in a worker thread with limits, so a huge file never stalls other requests.
    answers = await readAnswerFileInWorker(bytes);
  } catch (error) {
    if (!(error instanceof CsvRejectedError)) throw error;
    return reject(
      commit,
      error.problems.map((p) => ({ line: p.line, message: { da: p.reasonDa, en: p.reason } })),
    );
  }

  const units = new Map(
    (await listUnits(deps.db, user.municipalityId, true)).map((u) => [key(u.name), u.id]),
  );
  const unknownUnits = new Map<string, number>();
  const foreignWaves = new Map<string, number>();
  const respondents = new Map<
    string,
    { unit: string; role: Answer['role']; arm: Answer['arm']; case: string }
  >();
  const conflicting = new Set<string>();
  for (const answer of answers) {
    for (const name of [answer.unit, answer.target]) {
      if (name !== '' && !units.has(key(name)))
        unknownUnits.set(name, (unknownUnits.get(name) ?? 0) + 1);
    }
    if (answer.wave !== '' && answer.wave !== measurement.wave_label) {
      foreignWaves.set(answer.wave, (foreignWaves.get(answer.wave) ?? 0) + 1);
    }
    const seen = respondents.get(answer.respondent);
    const profile = {
      unit: key(answer.unit),
      role: answer.role,
      arm: answer.arm,
      case: answer.case,
    };
    if (!seen) respondents.set(answer.respondent, profile);
    else if (seen.unit !== profile.unit || seen.role !== profile.role)
      conflicting.add(answer.respondent);
  }
  for (const [name, count] of unknownUnits) {
    errors.push({
      line: null,
      message: {
        da: `Enheden "${name}" findes ikke i organisationen (${count} rækker).`,
        en: `The unit "${name}" is not in the organisation (${count} rows).`,
      },
    });
  }
  for (const [wave, count] of foreignWaves) {
    errors.push({
      line: null,
      message: {
        da: `Bølgen "${wave}" hører ikke til denne måling, hvis bølge hedder "${measurement.wave_label}" (${count} rækker). Importér hver bølge i sin egen måling.`,
        en: `The wave "${wave}" does not belong to this measurement, whose wave is "${measurement.wave_label}" (${count} rows). Import each wave into its own measurement.`,
      },
    });
  }
  for (const respondent of conflicting) {
    errors.push({
      line: null,
      message: {
        da: `Respondenten "${respondent}" står med flere forskellige enheder eller roller.`,
        en: `The respondent "${respondent}" appears with different units or roles.`,
      },
    });
  }
  if (answers.length === 0) {
    errors.push({
      line: null,
      message: { da: 'Filen har ingen svar.', en: 'The file has no answers.' },
    });
  }
  if (errors.length > 0) return reject(commit, errors);

  const report = {
    committed: false,
    rows: answers.length,
    respondents: respondents.size,
    errors: [],
  };
  if (!commit) return report;

  await deps.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('respondent')
      .where('measurement_id', '=', measurementId)
      .where('source', '=', 'import')
      .execute();
    const ids = new Map<string, string>();
    const entries = [...respondents.entries()];
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000);
      const rows = await trx
        .insertInto('respondent')
        .values(
          chunk.map(([, r]) => ({
            measurement_id: measurementId,
            unit_id: units.get(r.unit)!,
            role: r.role === '' ? ('medarbejder' as const) : r.role,
            chosen_groups: null,
            arm: r.arm === '' ? null : r.arm,
            case_ref: r.case === '' ? null : r.case,
            source: 'import' as const,
            submitted: true,
          })),
        )
        .returning('id')
        .execute();
      chunk.forEach(([fileId], j) => ids.set(fileId, rows[j]!.id));
    }
    const rows = new Map<
      string,
      {
        respondent_id: string;
        target: string;
        item: string;
        value: number | null;
        dont_know: boolean;
      }
    >();
    for (const a of answers) {
      if (a.value === null) continue;
      const respondentId = ids.get(a.respondent)!;
      const target = a.target === '' ? '' : units.get(key(a.target))!;
      rows.set(`${respondentId}|${target}|${a.item}`, {
        respondent_id: respondentId,
        target,
        item: a.item,
        value: a.value === 'dk' ? null : a.value,
        dont_know: a.value === 'dk',
      });
    }
    const values = [...rows.values()].map((r) => ({ ...r, measurement_id: measurementId }));
    for (let i = 0; i < values.length; i += 5000) {
      await trx
        .insertInto('answer')
        .values(values.slice(i, i + 5000))
        .execute();
    }
    await trx
      .updateTable('measurement')
      .set({ answers_changed_at: new Date() })
      .where('id', '=', measurementId)
      .execute();
    await recordUserAudit(trx, user, 'import', 'measurement', measurementId, {
      rows: answers.length,
      respondents: respondents.size,
    });
  });
  return { ...report, committed: true };
}

function reject(commit: boolean, errors: ResponseImportReport['errors']): ResponseImportReport {
  if (commit) {
    throw new AppError(
      422,
      'import_invalid',
      {
        da: `Filen har ${errors.length} fejl. Intet er importeret.`,
        en: `The file has ${errors.length} errors. Nothing was imported.`,
      },
      { committed: false, rows: 0, respondents: 0, errors },
    );
  }
  return { committed: false, rows: 0, respondents: 0, errors };
}
