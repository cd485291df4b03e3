/**
 * Paired and team coordination on each test database, through real HTTP and a real SMTP
 * listener: a co-coordinator ("makker") owns the course as the lead does and loses it when
 * removed, the lead can be handed on, every change mails the network and answers who was
 * told and who was not (a relative is never sent staff mail), and the refusals change
 * nothing. Also the relative (pårørende) in the network and the new laws.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationChange, CourseView, Party } from '../../contract/courses.schema.js';
import type { FidelityDue } from '../../contract/fidelity.schema.js';
import { CASEWORKER, createCourseFixture, type CourseFixture } from '../helpers/course-fixture.js';
import { testDatabases } from '../helpers/databases.js';
import { danishDay } from '../helpers/dates.js';
import {
  createPerson,
  createLogin,
  demoAndOther,
  OTHER_ADMIN,
  signedIn,
} from '../helpers/demo-and-other.js';
import { startSmtpListener, type SmtpListener } from '../helpers/smtp.js';
import { startTestApp, type TestApp, type TestClient } from '../helpers/test-app.js';

interface Org {
  units: { id: string; name: string }[];
  people: { id: string; name: string; email: string; unitId: string }[];
}

const MAKKER_LOGIN = 'team@demo.dk';
const MAKKER_PASSWORD = 'kvist-lampe-fjord-91';

for (const database of testDatabases()) {
  describe(`paired and team coordination on ${database.name}`, () => {
    let t: TestApp;
    let smtp: SmtpListener;
    let sara: TestClient;
    let frida: TestClient;
    let makker: TestClient;
    let makkerPerson: Org['people'][number];
    let saraPersonId: string;
    let otherPersonId: string;
    let course: CourseFixture;

    /** Send what is queued and count what SMTP has received: the mark `delivered` counts from. */
    const mark = async () => {
      await t.worker.runDue();
      return smtp.received.length;
    };

    /** The mails SMTP received since `from`, as recipient → raw message. */
    const delivered = async (from: number) => {
      await t.worker.runDue();
      return smtp.received.slice(from).map((m) => ({ to: m.to[0]!, raw: m.raw }));
    };

    /** Everything about the course's coordination, straight from the database. */
    const coordinationRows = async () => ({
      lead: await t.handle.db
        .selectFrom('course')
        .select(['coordinator_person_id', 'coordinator_role'])
        .where('id', '=', course.courseId)
        .executeTakeFirstOrThrow(),
      others: await t.handle.db
        .selectFrom('course_co_coordinator')
        .select(['person_id', 'role'])
        .where('course_id', '=', course.courseId)
        .orderBy('created_at')
        .execute(),
    });

    beforeAll(async () => {
      smtp = await startSmtpListener();
      t = await startTestApp(database, { env: { SMTP_URL: smtp.url } });
      await demoAndOther(t.handle.db, 2026, t.config.cprKey);
      sara = await signedIn(t.app, CASEWORKER);
      frida = await signedIn(t.app, 'fagperson@demo.samspil.dk');
      const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      const org = (await admin.get('/api/org')).json<Org>();
      saraPersonId = org.people.find((p) => p.email === CASEWORKER)!.id;
      const familie = org.units.find((u) => u.name === 'Familieafdelingen')!.id;
      makkerPerson = org.people.find((p) => p.unitId === familie)!;
      await createLogin(admin, 'sagsbehandler', {
        name: makkerPerson.name,
        email: MAKKER_LOGIN,
        password: MAKKER_PASSWORD,
        personId: makkerPerson.id,
      });
      makker = await signedIn(t.app, MAKKER_LOGIN, MAKKER_PASSWORD);

      const otherAdmin = await signedIn(t.app, OTHER_ADMIN.email, OTHER_ADMIN.password);
      const otherUnit = (
        await otherAdmin.post('/api/org/units', { name: 'Jobcenter', kind: 'myndighed' })
      ).json<{ id: string }>();
      otherPersonId = await createPerson(otherAdmin, 'medarbejder', {
        name: 'Ole Anden',
        email: 'ole@anden.dk',
        unitId: otherUnit.id,
      });

      course = await createCourseFixture(t.handle.db, sara);
    }, 120_000);
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    const url = () => `/api/courses/${course.courseId}`;

    it('takes a relative (pårørende) into the network with a relation, and not as a unit', async () => {
      const before = (await sara.get(url())).json<CourseView>().complexity!;
      const noRelation = await sara.post(`${url()}/parties`, {
        kind: 'external',
        externalType: 'paaroerende',
        name: 'Grethe Hansen',
        task: 'Støtter Mette',
        responseTime: '',
      });
      expect(noRelation.statusCode).toBe(400);
      expect(noRelation.json<{ message: { da: string } }>().message.da).toContain('relation');

      const added = await sara.post(`${url()}/parties`, {
        kind: 'external',
        externalType: 'paaroerende',
        name: 'Grethe Hansen',
        relation: 'mormor',
        email: 'grethe@example.dk',
        task: 'Støtter Mette til møderne',
        responseTime: '',
      });
      expect(added.statusCode, added.body).toBe(201);
      const relative = added.json<Party>();
      expect(relative).toMatchObject({ relation: 'mormor', externalType: 'paaroerende' });

      // A relation belongs to relatives only.
      const wrong = await sara.patch(`${url()}/parties/${course.parties.doctor}`, {
        relation: 'bror',
      });
      expect(wrong.statusCode).toBe(400);
      const changed = await sara.patch(`${url()}/parties/${relative.id}`, { relation: 'mormor' });
      expect(changed.statusCode, changed.body).toBe(200);

      const after = (await sara.get(url())).json<CourseView>().complexity!;
      expect(after).toEqual(before);
    });

    it('takes actions under Barnets lov and the law on young people under 25', async () => {
      const plan = (await sara.get(`${url()}/plan`)).json<{ version: number }>();
      const saved = await sara.request('PUT', `${url()}/plan`, {
        baseVersion: plan.version,
        plan: {
          parts: [
            {
              memberId: course.citizenId,
              dreams: '',
              goal: 'Uddannelse',
              subGoals: [
                {
                  id: randomUUID(),
                  text: 'Vej mod uddannelse',
                  actions: ['barnets-lov', 'unge-under-25'].map((law) => ({
                    id: randomUUID(),
                    text: `Indsats efter ${law}`,
                    responsiblePartyId: course.parties.unit,
                    law,
                    status: 'planlagt',
                  })),
                },
              ],
            },
          ],
        },
        participants: [],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const text = await sara.get(`${url()}/plan/export?format=text&law=barnets-lov`);
      expect(text.statusCode).toBe(200);
      expect(text.body).toContain('Barnets lov');
    });

    it('gives a makker the course while they coordinate, tells the network, and takes it back', async () => {
      expect((await makker.get(url())).statusCode).toBe(404);
      const mailsBefore = await mark();

      const added = await sara.post(`${url()}/coordinators`, {
        personId: makkerPerson.id,
        role: 'makker',
      });
      expect(added.statusCode, added.body).toBe(201);
      const change = added.json<CoordinationChange>();
      expect(change.coordinator.personId).toBe(saraPersonId);
      expect(change.coCoordinators).toEqual([
        expect.objectContaining({ personId: makkerPerson.id, role: 'makker' }),
      ]);
      // The network's parties with e-mail and the makker are told; the relative is not.
      expect(change.notified.sort()).toEqual(
        ['Jobcenter', 'Frida Fagperson', 'Lægehuset Torvet', makkerPerson.name].sort(),
      );
      expect(change.notNotified).toEqual(['Grethe Hansen']);

      const mails = await delivered(mailsBefore);
      expect(mails.map((m) => m.to).sort()).toEqual(
        [
          'jobcenter@demo.samspil.dk',
          'fagperson@demo.samspil.dk',
          'laegehuset@example.dk',
          makkerPerson.email,
        ].sort(),
      );
      for (const mail of mails) {
        expect(mail.raw).toContain('medkoordinator');
        expect(mail.raw).not.toContain('Mette Hansen');
      }

      // The makker now sees and may change what the lead does.
      const view = (await makker.get(url())).json<CourseView>();
      expect(view.access).toBe('full');
      expect(view.coCoordinators.map((c) => c.personId)).toEqual([makkerPerson.id]);
      expect((await makker.get(`${url()}/plan`)).statusCode).toBe(200);
      expect((await makker.get(`${url()}/consents`)).statusCode).toBe(200);
      const listed = (await makker.get('/api/courses')).json<{ courses: { id: string }[] }>();
      expect(listed.courses.map((c) => c.id)).toContain(course.courseId);
      const network = await makker.patch(`${url()}/parties/${course.parties.doctor}`, {
        responseTime: '1 hverdag',
      });
      expect(network.statusCode, network.body).toBe(200);

      const audit = (await sara.get(`${url()}/audit`)).json<{ entries: { action: string }[] }>();
      expect(audit.entries.map((e) => e.action)).toContain('course.coordinator-add');

      const removed = await sara.request('DELETE', `${url()}/coordinators/${makkerPerson.id}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json<CoordinationChange>().coCoordinators).toEqual([]);
      expect((await makker.get(url())).statusCode).toBe(404);
      expect((await makker.get(`${url()}/plan`)).statusCode).toBe(404);
      const after = (await makker.get('/api/courses')).json<{ courses: { id: string }[] }>();
      expect(after.courses.map((c) => c.id)).not.toContain(course.courseId);
    });

    it('refuses the lead, a second time, another municipality and non-owners, and changes nothing', async () => {
      expect(
        (await sara.post(`${url()}/coordinators`, { personId: makkerPerson.id, role: 'makker' }))
          .statusCode,
      ).toBe(201);
      const before = await coordinationRows();
      const mailsBefore = await mark();

      const twice = await sara.post(`${url()}/coordinators`, {
        personId: makkerPerson.id,
        role: 'kontaktperson',
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json<{ message: { da: string } }>().message.da).toContain('allerede');
      const lead = await sara.post(`${url()}/coordinators`, {
        personId: saraPersonId,
        role: 'makker',
      });
      expect(lead.statusCode).toBe(409);
      const other = await sara.post(`${url()}/coordinators`, {
        personId: otherPersonId,
        role: 'makker',
      });
      expect(other.statusCode).toBe(400);
      expect(other.json<{ message: { en: string } }>().message.en).toContain('organisation');
      const removeLead = await makker.request('DELETE', `${url()}/coordinators/${saraPersonId}`);
      expect(removeLead.statusCode).toBe(409);
      expect(removeLead.json<{ message: { da: string } }>().message.da).toContain('tovholder');
      expect(
        (await sara.request('DELETE', `${url()}/coordinators/${randomUUID()}`)).statusCode,
      ).toBe(404);
      const sameLead = await sara.request('PUT', `${url()}/coordinators/lead`, {
        personId: saraPersonId,
        role: 'makker',
      });
      expect(sameLead.statusCode).toBe(409);
      // A network professional sees the course but may not change its coordinators.
      const notOwner = await frida.post(`${url()}/coordinators`, {
        personId: makkerPerson.id,
        role: 'makker',
      });
      expect([403, 404]).toContain(notOwner.statusCode);

      expect(await coordinationRows()).toEqual(before);
      expect(await delivered(mailsBefore)).toEqual([]);
    });

    it('hands the lead to the makker, keeping the previous lead beside them, and tells everyone', async () => {
      const mailsBefore = await mark();
      const changed = await sara.request('PUT', `${url()}/coordinators/lead`, {
        personId: makkerPerson.id,
        role: 'koordinerende-sagsbehandler',
        keepPrevious: true,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      const change = changed.json<CoordinationChange>();
      expect(change.coordinator).toMatchObject({
        personId: makkerPerson.id,
        role: 'koordinerende-sagsbehandler',
      });
      expect(change.coCoordinators).toEqual([
        expect.objectContaining({ personId: saraPersonId, role: 'koordinerende-sagsbehandler' }),
      ]);
      expect(change.notNotified).toEqual(['Grethe Hansen']);
      expect(await coordinationRows()).toEqual({
        lead: {
          coordinator_person_id: makkerPerson.id,
          coordinator_role: 'koordinerende-sagsbehandler',
        },
        others: [{ person_id: saraPersonId, role: 'koordinerende-sagsbehandler' }],
      });
      const mails = await delivered(mailsBefore);
      expect(mails.map((m) => m.to)).toContain('fagperson@demo.samspil.dk');
      expect(mails.map((m) => m.to)).toContain(makkerPerson.email);
      expect(mails.every((m) => m.raw.includes('ny tovholder'))).toBe(true);

      // The new lead can now remove the previous one, who keeps only what creating the course gave.
      const removed = await makker.request('DELETE', `${url()}/coordinators/${saraPersonId}`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect((await coordinationRows()).others).toEqual([]);
    });

    it('tells the network when the lead is changed through the course itself', async () => {
      const mailsBefore = await mark();
      const patched = await sara.patch(url(), {
        coordinator: { personId: saraPersonId, role: 'koordinerende-sagsbehandler' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json<CourseView>().coordinator.personId).toBe(saraPersonId);
      const mails = await delivered(mailsBefore);
      expect(mails.map((m) => m.to)).toContain(makkerPerson.email);
    });

    it("shows a makker the course's due fidelity checklist while they coordinate", async () => {
      const dueCourses = async () =>
        (await makker.get('/api/fidelity/due')).json<FidelityDue>().due.map((d) => d.courseId);
      // Seven months in, the six-month checklist is due.
      await t.handle.db
        .updateTable('course')
        .set({ start_date: danishDay(-213) })
        .where('id', '=', course.courseId)
        .execute();
      expect(await dueCourses()).not.toContain(course.courseId);
      const added = await sara.post(`${url()}/coordinators`, {
        personId: makkerPerson.id,
        role: 'makker',
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(await dueCourses()).toContain(course.courseId);
      await sara.request('DELETE', `${url()}/coordinators/${makkerPerson.id}`);
      expect(await dueCourses()).not.toContain(course.courseId);
    });
  });
}
