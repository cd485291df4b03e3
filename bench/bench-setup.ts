/**
 * What the benchmarks share: the database their `--db` option names, and the median
 * they report.
 */
import { testDatabases, type TestDatabase } from '../test/helpers/databases.js';

/**
 * The test database `--db` names (`pglite` or `postgres`); PostgreSQL is
 * BENCH_DATABASE_URL unless TEST_DATABASE_URL is set.
 */
export function benchDatabase(name: string | undefined): TestDatabase {
  if (name === 'postgres' && !process.env.TEST_DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
    if (!process.env.TEST_DATABASE_URL) throw new Error('Set BENCH_DATABASE_URL for --db postgres');
  }
  const database = testDatabases().find((d) => d.name === name);
  if (!database) throw new Error(`unknown --db ${name}`);
  return database;
}

/** The median of some timings (of an even count, the upper middle one). */
export function median(times: readonly number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
