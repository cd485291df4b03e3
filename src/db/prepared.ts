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
import { ConnectionScope, type Tenancy } from './tenant.js';

const MARK = '/* prepared */';

/** Put in front of a `sql` template to run it as a prepared statement. */
export const PREPARED = sql.raw(MARK);

const statementName = (text: string) => `s_${createHash('sha1').update(text).digest('base64url')}`;

/**
 * The pool as Kysely needs it, with marked statements sent as named statements and each
 * connection brought to the running code's tenant scope before it is handed over.
 */
export function preparingPool(pool: pg.Pool, tenancy: Tenancy): PostgresPool {
  const scopes = new WeakMap<pg.PoolClient, ConnectionScope>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let scope = scopes.get(client);
      if (scope === undefined) scopes.set(client, (scope = new ConnectionScope(tenancy)));
      try {
        await scope.match((query) => client.query(query.sql, [...query.parameters]));
      } catch (error) {
        // A connection in an unknown state does not go back to the pool.
        client.release(error instanceof Error ? error : true);
        throw error;
      }
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
