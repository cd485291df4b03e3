/**
 * The databases every database test runs on: PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL is set. Each `open()` gives a fresh, migrated, empty database
 * (a new in-memory PGlite, or a new PostgreSQL database dropped on close).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open: () => Promise<DatabaseHandle>;
}

/** A new, empty PostgreSQL database on the test server: its URL and how to drop it. */
export async function createPostgresDatabase(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `samspil_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const created = await createPostgresDatabase(url);
  const handle = await openDatabase({ kind: 'postgres', url: created.url });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await created.drop();
    },
  };
}

/** The databases to test on, in a fixed order. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'pglite', open: () => openDatabase({ kind: 'pglite' }) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ name: 'postgres', open: () => openPostgres(url) });
  return list;
}
