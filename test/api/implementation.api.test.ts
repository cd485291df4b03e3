/**
 * Implementation surveys of staff through the HTTP API on each test database: item sets
 * (default, editing, validation), a survey on the measurement machinery (invitations by
 * mail, personal links, autosave that can be repeated, submission only when complete),
 * nothing published while open, and the report with its suppression, attacked by
 * subtraction across the unit and the role cut (docs/implementation.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_IMPLEMENTATION_ITEMS,
  IMPLEMENTATION_OPTIONS,
} from '../../contract/implementation.js';
import type {
  ImplementationReport,
  ImplementationSurveyView,
  ItemSetView,
} from '../../contract/implementation.schema.js';
import type { Survey } from '../../contract/measurements.schema.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { testDatabases } from '../helpers/databases.js';
import { surveyLinks } from '../helpers/measurement-fixture.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import { personIdOf } from '../helpers/course-fixture.js';
import { createLogin, signedIn } from '../helpers/demo-and-other.js';

/** The attack's organisation: unit → [leaders, employees] who submit. */
const SIZES: Record<string, [number, number]> = {
  'Impl A': [2, 2],
  'Impl B': [0, 3],
  'Impl C': [0, 10],
  'Impl D': [8, 0],
};

for (const database of testDatabases()) {
  describe(`implementation surveys API on ${database.name}`, () => {
    let t: TestApp;
    let owner: TestClient;
    let anonymous: TestClient;
    let setId: string;
    let survey: ImplementationSurveyView;
    const unitIds = new Map<string, string>();

    beforeAll(async () => {
      t = await startTestApp(database);
      const municipalityId = await createDemoMunicipality(t.handle.db);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      anonymous = new TestClient(t.app);
      for (const [name, [leaders, employees]] of Object.entries(SIZES)) {
        const unit = await t.handle.db
          .insertInto('unit')
          .values({
            municipality_id: municipalityId,
            name,
            kind: 'udfører',
            area_id: null,
            archived_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        unitIds.set(name, unit.id);
        // One extra employee in C who will only autosave.
        const extra = name === 'Impl C' ? 1 : 0;
        const people = [
          ...Array.from({ length: leaders }, () => 'leder' as const),
          ...Array.from({ length: employees + extra }, () => 'medarbejder' as const),
        ].map((role, i) => ({
          municipality_id: municipalityId,
          unit_id: unit.id,
          name: `${name} ${role} ${i}`,
          email: `${name.replace(' ', '').toLowerCase()}-${role}-${i}@impl.test`,
          role,
          archived_at: null,
        }));
        await t.handle.db.insertInto('person').values(people).execute();
      }
    });
    afterAll(async () => t.close());

    it('lists the built-in default set of the four core elements', async () => {
      const sets = (await owner.get('/api/implementation/item-sets')).json<ItemSetView[]>();
      expect(sets[0]).toMatchObject({ id: 'standard', builtIn: true });
      expect(sets[0]!.items).toHaveLength(DEFAULT_IMPLEMENTATION_ITEMS.length);
      expect(new Set(sets[0]!.items.map((i) => i.element))).toEqual(
        new Set(['plan', 'indgange', 'progression', 'maal']),
      );
      expect(new Set(sets[0]!.items.map((i) => i.scale))).toEqual(new Set(['enig', 'grad']));
    });

    it('creates and edits an item set, refusing duplicate keys, bad keys and taken names', async () => {
      const items = DEFAULT_IMPLEMENTATION_ITEMS.slice(0, 3);
      const created = await owner.post('/api/implementation/item-sets', {
        name: 'Vores sæt',
        items,
      });
      expect(created.statusCode, created.body).toBe(201);
      setId = created.json<ItemSetView>().id;

      const twice = await owner.post('/api/implementation/item-sets', {
        name: 'Andet',
        items: [items[0], items[0]],
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.json<{ message: { da: string } }>().message.da).toMatch(/brugt to gange/);
      const badKey = await owner.post('/api/implementation/item-sets', {
        name: 'Andet',
        items: [{ ...items[0], key: 'Æble nøgle' }],
      });
      expect(badKey.statusCode).toBe(400);
      const badScale = await owner.post('/api/implementation/item-sets', {
        name: 'Andet',
        items: [{ ...items[0], scale: 'ja-nej' }],
      });
      expect(badScale.statusCode).toBe(400);
      const taken = await owner.post('/api/implementation/item-sets', { name: 'vores SÆT', items });
      expect(taken.statusCode).toBe(409);

      const edited = await owner.request('PUT', `/api/implementation/item-sets/${setId}`, {
        name: 'Vores sæt',
        items: [...items, { key: 'egen', element: 'maal', scale: 'grad', da: 'Eget?', en: 'Own?' }],
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json<ItemSetView>().items.map((i) => i.key)).toContain('egen');

      const sets = (await owner.get('/api/implementation/item-sets')).json<ItemSetView[]>();
      expect(sets.map((s) => s.name)).toEqual([expect.stringMatching(/standard/), 'Vores sæt']);

      const caseworker = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
      expect((await caseworker.get('/api/implementation/item-sets')).statusCode).toBe(403);
      expect(
        (await caseworker.post('/api/implementation/item-sets', { name: 'x', items })).statusCode,
      ).toBe(403);
    });

    it('creates a survey from the edited set and invites the units', async () => {
      const response = await owner.post('/api/implementation/surveys', {
        title: 'Implementering af Én plan 2026',
        itemSetId: setId,
        unitIds: [...unitIds.values()],
      });
      expect(response.statusCode, response.body).toBe(201);
      survey = response.json<ImplementationSurveyView>();
      expect(survey).toMatchObject({ status: 'draft', minGroup: 5 });
      expect(survey.items.map((i) => i.key)).toEqual([
        'plan-samlet',
        'plan-borger',
        'plan-adgang',
        'egen',
      ]);
      // Editing the set now does not change the survey's copy.
      await owner.request('PUT', `/api/implementation/item-sets/${setId}`, {
        name: 'Vores sæt',
        items: DEFAULT_IMPLEMENTATION_ITEMS.slice(0, 1),
      });
      const again = (
        await owner.get(`/api/implementation/surveys/${survey.id}`)
      ).json<ImplementationSurveyView>();
      expect(again.items).toHaveLength(4);
      // Implementation surveys stay out of the network measurements' list.
      const network = (await owner.get('/api/measurements')).json<{ id: string }[]>();
      expect(network.map((m) => m.id)).not.toContain(survey.id);
      const report = await owner.get(`/api/implementation/surveys/${survey.id}/report`);
      expect(report.statusCode).toBe(409);
    });

    it('answers by personal link: autosave repeats safely, submission needs every item', async () => {
      const opened = await owner.post(`/api/implementation/surveys/${survey.id}/open`);
      expect(opened.statusCode, opened.body).toBe(200);
      const links = await surveyLinks(t.handle.db, survey.id);
      expect(links.size).toBe(26);
      const link = links.get('implc-medarbejder-0@impl.test')!;
      const page = (await anonymous.get(link)).json<Survey>();
      expect(page.measurement.kind).toBe('implementation');
      expect(page.measurement.implementationItems.map((i) => i.key)).toContain('egen');

      const save = (answers: unknown[]) => anonymous.request('PUT', `${link}/answers`, { answers });
      const first = [{ target: '', item: 'plan-samlet', value: 5 }];
      expect((await save(first)).statusCode).toBe(200);
      expect((await save(first)).statusCode).toBe(200);
      expect((await save([{ target: '', item: 'videndeling', value: 3 }])).statusCode).toBe(400);
      expect(
        (await save([{ target: unitIds.get('Impl A'), item: 'plan-samlet', value: 3 }])).statusCode,
      ).toBe(400);
      const early = await anonymous.post(`${link}/submit`);
      expect(early.statusCode).toBe(400);
      expect(early.json<{ message: { da: string } }>().message.da).toMatch(/3 mangler/);
      const saved = (await anonymous.get(link)).json<Survey>();
      expect(saved.answers).toEqual([{ target: '', item: 'plan-samlet', value: 5 }]);

      // Everyone but one extra employee of C answers and submits: leaders "Meget enig" on
      // the first item, employees "Enig", and "Ved ikke" on the last item.
      const people = await t.handle.db
        .selectFrom('person')
        .select(['email', 'role'])
        .where('email', 'like', '%@impl.test')
        .execute();
      for (const person of people) {
        if (person.email === 'implc-medarbejder-10@impl.test') continue;
        const own = links.get(person.email)!;
        const answers = survey.items.map((item, i) => ({
          target: '',
          item: item.key,
          value: i === 0 ? (person.role === 'leder' ? 5 : 4) : i === 3 ? 'dk' : 3,
        }));
        const put = await anonymous.request('PUT', `${own}/answers`, { answers });
        expect(put.statusCode, put.body).toBe(200);
        expect((await anonymous.post(`${own}/submit`)).statusCode).toBe(200);
      }
      const lastOne = links.get('implc-medarbejder-10@impl.test')!;
      await anonymous.request('PUT', `${lastOne}/answers`, {
        answers: [{ target: '', item: 'plan-samlet', value: 1 }],
      });
      const counts = (await owner.get(`/api/implementation/surveys/${survey.id}/responses`)).json<{
        invited: number;
        finished: number;
        step: number;
      }>();
      expect(counts).toEqual({ invited: 26, finished: 25, step: 5 });
      expect((await owner.get(`/api/implementation/surveys/${survey.id}/report`)).statusCode).toBe(
        409,
      );
    });

    it('reports % per option with n, hiding what a subtraction across cuts would reveal', async () => {
      expect((await owner.post(`/api/implementation/surveys/${survey.id}/close`)).statusCode).toBe(
        200,
      );
      const report = (
        await owner.get(`/api/implementation/surveys/${survey.id}/report`)
      ).json<ImplementationReport>();
      const groups = Object.fromEntries(report.groups.map((g) => [g.key, g]));
      const unit = (name: string) => groups[`unit:${unitIds.get(name)}`]!;
      expect(groups.total).toMatchObject({ n: 25, suppressed: false });
      expect(unit('Impl A')).toMatchObject({ n: null, suppressedReason: 'small' });
      expect(unit('Impl B')).toMatchObject({ n: null, suppressedReason: 'small' });
      expect(unit('Impl C')).toMatchObject({ n: 10, suppressed: false });
      // Leaders (10) minus unit D (8 leaders) would be unit A's 2 leaders.
      expect(unit('Impl D')).toMatchObject({ n: null, suppressedReason: 'complementary' });
      expect(groups['role:leder']).toMatchObject({ n: 10, suppressed: false });
      expect(groups['role:medarbejder']).toMatchObject({ n: 15, suppressed: false });

      const first = report.items[0]!;
      const row = (key: string) => first.rows.find((r) => r.groupKey === key)!;
      expect(row('total')).toEqual({ groupKey: 'total', n: 25, percent: [40, 60, 0, 0, 0, 0] });
      expect(row('role:leder').percent).toEqual([100, 0, 0, 0, 0, 0]);
      expect(row(`unit:${unitIds.get('Impl D')}`).percent).toBeNull();
      expect(report.items[3]!.rows.find((r) => r.groupKey === 'total')!.percent).toEqual([
        0, 0, 0, 0, 0, 100,
      ]);

      // The attacker: every sum and difference (coefficients −1, 0, 1) of the shown
      // groups, over the cells unit × role whose sizes the attacker knows.
      const cells = Object.entries(SIZES).flatMap(([name, [l, m]]) => [
        { unit: unitIds.get(name)!, role: 'leder', n: l },
        { unit: unitIds.get(name)!, role: 'medarbejder', n: m },
      ]);
      const shown = report.groups
        .filter((g) => !g.suppressed)
        .map((g) =>
          cells.map((c) =>
            g.cut === 'total' || g.key === `unit:${c.unit}` || g.key === `role:${c.role}` ? 1 : 0,
          ),
        );
      const combos = 3 ** shown.length;
      for (let code = 1; code < combos; code++) {
        const vector = new Array<number>(cells.length).fill(0);
        let rest = code;
        shown.forEach((g) => {
          const coefficient = (rest % 3) - 1;
          rest = Math.floor(rest / 3);
          g.forEach((v, i) => (vector[i] = vector[i]! + coefficient * v));
        });
        const isSet = vector.every((v, i) => v === 0 || v === 1 || cells[i]!.n === 0);
        const size = vector.reduce((sum, v, i) => sum + v * cells[i]!.n, 0);
        if (isSet) expect(size === 0 || size >= report.minGroup, `combination ${code}`).toBe(true);
      }
    });

    it('exports the report as a ; CSV with decimal commas', async () => {
      const csv = await owner.get(`/api/implementation/surveys/${survey.id}/report/csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'noegle;spoergsmaal;kerneelement;opdeling;gruppe;svar;procent;n;skjult',
      );
      expect(lines).toHaveLength(1 + 4 * 7 * IMPLEMENTATION_OPTIONS.length);
      expect(lines).toContain(
        'plan-samlet;Borgere i Én plan har én samlet plan, som alle fagpersoner omkring dem arbejder ud fra.;Én samlet plan på tværs af lovområder;alle;Alle;Enig;60;25;',
      );
      expect(
        lines.some((l) => l.includes(';Impl D;') && l.endsWith(';;regnes ud fra de andre tal')),
      ).toBe(false);
      expect(
        lines.some((l) => /;Impl D;Meget enig;;;skjult, så den ikke kan regnes ud/.test(l)),
      ).toBe(true);
    });

    it('lets a leader read the report of their own unit and the municipality, suppression intact', async () => {
      const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      const personId = await personIdOf(t.handle.db, 'impld-leder-0@impl.test');
      await createLogin(admin, 'leder', {
        name: 'Dorte D-leder',
        email: 'dorte@impl.test',
        personId,
      });
      const leaderD = await signedIn(t.app, 'dorte@impl.test');

      const listed = (await leaderD.get('/api/implementation/surveys')).json<
        ImplementationSurveyView[]
      >();
      expect(listed.map((s) => s.id)).toContain(survey.id);
      const response = await leaderD.get(`/api/implementation/surveys/${survey.id}/report`);
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json<ImplementationReport>();
      // Everyone, the roles and D; never the other units, and D stays hidden as complementary.
      expect(report.groups.map((g) => g.key).sort()).toEqual(
        ['role:leder', 'role:medarbejder', 'total', `unit:${unitIds.get('Impl D')}`].sort(),
      );
      const d = report.groups.find((g) => g.key === `unit:${unitIds.get('Impl D')}`)!;
      expect(d).toMatchObject({ n: null, suppressedReason: 'complementary' });
      expect(report.items[0]!.rows.map((r) => r.groupKey).sort()).toEqual(
        report.groups.map((g) => g.key).sort(),
      );
      const csv = (await leaderD.get(`/api/implementation/surveys/${survey.id}/report/csv`)).body;
      expect(csv).toContain(';Impl D;');
      expect(csv).not.toContain(';Impl C;');
      // A leader runs nothing and sees no live counts.
      expect(
        (await leaderD.post(`/api/implementation/surveys/${survey.id}/remind`)).statusCode,
      ).toBe(403);
      expect(
        (await leaderD.get(`/api/implementation/surveys/${survey.id}/responses`)).statusCode,
      ).toBe(403);
      expect((await leaderD.get('/api/implementation/item-sets')).statusCode).toBe(403);

      // The demo's leader leads none of the survey's units: not listed, refused.
      const other = await signedIn(t.app, 'leder@demo.samspil.dk');
      const theirs = (await other.get('/api/implementation/surveys')).json<
        ImplementationSurveyView[]
      >();
      expect(theirs.map((s) => s.id)).not.toContain(survey.id);
      expect((await other.get(`/api/implementation/surveys/${survey.id}/report`)).statusCode).toBe(
        404,
      );
      expect((await other.get(`/api/implementation/surveys/${survey.id}`)).statusCode).toBe(404);
      // An employee reads no implementation report at all.
      const employee = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
      expect(
        (await employee.get(`/api/implementation/surveys/${survey.id}/report`)).statusCode,
      ).toBe(403);
    });
  });
}
