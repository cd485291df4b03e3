/**
 * Differencing attacks on everything the API publishes about a measurement, as the
 * municipality's own analytiker, admin and leder would try them: on seeded random closed
 * measurements (units of 3 and 4 beside larger ones, leaders and employees, unit kinds,
 * flows and arms, people who autosaved but never submitted), every aggregate under every
 * filter and role, checked so that no whole minus its shown parts, and no pair of
 * figures, isolates 1 … minGroup − 1 respondents. Then the timing attack: one autosave
 * and one submission in an open measurement change no figure anyone can read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { GroupComparison } from '../../contract/analysis.schema.js';
import type { ResponseRates } from '../../contract/measurements.schema.js';
import type { AnalysisExtras, MeasurementAnalysis } from '../../contract/results.schema.js';
import { RK_ITEMS } from '../../src/analysis/answer.js';
import type { Database } from '../../src/db/schema.js';
import { hashToken, newToken } from '../../src/measurements/invitation-crypto.js';
import { testDatabases } from '../helpers/databases.js';
import { analysisLeaks, viewLeaks } from '../helpers/disclosure-check.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { seededRandom as random } from '../../src/demo/random.js';
import { insertClosedMeasurement } from '../helpers/analysis-seed.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

const SIZES = [1, 2, 3, 3, 4, 4, 5, 6, 7, 9, 12];
const KINDS = ['myndighed', 'udfører', 'ekstern'] as const;

interface Seeded {
  measurementId: string;
  /** Submitted respondents (what the analysis may count). */
  submitted: number;
  tokens: string[];
}

/**
 * A measurement in the demo municipality over Jobcenter (the demo leader's unit) and
 * 3–6 new units; `status` closed (answers submitted) or open (invitations with tokens).
 */
async function seedMeasurement(
  db: Kysely<Database>,
  municipalityId: string,
  seed: number,
  status: 'open' | 'closed',
): Promise<Seeded> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const jobcenter = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', 'Jobcenter')
    .executeTakeFirstOrThrow();
  const created = await db
    .insertInto('unit')
    .values(
      Array.from({ length: 3 + Math.floor(next() * 4) }, (_, i) => ({
        municipality_id: municipalityId,
        name: `Enhed ${seed}-${i}`,
        kind: pick(KINDS),
        area_id: null,
        archived_at: null,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const units = [jobcenter, ...created];
  const measurementId = await insertClosedMeasurement(db, municipalityId, {
    title: `Måling ${seed}`,
    focalProcess: 'borgere med komplekse problemer',
    status,
    openedAt: new Date(),
    closedAt: status === 'closed' ? new Date() : null,
  });
  const arms = new Map<string, 'intervention' | 'kontrol' | null>();
  await db
    .insertInto('measurement_group')
    .values(
      units.map((u) => {
        const arm = pick(['intervention', 'kontrol', null] as const);
        arms.set(u.id, arm);
        return {
          measurement_id: measurementId,
          unit_id: u.id,
          arm,
          flow: pick(['sender', 'receiver', null] as const),
        };
      }),
    )
    .execute();
  let submitted = 0;
  const tokens: string[] = [];
  for (const unit of units) {
    // Finished people, one or two who never finished, and (closed) one who only autosaved.
    const finished = status === 'closed' ? pick(SIZES) : 0;
    const unfinished = 1 + Math.floor(next() * 2) + (status === 'open' ? 6 : 0);
    for (let i = 0; i < finished + unfinished; i++) {
      const role = next() < 0.3 ? ('leder' as const) : ('medarbejder' as const);
      const person = await db
        .insertInto('person')
        .values({
          municipality_id: municipalityId,
          unit_id: unit.id,
          name: `Person ${seed}-${unit.name}-${i}`,
          email: `p${seed}-${unit.id.slice(0, 8)}-${i}@test.dk`,
          role,
          archived_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const done = i < finished;
      const token = newToken();
      if (!done) tokens.push(token);
      await db
        .insertInto('invitation')
        .values({
          measurement_id: measurementId,
          person_id: person.id,
          unit_id: unit.id,
          role,
          token_hash: done ? null : hashToken(token),
          token_sealed: null,
          respondent_ref: null,
          status: done ? 'finished' : 'invited',
          invited_on: '2026-01-05',
          finished_on: done ? '2026-01-06' : null,
        })
        .execute();
      // The closed measurement's half-done answer sets must count nowhere.
      const autosaved = status === 'closed' && i === finished;
      if (!done && !autosaved) continue;
      const respondent = await db
        .insertInto('respondent')
        .values({
          measurement_id: measurementId,
          unit_id: unit.id,
          role,
          chosen_groups: null,
          arm: arms.get(unit.id) ?? null,
          case_ref: null,
          source: 'survey',
          submitted: done,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (done) submitted++;
      const rows = units.flatMap((target) =>
        RK_ITEMS.map((item) => {
          const dk = next() < 0.05;
          return {
            measurement_id: measurementId,
            respondent_id: respondent.id,
            target: target.id,
            item,
            value: dk ? null : 1 + Math.floor(next() * 5),
            dont_know: dk,
          };
        }),
      );
      await db.insertInto('answer').values(rows).execute();
    }
  }
  return { measurementId, submitted, tokens };
}

type Analysis = MeasurementAnalysis;
type Responses = ResponseRates;
type Extras = AnalysisExtras;

for (const database of testDatabases()) {
  describe(`disclosure control on ${database.name}`, () => {
    let t: TestApp;
    let municipalityId: string;
    const clients: Record<'analytiker' | 'admin' | 'leder', TestClient> = {} as never;

    beforeAll(async () => {
      t = await startDemoApp(database);
      municipalityId = (
        await t.handle.db.selectFrom('municipality').select('id').executeTakeFirstOrThrow()
      ).id;
      for (const role of ['analytiker', 'admin', 'leder'] as const) {
        clients[role] = await signedIn(t.app, `${role}@demo.samspil.dk`);
      }
    }, 120_000);
    afterAll(async () => t.close());

    it('no published whole, view or pair of figures isolates a small group', async () => {
      const db = t.handle.db;
      const kindOf = new Map(
        (await db.selectFrom('unit').select(['name', 'kind']).execute()).map((u) => [
          u.name,
          u.kind as string,
        ]),
      );
      for (const seed of [11, 12, 13, 14]) {
        const { measurementId, submitted } = await seedMeasurement(
          db,
          municipalityId,
          seed,
          'closed',
        );
        const flows = new Map(
          (
            await db
              .selectFrom('measurement_group')
              .innerJoin('unit', 'unit.id', 'measurement_group.unit_id')
              .select(['unit.name', 'measurement_group.flow'])
              .where('measurement_id', '=', measurementId)
              .execute()
          ).map((g) => [g.name, g.flow]),
        );
        for (const [role, client] of Object.entries(clients)) {
          const label = `seed ${seed} as ${role}`;
          const get = async <T>(path: string): Promise<T> => {
            const response = await client.get(`/api/measurements/${measurementId}${path}`);
            expect(response.statusCode, `${label} ${path}: ${response.body}`).toBe(200);
            return response.json<T>();
          };
          const full = (await get<Analysis>('/analysis')).result;
          const views = [
            (await get<Analysis>('/analysis?role=leder')).result,
            (await get<Analysis>('/analysis?role=medarbejder')).result,
          ];
          expect(analysisLeaks(full), label).toEqual([]);
          expect(viewLeaks(full, views), label).toEqual([]);
          const wave = full.waves[0]!;
          // Autosaved answer sets that were never submitted count nowhere.
          if (wave.network.n !== null) expect(wave.network.n, label).toBe(submitted);

          // The response table takes the analysis's decisions from the same figures.
          const rates = await get<Responses>('/responses');
          expect(rates.step, label).toBeNull();
          expect(rates.finished, label).toBe(wave.responses!.finished);
          for (const row of rates.units) {
            const unit = wave.units.find((u) => u.unit === row.unitName);
            if (!unit || unit.outN === 0 || row.finished === 0) continue;
            expect(row.suppressed, `${label} ${row.unitName}`).toBe(unit.outSuppressed);
          }
          const shownFinished = rates.units.reduce((a, u) => a + (u.finished ?? 0), 0);
          const rest = (rates.finished ?? 0) - shownFinished;
          if (rates.finished !== null) expect(rest === 0 || rest >= 5, label).toBe(true);

          // Unit kinds and flows: each shown group minus its shown units.
          if (role !== 'leder') {
            const extras = await get<Extras>('/analysis/extras');
            const groups: [GroupComparison | null, (unit: string) => string | null | undefined][] =
              [
                [extras.waves[0]!.kinds, (u) => kindOf.get(u)],
                [extras.waves[0]!.flows, (u) => flows.get(u)],
              ];
            for (const [comparison, groupOf] of groups) {
              for (const [name, group] of Object.entries(comparison?.groups ?? {})) {
                if (group.n === null) continue;
                expect(group.n >= 5 || group.n === 0, `${label} ${name}`).toBe(true);
                const shown = wave.units
                  .filter((u) => groupOf(u.unit) === name)
                  .reduce((a, u) => a + (u.outN ?? 0), 0);
                const left = group.n - shown;
                expect(left === 0 || left >= 5, `${label} ${name} − its units = ${left}`).toBe(
                  true,
                );
              }
            }
            // The units table of the CSV export says what the JSON says, no more.
            const csv = await client.get(
              `/api/measurements/${measurementId}/export/csv?table=enheder`,
            );
            expect(csv.statusCode).toBe(200);
            for (const unit of wave.units.filter((u) => u.outSuppressed)) {
              const line = csv.body.split('\n').find((l) => l.includes(unit.unit))!;
              expect(line, `${label} ${unit.unit}`).not.toMatch(new RegExp(`[;,]${unit.outN}[;,]`));
            }
          }
        }
      }
    }, 300_000);

    it('while open: no figure, counts only in steps, and one autosave or submission changes nothing', async () => {
      const db = t.handle.db;
      const { measurementId, tokens } = await seedMeasurement(db, municipalityId, 21, 'open');
      const paths = [
        '/analysis',
        '/analysis?role=leder',
        '/analysis/extras',
        '/responses',
        '/export/csv',
        '/export/graphml',
      ];
      const snapshot = async () => {
        const seen: string[] = [];
        for (const [role, client] of Object.entries(clients)) {
          for (const path of paths) {
            const response = await client.get(`/api/measurements/${measurementId}${path}`);
            seen.push(`${role} ${path} ${response.statusCode} ${response.body}`);
          }
          seen.push(`${role} list ${(await client.get('/api/measurements')).body}`);
          seen.push(`${role} overview ${(await client.get('/api/overview')).body}`);
        }
        return seen;
      };
      const survey = `/api/survey/${measurementId}`;
      const anonymous = new TestClient(t.app);
      const groups = await db
        .selectFrom('measurement_group')
        .select('unit_id')
        .where('measurement_id', '=', measurementId)
        .execute();
      const answers = groups.flatMap((g) =>
        RK_ITEMS.map((item) => ({ target: g.unit_id, item, value: 4 })),
      );
      // Four people finish first, so the next submission does not complete a step of 5.
      for (const token of tokens.slice(0, 4)) {
        expect(
          (await anonymous.request('PUT', `${survey}/${token}/answers`, { answers })).statusCode,
        ).toBe(200);
        expect((await anonymous.post(`${survey}/${token}/submit`, {})).statusCode).toBe(200);
      }
      const before = await snapshot();
      const analysis = await clients.analytiker.get(`/api/measurements/${measurementId}/analysis`);
      expect(analysis.statusCode).toBe(409);
      expect(analysis.json<{ code: string }>().code).toBe('measurement_open');
      const rates = (
        await clients.analytiker.get(`/api/measurements/${measurementId}/responses`)
      ).json<Responses>();
      expect(rates.step).toBe(5);
      expect(rates.finished).toBe(0);
      for (const row of rates.units) expect((row.finished ?? 0) % 5).toBe(0);

      const token = tokens[4]!;
      expect(
        (await anonymous.request('PUT', `${survey}/${token}/answers`, { answers })).statusCode,
      ).toBe(200);
      expect(await snapshot()).toEqual(before);
      expect((await anonymous.post(`${survey}/${token}/submit`, {})).statusCode).toBe(200);
      const after = await snapshot();
      // Five have now finished: the total steps from 0 to 5, and nothing else changes.
      const changed = after.filter((line, i) => line !== before[i]);
      expect(changed.every((line) => / \/responses 200 /.test(line))).toBe(true);
    }, 300_000);

    it('shows a leader only the measurements that include their unit', async () => {
      const db = t.handle.db;
      const otherId = await insertClosedMeasurement(db, municipalityId, {
        title: 'Uden Jobcenter',
        focalProcess: 'x',
        closedAt: new Date(),
      });
      const list = (await clients.leder.get('/api/measurements')).json<{ id: string }[]>();
      expect(list.some((m) => m.id === otherId)).toBe(false);
      for (const path of ['', '/analysis', '/responses']) {
        const response = await clients.leder.get(`/api/measurements/${otherId}${path}`);
        expect(response.statusCode, path).toBe(404);
      }
      const owners = (await clients.analytiker.get('/api/measurements')).json<{ id: string }[]>();
      expect(owners.some((m) => m.id === otherId)).toBe(true);
    });
    it.runIf(database.name === 'postgres')(
      'a submission racing the close waits for it and is refused, so no figure changes after closing',
      async () => {
        const db = t.handle.db;
        const { measurementId, tokens } = await seedMeasurement(db, municipalityId, 6, 'open');
        const survey = `/api/survey/${measurementId}`;
        const anonymous = new TestClient(t.app);
        const token = tokens[0]!;
        const finishedCount = async () =>
          (
            await db
              .selectFrom('invitation')
              .select('id')
              .where('measurement_id', '=', measurementId)
              .where('status', '=', 'finished')
              .execute()
          ).length;
        const finishedBefore = await finishedCount();
        // Closing holds the measurement's row (as closeMeasurement does) while the submit comes.
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const isLocked = new Promise<void>((resolve) => (locked = resolve));
        const closing = db.transaction().execute(async (trx) => {
          await trx
            .selectFrom('measurement')
            .select('id')
            .where('id', '=', measurementId)
            .forUpdate()
            .execute();
          await trx
            .updateTable('measurement')
            .set({ status: 'closed', closed_at: new Date(), answers_changed_at: new Date() })
            .where('id', '=', measurementId)
            .execute();
          locked();
          await held;
        });
        await isLocked;
        try {
          let settled = false;
          const submit = anonymous.post(`${survey}/${token}/submit`, {}).then((r) => {
            settled = true;
            return r;
          });
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(settled).toBe(false);
          release();
          await closing;
          const response = await submit;
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
        } finally {
          release();
        }
        expect(await finishedCount()).toBe(finishedBefore);
      },
    );
  });
}
