/**
 * Groups by profession across units, through the HTTP API on each test database:
 * professions in the organisation import and on a person, a measurement whose groups
 * are professions, answering it, and its analysis with professions as nodes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, Person } from '../../contract/org.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { surveyLinks } from '../helpers/measurement-fixture.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';

const RK = ['videndeling', 'kendskab', 'samarbejde', 'problemloesning', 'innovation', 'respekt'];

interface Survey {
  measurement: { items: Record<string, { da: string }>; groupKind: string };
  groups: { id: string; name: string }[];
  ownUnitId: string;
}
interface Tie {
  from: string;
  to: string;
  n: number;
  score: number | null;
  suppressed: boolean;
}

/** Six social workers and six nurses across two new units, and one person without a profession. */
function orgFile(): string {
  const rows = ['område;enhed;type;navn;email;rolle;fag'];
  for (let i = 0; i < 12; i++) {
    const unit = i % 2 === 0 ? 'Socialcenter Nord;myndighed' : 'Sundhedshuset;udfører';
    // Mixed case and spaces: stored normalised, so both spellings are one group.
    const profession =
      i < 6 ? (i % 3 === 0 ? ' Socialrådgiver ' : 'socialrådgiver') : 'Sygeplejerske';
    rows.push(`Social;${unit};Fag ${i};fag${i}@demo.dk;medarbejder;${profession}`);
  }
  rows.push('Social;Sundhedshuset;udfører;Uden Fag;udenfag@demo.dk;medarbejder;');
  return rows.join('\r\n') + '\r\n';
}

for (const database of testDatabases()) {
  describe(`professions API on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let people: Person[];

    beforeAll(async () => {
      t = await startDemoApp(database);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
    });
    afterAll(async () => t.close());

    const orgPeople = async () => (await owner.get('/api/org')).json<{ people: Person[] }>().people;

    it('imports professions from the column "fag", normalised', async () => {
      const tooLong = await owner.upload(
        '/api/org/import?commit=true',
        'org.csv',
        `enhed;navn;email;fag\r\nSocialcenter Nord;A;a@demo.dk;${'x'.repeat(41)}\r\n`,
      );
      expect(tooLong.statusCode).toBe(422);
      const errors = tooLong.json<{ details: { errors: { message: { da: string } }[] } }>().details
        .errors;
      expect(errors.map((e) => e.message.da)).toContainEqual(
        expect.stringMatching(/fag er for langt/),
      );
      const preview = await owner.upload('/api/org/import?commit=false', 'org.csv', orgFile());
      const plan = preview.json<ImportReport>();
      expect(plan.errors).toEqual([]);
      expect(plan.plan.people.map((p) => p.profession)).toContain('socialrådgiver');
      const done = await owner.upload('/api/org/import?commit=true', 'org.csv', orgFile());
      expect(done.json<ImportReport>().committed).toBe(true);
      people = (await orgPeople()).filter((p) => /^(fag\d+|udenfag)@demo\.dk$/.test(p.email));
      expect(people).toHaveLength(13);
      const professions = people.map((p) => p.profession);
      expect(professions.filter((p) => p === 'socialrådgiver')).toHaveLength(6);
      expect(professions.filter((p) => p === 'sygeplejerske')).toHaveLength(6);
      expect(professions.filter((p) => p === null)).toHaveLength(1);
    });

    it('sets and clears a person’s profession', async () => {
      const person = people.find((p) => p.email === 'udenfag@demo.dk')!;
      const set = await owner.patch(`/api/org/people/${person.id}`, { profession: '  Psykolog ' });
      expect(set.statusCode).toBe(200);
      expect(set.json<Person>().profession).toBe('psykolog');
      const cleared = await owner.patch(`/api/org/people/${person.id}`, { profession: '' });
      expect(cleared.json<Person>().profession).toBeNull();
      const long = await owner.patch(`/api/org/people/${person.id}`, {
        profession: 'x'.repeat(41),
      });
      expect(long.statusCode).toBe(400);
    });

    it('refuses a profession measurement with units, or with fewer than two professions', async () => {
      const base = {
        title: 'Fag',
        focalProcess: 'borgere med dobbeltdiagnose',
        groupKind: 'profession',
      };
      const withUnits = await owner.post('/api/measurements', {
        ...base,
        professions: [{ name: 'socialrådgiver' }, { name: 'sygeplejerske' }],
        groups: [{ unitId: people[0]!.unitId }],
      });
      expect(withUnits.statusCode).toBe(400);
      expect(withUnits.json<{ message: { en: string } }>().message.en).toMatch(
        /no units as groups/,
      );
      const twice = await owner.post('/api/measurements', {
        ...base,
        professions: [{ name: 'Psykolog' }, { name: 'psykolog ' }],
      });
      expect(twice.statusCode).toBe(400);
      const one = await owner.post('/api/measurements', {
        ...base,
        professions: [{ name: 'socialrådgiver' }],
      });
      expect(one.statusCode).toBe(201);
      const id = one.json<{ id: string }>().id;
      const social = people.filter((p) => p.profession === 'socialrådgiver').map((p) => p.id);
      expect(
        (await owner.post(`/api/measurements/${id}/invitations`, { personIds: social })).statusCode,
      ).toBe(200);
      const open = await owner.post(`/api/measurements/${id}/open`);
      expect(open.statusCode).toBe(400);
      expect(open.json<{ message: { da: string } }>().message.da).toMatch(/mindst to grupper/);
    });

    it('is created, invited, answered and analysed with professions as groups', async () => {
      const created = await owner.post('/api/measurements', {
        title: 'Samarbejde på tværs af fag',
        focalProcess: 'borgere med dobbeltdiagnose',
        groupKind: 'profession',
        professions: [{ name: 'Socialrådgiver' }, { name: 'sygeplejerske', arm: 'intervention' }],
        chooseGroups: false,
        includeLeadership: false,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string; groupKind: string }>().id;
      expect(created.json<{ groupKind: string }>().groupKind).toBe('profession');
      const detail = (await owner.get(`/api/measurements/${id}`)).json<{
        groups: { id: string; name: string; kind: string }[];
      }>();
      expect(detail.groups.map((g) => [g.name, g.kind])).toEqual([
        ['socialrådgiver', 'profession'],
        ['sygeplejerske', 'profession'],
      ]);

      // Inviting the units would include the person without a profession.
      const units = [...new Set(people.map((p) => p.unitId))];
      const refused = await owner.post(`/api/measurements/${id}/invitations`, { unitIds: units });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ message: { da: string; en: string } }>().message).toMatchObject({
        da: expect.stringContaining('har intet fag: Uden Fag') as unknown,
        en: expect.stringContaining('have no profession: Uden Fag') as unknown,
      });
      const nobody = await t.handle.db
        .selectFrom('invitation')
        .select('id')
        .where('measurement_id', '=', id)
        .execute();
      expect(nobody).toEqual([]);
      // A person of another profession, chosen by name, is refused too.
      const other = people.find((p) => p.email === 'udenfag@demo.dk')!;
      await owner.patch(`/api/org/people/${other.id}`, { profession: 'psykolog' });
      const outside = await owner.post(`/api/measurements/${id}/invitations`, {
        personIds: [other.id],
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json<{ message: { en: string } }>().message.en).toMatch(
        /Uden Fag \(psykolog\)/,
      );
      // By unit, people of other professions are left out.
      const invited = await owner.post(`/api/measurements/${id}/invitations`, { unitIds: units });
      expect(invited.json()).toMatchObject({ added: 12, matched: 12 });
      expect((await owner.post(`/api/measurements/${id}/open`)).statusCode).toBe(200);
      // Response rates count per profession, never also per unit (no subtraction).
      const rates = (await owner.get(`/api/measurements/${id}/responses`)).json<{
        units: { unitId: string; unitName: string; invited: number }[];
      }>();
      expect(rates.units.map((u) => [u.unitId, u.unitName, u.invited])).toEqual([
        ['socialrådgiver', 'socialrådgiver', 6],
        ['sygeplejerske', 'sygeplejerske', 6],
      ]);

      const links = await surveyLinks(t.handle.db, id);
      expect(links.size).toBe(12);
      const respondent = new TestClient(t.app);
      for (const [email, link] of links) {
        const survey = (await respondent.get(link)).json<Survey>();
        const own = people.find((p) => p.email === email)!.profession;
        expect(survey.measurement.groupKind).toBe('profession');
        expect(survey.groups.map((g) => g.id)).toEqual(['socialrådgiver', 'sygeplejerske']);
        expect(survey.ownUnitId).toBe(own);
        expect(survey.measurement.items.videndeling!.da).toMatch(/kolleger i disse faggrupper/);
        // Social workers rate nurses 2 and each other 5; nurses rate everyone 4.
        const answers = survey.groups.flatMap((g) =>
          RK.map((item) => ({
            target: g.id,
            item,
            value: own === 'sygeplejerske' ? 4 : g.id === own ? 5 : 2,
          })),
        );
        const unknownTarget = await respondent.request('PUT', `${link}/answers`, {
          answers: [{ target: people[0]!.unitId, item: 'respekt', value: 3 }],
        });
        expect(unknownTarget.statusCode).toBe(400);
        const saved = await respondent.request('PUT', `${link}/answers`, { answers });
        expect(saved.statusCode, saved.body).toBe(200);
        expect((await respondent.post(`${link}/submit`)).statusCode).toBe(200);
      }
      const respondents = await t.handle.db
        .selectFrom('respondent')
        .select(['profession', 'arm'])
        .where('measurement_id', '=', id)
        .execute();
      expect(respondents.filter((r) => r.profession === 'sygeplejerske')).toHaveLength(6);
      expect(
        respondents.every(
          (r) => r.arm === (r.profession === 'sygeplejerske' ? 'intervention' : null),
        ),
      ).toBe(true);

      expect((await owner.post(`/api/measurements/${id}/close`)).statusCode).toBe(200);
      const analysis = await owner.get(`/api/measurements/${id}/analysis`);
      expect(analysis.statusCode, analysis.body).toBe(200);
      const ties = analysis.json<{ result: { waves: { ties: Tie[] }[] } }>().result.waves[0]!.ties;
      const tie = (from: string, to: string) => ties.find((x) => x.from === from && x.to === to);
      expect(tie('socialrådgiver', 'sygeplejerske')).toMatchObject({
        n: 6,
        score: 2,
        suppressed: false,
      });
      // Ratings of one's own group are not ties of the network.
      expect(tie('socialrådgiver', 'socialrådgiver')).toBeUndefined();
      expect(tie('sygeplejerske', 'socialrådgiver')).toMatchObject({ n: 6, score: 4 });
    });
  });
}
