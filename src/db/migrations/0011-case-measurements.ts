/**
 * Case-level relational capacity (enkeltsagsanalyse): a measurement can belong to a
 * citizen's course (its network is the measurement's groups and invitees), and a course
 * can be tagged intervention or control for the research design (DOMAIN.md §2.4).
 * Deleting a course keeps its measurements' anonymous staff answers but unlinks them.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `ALTER TABLE measurement ADD COLUMN course_id uuid REFERENCES course(id) ON DELETE SET NULL`,
  `CREATE INDEX measurement_course ON measurement (course_id) WHERE course_id IS NOT NULL`,
  `ALTER TABLE course ADD COLUMN arm text CHECK (arm IN ('intervention', 'kontrol'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
