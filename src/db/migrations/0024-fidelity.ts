/**
 * The Én plan fidelity checklist (issue #17): one row per course and occasion (`m6`, `m12`,
 * …, `afslutning`), a draft until the coordinator submits it. The coordinator's unit and
 * person are kept with it, so the implementation index stays with the unit the course
 * was coordinated from even when the course is handed on.
 *
 * Migration 0020's row-level security loop ran before this table existed, so the table
 * gets its policy here (the same rule: the row's municipality is the scope's).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;

const statements = [
  `CREATE TABLE fidelity_checklist (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    occasion text NOT NULL CHECK (occasion ~ '^(m[1-9][0-9]{0,3}|afslutning)$'),
    due_on text NOT NULL CHECK (due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    answers jsonb NOT NULL DEFAULT '{}',
    unit_id uuid REFERENCES unit(id) ON DELETE SET NULL,
    coordinator_person_id uuid REFERENCES person(id) ON DELETE SET NULL,
    answered_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    submitted_at timestamptz,
    UNIQUE (course_id, occasion),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
  )`,
  `CREATE INDEX fidelity_checklist_submitted ON fidelity_checklist (municipality_id, unit_id)
     WHERE status = 'submitted'`,
  `ALTER TABLE fidelity_checklist ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON fidelity_checklist USING (municipality_id = ${current})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
