/**
 * Statements marked PREPARED give the same results as unmarked ones on each test
 * database, past the point where PostgreSQL switches to a generic plan, and on
 * PostgreSQL run as named prepared statements on the connection.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { PREPARED } from '../../src/db/prepared.js';
import { testDatabases } from '../helpers/databases.js';

describe.each(testDatabases())('prepared statements on $name', ({ name, open }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => handle.close());

  it('answer like the same statement unmarked, with each call’s own parameters', async () => {
    await handle.db.connection().execute(async (db) => {
      for (let n = 1; n <= 8; n++) {
        const values = Array.from({ length: n }, (_, i) => i + n);
        const marked = await sql<{ total: number; count: number }>`${PREPARED}
          SELECT sum(v)::int AS total, count(*)::int AS count FROM unnest(${values}::int[]) AS v`.execute(
          db,
        );
        expect(marked.rows).toEqual([{ total: values.reduce((a, b) => a + b), count: n }]);
      }
      const other = await sql<{ word: string }>`${PREPARED} SELECT ${'hej'}::text AS word`.execute(
        db,
      );
      expect(other.rows).toEqual([{ word: 'hej' }]);
      if (name === 'postgres') {
        const prepared = await sql<{ statement: string }>`
          SELECT statement FROM pg_prepared_statements ORDER BY statement`.execute(db);
        expect(prepared.rows.map((r) => r.statement.startsWith('/* prepared */'))).toEqual([
          true,
          true,
        ]);
      }
    });
  });
});
