/** Opening the configured database for a CLI command, with clear messages for the usual failures. */
import { openDatabase, type DatabaseHandle } from '../db/connection.js';
import type { Config } from '../server/config.js';

/** The database the configuration points at: PostgreSQL if DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}
