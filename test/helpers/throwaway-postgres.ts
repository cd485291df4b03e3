/**
 * A PostgreSQL 15 cluster of a test's own, for tests that stop and restart the server
 * (the shared test server must never be restarted). Runs as the `postgres` user on a
 * random port, like `.ci/run`; `close` stops it and deletes its files.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PG_BIN = '/usr/lib/postgresql/15/bin';

/** True when PostgreSQL 15's server binaries are installed. */
export const havePostgres15 = () => existsSync(path.join(PG_BIN, 'initdb'));

export interface ThrowawayPostgres {
  /** The `postgres` database of the cluster. */
  url: string;
  /** `pg_ctl stop -m MODE` (waits until stopped). */
  stop: (mode: 'fast' | 'immediate') => Promise<void>;
  /** `pg_ctl start` (waits until it accepts connections). */
  start: () => Promise<void>;
  /** `pg_ctl restart -m MODE` (waits until it accepts connections again). */
  restart: (mode: 'fast' | 'immediate') => Promise<void>;
  close: () => Promise<void>;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samspil-pg-'));
  const { uid, gid } = await postgresUser();
  chownSync(dir, uid, gid);
  const data = path.join(dir, 'data');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const pgCtl = (...args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, 'pg_ctl'), '-D', data, ...args], {
      cwd: dir,
    });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  await run(
    'runuser',
    [
      '-u',
      'postgres',
      '--',
      path.join(PG_BIN, 'initdb'),
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ],
    { cwd: dir },
  );
  const start = async () => {
    await pgCtl('-l', path.join(dir, 'postgres.log'), '-w', '-o', options, 'start');
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async (mode) => {
      await pgCtl('-m', mode, '-w', 'stop');
    },
    start,
    restart: async (mode) => {
      await pgCtl('-m', mode, '-w', '-l', path.join(dir, 'postgres.log'), '-o', options, 'restart');
    },
    close: async () => {
      await pgCtl('-m', 'immediate', 'stop').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run('id', ['postgres']);
  const uid = /uid=(\d+)/.exec(stdout);
  const gid = /gid=(\d+)/.exec(stdout);
  if (!uid || !gid) throw new Error('no postgres user');
  return { uid: Number(uid[1]), gid: Number(gid[1]) };
}
