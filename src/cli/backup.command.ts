/** `samspil backup`, `samspil restore` and `samspil migrate-to-postgres` (issue #13). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  backupKind,
  backupPglite,
  backupPostgres,
  requireKind,
  restorePglite,
  restorePostgres,
} from '../db/backup.js';
import { openDatabase } from '../db/connection.js';
import { KeyMismatchError, verifyKeys } from '../db/key-check.js';
import { migrateToPostgres } from '../db/migrate-to-postgres.js';
import type { Config } from '../server/config.js';
import { CliInputError } from './errors.js';
import { openConfiguredDatabase } from './open.js';

const KEYS_REMINDER =
  'Keep SESSION_SECRET and CPR_KEY with the backup, stored separately and safely: ' +
  'restored data can only be used with the keys it was made with.';

/** `samspil backup FILE`: a pg_dump of PostgreSQL, or a dump of the (stopped) embedded database. */
export async function backupCommand(file: string, config: Config): Promise<number> {
  const target = path.resolve(file);
  if (config.databaseUrl) {
    await backupPostgres(config.databaseUrl, target);
    console.log(`Backed up PostgreSQL (pg_dump custom format) to ${target}.`);
  } else {
    const bytes = await backupPglite(config.dataDir, target);
    console.log(
      `Backed up the embedded database in ${config.dataDir} to ${target} (${Math.ceil(bytes / 1024)} KiB).`,
    );
  }
  console.log(KEYS_REMINDER);
  return 0;
}

/**
 * `samspil restore FILE [--force]`: into an empty PostgreSQL database, or into DATA_DIR
 * (replacing a database there only with --force). Then migrations and the key check run,
 * so the operator learns at once whether this environment's keys fit the restored data.
 */
export async function restoreCommand(
  file: string,
  options: { force?: boolean },
  config: Config,
): Promise<number> {
  const source = path.resolve(file);
  requireKind(source, await backupKind(source), config.databaseUrl ? 'postgres' : 'pglite');
  if (config.databaseUrl) {
    if (options.force === true) {
      throw new CliInputError(
        '--force is for the embedded database only; a PostgreSQL restore goes into an empty database',
      );
    }
    await restorePostgres(config.databaseUrl, source);
    console.log(`Restored ${source} into the PostgreSQL database in DATABASE_URL.`);
  } else {
    const { replaced } = await restorePglite(config.dataDir, source, options.force === true);
    console.log(`Restored ${source} into ${config.dataDir}.`);
    if (replaced) console.log(`The database that was there is kept in ${replaced}.`);
  }
  try {
    const handle = await openConfiguredDatabase(config);
    await handle.close();
  } catch (error) {
    if (!(error instanceof KeyMismatchError)) throw error;
    console.error(`The restore is done, but Samspil will not start with this environment's keys:`);
    console.error(error.message);
    return 1;
  }
  console.log('SESSION_SECRET and CPR_KEY match the restored data; start Samspil as usual.');
  return 0;
}

/** `samspil migrate-to-postgres DATABASE_URL`: copy the embedded database in DATA_DIR into an empty PostgreSQL database. */
export async function migrateToPostgresCommand(url: string, config: Config): Promise<number> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new CliInputError(
      'migrate-to-postgres needs the target as one postgres:// or postgresql:// URL',
    );
  }
  if (!existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'))) {
    throw new CliInputError(
      `There is no embedded database in ${config.dataDir} (DATA_DIR) to move.`,
    );
  }
  // The source is brought up to date and its keys checked, so the copied key check is right.
  const handle = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    await verifyKeys(handle.db, config);
    const copied = await migrateToPostgres(handle.db, url);
    const rows = copied.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Copied ${rows} rows in ${copied.length} tables to PostgreSQL; every table's count matches.`,
    );
  } finally {
    await handle.close();
  }
  console.log(
    [
      `The embedded database in ${config.dataDir} is left as it was. Start Samspil with`,
      `DATABASE_URL set to the new database and the SAME SESSION_SECRET and CPR_KEY as this`,
      `installation (from its environment, or if unset the files session-secret and cpr-key in DATA_DIR).`,
    ].join('\n'),
  );
  return 0;
}
