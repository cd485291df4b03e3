/**
 * Progression as the trial measured it (issue #17): an instrument has a structure
 * (general, indicator rating, per-child questionnaire, session rating), sub-scales and a
 * source line for licensed wording; a course can use several instruments; the citizen
 * side and the caseworker each answer the same instrument on the same occasion (the
 * unique key now names the instrument and who answered); closing a course records the
 * citizen's experience and education/employment status.
 *
 * `respondent` is derived from `answered_by`, so the two can never disagree. The new
 * tables get their row-level security policy here, as in migration 0024.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;

const statements = [
  `ALTER TABLE progression_instrument
     ADD COLUMN structure text NOT NULL DEFAULT 'general'
       CHECK (structure IN ('general', 'indicators', 'per-child', 'session')),
     ADD COLUMN subscales jsonb NOT NULL DEFAULT '[]',
     ADD COLUMN source text NOT NULL DEFAULT ''`,
  `ALTER TABLE progression_response
     ADD COLUMN respondent text GENERATED ALWAYS AS
       (CASE WHEN answered_by = 'sagsbehandler' THEN 'caseworker' ELSE 'citizen' END) STORED`,
  `ALTER TABLE progression_response DROP CONSTRAINT progression_response_course_id_member_id_occasion_key`,
  `ALTER TABLE progression_response ADD CONSTRAINT progression_response_one_per_respondent
     UNIQUE (course_id, instrument_id, member_id, occasion, respondent)`,
  `CREATE TABLE progression_course_instrument (
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    instrument_id uuid NOT NULL REFERENCES progression_instrument(id),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, instrument_id)
  )`,
  `ALTER TABLE progression_course_instrument ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON progression_course_instrument USING (municipality_id = ${current})`,
  `CREATE TABLE progression_closing (
    course_id uuid PRIMARY KEY REFERENCES course(id) ON DELETE CASCADE,
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    experience smallint CHECK (experience BETWEEN 1 AND 5),
    status text NOT NULL CHECK (status IN ('ordinaert-job', 'job-med-stoette', 'uddannelse',
      'ledig', 'sygemeldt', 'foertidspension', 'andet', 'ukendt')),
    recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
  )`,
  `ALTER TABLE progression_closing ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON progression_closing USING (municipality_id = ${current})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
