/**
 * Loading a measurement's answers for the analysis core. SQL only.
 *
 * {@link loadWaveSummaries} aggregates in the database: millions of answers become pair
 * scores and then a few thousand rows of sums per tie and respondent (the core's
 * `WaveSummary`), sent as one JSON row. {@link loadAnswers} reads the raw answers in the
 * core's `Answer` shape (respondents and narrow answer rows read apart, put together in
 * one pass), for checks and small data.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  ALL_ITEMS,
  CITIZEN_ITEMS,
  LEADERSHIP_ITEMS,
  RK_ITEMS,
  type Answer,
} from '../analysis/answer.js';
import { emptyMoments, type AlphaMoments } from '../analysis/cronbach.js';
import type { TieStats } from '../analysis/relational-capacity.js';
import { scoreBlock, type WaveSummary } from '../analysis/wave-summary.js';
import type { Database } from '../db/schema.js';
import { uuidList } from '../db/db.js';

const K = RK_ITEMS.length;
/** Three bits per item, at its position in ALL_ITEMS: RK 0–17, leadership 18–38, citizen 39–53. */
const LEADERSHIP_SHIFT = 3 * K;
const CITIZEN_SHIFT = 3 * (K + LEADERSHIP_ITEMS.length);

/** `ARRAY[f(0), …, f(K − 1)]` over the RK item positions of a pair's packed scores. */
function perItem(f: (score: RawBuilder<number>) => RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`ARRAY[${sql.join(
    RK_ITEMS.map((_, k) => f(sql<number>`((packed >> ${sql.lit(3 * k)}) & 7)::int`)),
  )}]`;
}

/**
 * An answer's bit position in the packed scores (three bits per item at its position in
 * ALL_ITEMS), as a CASE over the item names: about 0.3 s cheaper per 3.6 million answers
 * than `array_position(text[], item)`. An unknown item gives NULL, which `bit_or` skips.
 */
const ITEM_SHIFT = sql`CASE a.item ${sql.join(
  ALL_ITEMS.map((item, i) => sql`WHEN ${sql.lit(item)} THEN ${sql.lit(3 * i)}`),
  sql` `,
)} END`;

interface SummaryRow {
  /** `m`: the measurement id (its wave label is put on in TypeScript). */
  ties: (Omit<TieStats, 'from' | 'to'> & { m: string; from: string; to: string })[];
  respondents: {
    m: string;
    id: string;
    unit: string;
    role: 'leder' | 'medarbejder';
    arm: 'intervention' | 'kontrol' | null;
    otherSum: number;
    otherCount: number;
    complete: boolean;
    leadership: number;
    citizen: number;
  }[];
  alpha: (AlphaMoments & { m: string })[];
}

/** The bounds of part `i` of `parts` of the respondent id (uuid) range, as SQL. */
function respondentRange(i: number, parts: number): RawBuilder<unknown> {
  if (parts <= 1) return sql``;
  const bound = (j: number) =>
    sql.lit(
      `${Math.floor((j * 2 ** 32) / parts)
        .toString(16)
        .padStart(8, '0')}-0000-0000-0000-000000000000`,
    );
  return sql`${i > 0 ? sql`AND a.respondent_id >= ${bound(i)}::uuid` : sql``}
    ${i < parts - 1 ? sql`AND a.respondent_id < ${bound(i + 1)}::uuid` : sql``}`;
}

export interface WaveSummaryOptions {
  /**
   * Respondent parts aggregated at once on their own connections. Default: as many
   * processes as the server would give one parallel query, 1 + its
   * `max_parallel_workers_per_gather` (PostgreSQL's default 2 gives 3 parts; PGlite has
   * 0, so 1), at most 4.
   */
  parts?: number;
}

/**
 * The wave summaries of the given measurements (in the order of their wave labels), of
 * every submitted respondent or only those of one role, aggregated in the database.
 *
 * Pair stage: one row per respondent and target with the count, sum and "ved ikke" count
 * of its answers and every item's score packed three bits per item (0 = not scored).
 * Then per tie, per respondent and (alpha) per measurement. Each answer's item is unique
 * per pair (the primary key), so `bit_or` packs without carries.
 *
 * On PostgreSQL the respondents are split by id into parts aggregated at once on their
 * own connections (one core each; see `WaveSummaryOptions`): each part scans the answers
 * and hashes only its respondents' pairs, and the parts' tie and alpha sums are added
 * here. PostgreSQL's own parallel query does the pair stage in workers too, but then
 * gathers and re-hashes all 600 000 partial pairs in the leader, which costs about what
 * the workers saved (bench/README.md).
 */
export async function loadWaveSummaries(
  db: Kysely<Database>,
  measurementIds: string[],
  role?: 'leder' | 'medarbejder',
  options: WaveSummaryOptions = {},
): Promise<WaveSummary[]> {
  if (measurementIds.length === 0) return [];
  const ids = uuidList(measurementIds);
  const [waves, units] = await Promise.all([
    db
      .selectFrom('measurement')
      .select([
        'id',
        'wave_label',
        sql<number>`current_setting('max_parallel_workers_per_gather')::int`.as('workers'),
      ])
      .where('id', 'in', measurementIds)
      .execute(),
    unitNames(db, measurementIds[0]!),
  ]);
  const parts = Math.max(1, options.parts ?? Math.min(4, 1 + (waves[0]?.workers ?? 0)));

  const query = (part: number) => sql<SummaryRow>`
      WITH pair AS (
        SELECT a.respondent_id, a.target,
          count(a.value)::int AS n,
          coalesce(sum(a.value), 0)::int AS s,
          (count(*) - count(a.value))::int AS dk,
          bit_or(coalesce(a.value, 0)::int8 << (${ITEM_SHIFT})) AS packed
        FROM answer a
        WHERE a.measurement_id IN (${ids}) ${respondentRange(part, parts)}
        GROUP BY a.respondent_id, a.target
      ), rated AS MATERIALIZED (
        SELECT p.respondent_id, p.target, p.n, p.s, p.dk, p.packed,
          r.measurement_id AS m, r.profession, r.unit_id,
          p.target = coalesce(r.profession, r.unit_id::text) AS self,
          p.s::float8 / nullif(p.n, 0) AS score
        FROM pair p
        JOIN respondent r ON r.id = p.respondent_id
        -- Only submitted answer sets count: an autosave is nobody's answer yet.
        WHERE r.submitted ${role ? sql`AND r.role = ${role}` : sql``}
      )
      SELECT
        (SELECT coalesce(json_agg(t), '[]') FROM (
          SELECT m, coalesce(profession, unit_id::text) AS "from", target AS "to",
            count(score)::int AS n,
            coalesce(sum(score), 0) AS "scoreSum",
            sum(dk)::int AS dk,
            sum(n)::int AS scored,
            ${perItem((v) => sql`sum(${v})`)} AS "dimSum",
            ${perItem((v) => sql`count(nullif(${v}, 0))`)} AS "dimN"
          FROM rated WHERE target <> ''
          GROUP BY m, profession, unit_id, target) t) AS ties,
        (SELECT coalesce(json_agg(t), '[]') FROM (
          SELECT r.measurement_id AS m, r.id, coalesce(r.profession, r.unit_id::text) AS unit,
            r.role, r.arm, x."otherSum", x."otherCount", x.complete, x.leadership, x.citizen
          FROM (
            SELECT respondent_id,
              coalesce(sum(score) FILTER (WHERE target <> '' AND NOT self), 0) AS "otherSum",
              count(score) FILTER (WHERE target <> '' AND NOT self)::int AS "otherCount",
              coalesce(bool_or(n = ${K}) FILTER (WHERE target <> ''), false) AS complete,
              coalesce(max((packed >> ${sql.lit(LEADERSHIP_SHIFT)}) & ${sql.lit(2 ** (3 * LEADERSHIP_ITEMS.length) - 1)})
                FILTER (WHERE target = ''), 0) AS leadership,
              coalesce(max(packed >> ${sql.lit(CITIZEN_SHIFT)}) FILTER (WHERE target = ''), 0) AS citizen
            FROM rated
            GROUP BY respondent_id) x
          JOIN respondent r ON r.id = x.respondent_id) t) AS respondents,
        (SELECT coalesce(json_agg(t), '[]') FROM (
          SELECT m, count(*)::int AS rows,
            ${perItem((v) => sql`sum(${v})`)} AS "itemSum",
            ${perItem((v) => sql`sum(${v} * ${v})`)} AS "itemSumSq",
            sum(s) AS "totalSum",
            sum(s * s) AS "totalSumSq"
          FROM rated WHERE target <> '' AND n = ${K}
          GROUP BY m) t) AS alpha
    `;
  // JIT compiling this one-off query costs more than it saves (about 1 s on PostgreSQL
  // 15). The pair stage's hash table (about 165 MB for 600 000 pairs) should stay in
  // memory rather than spill to disk; hash tables may use twice work_mem. PostgreSQL's
  // parallel workers are off here: the parts already are the parallel processes.
  const settings = async (trx: Kysely<Database>) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    await sql`SET LOCAL work_mem = '128MB'`.execute(trx);
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
  };
  // Each part is one statement in its own transaction. The parts need no shared snapshot:
  // every respondent's answers are read whole by exactly one part, and a survey save is a
  // single statement, so each respondent is counted once and as of one moment.
  const rows = await Promise.all(
    Array.from({ length: parts }, (_, part) =>
      db.transaction().execute(async (trx) => {
        await settings(trx);
        return (await query(part).execute(trx)).rows[0]!;
      }),
    ),
  );

  const unitName = (id: string): string => {
    const name = units.get(id);
    if (name === undefined) throw new Error(`answer about a unit outside the municipality: ${id}`);
    return name;
  };
  const label = new Map(waves.map((w) => [w.id, w.wave_label]));
  const summaries = new Map<string, WaveSummary>();
  for (const id of measurementIds) {
    const wave = label.get(id);
    if (wave !== undefined && !summaries.has(wave)) {
      summaries.set(wave, { wave, ties: [], respondents: [], rkAlpha: emptyMoments(K) });
    }
  }
  const summaryOf = (m: string) => summaries.get(label.get(m)!)!;
  // A tie's sums may come from several parts (and from measurements sharing a label).
  const ties = new Map<string, TieStats>();
  for (const row of rows) {
    for (const { m, from, to, ...sums } of row.ties) {
      const key = `${label.get(m)}\u0000${from}\u0000${to}`;
      const tie = ties.get(key);
      if (tie === undefined) {
        const added = { from: unitName(from), to: unitName(to), ...sums };
        ties.set(key, added);
        summaryOf(m).ties.push(added);
        continue;
      }
      tie.n += sums.n;
      tie.scoreSum += sums.scoreSum;
      tie.dk += sums.dk;
      tie.scored += sums.scored;
      for (let k = 0; k < K; k++) {
        tie.dimSum[k]! += sums.dimSum[k]!;
        tie.dimN[k]! += sums.dimN[k]!;
      }
    }
    for (const r of row.respondents) {
      summaryOf(r.m).respondents.push({
        id: r.id,
        unit: unitName(r.unit),
        role: r.role,
        arm: r.arm ?? '',
        otherSum: r.otherSum,
        otherCount: r.otherCount,
        complete: r.complete,
        leadership: scoreBlock(r.leadership, LEADERSHIP_ITEMS.length),
        citizen: scoreBlock(r.citizen, CITIZEN_ITEMS.length),
      });
    }
    for (const { m, ...moments } of row.alpha) {
      const alpha = summaryOf(m).rkAlpha;
      alpha.rows += moments.rows;
      alpha.totalSum += moments.totalSum;
      alpha.totalSumSq += moments.totalSumSq;
      for (let k = 0; k < K; k++) {
        alpha.itemSum[k]! += moments.itemSum[k]!;
        alpha.itemSumSq[k]! += moments.itemSumSq[k]!;
      }
    }
  }
  // A wave whose respondents all lack answers has nothing to analyse, as in `analyze`.
  return [...summaries.values()].filter((s) => s.respondents.length > 0);
}

/**
 * Group names by key, for the municipality of a measurement: unit names by id (as
 * text), and professions, which are their own key and name.
 */
async function unitNames(
  db: Kysely<Database>,
  measurementId: string,
): Promise<Map<string, string>> {
  const units = await db
    .selectFrom('unit')
    .innerJoin('measurement', 'measurement.municipality_id', 'unit.municipality_id')
    .select([sql<string>`unit.id::text`.as('id'), 'unit.name'])
    .where('measurement.id', '=', measurementId)
    .union(
      // Every wave's professions: a measurement's earlier waves are in its municipality.
      db
        .selectFrom('measurement_profession as mp')
        .innerJoin('measurement as wave', 'wave.id', 'mp.measurement_id')
        .innerJoin('measurement', 'measurement.municipality_id', 'wave.municipality_id')
        .select(['mp.profession as id', 'mp.profession as name'])
        .where('measurement.id', '=', measurementId),
    )
    .execute();
  return new Map(units.map((u) => [u.id, u.name]));
}

/** All submitted answers of the given measurements, each labelled with its measurement's wave. */
export async function loadAnswers(
  db: Kysely<Database>,
  measurementIds: string[],
): Promise<Answer[]> {
  if (measurementIds.length === 0) return [];
  const [respondents, units, answers] = await Promise.all([
    db
      .selectFrom('respondent')
      .innerJoin('measurement', 'measurement.id', 'respondent.measurement_id')
      .innerJoin('unit', 'unit.id', 'respondent.unit_id')
      .select([
        'respondent.id',
        sql<string>`coalesce(respondent.profession, unit.name)`.as('unit'),
        'respondent.role',
        'respondent.arm',
        'respondent.case_ref',
        'measurement.wave_label',
      ])
      .where('respondent.measurement_id', 'in', measurementIds)
      .where('respondent.submitted', '=', true)
      .execute(),
    unitNames(db, measurementIds[0]!),
    db
      .selectFrom('answer')
      .select([
        'respondent_id',
        'target',
        'item',
        // 0 stands for "ved ikke" in transit; the scale is 1–5.
        sql<number | null>`CASE WHEN dont_know THEN 0 ELSE value END`.as('v'),
      ])
      .where('measurement_id', 'in', measurementIds)
      .execute(),
  ]);
  const byId = new Map(respondents.map((r) => [r.id, r]));
  const unitName = units;
  const list: Answer[] = new Array<Answer>(answers.length);
  let count = 0;
  for (const a of answers) {
    const r = byId.get(a.respondent_id);
    if (!r) continue;
    list[count++] = {
      respondent: a.respondent_id,
      unit: r.unit,
      role: r.role,
      target: a.target === '' ? '' : (unitName.get(a.target) ?? ''),
      item: a.item,
      value: a.v === 0 ? 'dk' : a.v,
      wave: r.wave_label,
      arm: r.arm ?? '',
      case: r.case_ref ?? '',
    };
  }
  list.length = count;
  return list;
}
