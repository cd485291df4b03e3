/**
 * Én plan through the HTTP API on each test database, with real logins: courses, CPR,
 * the network, the versioned plan and its notifications, consent and access per role,
 * audit, access requests, deletion and the audit purge.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CourseView, Party } from '../../contract/courses.schema.js';
import type { PlanAction, PlanPart, PlanVersion } from '../../contract/plans.schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactTokens } from '../../src/server/app.js';
import { testDatabases } from '../helpers/databases.js';
import { createPerson, demoAndOther, OTHER_ADMIN, signedIn } from '../helpers/demo-and-other.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import { danishDay } from '../helpers/dates.js';

interface Org {
  units: { id: string; name: string }[];
  people: { id: string; name: string; email: string; unitId: string }[];
}
type Action = PlanAction;
type Part = PlanPart;
type PlanView = PlanVersion;

const HTML = '<script>alert("x")</script><b onclick="y()">fed & "citat"</b>';
const day = danishDay;

const action = (partyId: string, extra: Partial<Action> = {}): Action => ({
  id: randomUUID(),
  text: 'Ambulant behandling',
  responsiblePartyId: partyId,
  law: 'serviceloven',
  paragraph: '§ 101',
  start: day(0),
  end: day(90),
  status: 'planlagt',
  ...extra,
});

const part = (memberId: string, actions: Action[], goal = 'Et stabilt liv'): Part => ({
  memberId,
  dreams: 'Mit eget sted at bo',
  goal,
  subGoals: [{ id: randomUUID(), text: 'Behandling', actions }],
});

for (const database of testDatabases()) {
  describe(`Én plan API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient; // caseworker, coordinator (Socialafdelingen voksne)
    let frida: TestClient; // professional in the Misbrugscenter
    let teacher: TestClient; // professional in the Skole, named as a person
    let leader: TestClient; // Jobcenter leader, in no network
    let analyst: TestClient;
    let admin: TestClient;
    let otherCaseworker: TestClient; // another municipality
    let org: Org;
    let saraPersonId: string;
    let teacherPersonId: string;
    let otherPersonId: string;
    const unit = (name: string) => org.units.find((u) => u.name === name)!.id;

    const login = (email: string, password?: string) => signedIn(t.app, email, password);

    beforeAll(async () => {
      t = await startTestApp(database, { env: { AUDIT_RETENTION_DAYS: '0' } });
      await demoAndOther(t.handle.db, 2026, t.config.cprKey);
      sara = await login('sagsbehandler@demo.samspil.dk');
      frida = await login('fagperson@demo.samspil.dk');
      leader = await login('leder@demo.samspil.dk');
      analyst = await login('analytiker@demo.samspil.dk');
      admin = await login('admin@demo.samspil.dk');
      org = (await admin.get('/api/org')).json<Org>();
      saraPersonId = org.people.find((p) => p.email === 'sagsbehandler@demo.samspil.dk')!.id;
      const schoolPerson = org.people.find((p) => p.unitId === unit('Skole'))!;
      teacherPersonId = schoolPerson.id;
      expect(
        (
          await admin.post('/api/users', {
            name: schoolPerson.name,
            email: 'laerer@demo.dk',
            role: 'sagsbehandler',
            password: 'teacher-password-1',
            personId: teacherPersonId,
          })
        ).statusCode,
      ).toBe(201);
      teacher = await login('laerer@demo.dk', 'teacher-password-1');

      // Another municipality with a unit, a person and a caseworker login.
      const otherAdmin = await login(OTHER_ADMIN.email, OTHER_ADMIN.password);
      const otherUnit = (
        await otherAdmin.post('/api/org/units', { name: 'Misbrugscenter', kind: 'udfører' })
      ).json<{ id: string }>();
      otherPersonId = await createPerson(otherAdmin, 'medarbejder', {
        name: 'Ole Anden',
        email: 'ole@anden.dk',
        unitId: otherUnit.id,
      });
      expect(
        (
          await otherAdmin.post('/api/users', {
            name: 'Ole Anden',
            email: 'ole@anden.dk',
            role: 'sagsbehandler',
            password: 'other-password-12',
            personId: otherPersonId,
          })
        ).statusCode,
      ).toBe(201);
      otherCaseworker = await login('ole@anden.dk', 'other-password-12');
    }, 120_000);
    afterAll(async () => t.close());

    const countCourses = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('course')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    const newCourse = (cpr: string, extra: Record<string, unknown> = {}) => ({
      kind: 'individual',
      targetGroup: 'voksne',
      startDate: day(-10),
      citizen: { name: 'Bo Borger', cpr, preferredContact: 'sms', phone: '12345678' },
      coordinator: { personId: saraPersonId, role: 'koordinerende-sagsbehandler' },
      ...extra,
    });

    async function createCourse(cpr: string, extra: Record<string, unknown> = {}) {
      const response = await sara.post('/api/courses', newCourse(cpr, extra));
      expect(response.statusCode, response.body).toBe(201);
      return response.json<CourseView>();
    }

    async function addParty(courseId: string, body: Record<string, unknown>) {
      const response = await sara.post(`/api/courses/${courseId}/parties`, {
        task: 'Behandling',
        responseTime: '2 hverdage',
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<Party>();
    }

    const putPlan = (client: TestClient, courseId: string, body: unknown) =>
      client.request('PUT', `/api/courses/${courseId}/plan`, body);

    describe('CPR numbers', () => {
      it('refuses invalid CPR numbers with a clear 400 and creates nothing', async () => {
        const before = await countCourses();
        for (const cpr of ['310290-1234', '0101901234x', '12345', '010130-4000']) {
          const response = await sara.post('/api/courses', newCourse(cpr));
          expect(response.statusCode, cpr).toBe(400);
          expect(response.json()).toMatchObject({
            message: { da: expect.stringContaining('CPR'), en: expect.stringContaining('CPR') },
          });
          expect(response.body).not.toContain(cpr);
        }
        expect(await countCourses()).toBe(before);
      });

      it('stores the number encrypted, shows it masked, finds it by exact match and never logs it', async () => {
        const course = await createCourse('241183-3917');
        expect(course.citizen?.cprMasked).toBe('241183-xxxx');
        const row = await t.handle.db
          .selectFrom('citizen')
          .selectAll()
          .where('course_id', '=', course.id)
          .executeTakeFirstOrThrow();
        expect(row.cpr_encrypted).not.toContain('3917');
        expect(row.cpr_hash).not.toContain('3917');

        const found = await sara.get('/api/citizens/lookup?cpr=2411833917');
        expect(found.statusCode).toBe(200);
        expect(found.json()).toMatchObject({
          courses: [{ id: course.id, status: 'open', coordinator: { personId: saraPersonId } }],
        });
        const none = await sara.get('/api/citizens/lookup?cpr=241183-3918');
        expect(none.json()).toEqual({ courses: [] });
        expect((await sara.get('/api/citizens/lookup?cpr=999999-9999')).statusCode).toBe(400);
        expect((await analyst.get('/api/citizens/lookup?cpr=2411833917')).statusCode).toBe(403);

        // The whole number in either form: its last four digits alone turn up by chance in
        // the ids the entries carry (a random uuid holds "3917" about once in 2 000).
        const leaks = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM audit_log
          WHERE concat(detail::text, reason) ~ '241183-?3917'`.execute(t.handle.db);
        expect(leaks.rows[0]!.n).toBe(0);
        const lookups = await t.handle.db
          .selectFrom('audit_log')
          .select(['citizen_id'])
          .where('action', '=', 'citizen.lookup')
          .execute();
        expect(lookups.some((l) => l.citizen_id === row.id)).toBe(true);
        expect(redactTokens('/api/citizens/lookup?cpr=241183-3917&x=1')).not.toContain('3917');
      });

      it('refuses a second open course for the same citizen, whatever the CPR format', async () => {
        await createCourse('150672-1113');
        const before = await countCourses();
        const again = await sara.post('/api/courses', newCourse('1506721113'));
        expect(again.statusCode).toBe(409);
        expect(again.json()).toMatchObject({ code: 'conflict' });
        expect(await countCourses()).toBe(before);
      });
    });

    describe('network and plan', () => {
      let course: CourseView;
      let citizenId: string;
      let misbrug: Party;
      let teacherParty: Party;
      let doctor: Party;

      beforeAll(async () => {
        course = await createCourse('030385-2241');
        citizenId = course.members![0]!.id;
        misbrug = await addParty(course.id, {
          kind: 'unit',
          unitId: unit('Misbrugscenter'),
          email: 'misbrug@demo.dk',
        });
        teacherParty = await addParty(course.id, {
          kind: 'professional',
          personId: teacherPersonId,
        });
        doctor = await addParty(course.id, {
          kind: 'external',
          externalType: 'egen-laege',
          name: 'Lægehuset',
          phone: '70707070',
        });
      });

      it('shows the network with complexity and refuses parties of another municipality', async () => {
        const view = (await sara.get(`/api/courses/${course.id}`)).json<CourseView>();
        expect(view.access).toBe('full');
        expect(view.network!.map((p) => p.name)).toContain('Lægehuset');
        expect(teacherParty.email).toMatch(/@demo\.samspil\.dk$/);
        expect(view.complexity).toEqual({ units: 3, authorityFunctions: 0, complex: false });
        for (const name of ['Jobcenter', 'Socialafdelingen voksne']) {
          await addParty(course.id, { kind: 'unit', unitId: unit(name) });
        }
        const complex = (await sara.get(`/api/courses/${course.id}`)).json<CourseView>();
        expect(complex.complexity).toEqual({ units: 5, authorityFunctions: 2, complex: true });
        expect(complex.complex).toBe(true);

        const foreign = await sara.post(`/api/courses/${course.id}/parties`, {
          kind: 'professional',
          personId: otherPersonId,
          task: 'x',
          responseTime: 'x',
        });
        expect(foreign.statusCode).toBe(400);
        const foreignCoordinator = await sara.post(
          '/api/courses',
          newCourse('030385-2250', { coordinator: { personId: otherPersonId, role: 'makker' } }),
        );
        expect(foreignCoordinator.statusCode).toBe(400);
      });

      it('refuses bad plans with 4xx and keeps the version', async () => {
        const bad = [
          // an action without a responsible party
          [{ ...action(misbrug.id), responsiblePartyId: undefined }],
          // a responsible party that is not in the network
          [action(randomUUID())],
          // end before start
          [action(misbrug.id, { start: day(10), end: day(5) })],
          // abandoned without a reason
          [action(misbrug.id, { status: 'opgivet' })],
        ];
        for (const actions of bad) {
          const response = await putPlan(sara, course.id, {
            baseVersion: 1,
            plan: { parts: [part(citizenId, actions as Action[])] },
            participants: [],
          });
          expect(response.statusCode, response.body).toBe(400);
          expect(response.json()).toMatchObject({
            message: { da: expect.any(String), en: expect.any(String) },
          });
        }
        const huge = await putPlan(sara, course.id, {
          baseVersion: 1,
          plan: { parts: [part(citizenId, [], 'x'.repeat(1024 * 1024))] },
          participants: [],
        });
        expect(huge.statusCode).toBe(413);
        expect(huge.json()).toMatchObject({ code: 'payload_too_large' });
        const long = await putPlan(sara, course.id, {
          baseVersion: 1,
          plan: { parts: [part(citizenId, [], 'x'.repeat(10_001))] },
          participants: [],
        });
        expect(long.statusCode).toBe(400);
        const foreignMember = await putPlan(sara, course.id, {
          baseVersion: 1,
          plan: { parts: [part(randomUUID(), [])] },
          participants: [],
        });
        expect(foreignMember.statusCode).toBe(400);
        expect((await sara.get(`/api/courses/${course.id}/plan`)).json<PlanView>().version).toBe(1);
      });

      it('saves versions, notifies each responsible party once per save, and refuses stale saves', async () => {
        const mails = async () =>
          t.handle.db
            .selectFrom('mail_message')
            .select(['to_address', 'body_text'])
            .where('kind', '=', 'plan-changed')
            .execute();
        const before = (await mails()).length;
        const first = part(citizenId, [
          action(misbrug.id),
          action(misbrug.id, { text: 'Opfølgning', law: 'LAB', paragraph: '§ 42' }),
          action(teacherParty.id, { law: 'folkeskoleloven' }),
          action(doctor.id, { law: 'sundhedsloven' }),
        ]);
        const saved = await putPlan(sara, course.id, {
          baseVersion: 1,
          plan: { parts: [first] },
          participants: ['Bo Borger', 'Sara Sagsbehandler'],
          note: 'Opstartsmøde',
        });
        expect(saved.statusCode, saved.body).toBe(200);
        // The doctor has no e-mail: two parties are told, the Misbrugscenter once for two
        // actions, and the answer names the doctor as not told.
        expect(saved.json()).toEqual({ version: 2, notified: 2, notNotified: [doctor.name] });
        const sent = (await mails()).slice(before);
        expect(sent.map((m) => m.to_address).sort()).toEqual(
          ['misbrug@demo.dk', teacherParty.email].sort(),
        );
        expect(sent.every((m) => !m.body_text.includes('Bo Borger'))).toBe(true);

        // Change only the school's action: only the school is told.
        const second = structuredClone(first);
        second.subGoals[0]!.actions[2]!.status = 'i-gang';
        const a = await putPlan(sara, course.id, {
          baseVersion: 2,
          plan: { parts: [second] },
          participants: [],
        });
        expect(a.json()).toEqual({ version: 3, notified: 1, notNotified: [] });
        // A second editor still on version 2 is told, and nothing is overwritten.
        const stale = structuredClone(first);
        stale.goal = 'Overskriver ikke';
        const b = await putPlan(sara, course.id, {
          baseVersion: 2,
          plan: { parts: [stale] },
          participants: [],
        });
        expect(b.statusCode).toBe(409);
        expect(b.json()).toMatchObject({ code: 'conflict', details: { currentVersion: 3 } });
        const current = (await sara.get(`/api/courses/${course.id}/plan`)).json<PlanView>();
        expect(current.version).toBe(3);
        expect(current.plan.parts[0]!.goal).toBe('Et stabilt liv');
        expect(current.changedBy).toBe('Sara Sagsbehandler');

        // Truly concurrent saves on the same base: exactly one wins.
        const results = await Promise.all(
          ['Første', 'Anden'].map((goal) =>
            putPlan(sara, course.id, {
              baseVersion: 3,
              plan: { parts: [{ ...second, goal }] },
              participants: [],
            }),
          ),
        );
        expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        const winner = results.find((r) => r.statusCode === 200)!;
        expect(winner.json()).toMatchObject({ version: 4 });
        const versions = (await sara.get(`/api/courses/${course.id}/plan/versions`)).json<{
          versions: { version: number; participants: string[]; note: string | null }[];
        }>();
        expect(versions.versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
        expect(versions.versions[1]).toMatchObject({
          participants: ['Bo Borger', 'Sara Sagsbehandler'],
          note: 'Opstartsmøde',
        });
      });

      it('compares any two versions', async () => {
        const compare = await sara.get(`/api/courses/${course.id}/plan/compare?from=2&to=3`);
        expect(compare.statusCode).toBe(200);
        const { changes } = compare.json<{
          changes: { kind: string; path: string; before: string; after: string }[];
        }>();
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatchObject({ kind: 'changed', before: 'planlagt', after: 'i-gang' });
        expect(changes[0]!.path).toMatch(/^actions\[.+\]\.status$/);
        const wide = (await sara.get(`/api/courses/${course.id}/plan/compare?from=1&to=4`)).json<{
          changes: { kind: string; path: string }[];
        }>();
        expect(
          wide.changes.filter((c) => c.kind === 'added' && c.path.startsWith('actions[')),
        ).toHaveLength(4);
        expect(
          (await sara.get(`/api/courses/${course.id}/plan/compare?from=1&to=99`)).statusCode,
        ).toBe(404);
        const old = (await sara.get(`/api/courses/${course.id}/plan/versions/1`)).json<PlanView>();
        expect(old.plan.parts[0]!.subGoals).toEqual([]);
      });

      it('exports the plan as text and PDF, and per law area', async () => {
        const text = await sara.get(`/api/courses/${course.id}/plan/export?format=text`);
        expect(text.statusCode).toBe(200);
        expect(text.headers['content-type']).toMatch(/^text\/plain/);
        expect(text.body).toContain('Mit eget sted at bo');
        expect(text.body).toContain('Lovgrundlag: Folkeskoleloven');
        expect(text.body).toContain('Sara Sagsbehandler (Koordinerende sagsbehandler)');
        const extract = await sara.get(`/api/courses/${course.id}/plan/export?format=text&law=LAB`);
        expect(extract.body).toContain('Opfølgning');
        expect(extract.body).not.toContain('Folkeskoleloven');
        expect(extract.body).not.toContain('Mit eget sted at bo');
        const pdf = await sara.get(`/api/courses/${course.id}/plan/export?format=pdf`);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      });

      it('keeps HTML in every free-text field as text and returns it unchanged', async () => {
        const html = await sara.post('/api/courses', {
          kind: 'family',
          targetGroup: 'familier',
          startDate: day(0),
          citizen: {
            name: HTML,
            cpr: '121212-1218',
            preferredContact: 'brev',
            address: HTML,
            phone: '1',
          },
          members: [{ name: HTML, relation: 'barn' }],
          coordinator: { personId: saraPersonId, role: 'makker' },
        });
        expect(html.statusCode, html.body).toBe(201);
        const view = html.json<CourseView>();
        expect(view.citizen).toMatchObject({ name: HTML, address: HTML });
        expect(view.members![1]!.name).toBe(HTML);
        const party = await addParty(view.id, {
          kind: 'external',
          externalType: 'andet',
          name: HTML,
          task: HTML,
          responseTime: HTML,
        });
        expect(party).toMatchObject({ name: HTML, task: HTML, responseTime: HTML });
        const members = view.members!.map((m) => m.id);
        const plan = {
          parts: [
            {
              memberId: members[0]!,
              dreams: HTML,
              goal: HTML,
              subGoals: [
                {
                  id: randomUUID(),
                  text: HTML,
                  actions: [
                    action(party.id, {
                      text: HTML,
                      paragraph: HTML,
                      status: 'opgivet',
                      statusReason: HTML,
                    }),
                  ],
                },
              ],
            },
          ],
        };
        const saved = await putPlan(sara, view.id, {
          baseVersion: 1,
          plan,
          participants: [HTML],
          note: HTML,
        });
        expect(saved.statusCode, saved.body).toBe(200);
        const read = (await sara.get(`/api/courses/${view.id}/plan`)).json<PlanView>();
        expect(read.plan).toEqual(plan);
        const versions = (await sara.get(`/api/courses/${view.id}/plan/versions`)).json<{
          versions: { participants: string[]; note: string | null }[];
        }>();
        expect(versions.versions[1]).toMatchObject({ participants: [HTML], note: HTML });
        const consent = await sara.post(`/api/courses/${view.id}/consents`, {
          purpose: HTML,
          partyIds: [party.id],
          memberIds: [members[1]!],
          givenOn: day(0),
          form: 'mundtlig-med-vidne',
          witness: HTML,
          expiresOn: day(30),
        });
        expect(consent.statusCode, consent.body).toBe(201);
        expect(consent.json()).toMatchObject({ purpose: HTML, witness: HTML });
        const withdrawn = await sara.post(
          `/api/courses/${view.id}/consents/${consent.json<{ id: string }>().id}/withdraw`,
          { reason: HTML },
        );
        expect(withdrawn.json()).toMatchObject({ withdrawReason: HTML, valid: false });
        const text = await sara.get(`/api/courses/${view.id}/plan/export?format=text`);
        expect(text.headers['content-type']).toMatch(/^text\/plain/);
        expect(text.body).toContain(HTML);
      });
    });

    describe('members, course changes and the network', () => {
      it('adds family members, changes the header and removes only unreferenced parties', async () => {
        const individual = await createCourse('090909-1117');
        const refused = await sara.post(`/api/courses/${individual.id}/members`, {
          name: 'Søster',
          relation: 'søskende',
        });
        expect(refused.statusCode).toBe(400);
        const family = await createCourse('101080-2226', {
          kind: 'family',
          targetGroup: 'familier',
        });
        const badCpr = await sara.post(`/api/courses/${family.id}/members`, {
          name: 'Barn',
          cpr: '311180-1111',
          relation: 'barn',
        });
        expect(badCpr.statusCode).toBe(400);
        const member = await sara.post(`/api/courses/${family.id}/members`, {
          name: 'Barn',
          cpr: '020218-4003',
          relation: 'barn',
        });
        expect(member.statusCode, member.body).toBe(201);
        expect(member.json()).toMatchObject({
          name: 'Barn',
          relation: 'barn',
          cprMasked: '020218-xxxx',
        });

        const leaderPerson = org.people.find((p) => p.unitId === unit('Jobcenter'))!;
        const changed = await sara.patch(`/api/courses/${family.id}`, {
          targetGroup: 'boern',
          coordinator: { personId: leaderPerson.id, role: 'kontaktperson' },
          citizen: { address: 'Torvet 1', email: 'bo@example.dk' },
        });
        expect(changed.statusCode, changed.body).toBe(200);
        expect(changed.json()).toMatchObject({
          targetGroup: 'boern',
          coordinator: { personId: leaderPerson.id, role: 'kontaktperson', unitName: 'Jobcenter' },
          citizen: { address: 'Torvet 1', email: 'bo@example.dk' },
          access: 'full', // Sara created the course
        });
        expect(
          (await sara.patch(`/api/courses/${family.id}`, { startDate: '2026-02-30' })).statusCode,
        ).toBe(400);

        const used = await addParty(family.id, { kind: 'unit', unitId: unit('Skole') });
        const unused = await addParty(family.id, {
          kind: 'external',
          externalType: 'politi',
          name: 'Politiet',
        });
        const edited = await sara.patch(`/api/courses/${family.id}/parties/${unused.id}`, {
          phone: '114',
          responseTime: 'Samme dag',
        });
        expect(edited.json()).toMatchObject({
          phone: '114',
          responseTime: 'Samme dag',
          name: 'Politiet',
        });
        const members = (await sara.get(`/api/courses/${family.id}`)).json<CourseView>().members!;
        expect(
          (
            await putPlan(sara, family.id, {
              baseVersion: 1,
              plan: { parts: [part(members[1]!.id, [action(used.id)])] },
              participants: [],
            })
          ).statusCode,
        ).toBe(200);
        const blocked = await sara.request(
          'DELETE',
          `/api/courses/${family.id}/parties/${used.id}`,
        );
        expect(blocked.statusCode).toBe(409);
        const removed = await sara.request(
          'DELETE',
          `/api/courses/${family.id}/parties/${unused.id}`,
        );
        expect(removed.statusCode).toBe(204);
        const network = (await sara.get(`/api/courses/${family.id}`)).json<CourseView>().network!;
        expect(network.map((p) => p.id)).toEqual([used.id]);

        await sara.post(`/api/courses/${family.id}/close`);
        const closed = await sara.post(`/api/courses/${family.id}/members`, {
          name: 'X',
          relation: 'andet',
        });
        expect(closed.statusCode).toBe(409);
        expect(closed.json()).toMatchObject({ code: 'closed' });
        // A closed course frees the citizen for a new course.
        await createCourse('1010802226');
      });
    });

    describe('consent and access', () => {
      let course: CourseView;
      let parent: string;
      let child: string;
      let misbrugParty: Party;
      let teacherParty: Party;

      beforeAll(async () => {
        course = await createCourse('280479-1428', {
          kind: 'family',
          targetGroup: 'familier',
          members: [
            { name: 'Ida Barn', cpr: '010116-4018', relation: 'barn' },
            { name: 'Far Forælder', relation: 'forælder' },
          ],
        });
        [parent, child] = course.members!.map((m) => m.id) as [string, string];
        misbrugParty = await addParty(course.id, { kind: 'unit', unitId: unit('Misbrugscenter') });
        teacherParty = await addParty(course.id, {
          kind: 'professional',
          personId: teacherPersonId,
        });
        await addParty(course.id, {
          kind: 'external',
          externalType: 'regionspsykiatri',
          name: 'Distriktspsykiatrien',
        });
        const saved = await putPlan(sara, course.id, {
          baseVersion: 1,
          plan: {
            parts: [
              part(parent, [action(misbrugParty.id, { text: 'Mors behandling' })], 'Mors mål'),
              part(child, [action(teacherParty.id, { text: 'Støttetimer' })], 'Idas mål'),
            ],
          },
          participants: [],
        });
        expect(saved.statusCode, saved.body).toBe(200);
      });

      const view = async (client: TestClient) => client.get(`/api/courses/${course.id}`);

      it('gives the coordinator full access', async () => {
        const full = (await view(sara)).json<CourseView>();
        expect(full.access).toBe('full');
        expect(full.members).toHaveLength(3);
        expect(full.members![1]!.cprMasked).toBe('010116-xxxx');
        const plan = (await sara.get(`/api/courses/${course.id}/plan`)).json<PlanView>();
        expect(plan.plan.parts).toHaveLength(2);
      });

      it('shows a network professional without consent only that the course exists', async () => {
        const minimal = await view(frida);
        expect(minimal.statusCode).toBe(200);
        const body = minimal.json<CourseView>();
        expect(body).toMatchObject({ access: 'minimal', citizenName: null, complex: null });
        expect(body.coordinator.personId).toBe(saraPersonId);
        expect(body.members).toBeUndefined();
        expect(body.network).toBeUndefined();
        expect((await frida.get(`/api/courses/${course.id}/plan`)).statusCode).toBe(403);
        expect((await frida.get(`/api/courses/${course.id}/consents`)).statusCode).toBe(403);
        const list = (await frida.get('/api/courses')).json<{ courses: CourseView[] }>();
        expect(list.courses.find((c) => c.id === course.id)).toMatchObject({
          access: 'minimal',
          citizenName: null,
        });
      });

      it('refuses consent naming a party outside the network, an expired one, and oral without a witness', async () => {
        const base = {
          purpose: 'Behandling',
          partyIds: [misbrugParty.id],
          memberIds: [parent],
          givenOn: day(-1),
          form: 'underskrift',
          expiresOn: day(100),
        };
        const cases = [
          { ...base, partyIds: [randomUUID()] },
          { ...base, memberIds: [randomUUID()] },
          { ...base, givenOn: day(-100), expiresOn: day(-1) },
          { ...base, expiresOn: day(-2) },
          { ...base, form: 'mundtlig-med-vidne' },
          { ...base, givenOn: day(5) },
        ];
        for (const body of cases) {
          const response = await sara.post(`/api/courses/${course.id}/consents`, body);
          expect(response.statusCode, JSON.stringify(body)).toBe(400);
        }
        expect((await sara.get(`/api/courses/${course.id}/consents`)).json()).toEqual({
          consents: [],
        });
        // Someone without full access cannot record consent.
        expect((await frida.post(`/api/courses/${course.id}/consents`, base)).statusCode).toBe(403);
      });

      it('lets a professional with consent see exactly the covered parts, until it is withdrawn', async () => {
        const given = await sara.post(`/api/courses/${course.id}/consents`, {
          purpose: 'Koordinering af mors behandling',
          partyIds: [misbrugParty.id],
          memberIds: [parent],
          givenOn: day(0),
          form: 'digital',
          expiresOn: day(365),
        });
        expect(given.statusCode, given.body).toBe(201);
        const consent = given.json<{ id: string; valid: boolean; recordedBy: string }>();
        expect(consent).toMatchObject({ valid: true, recordedBy: 'Sara Sagsbehandler' });

        const seen = (await view(frida)).json<CourseView>();
        expect(seen.access).toBe('consent');
        expect(seen.citizenName).toBe('Bo Borger');
        expect(seen.members!.map((m) => m.id)).toEqual([parent]);
        expect(seen.members![0]!.cprMasked).toBeNull();
        expect(seen.citizen).toBeUndefined();
        expect(seen.network).toHaveLength(3);
        const plan = (await frida.get(`/api/courses/${course.id}/plan`)).json<PlanView>();
        expect(plan.plan.parts.map((p) => p.memberId)).toEqual([parent]);
        const text = await frida.get(`/api/courses/${course.id}/plan/export?format=text`);
        expect(text.body).toContain('Mors mål');
        expect(text.body).not.toContain('Idas mål');
        const compare = (
          await frida.get(`/api/courses/${course.id}/plan/compare?from=1&to=2`)
        ).json<{ changes: { memberId: string }[] }>();
        expect(new Set(compare.changes.map((c) => c.memberId))).toEqual(new Set([parent]));
        // The teacher is in the network but not covered: minimal.
        expect((await view(teacher)).json<CourseView>().access).toBe('minimal');
        // Consent gives no right to change anything.
        expect(
          (
            await putPlan(frida, course.id, {
              baseVersion: 2,
              plan: { parts: [] },
              participants: [],
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await frida.post(`/api/courses/${course.id}/parties`, {
              kind: 'unit',
              unitId: unit('Skole'),
              task: 'x',
              responseTime: 'x',
            })
          ).statusCode,
        ).toBe(403);

        const withdrawn = await sara.post(
          `/api/courses/${course.id}/consents/${consent.id}/withdraw`,
          { reason: 'Borgeren ønsker det' },
        );
        expect(withdrawn.statusCode).toBe(200);
        expect(withdrawn.json()).toMatchObject({ valid: false, withdrawnBy: 'Sara Sagsbehandler' });
        const after = (await view(frida)).json<CourseView>();
        expect(after).toMatchObject({ access: 'minimal', citizenName: null });
        expect(after.members).toBeUndefined();
        expect((await frida.get(`/api/courses/${course.id}/plan`)).statusCode).toBe(403);
        const again = await sara.post(
          `/api/courses/${course.id}/consents/${consent.id}/withdraw`,
          {},
        );
        expect(again.statusCode).toBe(409);
        const history = (await sara.get(`/api/courses/${course.id}/consents`)).json<{
          consents: { id: string; withdrawnAt: string | null }[];
        }>();
        expect(history.consents).toHaveLength(1);
        expect(history.consents[0]!.withdrawnAt).not.toBeNull();
      });

      it('treats an expired consent as none', async () => {
        const given = await sara.post(`/api/courses/${course.id}/consents`, {
          purpose: 'Skolesamarbejde',
          partyIds: [teacherParty.id],
          memberIds: [child],
          givenOn: day(-10),
          form: 'underskrift',
          expiresOn: day(0),
        });
        expect(given.statusCode, given.body).toBe(201);
        const seen = (await view(teacher)).json<CourseView>();
        expect(seen.access).toBe('consent');
        expect(seen.members!.map((m) => m.id)).toEqual([child]);
        expect(
          (await teacher.get(`/api/courses/${course.id}/plan`))
            .json<PlanView>()
            .plan.parts.map((p) => p.memberId),
        ).toEqual([child]);
        // Time passes: the consent expired yesterday.
        await t.handle.db
          .updateTable('consent')
          .set({ expires_on: day(-1) })
          .where('id', '=', given.json<{ id: string }>().id)
          .execute();
        expect((await view(teacher)).json<CourseView>().access).toBe('minimal');
        const listed = (await sara.get(`/api/courses/${course.id}/consents`)).json<{
          consents: { id: string; valid: boolean }[];
        }>();
        expect(listed.consents.find((c) => c.id === given.json<{ id: string }>().id)?.valid).toBe(
          false,
        );
      });

      it('answers 404 to anyone outside the network and to other municipalities', async () => {
        for (const client of [leader, analyst, otherCaseworker]) {
          expect((await view(client)).statusCode).toBe(404);
          expect((await client.get(`/api/courses/${course.id}/plan`)).statusCode).toBe(404);
          expect((await client.get(`/api/courses/${course.id}/consents`)).statusCode).toBe(404);
          const list = (await client.get('/api/courses')).json<{ courses: CourseView[] }>();
          expect(list.courses.some((c) => c.id === course.id)).toBe(false);
        }
        expect((await otherCaseworker.get('/api/citizens/lookup?cpr=280479-1428')).json()).toEqual({
          courses: [],
        });
        expect((await analyst.post('/api/courses', newCourse('010203-1233'))).statusCode).toBe(403);
      });

      it('shows an admin the course at minimal and never the plan', async () => {
        const seen = (await view(admin)).json<CourseView>();
        expect(seen).toMatchObject({ access: 'minimal', citizenName: null });
        expect((await admin.get(`/api/courses/${course.id}/plan`)).statusCode).toBe(403);
        expect((await admin.get(`/api/courses/${course.id}/audit`)).statusCode).toBe(403);
      });

      it('records every read and change with the citizen, one entry per citizen', async () => {
        const since = await sql<{
          id: number;
        }>`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`.execute(t.handle.db);
        await view(sara);
        const reads = await t.handle.db
          .selectFrom('audit_log')
          .select(['citizen_id', 'action'])
          .where('id', '>', String(since.rows[0]!.id))
          .execute();
        expect(
          reads
            .filter((r) => r.action === 'course.read')
            .map((r) => r.citizen_id)
            .sort(),
        ).toEqual(course.members!.map((m) => m.id).sort());
        const audit = (await sara.get(`/api/courses/${course.id}/audit`)).json<{
          entries: { action: string; userName: string | null }[];
        }>();
        const actions = new Set(audit.entries.map((e) => e.action));
        for (const a of [
          'course.create',
          'party.create',
          'plan.update',
          'consent.create',
          'consent.withdraw',
          'course.read',
          'plan.read',
        ]) {
          expect(actions, a).toContain(a);
        }
        expect(audit.entries.some((e) => e.userName === 'Frida Fagperson')).toBe(true);
      });

      it("answers one member's access request with their data only, as JSON and PDF", async () => {
        const request = await sara.get(`/api/courses/${course.id}/access-request?member=${child}`);
        expect(request.statusCode, request.body).toBe(200);
        const data = request.json<{
          member: { name: string; cpr: string | null };
          plan: { part: Part | null }[];
          consents: { purpose: string }[];
          network: Party[];
          accessLog: { userName: string | null; action: string }[];
        }>();
        expect(data.member).toMatchObject({ name: 'Ida Barn', cpr: '010116-4018' });
        const body = request.body;
        expect(body).not.toContain('Mors mål');
        expect(body).not.toContain('Mors behandling');
        expect(body).not.toContain('Koordinering af mors behandling');
        expect(body).not.toContain('280479');
        expect(data.plan.at(-1)!.part!.goal).toBe('Idas mål');
        expect(data.consents.map((c) => c.purpose)).toEqual(['Skolesamarbejde']);
        expect(data.network.map((p) => p.id)).toEqual([teacherParty.id]);
        expect(data.accessLog.some((e) => e.userName === 'Frida Fagperson')).toBe(false);
        expect(data.accessLog.some((e) => e.userName !== null)).toBe(true);

        const parentRequest = await sara.get(
          `/api/courses/${course.id}/access-request?member=${parent}&hideStaff=true`,
        );
        expect(parentRequest.body).toContain('Mors mål');
        expect(parentRequest.body).not.toContain('Idas mål');
        expect(parentRequest.body).not.toContain('Skolesamarbejde');
        // Staff names are removed; the coordinator stays, as the citizen's own contact.
        expect(parentRequest.body).not.toContain('Frida Fagperson');
        const hidden = parentRequest.json<{
          course: { coordinator: { name: string } };
          plan: { changedBy: string | null }[];
          consents: { recordedBy: string | null; withdrawnBy: string | null }[];
        }>();
        expect(hidden.course.coordinator.name).toBe('Sara Sagsbehandler');
        expect(hidden.plan.every((v) => v.changedBy === null)).toBe(true);
        expect(hidden.consents).toMatchObject([{ recordedBy: null, withdrawnBy: null }]);
        const log = parentRequest.json<{
          accessLog: { userName: string | null; action: string }[];
        }>().accessLog;
        expect(log.length).toBeGreaterThan(0);
        expect(log.every((e) => e.userName === null)).toBe(true);
        expect(log.some((e) => e.action === 'course.read')).toBe(true);

        const pdf = await admin.get(
          `/api/courses/${course.id}/access-request?member=${child}&format=pdf`,
        );
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        expect(
          (await frida.get(`/api/courses/${course.id}/access-request?member=${child}`)).statusCode,
        ).toBe(403);
        expect(
          (await sara.get(`/api/courses/${course.id}/access-request?member=${randomUUID()}`))
            .statusCode,
        ).toBe(404);
      });

      it('deletes a closed course completely except the audit log, which is purged after the retention', async () => {
        expect(
          (await sara.request('DELETE', `/api/courses/${course.id}`, { reason: 'Afsluttet' }))
            .statusCode,
        ).toBe(409);
        expect((await frida.post(`/api/courses/${course.id}/close`)).statusCode).toBe(403);
        const closed = await sara.post(`/api/courses/${course.id}/close`);
        expect(closed.json()).toMatchObject({ status: 'closed' });
        expect(
          (await sara.request('DELETE', `/api/courses/${course.id}`, { reason: '   ' })).statusCode,
        ).toBe(400);
        // A retention in the future keeps an entry through the purge.
        await t.handle.db
          .insertInto('audit_log')
          .values({
            municipality_id: null,
            user_id: null,
            action: 'test.keep',
            entity: 'test',
            entity_id: null,
            citizen_id: parent,
            reason: null,
            detail: '{}',
            purge_after: new Date(Date.now() + 86_400_000),
          })
          .execute();
        const deleted = await admin.request('DELETE', `/api/courses/${course.id}`, {
          reason: 'Borgerens anmodning',
        });
        expect(deleted.statusCode, deleted.body).toBe(204);
        for (const table of ['citizen', 'course_party', 'plan_version', 'consent'] as const) {
          const rows = await t.handle.db
            .selectFrom(table)
            .select('course_id')
            .where('course_id', '=', course.id)
            .execute();
          expect(rows, table).toEqual([]);
        }
        expect((await sara.get(`/api/courses/${course.id}`)).statusCode).toBe(404);
        const kept = await t.handle.db
          .selectFrom('audit_log')
          .select(['action', 'purge_after'])
          .where('citizen_id', 'in', [parent, child])
          .execute();
        expect(kept.length).toBeGreaterThan(10);
        expect(kept.every((e) => e.purge_after !== null)).toBe(true);
        // Entries cannot otherwise be changed.
        await expect(
          sql`UPDATE audit_log SET action = 'x' WHERE citizen_id = ${parent}`.execute(t.handle.db),
        ).rejects.toThrow(/append-only/);

        await t.worker.runDue();
        const left = await t.handle.db
          .selectFrom('audit_log')
          .select('action')
          .where('citizen_id', 'in', [parent, child])
          .execute();
        expect(left.map((e) => e.action)).toEqual(['test.keep']);
      });
    });

    describe('the demo', () => {
      it('has an individual and a family course, and the professional sees the consented one', async () => {
        const mine = (await sara.get('/api/courses')).json<{ courses: CourseView[] }>();
        const names = mine.courses.map((c) => c.citizenName);
        expect(names).toEqual(expect.arrayContaining(['Mikkel Holm', 'Louise Bach']));
        const mikkel = mine.courses.find((c) => c.citizenName === 'Mikkel Holm')!;
        expect(mikkel.complex).toBe(true);
        const seen = (await frida.get(`/api/courses/${mikkel.id}`)).json<CourseView>();
        expect(seen.access).toBe('consent');
        const openapi = (await sara.get('/api/openapi.json')).json<{
          paths: Record<string, unknown>;
        }>();
        for (const path of [
          '/api/courses',
          '/api/courses/{id}',
          '/api/courses/{id}/plan',
          '/api/courses/{id}/plan/compare',
          '/api/courses/{id}/consents',
          '/api/courses/{id}/access-request',
          '/api/citizens/lookup',
        ]) {
          expect(openapi.paths, path).toHaveProperty([path]);
        }
      });
    });
  });
}
