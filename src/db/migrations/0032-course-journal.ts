/**
 * The course journal and the register of information already obtained (issue #17,
 * docs/journal.md): dated entries everyone with access to the course reads, so the citizen
 * never retells the story, and what has been obtained from whom, so it is not asked for
 * twice. An entry's earlier texts stay in `history` (a correction never rewrites silently).
 *
 * Migration 0020's row-level security loop ran before these tables existed, so they get
 * their policies here (the same rule: the row's municipality is the scope's).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;
const date = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

const statements = [
  `CREATE TABLE journal_entry (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    member_id uuid REFERENCES citizen(id) ON DELETE CASCADE,
    author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
    author_name text NOT NULL,
    author_unit_name text,
    text text NOT NULL,
    history jsonb NOT NULL DEFAULT '[]'::jsonb,
    corrected_at timestamptz,
    wrong_at timestamptz,
    wrong_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((wrong_at IS NULL) = (wrong_reason IS NULL))
  )`,
  `CREATE INDEX journal_entry_course ON journal_entry (municipality_id, course_id, created_at)`,
  `ALTER TABLE journal_entry ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON journal_entry USING (municipality_id = ${current})`,
  `CREATE TABLE obtained_information (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    member_id uuid REFERENCES citizen(id) ON DELETE CASCADE,
    what text NOT NULL,
    source_party_id uuid REFERENCES course_party(id) ON DELETE SET NULL,
    source_name text NOT NULL,
    obtained_on text NOT NULL CHECK (${date('obtained_on')}),
    kept_at text NOT NULL,
    registered_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    registered_by_name text NOT NULL,
    registered_by_unit_name text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX obtained_information_course ON obtained_information (municipality_id, course_id, obtained_on)`,
  `ALTER TABLE obtained_information ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON obtained_information USING (municipality_id = ${current})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
