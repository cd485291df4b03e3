/**
 * Backup and restore of either database (issue #13).
 *
 * - PostgreSQL: `pg_dump --format=custom` and `pg_restore`, so the file is a standard
 *   dump any PostgreSQL tool reads. Backups run while the app runs; a restore goes into an
 *   empty database, in one transaction.
 * - PGlite: PGlite's own dump of its data directory (a gzip'd tar). PGlite is one process
 *   only, so both need the app stopped (the data directory lock says whether it runs).
 *
 * The file's first bytes say which kind it is (`PGDMP` or gzip), so a restore of the
 * wrong kind is refused with a message before anything changes.
 */
import { PGlite } from '@electric-sql/pglite';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';
import type { DatabaseKind } from './connection.js';

/** A backup or restore that cannot go ahead; the message tells the operator what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const KIND_NAME: Record<DatabaseKind, string> = {
  postgres: 'a PostgreSQL backup (pg_dump custom format)',
  pglite: 'a backup of the embedded database (PGlite)',
};

/** Which database a backup file is from, by its first bytes; throws for anything else. */
export async function backupKind(file: string): Promise<DatabaseKind> {
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      head = Buffer.alloc(5);
      const { bytesRead } = await handle.read(head, 0, 5, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new BackupError(
    `${file} is not a Samspil backup: neither a pg_dump custom-format file nor a dump of the embedded database.`,
  );
}

/** Refuse a backup of one kind for a database of the other, saying what would work. */
export function requireKind(file: string, found: DatabaseKind, wanted: DatabaseKind): void {
  if (found === wanted) return;
  const how =
    found === 'postgres'
      ? 'DATABASE_URL is not set, so Samspil uses the embedded database. To restore it, set DATABASE_URL to an empty PostgreSQL database.'
      : 'DATABASE_URL points at PostgreSQL. Restore it into an embedded installation (DATABASE_URL unset, an empty DATA_DIR), then move it with `samspil migrate-to-postgres DATABASE_URL`.';
  throw new BackupError(`${file} is ${KIND_NAME[found]}, but ${how}`);
}

/** Write bytes to `file` through a temporary name, readable by the owner only: a backup holds personal data. */
async function writePrivately(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.partial-${process.pid}`;
  try {
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new BackupError(`Cannot write ${file}: ${(error as Error).message}`);
  }
}

/** The lock on DATA_DIR, or a message saying the app must be stopped for `action`. */
function lockForMaintenance(dataDir: string, action: string): () => void {
  try {
    return lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupError(
      `The embedded database in ${dataDir} is in use by Samspil (pid ${error.pid}). ` +
        `PGlite allows one process only, so ${action} cannot run while the app does: ` +
        `stop the app, run the command again, then start the app. ` +
        `(PostgreSQL can be backed up while the app runs.) ` +
        `(Den indbyggede database bruges af Samspil; stop programmet først.)`,
    );
  }
}

const pgliteDir = (dataDir: string) => path.join(dataDir, 'pglite');

/** Dump the embedded database in `dataDir` to `file`; the app must be stopped. Returns the size in bytes. */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  if (!existsSync(path.join(pgliteDir(dataDir), 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${dataDir} (DATA_DIR) to back up.`);
  }
  const release = lockForMaintenance(dataDir, 'a backup');
  try {
    const client = await PGlite.create({ dataDir: pgliteDir(dataDir) });
    try {
      const dump = await client.dumpDataDir('gzip');
      const bytes = new Uint8Array(await dump.arrayBuffer());
      await writePrivately(file, bytes);
      return bytes.length;
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Load a PGlite backup into `dataDir`. Refuses when the app runs, and when a database is
 * there already unless `force`; then the old one is kept beside it, renamed, and the
 * returned path names it.
 */
export async function restorePglite(
  dataDir: string,
  file: string,
  force: boolean,
): Promise<{ replaced: string | undefined }> {
  requireKind(file, await backupKind(file), 'pglite');
  const release = lockForMaintenance(dataDir, 'a restore');
  const target = pgliteDir(dataDir);
  let replaced: string | undefined;
  try {
    if (existsSync(target) && readdirSync(target).length > 0) {
      if (!force) {
        throw new BackupError(
          `${dataDir} (DATA_DIR) already holds a database; restore will not overwrite it. ` +
            `Run with --force to replace it (the current one is kept, renamed, beside it).`,
        );
      }
      replaced = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(target, replaced);
    }
    try {
      const client = await PGlite.create({
        dataDir: target,
        loadDataDir: new Blob([await readFile(file)]),
      });
      await client.query('SELECT 1');
      await client.close();
    } catch (error) {
      // Leave DATA_DIR as it was: no half-loaded directory, the replaced one back in place.
      await rm(target, { recursive: true, force: true });
      if (replaced !== undefined) await rename(replaced, target);
      throw new BackupError(`${file} could not be loaded: ${(error as Error).message}`);
    }
    return { replaced };
  } finally {
    release();
  }
}

/** The newest installed PostgreSQL version's binaries first, as Debian and Ubuntu lay them out. */
function debianPostgresBins(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(root, version, 'bin'));
}

/** The path of `pg_dump` or `pg_restore`: on PATH, else in /usr/lib/postgresql/<newest>/bin. */
export function findPostgresTool(name: 'pg_dump' | 'pg_restore', env = process.env): string {
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...debianPostgresBins()];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new BackupError(
    `${name} was not found on PATH or in /usr/lib/postgresql/*/bin. Install the PostgreSQL ` +
      `client tools of your server's version or newer (Debian/Ubuntu: postgresql-client) and try again.`,
  );
}

/**
 * A libpq connection string without its password, and the password for PGPASSWORD:
 * a password in the arguments would show in every process listing.
 */
function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: password === '' ? process.env : { ...process.env, PGPASSWORD: password },
  };
}

/** Run a PostgreSQL tool; throws `BackupError` with its error output when it fails. */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => reject(new BackupError(`${tool}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(new BackupError(`${path.basename(tool)} failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}

/** `pg_dump --format=custom` of the database at `url` into `file` (the app may keep running). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  const tool = findPostgresTool('pg_dump');
  const { dbname, env } = connectionFor(url);
  const temporary = `${file}.partial-${process.pid}`;
  try {
    await runTool(
      tool,
      ['--format=custom', '--no-password', `--file=${temporary}`, `--dbname=${dbname}`],
      env,
    );
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The number of tables, sequences and views outside PostgreSQL's own schemas. */
async function relationCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_toast%'`,
    );
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

/** Restore a `pg_dump` custom-format file into the empty database at `url`, all or nothing. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  requireKind(file, await backupKind(file), 'postgres');
  const tool = findPostgresTool('pg_restore');
  if ((await relationCount(url)) > 0) {
    throw new BackupError(
      `The database in DATABASE_URL is not empty; restore only goes into an empty database, ` +
        `so nothing is overwritten. Create one (e.g. \`createdb samspil_restored\`), point ` +
        `DATABASE_URL at it and run restore again.`,
    );
  }
  const { dbname, env } = connectionFor(url);
  // No owner or grants from the old server: the restored objects belong to DATABASE_URL's user.
  await runTool(
    tool,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--no-password',
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}
