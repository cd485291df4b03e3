/**
 * Coordination as the coordinator's report describes it (issue #17): co-coordinators beside
 * a course's lead coordinator (a "makker" pair or a cross-sector team), and the relative
 * (pårørende) as a kind of outside party in the network, with their relation to the citizen.
 *
 * The lead stays in `course.coordinator_person_id`, so everything that reads it keeps
 * working; `course_co_coordinator` holds the others. Migration 0020's row-level security loop
 * ran before this table existed, so it gets its policy here (the same rule).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;

const statements = [
  `CREATE TABLE course_co_coordinator (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES person(id),
    role text NOT NULL CHECK (role IN ('koordinerende-sagsbehandler', 'plankoordinator',
      'makker', 'tvaergaaende-sagsbehandler', 'kontaktperson')),
    added_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (course_id, person_id)
  )`,
  `CREATE INDEX course_co_coordinator_person ON course_co_coordinator (person_id)`,
  `ALTER TABLE course_co_coordinator ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON course_co_coordinator USING (municipality_id = ${current})`,
  `ALTER TABLE course_party DROP CONSTRAINT course_party_external_type_check`,
  `ALTER TABLE course_party ADD CONSTRAINT course_party_external_type_check
     CHECK (external_type IN ('egen-laege', 'regionspsykiatri', 'skole', 'politi',
       'kriminalforsorg', 'hospital', 'paaroerende', 'andet'))`,
  `ALTER TABLE course_party ADD COLUMN relation text
     CHECK (relation IS NULL OR length(relation) BETWEEN 1 AND 100)`,
  // A relative always has a relation to the citizen, and only a relative has one.
  `ALTER TABLE course_party ADD CONSTRAINT course_party_relation_of_relative
     CHECK ((external_type IS NOT DISTINCT FROM 'paaroerende') = (relation IS NOT NULL))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
