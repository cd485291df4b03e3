/**
 * Outcomes over HTTP on each test database: a course's outcome events (bad input refused
 * with data unchanged, record, change, delete, who may read and write, every read and
 * change in the audit log), the report under the minimum group rule, and the evaluation
 * export (fresh pseudonyms per export, CPR only under a research consent, audited).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CourseOutcomes,
  OutcomeReport,
  OutcomeReportRow,
} from '../../contract/outcomes.schema.js';
import { halfYearOf } from '../../src/analysis/fidelity.js';
import { danishToday } from '../../src/courses/course-access.js';
import { addMonths } from '../../src/progression/occasions.js';
import { testDatabases } from '../helpers/databases.js';
import { demoAndOther, OTHER_ADMIN, signedIn } from '../helpers/demo-and-other.js';
import { CASEWORKER, createCourseFixture, type CourseFixture } from '../helpers/course-fixture.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';

const MIN_GROUP = 5;

/** A `;` CSV without its BOM as rows of cells (the export quotes nothing it needs here). */
const parseCsv = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(';'));

for (const database of testDatabases()) {
  describe(`outcomes API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let analyst: TestClient;
    let otherAdmin: TestClient;

    const audits = (action: string) =>
      t.handle.db
        .selectFrom('audit_log')
        .select(['user_id', 'citizen_id', 'entity_id', 'detail'])
        .where('action', '=', action)
        .orderBy('at')
        .execute();
    const record = async (course: CourseFixture, body: Record<string, unknown>) => {
      const response = await sara.post(`/api/courses/${course.courseId}/outcomes`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<CourseOutcomes>();
    };

    beforeAll(async () => {
      t = await startTestApp(database);
      await demoAndOther(t.handle.db);
      sara = await signedIn(t.app, CASEWORKER);
      analyst = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      otherAdmin = await signedIn(t.app, OTHER_ADMIN.email, OTHER_ADMIN.password);
    });
    afterAll(async () => t.close());

    it('refuses bad events with a message in Danish and English and changes nothing', async () => {
      const course = await createCourseFixture(t.handle.db, sara, {
        startDate: addMonths(danishToday(), -2),
      });
      const url = `/api/courses/${course.courseId}/outcomes`;
      const today = danishToday();
      const bad: [Record<string, unknown>, string | null][] = [
        [{ kind: 'klage', occurredOn: today }, null],
        [{ kind: 'sagsbehandling', occurredOn: today, days: -1 }, null],
        [{ kind: 'sagsbehandling', occurredOn: today, days: 2.5 }, null],
        [{ kind: 'udbetaling', occurredOn: today }, null],
        [{ kind: 'status', occurredOn: '2026-02-30', status: 'ledig' }, null],
        [{ kind: 'status', occurredOn: addMonths(today, 1), status: 'ledig' }, 'fremtiden'],
        [{ kind: 'status', occurredOn: addMonths(today, -3), status: 'ledig' }, 'før forløbets'],
        [
          {
            kind: 'anbringelse',
            occurredOn: today,
            endOn: addMonths(today, -1),
            placementType: 'plejefamilie',
          },
          'slutte, før',
        ],
      ];
      for (const [body, danish] of bad) {
        const response = await sara.post(url, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        const message = response.json<{ message: { da: string; en: string } }>().message;
        expect(message.en.length).toBeGreaterThan(0);
        if (danish) expect(message.da).toContain(danish);
      }
      const view = (await sara.get(url)).json<CourseOutcomes>();
      expect(view.events).toEqual([]);
      expect(await audits('outcome.create')).toEqual([]);
    });

    it('records, changes and deletes events, audited per citizen, for the course owners only', async () => {
      const start = addMonths(danishToday(), -3);
      const course = await createCourseFixture(t.handle.db, sara, { startDate: start });
      const url = `/api/courses/${course.courseId}/outcomes`;
      const created = await record(course, {
        kind: 'klage',
        occurredOn: addMonths(start, 1),
        result: 'verserer',
        about: 'Afslag på § 85-støtte',
      });
      expect(created).toMatchObject({ startDate: start, endDate: null, canEdit: true });
      expect(created.events).toEqual([
        expect.objectContaining({
          kind: 'klage',
          result: 'verserer',
          days: null,
          about: 'Afslag på § 85-støtte',
          recordedBy: 'Sara Sagsbehandler',
        }),
      ]);
      const id = created.events[0]!.id;
      expect(await audits('outcome.create')).toEqual([
        expect.objectContaining({
          citizen_id: course.citizenId,
          entity_id: course.courseId,
          detail: { outcomeId: id, kind: 'klage' },
        }),
      ]);

      const changed = await sara.request('PUT', `${url}/${id}`, {
        kind: 'klage',
        occurredOn: addMonths(start, 1),
        result: 'medhold',
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json<CourseOutcomes>().events[0]).toMatchObject({
        id,
        result: 'medhold',
        about: null,
      });
      expect(await audits('outcome.update')).toHaveLength(1);

      const placement = await record(course, {
        kind: 'anbringelse',
        occurredOn: addMonths(start, 2),
        placementType: 'opholdssted',
      });
      expect(placement.events[0]).toMatchObject({ kind: 'anbringelse', endOn: null });

      // Strangers see nothing of it: another municipality and an analyst without access.
      for (const stranger of [otherAdmin, analyst]) {
        expect((await stranger.get(url)).statusCode).toBe(404);
        expect(
          (await stranger.post(url, { kind: 'status', occurredOn: start, status: 'ledig' }))
            .statusCode,
        ).toBe(404);
      }

      const reads = (await audits('outcome.read')).filter((a) => a.entity_id === course.courseId);
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((a) => a.citizen_id === course.citizenId)).toBe(true);

      const deleted = await sara.request('DELETE', `${url}/${id}`);
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect(deleted.json<CourseOutcomes>().events.map((e) => e.kind)).toEqual(['anbringelse']);
      expect((await sara.request('DELETE', `${url}/${id}`)).statusCode).toBe(404);
      expect(await audits('outcome.delete')).toEqual([
        expect.objectContaining({
          citizen_id: course.citizenId,
          detail: { outcomeId: id, kind: 'klage' },
        }),
      ]);

      // After closing, outcomes can still be recorded: what happens after the end counts too.
      expect((await sara.post(`/api/courses/${course.courseId}/close`)).statusCode).toBe(200);
      const after = await record(course, {
        kind: 'status',
        occurredOn: danishToday(),
        status: 'uddannelse',
      });
      expect(after.endDate).toBe(danishToday());
    });

    it('reports per unit, arm and half-year, hiding groups under the minimum and their complements', async () => {
      expect((await sara.get('/api/outcomes/report')).statusCode).toBe(403);
      const today = danishToday();
      const courses: CourseFixture[] = [];
      for (let i = 0; i < 11; i++) courses.push(await createCourseFixture(t.handle.db, sara));
      const complain = (course: CourseFixture) =>
        record(course, { kind: 'klage', occurredOn: today, result: 'ikke-medhold' });
      await complain(courses[0]!);
      await complain(courses[1]!);
      await record(courses[2]!, { kind: 'sagsbehandling', occurredOn: today, days: 10 });

      const report = async () => {
        const response = await analyst.get('/api/outcomes/report');
        expect(response.statusCode, response.body).toBe(200);
        return response.json<OutcomeReport>();
      };
      const totalNow = (r: OutcomeReport) =>
        r.rows.find((row) => row.total && row.period === halfYearOf(today) && row.arm === null)!;

      const before = await report();
      expect(before.minGroup).toBe(MIN_GROUP);
      const total = totalNow(before);
      expect(total.courses).toBeGreaterThanOrEqual(11);
      expect(total.complaints).toEqual({
        courses: null,
        of: null,
        share: null,
        count: null,
        suppressed: true,
      });
      expect(total.decisions).toMatchObject({ medianDays: null, suppressed: true });

      for (const course of courses.slice(2, 5)) await complain(course);
      const after = totalNow(await report());
      expect(after.complaints).toEqual({
        courses: 5,
        of: after.courses,
        share: 5 / after.courses!,
        count: 5,
        suppressed: false,
      });
      expect(after.upheld).toMatchObject({ courses: 0, of: 5, share: 0, suppressed: false });

      // Every figure shown anywhere is 0 or at least the minimum, and so is its complement.
      const shown = (f: OutcomeReportRow['complaints' | 'upheld']) => {
        if (f.suppressed) return;
        for (const part of [f.courses!, f.of! - f.courses!]) {
          expect(part === 0 || part >= MIN_GROUP, JSON.stringify(f)).toBe(true);
        }
      };
      for (const row of (await report()).rows) {
        if (row.courses !== null) expect(row.courses === 0 || row.courses >= MIN_GROUP).toBe(true);
        for (const f of [
          row.complaints,
          row.upheld,
          row.decisions,
          row.placements,
          row.withStatus,
          row.inWorkOrEducation,
        ]) {
          shown(f);
        }
      }
      expect(await audits('outcome.report')).not.toEqual([]);
    });

    it('exports pseudonymised rows, fresh pseudonyms each time, CPR only under research consent, audited', async () => {
      expect((await sara.get('/api/outcomes/export')).statusCode).toBe(403);
      const start = addMonths(danishToday(), -1);
      const course = await createCourseFixture(t.handle.db, sara, { startDate: start });
      await record(course, { kind: 'sagsbehandling', occurredOn: start, days: 10 });
      await record(course, { kind: 'sagsbehandling', occurredOn: start, days: 15 });
      const consent = await sara.post(`/api/courses/${course.courseId}/consents`, {
        purpose: 'Evaluering af Én plan',
        partyIds: [course.parties.unit],
        memberIds: [course.citizenId],
        givenOn: start,
        form: 'digital',
        expiresOn: addMonths(start, 24),
        researchUse: true,
      });
      expect(consent.statusCode, consent.body).toBe(201);
      expect(consent.json<{ researchUse: boolean }>().researchUse).toBe(true);

      const exportCsv = async (cpr: 'include' | 'omit') => {
        const response = await analyst.get(`/api/outcomes/export?format=csv&cpr=${cpr}`);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.headers['content-type']).toContain('text/csv');
        return parseCsv(response.body);
      };
      /** The main citizens with a valid research consent, counted in the database. */
      const researchCitizens = async () => {
        const rows = await sql<{ n: number }>`
          SELECT count(DISTINCT m.id)::int AS n FROM consent c
          JOIN citizen m ON m.course_id = c.course_id AND m.relation = 'borger'
          WHERE c.research_use AND c.withdrawn_at IS NULL AND c.member_ids ? m.id::text
            AND c.given_on <= ${danishToday()} AND c.expires_on >= ${danishToday()}`.execute(
          t.handle.db,
        );
        return rows.rows[0]!.n;
      };

      const [header, ...first] = await exportCsv('include');
      const column = (name: string) => header!.indexOf(name);
      expect(header!.slice(0, 3)).toEqual(['forloeb_pseudonym', 'borger_pseudonym', 'cpr']);
      const courseCount = await t.handle.db
        .selectFrom('course')
        .innerJoin('municipality', 'municipality.id', 'course.municipality_id')
        .where('municipality.slug', '=', 'demo')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(first).toHaveLength(Number(courseCount.n));
      const withCpr = first.filter((row) => row[column('cpr')] !== '');
      expect(withCpr.length).toBe(await researchCitizens());
      expect(withCpr.length).toBeGreaterThanOrEqual(1);
      for (const row of withCpr) expect(row[column('cpr')]).toMatch(/^\d{6}-\d{4}$/);
      expect(first.map((r) => r[column('arm')])).toContain('ikke fordelt');
      // The median of 10 and 15 days, with a decimal comma for Danish Excel.
      expect(first.map((r) => r[column('sagsbehandling_median_dage')])).toContain('12,5');

      const [, ...second] = await exportCsv('omit');
      expect(second.every((row) => row[column('cpr')] === '')).toBe(true);
      const pseudonyms = (rows: string[][]) => new Set(rows.map((r) => r[0]));
      const overlap = [...pseudonyms(first)].filter((p) => pseudonyms(second).has(p));
      expect(overlap).toEqual([]);

      const exports = await audits('outcome.export');
      const summaries = exports.filter((a) => a.citizen_id === null);
      expect(summaries.slice(-2).map((a) => a.detail)).toEqual([
        { format: 'csv', rows: first.length, cprIncluded: true, cprRows: withCpr.length },
        { format: 'csv', rows: second.length, cprIncluded: false, cprRows: 0 },
      ]);
      expect(
        exports.some((a) => a.citizen_id === course.citizenId && a.entity_id === course.courseId),
      ).toBe(true);

      // Withdrawing the consent takes the CPR number out of the next export.
      const consentId = consent.json<{ id: string }>().id;
      expect(
        (await sara.post(`/api/courses/${course.courseId}/consents/${consentId}/withdraw`))
          .statusCode,
      ).toBe(200);
      const [, ...third] = await exportCsv('include');
      expect(third.filter((row) => row[column('cpr')] !== '').length).toBe(withCpr.length - 1);

      const xlsx = await analyst.get('/api/outcomes/export?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await analyst.get('/api/outcomes/export?format=pdf')).statusCode).toBe(400);
    });
  });
}
