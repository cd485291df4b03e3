/** Opening the configured database for a CLI command, with clear messages for the usual failures. */
import { openDatabase, type DatabaseHandle } from '../db/connection.js';
import { verifyKeys } from '../db/key-check.js';
import type { Config } from '../server/config.js';

/**
 * The database the configuration points at: PostgreSQL if DATABASE_URL is set, else PGlite
 * in DATA_DIR. Throws `KeyMismatchError` when SESSION_SECRET or CPR_KEY does not match it.
 */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await (config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir }));
  try {
    await verifyKeys(handle.db, config);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Run `work` on the configured database and close it afterwards, also when `work` fails. */
export async function withDatabase<T>(
  config: Config,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openConfiguredDatabase(config);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}
