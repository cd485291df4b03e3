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
 *
 * The wrapper also turns a lost or refused connection into `DatabaseUnavailableError`
 * (a 503 for the client): pg reports some of them (a connection terminated, a client
 * no longer queryable) as plain errors, so the client's own error event decides.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { sql } from 'kysely';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './unavailable.js';
import { ConnectionScope, type Tenancy } from './tenant.js';

const MARK = '/* prepared */';

/** Put in front of a `sql` template to run it as a prepared statement. */
export const PREPARED = sql.raw(MARK);

const statementName = (text: string) => `s_${createHash('sha1').update(text).digest('base64url')}`;

/** Clients whose connection broke (error or end event): their failures are outages. */
const broken = new WeakSet<pg.PoolClient>();

/**
 * Give every new pooled client a permanent error listener. pg-pool listens only while a
 * client is idle; an error on a checked-out client (a server restart mid-query) would
 * otherwise be an unhandled 'error' event that ends the process. The query in flight
 * still fails, and the pool drops the client when it is released.
 */
export function guardClients(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const markBroken = () => broken.add(client);
    client.on('error', markBroken);
    client.on('end', markBroken);
  });
}

const unavailable = (error: unknown, client?: pg.PoolClient) =>
  (client !== undefined && broken.has(client)) || isDatabaseUnavailable(error)
    ? new DatabaseUnavailableError(error)
    : error;

/**
 * The pool as Kysely needs it, with marked statements sent as named statements and each
 * connection brought to the running code's tenant scope before it is handed over.
 */
export function preparingPool(pool: pg.Pool, tenancy: Tenancy): PostgresPool {
  const scopes = new WeakMap<pg.PoolClient, ConnectionScope>();
  return {
    connect: async () => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        // Failing to get a connection at all is always the database being away.
        throw new DatabaseUnavailableError(error);
      }
      let scope = scopes.get(client);
      if (scope === undefined) scopes.set(client, (scope = new ConnectionScope(tenancy)));
      try {
        await scope.match((query) => client.query(query.sql, [...query.parameters]));
      } catch (error) {
        // A connection in an unknown state does not go back to the pool.
        client.release(error instanceof Error ? error : true);
        throw unavailable(error, client);
      }
      const query = (text: string, values: readonly unknown[]) =>
        (text.startsWith(MARK)
          ? client.query({ name: statementName(text), text, values: [...values] })
          : client.query(text, [...values])
        ).catch((error: unknown) => {
          throw unavailable(error, client);
        });
      // Kysely passes a cursor only when the dialect is given one; ours is not.
      return {
        query: query as unknown as PostgresPoolClient['query'],
        // A broken client is destroyed instead of going back to the pool.
        release: () => client.release(broken.has(client) ? true : undefined),
      };
    },
    end: () => pool.end(),
  };
}
