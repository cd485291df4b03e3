/**
 * Measurements through the HTTP API on each test database: design, invitations,
 * answering by personal link, anonymity of counts, reminders, closing and import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.js';
import { createMeasurement, surveyLinks } from '../helpers/measurement-fixture.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import type { Survey } from '../../contract/measurements.schema.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

const RK = ['videndeling', 'kendskab', 'samarbejde', 'problemloesning', 'innovation', 'respekt'];

for (const database of testDatabases()) {
  describe(`measurements API on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let measurementId: string;
    let links: Map<string, string>;
    let respondent: TestClient;

    beforeAll(async () => {
      t = await startDemoApp(database);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      respondent = new TestClient(t.app);
    });
    afterAll(async () => t.close());

    describe('design', () => {
      it('refuses a minimum group size of 2, low above high and closing before opening', async () => {
        const base = { title: 'M', focalProcess: 'xx' };
        const small = await owner.post('/api/measurements', { ...base, minGroup: 2 });
        expect(small.statusCode).toBe(400);
        expect(small.json()).toMatchObject({ code: 'validation_failed' });
        const thresholds = await owner.post('/api/measurements', {
          ...base,
          thresholdHigh: 3,
          thresholdLow: 4,
        });
        expect(thresholds.statusCode).toBe(400);
        expect(thresholds.json<{ message: { en: string } }>().message.en).toMatch(/low threshold/);
        const dates = await owner.post('/api/measurements', {
          ...base,
          opensAt: '2030-02-01T00:00:00Z',
          closesAt: '2030-01-01T00:00:00Z',
        });
        expect(dates.statusCode).toBe(400);
      });

      it('creates a draft with the default wording, editable until it opens', async () => {
        const { id } = await createMeasurement(owner, ['Jobcenter', 'Misbrugscenter', 'Bostøtte']);
        measurementId = id;
        const detail = (await owner.get(`/api/measurements/${id}`)).json<{
          measurement: { items: Record<string, { da: string }>; status: string; minGroup: number };
          groups: unknown[];
        }>();
        expect(detail.measurement.status).toBe('draft');
        expect(detail.measurement.minGroup).toBe(5);
        expect(detail.groups).toHaveLength(3);
        expect(detail.measurement.items.respekt?.da).toContain('respekterer mit arbejde med {xx}');
        const edited = await owner.patch(`/api/measurements/${id}`, {
          items: {
            respekt: {
              da: 'Mine kolleger i disse grupper respekterer mit arbejde med {xx}!',
              en: 'Respect {xx}',
            },
          },
        });
        expect(edited.statusCode).toBe(200);
        expect(edited.json<{ items: Record<string, { da: string }> }>().items.respekt?.da).toMatch(
          /!$/,
        );
      });

      it('refuses to open without invitations', async () => {
        const response = await owner.post(`/api/measurements/${measurementId}/open`);
        expect(response.statusCode).toBe(400);
        expect(response.json<{ message: { en: string } }>().message.en).toMatch(
          /Invite at least one/,
        );
      });

      it('invites by unit and role, then opens and sends one mail per person to the outbox', async () => {
        const org = (await owner.get('/api/org')).json<{ units: { id: string; name: string }[] }>();
        const unitIds = ['Jobcenter', 'Misbrugscenter', 'Bostøtte'].map(
          (n) => org.units.find((u) => u.name === n)!.id,
        );
        const invited = await owner.post(`/api/measurements/${measurementId}/invitations`, {
          unitIds,
        });
        expect(invited.statusCode).toBe(200);
        const { added } = invited.json<{ added: number }>();
        // Misbrugscenter: 14 staff and the demo's network professional (fagperson@).
        expect(added).toBe(24 + 15 + 16);
        const again = await owner.post(`/api/measurements/${measurementId}/invitations`, {
          unitIds,
        });
        expect(again.json()).toMatchObject({ added: 0 });

        const opened = await owner.post(`/api/measurements/${measurementId}/open`);
        expect(opened.statusCode).toBe(200);
        expect(opened.json()).toMatchObject({ sent: added, measurement: { status: 'open' } });
        links = await surveyLinks(t.handle.db, measurementId);
        expect(links.size).toBe(added);
        const outbox = (await owner.get('/api/outbox')).json<{
          smtpConfigured: boolean;
          mails: { status: string }[];
        }>();
        expect(outbox.smtpConfigured).toBe(false);
        expect(outbox.mails.every((m) => m.status === 'outbox')).toBe(true);
      });

      it('locks items and settings once open; only title and closing date can change', async () => {
        const locked = await owner.patch(`/api/measurements/${measurementId}`, {
          items: { respekt: { da: 'x', en: 'x' } },
        });
        expect(locked.statusCode).toBe(409);
        const extended = await owner.patch(`/api/measurements/${measurementId}`, {
          closesAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
        });
        expect(extended.statusCode).toBe(200);
      });
    });

    describe('answering by personal link', () => {
      let link: string;
      let survey: Survey;

      beforeAll(async () => {
        link = [...links.values()][0]!;
        survey = (await respondent.get(link)).json<Survey>();
      });

      it('shows the items with the focal process and the groups to choose from', () => {
        expect(survey.measurement.items.respekt?.da).toBe(
          'Mine kolleger i disse grupper respekterer mit arbejde med borgere med dobbeltdiagnose!',
        );
        expect(survey.groups.map((g) => g.name)).toEqual([
          'Bostøtte',
          'Jobcenter',
          'Misbrugscenter',
        ]);
        expect(survey.finished).toBe(false);
        expect(survey.answers).toEqual([]);
        expect(survey.measurement.minGroup).toBe(5);
        // The leadership items keep Samspil's own wording, and the survey says so.
        expect(survey.measurement.samspilWording).toBe(true);
      });

      it('refuses a forged token, a token of another measurement, and a malformed one', async () => {
        const [, , measurement, token] = link.split('/').slice(1);
        expect(
          (await respondent.get(`/api/survey/${measurement}/${'A'.repeat(43)}`)).statusCode,
        ).toBe(404);
        const other = await createMeasurement(owner, ['Jobcenter', 'Skole']);
        expect((await respondent.get(`/api/survey/${other.id}/${token}`)).statusCode).toBe(404);
        expect((await respondent.get(`/api/survey/${measurement}/short`)).statusCode).toBe(404);
      });

      it('saves chosen groups and answers idempotently; the last write wins', async () => {
        const targets = survey.groups.slice(0, 2).map((g) => g.id);
        expect(
          (await respondent.request('PUT', `${link}/groups`, { unitIds: targets })).statusCode,
        ).toBe(200);
        const first = RK.map((item) => ({ target: targets[0]!, item, value: 4 }));
        const responses = await Promise.all([
          respondent.request('PUT', `${link}/answers`, { answers: first }),
          respondent.request('PUT', `${link}/answers`, { answers: first }),
        ]);
        expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
        await respondent.request('PUT', `${link}/answers`, {
          answers: [
            { target: targets[0]!, item: 'respekt', value: 2 },
            { target: targets[1]!, item: 'kendskab', value: 'dk' },
            { target: '', item: 'ledelse1', value: 5 },
          ],
        });
        const again = (await respondent.get(link)).json<Survey>();
        expect(again.chosenGroups).toEqual(targets);
        expect(again.answers).toHaveLength(8);
        expect(again.answers.find((a) => a.item === 'respekt')?.value).toBe(2);
        expect(
          again.answers.find((a) => a.item === 'kendskab' && a.target === targets[1])?.value,
        ).toBe('dk');
        const stored = await t.handle.db
          .selectFrom('answer')
          .selectAll()
          .where('measurement_id', '=', measurementId)
          .execute();
        expect(stored).toHaveLength(8);
      });

      it('has exactly one respondent even when the first saves race', async () => {
        const fresh = [...links.values()][1]!;
        const first = (await respondent.get(fresh)).json<Survey>();
        const groups = first.groups.map((g) => g.id);
        await Promise.all([
          respondent.request('PUT', `${fresh}/groups`, { unitIds: groups }),
          respondent.request('PUT', `${fresh}/answers`, {
            answers: [{ target: '', item: 'ledelse2', value: 3 }],
          }),
          respondent.request('PUT', `${fresh}/answers`, {
            answers: [{ target: '', item: 'ledelse3', value: 3 }],
          }),
        ]);
        const count = await t.handle.db
          .selectFrom('respondent')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('measurement_id', '=', measurementId)
          .executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(2);
        expect((await respondent.get(fresh)).json<Survey>().answers).toHaveLength(2);
      });

      it('rejects values 0, 6, 3.5, "five" and arrays, unknown items and targets, and 10 000 answers', async () => {
        const target = survey.groups[0]!.id;
        for (const value of [0, 6, 3.5, 'five', [4]]) {
          const response = await respondent.request('PUT', `${link}/answers`, {
            answers: [{ target, item: 'respekt', value }],
          });
          expect(response.statusCode, String(value)).toBe(400);
        }
        const unknownItem = await respondent.request('PUT', `${link}/answers`, {
          answers: [{ target, item: 'hacking', value: 3 }],
        });
        expect(unknownItem.statusCode).toBe(400);
        const notChosen = await respondent.request('PUT', `${link}/answers`, {
          answers: [{ target: survey.groups[2]!.id, item: 'respekt', value: 3 }],
        });
        expect(notChosen.statusCode).toBe(400);
        const many = Array.from({ length: 10_000 }, () => ({ target, item: 'respekt', value: 3 }));
        const tooMany = await respondent.request('PUT', `${link}/answers`, { answers: many });
        expect(tooMany.statusCode).toBe(413);
        expect(tooMany.json()).toMatchObject({ code: 'payload_too_large' });
        const justOver = Array.from({ length: 501 }, () => ({ target, item: 'respekt', value: 3 }));
        expect(
          (await respondent.request('PUT', `${link}/answers`, { answers: justOver })).statusCode,
        ).toBe(400);
        const huge = await respondent.request('PUT', `${link}/answers`, {
          answers: [],
          pad: 'x'.repeat(5 * 1024 * 1024),
        });
        expect(huge.statusCode).toBe(413);
        expect(
          (await respondent.get(link)).json<Survey>().answers.find((a) => a.item === 'respekt')
            ?.value,
        ).toBe(2);
      });

      it('submits once; afterwards the link shows "finished" and nothing joins it to the answers', async () => {
        expect((await respondent.post(`${link}/submit`)).statusCode).toBe(200);
        expect((await respondent.post(`${link}/submit`)).statusCode).toBe(200);
        const after = (await respondent.get(link)).json<Survey>();
        expect(after.finished).toBe(true);
        expect(after.answers).toEqual([]);
        const late = await respondent.request('PUT', `${link}/answers`, {
          answers: [{ target: '', item: 'ledelse1', value: 1 }],
        });
        expect(late.statusCode).toBe(409);
        const invitation = await t.handle.db
          .selectFrom('invitation')
          .selectAll()
          .where('measurement_id', '=', measurementId)
          .where('status', '=', 'finished')
          .executeTakeFirstOrThrow();
        expect(invitation.respondent_ref).toBeNull();
        expect(invitation.token_sealed).toBeNull();
        expect(Object.keys(invitation)).not.toContain('respondent_id');
      });
    });

    describe('while it runs', () => {
      it('shows finished counts only in steps of the minimum group while open', async () => {
        const rates = (await owner.get(`/api/measurements/${measurementId}/responses`)).json<{
          invited: number;
          step: number | null;
          finished: number | null;
          units: { unitName: string; finished: number | null; suppressed: boolean }[];
        }>();
        expect(rates.invited).toBe(55);
        expect(rates.step).toBe(5);
        // One has finished: rounded down to the step, nobody can see that one submission.
        expect(rates.finished).toBe(0);
        expect(rates.units.every((u) => u.finished === 0)).toBe(true);

        for (const link of [...links.values()].slice(1, 8)) {
          expect((await respondent.post(`${link}/submit`)).statusCode).toBe(200);
        }
        const later = (await owner.get(`/api/measurements/${measurementId}/responses`)).json<{
          finished: number | null;
          units: { finished: number | null; suppressed: boolean }[];
        }>();
        expect(later.finished).toBe(5);
        expect(later.units.every((u) => u.finished !== null && u.finished % 5 === 0)).toBe(true);
        // While open there is no analysis to subtract from.
        const analysis = await owner.get(`/api/measurements/${measurementId}/analysis`);
        expect(analysis.statusCode).toBe(409);
      });

      it('reminds those not finished, once a day, without naming them', async () => {
        const first = await owner.post(`/api/measurements/${measurementId}/remind`);
        expect(first.json()).toEqual({ reminded: 55 - 8 });
        const second = await owner.post(`/api/measurements/${measurementId}/remind`);
        expect(second.json()).toEqual({ reminded: 0 });
      });

      it('closes; the link then answers 410 with a friendly message', async () => {
        const link = [...links.values()][20]!;
        expect((await owner.post(`/api/measurements/${measurementId}/close`)).statusCode).toBe(200);
        const closed = await respondent.get(link);
        expect(closed.statusCode).toBe(410);
        expect(closed.json()).toMatchObject({
          code: 'closed',
          message: { da: expect.stringContaining('lukket') },
        });
        const save = await respondent.request('PUT', `${link}/answers`, {
          answers: [{ target: '', item: 'ledelse1', value: 1 }],
        });
        expect(save.statusCode).toBe(410);
      });

      it('shows leaders no drafts', async () => {
        const leader = await signedIn(t.app, 'leder@demo.samspil.dk');
        const { id } = await createMeasurement(owner, ['Jobcenter', 'Skole']);
        const list = (await leader.get('/api/measurements')).json<
          { id: string; status: string }[]
        >();
        expect(list.some((m) => m.id === id)).toBe(false);
        expect(list.every((m) => m.status !== 'draft')).toBe(true);
        expect((await leader.get(`/api/measurements/${id}`)).statusCode).toBe(404);
        expect((await leader.get(`/api/measurements/${measurementId}`)).statusCode).toBe(200);
      });

      it('keeps other municipalities and caseworkers out', async () => {
        const caseworker = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
        expect((await caseworker.get(`/api/measurements/${measurementId}`)).statusCode).toBe(403);
        expect(
          (await caseworker.post('/api/measurements', { title: 'x', focalProcess: 'y' }))
            .statusCode,
        ).toBe(403);
      });
    });

    describe('import instead of survey', () => {
      const header = 'respondent;unit;role;target;item;value;wave;arm;case\n';

      it('imports a long CSV all or nothing, and a second import of the same file changes nothing', async () => {
        const { id } = await createMeasurement(owner, ['Jobcenter', 'Skole'], { waveLabel: 'før' });
        let csv = header;
        for (let r = 1; r <= 6; r++) {
          for (const item of RK)
            csv += `r${r};Jobcenter;medarbejder;Skole;${item};${(r % 5) + 1};før;;\n`;
          csv += `r${r};Jobcenter;medarbejder;;ledelse1;ved ikke;før;;\n`;
        }
        const preview = await owner.upload(`/api/measurements/${id}/import`, 'svar.csv', csv);
        expect(preview.json()).toMatchObject({
          committed: false,
          rows: 42,
          respondents: 6,
          errors: [],
        });
        const count = async () =>
          Number(
            (
              await t.handle.db
                .selectFrom('answer')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('measurement_id', '=', id)
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(await count()).toBe(0);
        expect(
          (await owner.upload(`/api/measurements/${id}/import?commit=true`, 'svar.csv', csv))
            .statusCode,
        ).toBe(200);
        expect(await count()).toBe(42);
        expect(
          (await owner.upload(`/api/measurements/${id}/import?commit=true`, 'svar.csv', csv))
            .statusCode,
        ).toBe(200);
        expect(await count()).toBe(42);
      });

      it('rejects unknown units, foreign waves and bad rows, and imports nothing', async () => {
        const { id } = await createMeasurement(owner, ['Jobcenter', 'Skole'], { waveLabel: 'før' });
        const unknown = header + 'r1;Månebasen;leder;Skole;respekt;4;før;;\n';
        const a = await owner.upload(
          `/api/measurements/${id}/import?commit=true`,
          'svar.csv',
          unknown,
        );
        expect(a.statusCode).toBe(422);
        expect(JSON.stringify(a.json())).toContain('Månebasen');
        const waves =
          header +
          'r1;Jobcenter;leder;Skole;respekt;4;før;;\nr2;Jobcenter;leder;Skole;respekt;4;efter;;\n';
        const b = await owner.upload(
          `/api/measurements/${id}/import?commit=true`,
          'svar.csv',
          waves,
        );
        expect(b.statusCode).toBe(422);
        expect(JSON.stringify(b.json())).toContain('efter');
        const bad = header + 'r1;Jobcenter;leder;Skole;respekt;6;før;;\n';
        const c = await owner.upload(`/api/measurements/${id}/import?commit=true`, 'svar.csv', bad);
        expect(c.statusCode).toBe(422);
        expect(c.json<{ details: { errors: { line: number }[] } }>().details.errors[0]?.line).toBe(
          2,
        );
        const answers = await t.handle.db
          .selectFrom('answer')
          .select('item')
          .where('measurement_id', '=', id)
          .execute();
        expect(answers).toEqual([]);
      });
    });
  });
}
