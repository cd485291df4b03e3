/**
 * Outcomes beside relational capacity (issue #17): a course's dated outcome events
 * (complaints on decisions and their result, handling time per decision, placements,
 * education/employment status), and the consent purpose "research use" that lets the
 * evaluation export carry a citizen's CPR number.
 *
 * Migration 0020's row-level security loop ran before this table existed, so the table
 * gets its policy here (the same rule: the row's municipality is the scope's).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;
const date = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

const statements = [
  `CREATE TABLE outcome_event (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('klage', 'sagsbehandling', 'anbringelse', 'status')),
    occurred_on text NOT NULL CHECK (${date('occurred_on')}),
    end_on text CHECK (end_on IS NULL OR (${date('end_on')} AND end_on >= occurred_on)),
    days integer CHECK (days IS NULL OR days >= 0),
    result text,
    placement_type text,
    status text,
    about text,
    recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'klage') = (result IS NOT NULL)),
    CHECK ((kind = 'sagsbehandling') = (days IS NOT NULL)),
    CHECK ((kind = 'anbringelse') = (placement_type IS NOT NULL)),
    CHECK ((kind = 'status') = (status IS NOT NULL)),
    CHECK (kind = 'anbringelse' OR end_on IS NULL)
  )`,
  `CREATE INDEX outcome_event_course ON outcome_event (municipality_id, course_id, occurred_on)`,
  `ALTER TABLE outcome_event ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON outcome_event USING (municipality_id = ${current})`,
  `ALTER TABLE consent ADD COLUMN research_use boolean NOT NULL DEFAULT false`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
