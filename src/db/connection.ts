/**
 * Opening the database: PostgreSQL when a URL is given, otherwise the embedded
 * PGlite in a locked data directory. Both get the same migrations.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import path from 'node:path';
import { lockDataDir } from './data-dir-lock.js';
import { migrations } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import { guardClients, preparingPool } from './prepared.js';
import type { Database } from './schema.js';
import { TENANT_ROLE_USABLE, type Tenancy } from './tenant.js';
import { pgliteNotifier, postgresNotifier, type Notifier } from '../realtime/notifier.js';

export type DatabaseKind = 'postgres' | 'pglite';

/** An open database with its kind and a close function that releases everything. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Live events to every app instance on this database (LISTEN/NOTIFY). */
  notifier: Notifier;
  /** Connections of the PostgreSQL pool (for metrics); absent on PGlite. */
  poolStats?: () => PoolStats;
  /** Whether staff requests run under row-level security (`tenant.ts`); set after migrating. */
  tenancy: Tenancy;
  close: () => Promise<void>;
}

/** How the PostgreSQL pool is used right now. */
export interface PoolStats {
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` undefined means in memory (tests). */
  | { kind: 'pglite'; dataDir?: string };

// PostgreSQL int8 (count(*), bigserial) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric as JS numbers (averages); exact decimals are never stored as numeric here.
pg.types.setTypeParser(1700, (value) => Number(value));

/** Open a database and bring its schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  const handle = target.kind === 'postgres' ? openPostgres(target) : await openPglite(target);
  try {
    await migrate(handle.db);
    const { rows } = await handle.db.executeQuery<{ usable: boolean }>(TENANT_ROLE_USABLE);
    handle.tenancy.enabled = rows[0]?.usable === true;
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (!handle.tenancy.enabled) {
    console.warn(
      'Row-level security between municipalities is off: this database user cannot use the role samspil_tenant (see docs/decisions.md).',
    );
  }
  return handle;
}

function openPostgres(target: { url: string; poolSize?: number }): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 20,
    // While the server is away, a request waits at most this long for a connection
    // and then answers 503 instead of hanging.
    connectionTimeoutMillis: 10_000,
  });
  // A connection the server ends (a restart, a dropped test database) must not crash
  // the process, idle or in use: the pool replaces it on the next query.
  pool.on('error', (error) => {
    const code = (error as { code?: string }).code ?? 'no code';
    console.error(`PostgreSQL connection lost (${code}); reconnecting on the next query`);
  });
  guardClients(pool);
  const tenancy: Tenancy = { enabled: false };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool, tenancy) }),
  });
  const notifier = postgresNotifier(target.url, db);
  return {
    db,
    kind: 'postgres',
    notifier,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    tenancy,
    close: async () => {
      await notifier.close();
      await db.destroy();
    },
  };
}

async function openPglite(target: { dataDir?: string }): Promise<DatabaseHandle> {
  const release = target.dataDir === undefined ? () => {} : lockDataDir(target.dataDir);
  try {
    const client =
      target.dataDir === undefined
        ? await PGlite.create({ parsers: PG_PARSERS })
        : await PGlite.create({
            dataDir: path.join(target.dataDir, 'pglite'),
            parsers: PG_PARSERS,
          });
    const tenancy: Tenancy = { enabled: false };
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client, tenancy) });
    // LISTEN now, while nothing else can hold a transaction on PGlite's one session.
    const notifier = await pgliteNotifier(client, db);
    return {
      db,
      kind: 'pglite',
      notifier,
      tenancy,
      close: async () => {
        await notifier.close();
        await db.destroy();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Whether exactly the known migrations have run (Kysely runs them in order, so all). */
async function isMigrated(db: Kysely<Database>): Promise<boolean> {
  const names = Object.keys(migrations);
  const { rows } = await sql<{ present: boolean }>`
    select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!rows[0]?.present) return false;
  const done = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const ran = new Set(done.rows.map((row) => row.name));
  return ran.size === names.length && names.every((name) => ran.has(name));
}

/** PGlite parses int8 and numeric as strings by default; match the pg settings above. */
const PG_PARSERS = {
  20: (value: string) => Number(value),
  1700: (value: string) => Number(value),
};

/** Run every pending migration; throws with the failing migration's error. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  // Every start after the first finds nothing to do: one query instead of the migrator's
  // locked round of a dozen (a second of a warm start on PGlite).
  if (await isMigrated(db)) return;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Database migration ${failed} failed: ${reason}`, { cause: error });
  }
}
