/**
 * Prepared statements for the hottest queries on PostgreSQL.
 *
 * A statement whose text starts with `PREPARED` runs as a named prepared statement.
 * Each connection parses and plans it once; afterwards PostgreSQL reuses the plan.
 * Planning the survey's first save cost about 0.34 ms of the database's CPU per
 * answer set, as much as a fifth of the statement (bench/README.md).
 *
 * The name is a hash of the text, so two texts never share a name. Only fixed texts
 * should be marked (array parameters, not a list of `$n`), or every variant becomes
 * a statement kept on every connection. PGlite ignores the mark: it is a comment.
 * Behind PgBouncer in transaction mode, named statements need PgBouncer 1.21 or
 * later with `max_prepared_statements` set.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { sql } from 'kysely';

const MARK = '/* prepared */';

/** Put in front of a `sql` template to run it as a prepared statement. */
export const PREPARED = sql.raw(MARK);

const statementName = (text: string) => `s_${createHash('sha1').update(text).digest('base64url')}`;

/** The pool as Kysely needs it, with marked statements sent as named statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      const query = (text: string, values: readonly unknown[]) =>
        text.startsWith(MARK)
          ? client.query({ name: statementName(text), text, values: [...values] })
          : client.query(text, [...values]);
      // Kysely passes a cursor only when the dialect is given one; ours is not.
      return {
        query: query as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}
