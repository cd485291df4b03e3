/**
 * A `@fastify/rate-limit` store in the database, so every app instance on one
 * PostgreSQL counts against the same limits (the plugin's default store is per process).
 * One upsert per limited request counts the hit and starts a new window when the old
 * one has ended; expired rows are swept now and then.
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import type { Database } from '../db/schema.js';

/** How often one instance deletes ended windows. */
const SWEEP_MS = 60_000;

/** Count one hit on `key`; returns the hits in the current window and its ms left. */
export async function countHit(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const keyHash = createHash('sha256').update(key).digest('hex');
  const window = `${Math.max(1, Math.round(windowMs))} milliseconds`;
  const { rows } = await sql<{ hits: number; ttl: number }>`
    INSERT INTO rate_limit AS r (key_hash, hits, reset_at)
    VALUES (${keyHash}, 1, now() + ${window}::interval)
    ON CONFLICT (key_hash) DO UPDATE SET
      hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
      reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
    RETURNING hits, ceil(extract(epoch FROM reset_at - now()) * 1000)::integer AS ttl`.execute(db);
  const row = rows[0]!;
  return { current: row.hits, ttl: Math.max(0, row.ttl) };
}

/** The store class the plugin instantiates, bound to `db`. */
export function databaseRateLimitStore(db: Kysely<Database>) {
  let lastSweep = 0;
  const sweep = () => {
    if (Date.now() - lastSweep < SWEEP_MS) return;
    lastSweep = Date.now();
    void sql`DELETE FROM rate_limit WHERE reset_at < now()`.execute(db).catch(() => {});
  };

  return class DatabaseStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(_options: FastifyRateLimitOptions, prefix = '') {
      this.prefix = prefix;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      sweep();
      countHit(db, this.prefix + key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /** The plugin passes the route's merged limit settings, with the route in `routeInfo`. */
    child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (options as { routeInfo?: { method: string | string[]; url: string } })
        .routeInfo;
      return new DatabaseStore({}, route ? `${String(route.method)} ${route.url} ` : this.prefix);
    }
  };
}
