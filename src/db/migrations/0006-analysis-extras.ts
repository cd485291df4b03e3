/**
 * What the extra analyses need: which groups of a measurement hand work on (sender) and
 * which receive it (receiver), and the kind of focal process a measurement is about, so
 * that consenting municipalities can be benchmarked against like measurements. The
 * consent itself is `municipality.benchmark_consent` (0001).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `ALTER TABLE measurement_group ADD COLUMN flow text
     CHECK (flow IN ('sender', 'receiver'))`,
  `ALTER TABLE measurement ADD COLUMN focal_kind text
     CHECK (focal_kind IN ('dobbeltdiagnose', 'udsatte-unge', 'beskaeftigelse', 'familier', 'andet'))`,
  `CREATE INDEX measurement_focal_kind_idx ON measurement (focal_kind, status)
     WHERE focal_kind IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
