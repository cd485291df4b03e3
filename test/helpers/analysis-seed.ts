/**
 * Seeding straight into the database, for the analysis tests and benchmarks: units, a
 * closed measurement, and answers in bulk. No survey, no mail, no audit trail.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { UnitKind } from '../../contract/org.js';
import type { PersonRole } from '../../src/db/tables/person.table.js';
import { createMunicipality } from '../../src/municipality/municipality.service.js';

/** Units of one municipality by name, the i-th of kind `kind(i)`; returns their ids in order. */
export async function insertUnits(
  db: Kysely<Database>,
  municipalityId: string,
  names: string[],
  kind: (i: number) => UnitKind = () => 'udfører',
): Promise<{ id: string }[]> {
  return db
    .insertInto('unit')
    .values(
      names.map((name, i) => ({
        municipality_id: municipalityId,
        name,
        kind: kind(i),
        area_id: null,
        archived_at: null,
      })),
    )
    .returning('id')
    .execute();
}

/** The password of the benchmark municipality's admin (bench@example.dk). */
export const BENCH_ADMIN_PASSWORD = 'tusind-stole-i-salen-77';

/**
 * A municipality for a benchmark with `groups` units named "Gruppe 01", "Gruppe 02" …, the
 * i-th of kind `kind(i)`; its id and the units in order.
 */
export async function insertBenchMunicipality(
  db: Kysely<Database>,
  municipality: { name: string; slug: string },
  groups: number,
  kind?: (i: number) => UnitKind,
): Promise<{ municipalityId: string; units: { id: string }[] }> {
  const municipalityId = await createMunicipality(db, {
    ...municipality,
    adminName: 'Bench',
    adminEmail: 'bench@example.dk',
    adminPassword: BENCH_ADMIN_PASSWORD,
  });
  const names = Array.from(
    { length: groups },
    (_, i) => `Gruppe ${String(i + 1).padStart(2, '0')}`,
  );
  return { municipalityId, units: await insertUnits(db, municipalityId, names, kind) };
}

/**
 * A measurement with the default thresholds (min group 5, 4 and 3.5), closed unless told
 * otherwise; returns its id.
 */
export async function insertClosedMeasurement(
  db: Kysely<Database>,
  municipalityId: string,
  options: {
    title: string;
    focalProcess: string;
    waveLabel?: string;
    includeLeadership?: boolean;
    previousMeasurementId?: string | null;
    status?: 'open' | 'closed';
    openedAt?: Date | null;
    closedAt?: Date | null;
  },
): Promise<string> {
  const measurement = await db
    .insertInto('measurement')
    .values({
      municipality_id: municipalityId,
      title: options.title,
      focal_process: options.focalProcess,
      status: options.status ?? 'closed',
      opens_at: null,
      closes_at: null,
      min_group: 5,
      threshold_high: 4,
      threshold_low: 3.5,
      choose_groups: false,
      include_leadership: options.includeLeadership ?? false,
      items: '{}',
      wave_label: options.waveLabel ?? '1',
      previous_measurement_id: options.previousMeasurementId ?? null,
      created_by: null,
      opened_at: options.openedAt ?? null,
      closed_at: options.closedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return measurement.id;
}

/** Imported, submitted respondents of a measurement, one a row; their ids in the same order. */
export async function insertImportedRespondents(
  db: Kysely<Database>,
  measurementId: string,
  rows: { unitId: string; role: PersonRole }[],
): Promise<{ id: string }[]> {
  return db
    .insertInto('respondent')
    .values(
      rows.map((row) => ({
        measurement_id: measurementId,
        unit_id: row.unitId,
        role: row.role,
        chosen_groups: null,
        arm: null,
        case_ref: null,
        source: 'import' as const,
        submitted: true,
      })),
    )
    .returning('id')
    .execute();
}

/** Answers in one statement, column by column (`unnest`): far faster than rows for millions. */
export async function insertAnswerColumns(
  db: Kysely<Database>,
  measurementId: string,
  columns: {
    respondentIds: string[];
    targets: string[];
    items: string[];
    values: (number | null)[];
    dontKnow: boolean[];
  },
): Promise<void> {
  const { respondentIds, targets, items, values, dontKnow } = columns;
  await sql`
    INSERT INTO answer (measurement_id, respondent_id, target, item, value, dont_know)
    SELECT ${measurementId}::uuid, r, t, i, v, d
    FROM unnest(${respondentIds}::uuid[], ${targets}::text[], ${items}::text[], ${values}::smallint[], ${dontKnow}::boolean[])
      AS x(r, t, i, v, d)`.execute(db);
}
