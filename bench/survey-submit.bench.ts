/**
 * Benchmark: complete answer sets (8 groups × 6 items + 7 leadership items = 55
 * answers) saved through the HTTP API by many concurrent respondents, beside the rate
 * at which the same rows go in directly through the database driver, in the same run.
 *
 *   npx tsx bench/survey-submit.bench.ts [--db pglite|postgres] [--sets 2000] [--concurrency 32]
 *
 * PostgreSQL needs BENCH_DATABASE_URL (or TEST_DATABASE_URL); a scratch database is
 * created and dropped. Prints the figures and the ratio to the direct-insert baseline,
 * and the CPU time each answer set costs the app, the database server (when it runs on
 * this machine) and the load generator: on a shared machine rates are noisy, CPU time
 * per set much less so, and it shows what limits the rate on two cores.
 */
import { sql, type Kysely } from 'kysely';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { startTestApp, TestClient } from '../test/helpers/test-app.js';
import { createMunicipality } from '../src/municipality/municipality.service.js';
import { surveyLinks } from '../test/helpers/measurement-fixture.js';
import { LEADERSHIP_ITEMS, RK_ITEMS } from '../src/analysis/answer.js';
import type { Database } from '../src/db/schema.js';
import { benchDatabase } from './bench-setup.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    sets: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
  },
});
const SETS = Number(values.sets);
const CONCURRENCY = Number(values.concurrency);
const GROUPS = 8;

const database = benchDatabase(values.db);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** CPU milliseconds used so far by this process and by the database's server processes. */
async function cpuNow(db: Kysely<Database>, kind: string) {
  const used = process.cpuUsage();
  let serverMs = 0;
  if (kind === 'postgres') {
    // Readable only when PostgreSQL runs on this machine; utime and stime are in ticks of 10 ms.
    const { rows } = await sql<{
      pid: number;
    }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        serverMs += (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        serverMs = NaN;
      }
    }
  }
  return { appMs: (used.user + used.system) / 1000, serverMs };
}

/** CPU milliseconds per answer set since `from`. */
async function cpuPerSet(
  db: Kysely<Database>,
  kind: string,
  from: { appMs: number; serverMs: number },
  sets: number,
) {
  const to = await cpuNow(db, kind);
  return {
    app: Number(((to.appMs - from.appMs) / sets).toFixed(2)),
    server: Number(((to.serverMs - from.serverMs) / sets).toFixed(2)),
  };
}

async function main() {
  const t = await startTestApp(database, { listen: true });
  const db = t.handle.db;
  const password = 'tusind-stole-i-salen-77';
  const municipalityId = await createMunicipality(db, {
    name: 'Benchmark',
    slug: 'bench',
    adminName: 'Bench',
    adminEmail: 'bench@example.dk',
    adminPassword: password,
  });
  const units = await db
    .insertInto('unit')
    .values(
      Array.from({ length: GROUPS }, (_, i) => ({
        municipality_id: municipalityId,
        name: `Enhed ${i + 1}`,
        kind: 'udfører' as const,
        area_id: null,
        archived_at: null,
      })),
    )
    .returning('id')
    .execute();
  const people = Array.from({ length: SETS }, (_, i) => ({
    municipality_id: municipalityId,
    unit_id: units[i % GROUPS]!.id,
    name: `Person ${i}`,
    email: `p${i}@example.dk`,
    role: 'medarbejder' as const,
    archived_at: null,
  }));
  for (let i = 0; i < people.length; i += 1000)
    await db
      .insertInto('person')
      .values(people.slice(i, i + 1000))
      .execute();

  const owner = new TestClient(t.app);
  await owner.login('bench@example.dk', password);
  const created = await owner.post('/api/measurements', {
    title: 'Bench',
    focalProcess: 'benchmarks',
    groups: units.map((u) => ({ unitId: u.id })),
    chooseGroups: false,
  });
  const measurementId = created.json<{ id: string }>().id;
  await owner.post(`/api/measurements/${measurementId}/invitations`, {
    unitIds: units.map((u) => u.id),
  });
  console.log(`setup: opening a measurement with ${SETS} invitations…`);
  await owner.post(`/api/measurements/${measurementId}/open`);
  const links = [...(await surveyLinks(db, measurementId)).values()];

  const answerSet = (i: number) => [
    ...units.flatMap((u) =>
      RK_ITEMS.map((item, k) => ({ target: u.id, item, value: ((i + k) % 5) + 1 })),
    ),
    ...LEADERSHIP_ITEMS.map((item, k) => ({ target: '', item, value: ((i + k) % 5) + 1 })),
  ];

  // Warm up the server and connections.
  for (const link of links.slice(0, 20)) {
    await fetch(`${t.url}${link}/answers`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: answerSet(0) }),
    });
  }

  const measured = links.slice(20);
  const apiCpu = await cpuNow(db, database.name);
  const load = await new Promise<{ latencies: number[]; seconds: number; cpuMs: number }>(
    (resolve, reject) => {
      const child = fork(new URL('./load-worker.mjs', import.meta.url), { execArgv: [] });
      child.once('message', resolve as (message: unknown) => void);
      child.once('error', reject);
      child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exit ${code}`)));
      child.send({
        baseUrl: t.url,
        links: measured,
        bodies: measured.map((_, i) => JSON.stringify({ answers: answerSet(i + 20) })),
        concurrency: CONCURRENCY,
      });
    },
  );
  const { latencies, seconds } = load;
  const apiCpuPerSet = await cpuPerSet(db, database.name, apiCpu, latencies.length);
  latencies.sort((a, b) => a - b);
  const apiRate = latencies.length / seconds;

  // Baseline: the same rows straight into the answer table through the driver.
  const respondents = await db
    .insertInto('respondent')
    .values(
      Array.from({ length: latencies.length }, () => ({
        measurement_id: measurementId,
        unit_id: units[0]!.id,
        role: 'medarbejder' as const,
        chosen_groups: null,
        arm: null,
        case_ref: null,
        source: 'import' as const,
      })),
    )
    .returning('id')
    .execute();
  let nextDirect = 0;
  const directCpu = await cpuNow(db, database.name);
  const directStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (nextDirect < respondents.length) {
        const i = nextDirect++;
        await db
          .insertInto('answer')
          .values(
            answerSet(i).map((a) => ({
              measurement_id: measurementId,
              respondent_id: respondents[i]!.id,
              target: a.target,
              item: a.item,
              value: a.value,
              dont_know: false,
            })),
          )
          .execute();
      }
    }),
  );
  const directRate = respondents.length / ((performance.now() - directStart) / 1000);
  const directCpuPerSet = await cpuPerSet(db, database.name, directCpu, respondents.length);

  const figures = {
    database: database.name,
    sets: latencies.length,
    answersPerSet: answerSet(0).length,
    concurrency: CONCURRENCY,
    apiSetsPerSecond: Math.round(apiRate),
    p50ms: Number(percentile(latencies, 0.5).toFixed(1)),
    p99ms: Number(percentile(latencies, 0.99).toFixed(1)),
    directSetsPerSecond: Math.round(directRate),
    apiShareOfDirect: Number((apiRate / directRate).toFixed(2)),
    cpuMsPerSet: {
      api: { ...apiCpuPerSet, loadGenerator: Number((load.cpuMs / latencies.length).toFixed(2)) },
      direct: directCpuPerSet,
    },
  };
  console.log(JSON.stringify(figures));
  console.log(
    `${figures.database}: ${figures.apiSetsPerSecond} answer sets/s through the API (p50 ${figures.p50ms} ms, p99 ${figures.p99ms} ms) ` +
      `vs ${figures.directSetsPerSecond}/s direct inserts = ${Math.round(figures.apiShareOfDirect * 100)} % of direct`,
  );
  await t.close();
}

await main();
