/**
 * Opening the database: PostgreSQL when a URL is given, otherwise the embedded
 * PGlite in a locked data directory. Both get the same migrations.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import path from 'node:path';
import { lockDataDir } from './data-dir-lock.js';
import { migrations } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import { preparingPool } from './prepared.js';
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
  /** Whether staff requests run under row-level security (`tenant.ts`); set after migrating. */
  tenancy: Tenancy;
  close: () => Promise<void>;
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
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 20 });
  // An idle connection the server ends (a restart, a dropped test database) must not crash
  // the process: the pool replaces it on the next query.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  const tenancy: Tenancy = { enabled: false };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool, tenancy) }),
  });
  const notifier = postgresNotifier(target.url, db);
  return {
    db,
    kind: 'postgres',
    notifier,
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

/** PGlite parses int8 and numeric as strings by default; match the pg settings above. */
const PG_PARSERS = {
  20: (value: string) => Number(value),
  1700: (value: string) => Number(value),
};

/** Run every pending migration; throws with the failing migration's error. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Database migration ${failed} failed: ${reason}`, { cause: error });
  }
}
