/**
 * Benchmark: the full analysis of one large measurement (default 20 000 respondents ×
 * 30 groups × 6 items ≈ 3.6 million answers) beside a single SQL aggregate over the same
 * answers (mean per tie), measured in the same run.
 *
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/analysis.bench.ts --db postgres
 *   npx tsx bench/analysis.bench.ts --db pglite --respondents 2000
 *
 * Target (PostgreSQL): the full analysis under 2 s and within 2× of the aggregate.
 *
 * Each of `--repeat` rounds moves the measurement's `answers_changed_at` (as an import
 * does), so every analysis is uncached; the aggregate runs once with the server's
 * defaults and once with the session settings the analysis uses (JIT off, more work_mem),
 * and the ratio is taken against the faster of the two. Medians are printed. The analysis
 * splits its respondents into 1 + max_parallel_workers_per_gather parts on as many
 * connections (PGlite: one); its SQL is also timed in one part (`sqlSerialMs`). The
 * baseline cannot use parallel workers (count(DISTINCT …) has no partial aggregate).
 */
import { sql } from 'kysely';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { RK_ITEMS } from '../src/analysis/answer.js';
import type { AuthUser } from '../src/auth/auth.service.js';
import { seededRandom } from '../src/demo/random.js';
import { analyzeSummaries } from '../src/analysis/analyze.js';
import { loadWaveSummaries } from '../src/results/results.repository.js';
import { analyseMeasurement } from '../src/results/results.service.js';
import { asTenant } from '../src/db/tenant.js';
import {
  insertAnswerColumns,
  insertBenchMunicipality,
  insertClosedMeasurement,
  insertImportedRespondents,
} from '../test/helpers/analysis-seed.js';
import { benchDatabase, median } from './bench-setup.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    respondents: { type: 'string', default: '20000' },
    groups: { type: 'string', default: '30' },
    repeat: { type: 'string', default: '3' },
    // Run the analysis in the municipality's tenant scope, as a staff request does.
    tenant: { type: 'boolean', default: false },
  },
});
const RESPONDENTS = Number(values.respondents);
const GROUPS = Number(values.groups);
const REPEAT = Number(values.repeat);
const database = benchDatabase(values.db);

const handle = await database.open();
const db = handle.db;
const { municipalityId, units } = await insertBenchMunicipality(
  db,
  { name: 'Benchmark', slug: 'bench' },
  GROUPS,
);
const measurement = {
  id: await insertClosedMeasurement(db, municipalityId, { title: 'Bench', focalProcess: 'bench' }),
};

console.log(`setup: ${RESPONDENTS} respondents × ${GROUPS} groups × 6 items…`);
const random = seededRandom(1);
const setupStart = performance.now();
for (let start = 0; start < RESPONDENTS; start += 500) {
  const count = Math.min(500, RESPONDENTS - start);
  const respondents = await insertImportedRespondents(
    db,
    measurement.id,
    Array.from({ length: count }, (_, i) => ({
      unitId: units[(start + i) % GROUPS]!.id,
      role: (start + i) % 9 === 0 ? 'leder' : 'medarbejder',
    })),
  );
  const targets: string[] = [];
  const items: string[] = [];
  const valuesList: (number | null)[] = [];
  const dontKnow: boolean[] = [];
  const ids: string[] = [];
  for (const r of respondents) {
    for (const unit of units) {
      for (const item of RK_ITEMS) {
        const dk = random() < 0.03;
        ids.push(r.id);
        targets.push(unit.id);
        items.push(item);
        valuesList.push(dk ? null : 1 + Math.floor(random() * 5));
        dontKnow.push(dk);
      }
    }
  }
  await insertAnswerColumns(db, measurement.id, {
    respondentIds: ids,
    targets,
    items,
    values: valuesList,
    dontKnow,
  });
}
const answers = RESPONDENTS * GROUPS * 6;
console.log(
  `setup done in ${((performance.now() - setupStart) / 1000).toFixed(1)} s (${answers} answers)`,
);
await sql`ANALYZE answer`.execute(db);

const user: AuthUser = {
  userId: '00000000-0000-4000-8000-000000000000',
  municipalityId,
  municipalityName: 'Benchmark',
  role: 'analytiker',
  name: 'Bench',
  email: 'bench@example.dk',
  personId: null,
};

const time = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

// Baseline: one SQL aggregate over the same answers (mean score and respondents per tie).
const aggregate = sql`
  SELECT r.unit_id, a.target, avg(a.value)::float8 AS score, count(DISTINCT a.respondent_id) AS n
  FROM answer a JOIN respondent r ON r.id = a.respondent_id
  WHERE a.measurement_id = ${measurement.id} AND a.value IS NOT NULL
  GROUP BY r.unit_id, a.target`;
const rounds: Record<string, number>[] = [];
for (let round = 0; round < REPEAT; round++) {
  // A new answers_changed_at makes the next analysis uncached, as after an import.
  await db
    .updateTable('measurement')
    .set({ answers_changed_at: new Date(Date.now() + round) })
    .where('id', '=', measurement.id)
    .execute();
  const aggregateMs = await time(() => aggregate.execute(db));
  const aggregateTunedMs = await time(() =>
    db.transaction().execute(async (trx) => {
      await sql`SET LOCAL jit = off`.execute(trx);
      await sql`SET LOCAL work_mem = '128MB'`.execute(trx);
      await aggregate.execute(trx);
    }),
  );
  const scoped = <T>(fn: () => Promise<T>) => (values.tenant ? asTenant(municipalityId, fn) : fn());
  const analysisMs = await time(() => scoped(() => analyseMeasurement(db, user, measurement.id)));
  const cachedMs = await time(() => scoped(() => analyseMeasurement(db, user, measurement.id)));
  // The two halves of the analysis: the SQL aggregation and the core finishing from it.
  let summaries: Awaited<ReturnType<typeof loadWaveSummaries>> = [];
  const sqlMs = await time(async () => {
    summaries = await scoped(() => loadWaveSummaries(db, [measurement.id]));
  });
  const coreMs = await time(() =>
    Promise.resolve(analyzeSummaries(summaries, { minGroup: 5, high: 4, low: 3.5 })),
  );
  // The same SQL in one part on one connection (no respondent split), for the record.
  const sqlSerialMs = await time(() =>
    loadWaveSummaries(db, [measurement.id], undefined, { parts: 1 }),
  );
  const figures = {
    aggregateMs,
    aggregateTunedMs,
    analysisMs,
    cachedMs,
    sqlMs,
    sqlSerialMs,
    coreMs,
  };
  console.log(
    `round ${round + 1}: ` +
      Object.entries(figures)
        .map(([key, ms]) => `${key} ${Math.round(ms)}`)
        .join(', '),
  );
  rounds.push(figures);
}
const med = (key: string) => Math.round(median(rounds.map((r) => r[key]!)));
const figures = {
  database: database.name,
  respondents: RESPONDENTS,
  groups: GROUPS,
  answers,
  rounds: REPEAT,
  aggregateMs: med('aggregateMs'),
  aggregateTunedMs: med('aggregateTunedMs'),
  analysisMs: med('analysisMs'),
  cachedMs: med('cachedMs'),
  sqlMs: med('sqlMs'),
  sqlSerialMs: med('sqlSerialMs'),
  // As loadWaveSummaries chooses: 1 + max_parallel_workers_per_gather, at most 4.
  parts: Math.min(
    4,
    1 +
      (
        await sql<{
          w: number;
        }>`SELECT current_setting('max_parallel_workers_per_gather')::int AS w`.execute(db)
      ).rows[0]!.w,
  ),
  coreMs: med('coreMs'),
  ratio: Number(
    (med('analysisMs') / Math.min(med('aggregateMs'), med('aggregateTunedMs'))).toFixed(1),
  ),
};
console.log(JSON.stringify(figures));
console.log(
  `${figures.database}: full analysis of ${answers} answers ${figures.analysisMs} ms ` +
    `(SQL ${figures.sqlMs} ms in ${figures.parts} parts, ${figures.sqlSerialMs} ms in one; core ${figures.coreMs} ms; ` +
    `cached ${figures.cachedMs} ms) vs one SQL ` +
    `aggregate ${figures.aggregateMs} ms (${figures.aggregateTunedMs} ms with the same settings) = ${figures.ratio}×`,
);
await handle.close();
