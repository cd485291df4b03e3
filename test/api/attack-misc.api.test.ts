/**
 * Smaller attacks from the same run as the mail attacks (issue #12): an admin probing
 * other municipalities' e-mails by creating logins, text PostgreSQL cannot store in any
 * JSON field, and a course change of only the citizen's contact details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnstorableText } from '../../src/server/text-guard.js';
import { CASEWORKER, createCourseFixture } from '../helpers/course-fixture.js';
import { testDatabases } from '../helpers/databases.js';
import { demoAndOther, OTHER_ADMIN, signedIn } from '../helpers/demo-and-other.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';

describe('findUnstorableText', () => {
  it('names the first NUL or lone surrogate by its path, and passes whole pairs', () => {
    expect(findUnstorableText({ a: 'ok', b: [{ c: 'x\u0000' }] })).toBe('b.0.c');
    expect(findUnstorableText({ a: '\ud800' })).toBe('a');
    expect(findUnstorableText({ a: 'x\udc00y' })).toBe('a');
    expect(findUnstorableText({ a: 'smil 😀 æøå' })).toBeUndefined();
    expect(findUnstorableText({ 'bad\u0000key': 1 })).toBe('(body)');
    expect(findUnstorableText('\u0000')).toBe('(body)');
    expect(findUnstorableText(null)).toBeUndefined();
  });
});

for (const database of testDatabases()) {
  describe(`small attacks on ${database.name}`, () => {
    let t: TestApp;
    let admin: TestClient;
    let sara: TestClient;

    beforeAll(async () => {
      t = await startTestApp(database);
      await demoAndOther(t.handle.db);
      admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      sara = await signedIn(t.app, CASEWORKER);
    });
    afterAll(async () => t.close());

    describe('creating a login never tells whether another municipality has the e-mail', () => {
      const create = (email: string) =>
        admin.post('/api/users', {
          name: 'Prøve Person',
          email,
          role: 'sagsbehandler',
          password: 'a-long-password-1',
        });
      /** The answer without what differs for any two creations (id, e-mail, time). */
      const shape = (body: Record<string, unknown>) => {
        const { id, email, createdAt, ...rest } = body;
        return { ...rest, id: typeof id, email: typeof email, createdAt: typeof createdAt };
      };

      it('answers an e-mail taken elsewhere exactly as a fresh one, and each login stays in its own municipality', async () => {
        const taken = await create(OTHER_ADMIN.email);
        const fresh = await create('helt.ny@demo.dk');
        expect(taken.statusCode, taken.body).toBe(201);
        expect(fresh.statusCode).toBe(201);
        expect(shape(taken.json())).toEqual(shape(fresh.json()));
        const emails = (await admin.get('/api/users'))
          .json<{ email: string }[]>()
          .map((u) => u.email);
        expect(emails).toContain(OTHER_ADMIN.email);
        expect(emails).toContain('helt.ny@demo.dk');

        // Each password opens its own municipality's login, nothing more.
        const other = new TestClient(t.app);
        expect((await other.login(OTHER_ADMIN.email, OTHER_ADMIN.password)).statusCode).toBe(200);
        expect((await other.get('/api/me')).json()).toMatchObject({ role: 'admin' });
        const demoUnits = (await admin.get('/api/org')).json<{ units: { id: string }[] }>().units;
        const otherUnits = (await other.get('/api/org')).json<{ units: { id: string }[] }>().units;
        expect(otherUnits.some((u) => demoUnits.some((d) => d.id === u.id))).toBe(false);
        const made = new TestClient(t.app);
        expect((await made.login(OTHER_ADMIN.email, 'a-long-password-1')).statusCode).toBe(200);
        expect((await made.get('/api/me')).json()).toMatchObject({ role: 'sagsbehandler' });
        expect((await made.get('/api/users')).statusCode).toBe(403);
      });

      it('refuses a second login with the same e-mail in the same municipality (the list shows it)', async () => {
        const again = await create('HELT.NY@demo.dk');
        expect(again.statusCode).toBe(409);
        expect(again.json()).toMatchObject({
          code: 'conflict',
          message: {
            da: expect.stringContaining('Kommunen'),
            en: expect.stringContaining('municipality'),
          },
        });
      });
    });

    describe('NUL and lone surrogates give 400 naming the field, and change nothing', () => {
      it('in a unit name, a measurement title, a login and a nested survey answer', async () => {
        const units = async () => (await admin.get('/api/org')).json<{ units: unknown[] }>().units;
        const before = (await units()).length;
        const measurements = async () =>
          (await t.handle.db.selectFrom('measurement').select('id').execute()).length;
        const measurementsBefore = await measurements();
        const cases: [TestClient, string, string, unknown, string][] = [
          [admin, 'POST', '/api/org/units', { name: 'Enhed\u0000', kind: 'ekstern' }, 'name'],
          [admin, 'POST', '/api/org/units', { name: 'Enhed\ud800', kind: 'ekstern' }, 'name'],
          [
            admin,
            'POST',
            '/api/measurements',
            { title: 'ok', focalProcess: 'x\udfff', groups: [] },
            'focalProcess',
          ],
          [
            await new TestClient(t.app).start(),
            'POST',
            '/api/auth/login',
            { email: 'admin@demo.samspil.dk', password: 'pass\u0000word' },
            'password',
          ],
          [
            await new TestClient(t.app).start(),
            'PUT',
            `/api/survey/${crypto.randomUUID()}/${'x'.repeat(43)}/answers`,
            { answers: [{ target: '', item: 'ledelse1', value: 1 }, { target: '\u0000' }] },
            'answers.1.target',
          ],
        ];
        for (const [client, method, url, body, field] of cases) {
          const response = await client.request(method as 'POST', url, body);
          expect(response.statusCode, `${url} ${response.body}`).toBe(400);
          expect(response.json()).toMatchObject({
            code: 'validation_failed',
            message: { da: expect.stringContaining(field), en: expect.stringContaining(field) },
          });
        }
        expect((await units()).length).toBe(before);
        expect(await measurements()).toBe(measurementsBefore);
      });

      it('in a course change and in a query string', async () => {
        const course = await createCourseFixture(t.handle.db, sara);
        const changed = await sara.patch(`/api/courses/${course.courseId}`, {
          citizen: { name: 'Mette\ud83d' },
        });
        expect(changed.statusCode).toBe(400);
        expect(changed.json<{ message: { en: string } }>().message.en).toContain('citizen.name');
        const view = (await sara.get(`/api/courses/${course.courseId}`)).json<{
          citizen: { name: string };
        }>();
        expect(view.citizen.name).not.toContain('\ud83d');
        const query = await admin.get('/api/outbox?limit=%00');
        expect(query.statusCode).toBe(400);
        expect(query.json<{ message: { en: string } }>().message.en).toContain('limit');
      });
    });

    describe('PATCH /api/courses/:id', () => {
      it('changes only the citizen’s contact details', async () => {
        const course = await createCourseFixture(t.handle.db, sara);
        const changed = await sara.patch(`/api/courses/${course.courseId}`, {
          citizen: { phone: '12 34 56 78', address: 'Torvet 2' },
        });
        expect(changed.statusCode, changed.body).toBe(200);
        expect(changed.json()).toMatchObject({
          citizen: { phone: '12 34 56 78', address: 'Torvet 2' },
        });
        const again = (await sara.get(`/api/courses/${course.courseId}`)).json();
        expect(again).toMatchObject({ citizen: { phone: '12 34 56 78', address: 'Torvet 2' } });
        const nothing = await sara.patch(`/api/courses/${course.courseId}`, {});
        expect(nothing.statusCode, nothing.body).toBe(200);
      });
    });
  });
}
