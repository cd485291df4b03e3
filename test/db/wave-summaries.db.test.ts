/**
 * The analysis aggregated in SQL (loadWaveSummaries → analyzeSummaries) equals the pure
 * core run on the raw answers (loadAnswers → analyze), on each test database, for a
 * seeded random measurement of two waves with "ved ikke", missing answers, self-ties,
 * leadership items, arms and suppressed ties.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, analyzeSummaries, type AnalysisResult } from '../../src/analysis/analyze.js';
import { LEADERSHIP_ITEMS, RK_ITEMS, type Answer } from '../../src/analysis/answer.js';
import type { DatabaseHandle } from '../../src/db/connection.js';
import type { Database } from '../../src/db/schema.js';
import { seededRandom } from '../../src/demo/random.js';
import { createMunicipality } from '../../src/municipality/municipality.service.js';
import { loadAnswers, loadWaveSummaries } from '../../src/results/results.repository.js';
import type { NewAnswer } from '../../src/db/tables/answer.table.js';
import { insertClosedMeasurement, insertUnits } from '../helpers/analysis-seed.js';
import { testDatabases } from '../helpers/databases.js';

const UNIT_NAMES = ['Jobcenter', 'Socialafdelingen', 'Psykiatrien "Syd"; 🙂', '<script>x</script>'];
/** Respondents per unit and wave: the last unit stays below the minimum group of 5. */
const UNIT_SIZES = [14, 11, 8, 3];

/** Every number equal to 1e-9 (relative to its size), everything else exactly. */
function expectClose(actual: unknown, expected: unknown, path = 'result'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tolerance)) {
      expect.fail(`${path}: ${actual} ≠ ${expected}`);
    }
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(
      Object.keys(expected).sort(),
    );
    for (const [key, e] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], e, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/** Two linked, closed measurements with random answers; returns their ids in wave order. */
async function seedMeasurements(db: Kysely<Database>): Promise<string[]> {
  const random = seededRandom(42);
  const municipalityId = await createMunicipality(db, {
    name: 'Summakommune',
    slug: 'summa',
    adminName: 'Admin',
    adminEmail: 'admin@summa.dk',
    adminPassword: 'summa-password-123',
  });
  const units = await insertUnits(db, municipalityId, UNIT_NAMES);
  const ids: string[] = [];
  for (const wave of ['før', 'efter']) {
    const measurementId = await insertClosedMeasurement(db, municipalityId, {
      title: `Bølge ${wave}`,
      focalProcess: 'summa',
      waveLabel: wave,
      includeLeadership: true,
      previousMeasurementId: ids[0] ?? null,
    });
    ids.push(measurementId);
    const answers: NewAnswer[] = [];
    const answer = (respondent: string, target: string, item: string) => {
      const draw = random();
      if (draw < 0.08) return; // a missing answer is not stored
      const dk = draw < 0.15;
      answers.push({
        measurement_id: measurementId,
        respondent_id: respondent,
        target,
        item,
        value: dk ? null : 1 + Math.floor(random() * 5),
        dont_know: dk,
      });
    };
    for (const [u, unit] of units.entries()) {
      for (let i = 0; i < UNIT_SIZES[u]!; i++) {
        const respondent = await db
          .insertInto('respondent')
          .values({
            measurement_id: measurementId,
            unit_id: unit.id,
            role: i % 4 === 0 ? 'leder' : 'medarbejder',
            chosen_groups: null,
            // Units 0 and 1 are the arms; the others have none.
            arm: u === 0 ? 'intervention' : u === 1 ? 'kontrol' : null,
            case_ref: null,
            source: 'import',
            submitted: true,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Some respondents rate nobody but their own unit, one rates nobody at all.
        if (i === 1 && u === 2) continue;
        for (const target of units) {
          if (i === 2 && target.id !== unit.id) continue;
          if (random() < 0.15) continue; // a group not chosen
          for (const item of RK_ITEMS) answer(respondent.id, target.id, item);
        }
        // A third answer no leadership items: enough to keep the regression shown.
        if (i % 3 !== 2) for (const item of LEADERSHIP_ITEMS) answer(respondent.id, '', item);
      }
    }
    await db.insertInto('answer').values(answers).execute();
  }
  return ids;
}

/** The raw answers in wave order, as the analysis read them before the SQL aggregation. */
async function rawAnswers(db: Kysely<Database>, ids: string[], labels: string[]) {
  const answers = await loadAnswers(db, ids);
  const order = new Map(labels.map((label, i) => [label, i]));
  return answers.sort((a, b) => order.get(a.wave)! - order.get(b.wave)!);
}

for (const database of testDatabases()) {
  describe(`analysis aggregated in SQL on ${database.name}`, () => {
    let handle: DatabaseHandle;
    let ids: string[];
    let answers: Answer[];
    const options = { minGroup: 5, high: 4, low: 3.5 };

    beforeAll(async () => {
      handle = await database.open();
      ids = await seedMeasurements(handle.db);
      answers = await rawAnswers(handle.db, ids, ['før', 'efter']);
    });
    afterAll(async () => handle.close());

    it('equals the core on the raw answers, wave for wave, to 1e-9', async () => {
      const expected = analyze(answers, options);
      // The seeded data covers what it should: both waves, dk, self-ties, suppression, DiD.
      expect(expected.waves.map((w) => w.wave)).toEqual(['før', 'efter']);
      expect(answers.some((a) => a.value === 'dk')).toBe(true);
      expect(expected.waves[0]!.selfTies.length).toBeGreaterThan(0);
      expect(expected.waves[0]!.ties.some((t) => t.suppressed)).toBe(true);
      expect(expected.waves[0]!.ties.some((t) => !t.suppressed)).toBe(true);
      expect(expected.waves[0]!.reliability.rk.alpha).not.toBeNull();
      expect(expected.waves[0]!.reliability.ledelse.alpha).not.toBeNull();
      expect(expected.waves[0]!.leadership.slope).not.toBeNull();
      expect(expected.did?.did).toBeTypeOf('number');

      const actual: AnalysisResult = analyzeSummaries(
        await loadWaveSummaries(handle.db, ids),
        options,
      );
      expectClose(actual, expected);
    });

    it('equals the core on each role alone', async () => {
      for (const role of ['leder', 'medarbejder'] as const) {
        const expected = analyze(
          answers.filter((a) => a.role === role),
          options,
        );
        const actual = analyzeSummaries(await loadWaveSummaries(handle.db, ids, role), options);
        expectClose(actual, expected, role);
      }
    });

    it('analyses one wave alone, and nothing for a measurement without answers', async () => {
      const expected = analyze(
        answers.filter((a) => a.wave === 'efter'),
        options,
      );
      expectClose(
        analyzeSummaries(await loadWaveSummaries(handle.db, [ids[1]!]), options),
        expected,
      );
      const { municipality_id } = await handle.db
        .selectFrom('measurement')
        .select('municipality_id')
        .where('id', '=', ids[0]!)
        .executeTakeFirstOrThrow();
      const empty = await insertClosedMeasurement(handle.db, municipality_id, {
        title: 'Tom',
        focalProcess: 'tom',
      });
      expect(await loadWaveSummaries(handle.db, [empty])).toEqual([]);
      expect(analyzeSummaries([], options)).toEqual(analyze([], options));
    });
  });
}
