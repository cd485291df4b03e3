/** Saved positions of units on the network map: one layout per municipality, stable across waves. */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `CREATE TABLE map_position (
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    x double precision NOT NULL CHECK (x BETWEEN -100000 AND 100000),
    y double precision NOT NULL CHECK (y BETWEEN -100000 AND 100000),
    PRIMARY KEY (municipality_id, unit_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
