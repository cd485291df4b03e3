/**
 * Implementation surveys of staff (issue #17): a measurement of kind `implementation`
 * asks an item set about Én plan's core elements instead of the network questions, and
 * reuses invitations, tokens, anonymous respondents and answers as they are. The survey
 * keeps its own copy of the items (`implementation_items`), so editing an item set later
 * never changes what an opened survey asked. Item sets are the municipality's own.
 *
 * Migration 0020's row-level security loop ran before `implementation_item_set` existed,
 * so it gets its policy here (the same rule: the row's municipality is the scope's).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;

const statements = [
  `ALTER TABLE measurement ADD COLUMN kind text NOT NULL DEFAULT 'network'
     CHECK (kind IN ('network', 'implementation'))`,
  `ALTER TABLE measurement ADD COLUMN implementation_items jsonb`,
  `ALTER TABLE measurement ADD CONSTRAINT measurement_implementation_items
     CHECK ((kind = 'implementation') = (implementation_items IS NOT NULL))`,
  `CREATE TABLE implementation_item_set (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    items jsonb NOT NULL,
    created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (municipality_id, name)
  )`,
  `ALTER TABLE implementation_item_set ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON implementation_item_set USING (municipality_id = ${current})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
