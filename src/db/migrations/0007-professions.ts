/**
 * Groups by profession across units: a person's profession (optional), a measurement's
 * group kind, its profession groups, and the profession carried from invitation to the
 * anonymous respondent. A profession is stored normalised (trimmed, lower case), and
 * the profession itself is the group's key, as a unit's id is for unit groups: it is an
 * answer's `target` and a respondent's group. `chosen_groups` becomes text[] to hold
 * either kind. See docs/decisions.md.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const profession = `text CHECK (length(profession) BETWEEN 1 AND 40)`;

const statements = [
  `ALTER TABLE person ADD COLUMN profession ${profession}`,
  `ALTER TABLE measurement ADD COLUMN group_kind text NOT NULL DEFAULT 'unit'
    CHECK (group_kind IN ('unit', 'profession'))`,
  `CREATE TABLE measurement_profession (
    measurement_id uuid NOT NULL REFERENCES measurement(id) ON DELETE CASCADE,
    profession text NOT NULL CHECK (length(profession) BETWEEN 1 AND 40),
    arm text CHECK (arm IN ('intervention', 'kontrol')),
    PRIMARY KEY (measurement_id, profession)
  )`,
  `ALTER TABLE invitation ADD COLUMN profession ${profession}`,
  `ALTER TABLE respondent ADD COLUMN profession ${profession}`,
  `ALTER TABLE respondent ALTER COLUMN chosen_groups TYPE text[]`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
