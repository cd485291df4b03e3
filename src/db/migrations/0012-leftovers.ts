/**
 * A dialogue workshop can be held around a citizen's course (issue #7): only those with
 * access to the course see it. Deleting the course deletes its workshops with the rest
 * of the course's data.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `ALTER TABLE workshop ADD COLUMN course_id uuid REFERENCES course(id) ON DELETE CASCADE`,
  `CREATE INDEX workshop_course ON workshop (course_id) WHERE course_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
