/** Meetings of a course over HTTP on each test database: invitations, reminders, .ics, agreements into the plan, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxTransport } from '../../src/mail/mail-transport.js';
import { createWorker } from '../../src/server/background.js';
import type { Meeting as MeetingView } from '../../contract/meetings.schema.js';
import { testDatabases } from '../helpers/databases.js';
import { signedIn, startDemoApp } from '../helpers/demo-and-other.js';
import {
  CASEWORKER,
  CITIZEN_EMAIL,
  PROFESSIONAL,
  createCourseFixture,
  mailsTo,
  type CourseFixture,
} from '../helpers/course-fixture.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { rerunAfterCrash } from '../helpers/jobs.js';

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

for (const database of testDatabases()) {
  describe(`meetings API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let frida: TestClient;
    let leader: TestClient;
    let course: CourseFixture;
    let base: string;

    beforeAll(async () => {
      t = await startDemoApp(database);
      sara = await signedIn(t.app, CASEWORKER);
      frida = await signedIn(t.app, PROFESSIONAL);
      leader = await signedIn(t.app, 'leder@demo.samspil.dk');
      course = await createCourseFixture(t.handle.db, sara);
      base = `/api/courses/${course.courseId}/meetings`;
    });
    afterAll(async () => t.close());

    const networkMeeting = (extra: Record<string, unknown> = {}) => ({
      kind: 'netvaerk',
      title: 'Første netværksmøde',
      startsAt: inHours(72),
      durationMinutes: 60,
      place: 'Rådhuset, mødelokale 2',
      agenda: 'Hvem gør hvad; næste skridt',
      partyIds: [course.parties.unit, course.parties.doctor, course.parties.professional],
      memberIds: [course.citizenId],
      roles: { facilitator: course.coordinatorPersonId, minuteTaker: course.parties.unit },
      ...extra,
    });

    it('refuses bad meetings and stores nothing', async () => {
      const before = await t.handle.db.selectFrom('mail_message').select('id').execute();
      const past = await sara.post(base, networkMeeting({ startsAt: inHours(-1) }));
      expect(past.statusCode).toBe(400);
      expect(past.json<{ message: { da: string; en: string } }>().message.da).toContain('fortiden');
      const outsider = await sara.post(
        base,
        networkMeeting({ partyIds: [course.parties.unit, '00000000-0000-4000-8000-000000000000'] }),
      );
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json<{ message: { en: string } }>().message.en).toContain('network');
      const staffWithCitizen = await sara.post(base, networkMeeting({ kind: 'personale' }));
      expect(staffWithCitizen.statusCode).toBe(400);
      const roleOutside = await sara.post(
        base,
        networkMeeting({
          partyIds: [course.parties.unit],
          roles: { drawer: course.parties.doctor },
        }),
      );
      expect(roleOutside.statusCode).toBe(400);
      const noPlace = await sara.post(base, networkMeeting({ place: '  ' }));
      expect(noPlace.statusCode).toBe(400);
      const list = (await sara.get(base)).json<{ upcoming: unknown[]; past: unknown[] }>();
      expect(list.upcoming).toEqual([]);
      const after = await t.handle.db.selectFrom('mail_message').select('id').execute();
      expect(after.length).toBe(before.length);
    });

    it('plans a network meeting, invites the coordinator always and everyone invited once', async () => {
      const response = await sara.post(base, networkMeeting());
      expect(response.statusCode, response.body).toBe(201);
      const meeting = response.json<MeetingView>();
      expect(meeting.invitees.map((i) => i.kind)).toEqual([
        'coordinator',
        'party',
        'party',
        'party',
        'member',
      ]);
      expect(meeting.invitees[0]!.id).toBe(course.coordinatorPersonId);
      for (const to of [
        CASEWORKER,
        'jobcenter@demo.samspil.dk',
        'laegehuset@example.dk',
        PROFESSIONAL,
      ]) {
        const mails = await mailsTo(t.handle.db, to, 'meeting-invitation');
        expect(mails, to).toHaveLength(1);
        expect(mails[0]!.body_text).toContain('Rådhuset, mødelokale 2');
        expect(mails[0]!.body_text).toContain(`/meetings/${meeting.id}/ics`);
      }
      // The citizen's mail has no staff link and no name.
      const citizenMail = await mailsTo(t.handle.db, CITIZEN_EMAIL, 'meeting-invitation');
      expect(citizenMail).toHaveLength(1);
      expect(citizenMail[0]!.body_text).not.toContain('/api/');
      expect(citizenMail[0]!.body_text).not.toContain('Mette');
      const list = (await sara.get(base)).json<{ next: MeetingView | null }>();
      expect(list.next?.id).toBe(meeting.id);
      const jobs = await t.handle.db
        .selectFrom('job')
        .select(['dedupe_key', 'run_at'])
        .where('kind', '=', 'meeting-reminder')
        .execute();
      expect(jobs.map((j) => j.dedupe_key)).toEqual([`meeting-reminder:${meeting.id}:0`]);
      expect(jobs[0]!.run_at.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000);
    });

    it('reminds once, from a worker started after the meeting was planned, and never twice', async () => {
      const soon = (
        await sara.post(base, networkMeeting({ startsAt: inHours(2), memberIds: [] }))
      ).json<MeetingView>();
      const remindersBefore = await mailsTo(
        t.handle.db,
        'jobcenter@demo.samspil.dk',
        'meeting-reminder',
      );
      // A fresh worker (as after a restart) finds the job in the database.
      const worker = createWorker(t.handle.db, outboxTransport, { backoffMs: 10 });
      expect(await worker.runDue()).toBeGreaterThan(0);
      await worker.runDue();
      const reminders = await mailsTo(t.handle.db, 'jobcenter@demo.samspil.dk', 'meeting-reminder');
      expect(reminders.length - remindersBefore.length).toBe(1);
      // The same job queued again (as by a crash before it was marked done) mails nobody.
      await rerunAfterCrash(t.handle.db, worker, 'meeting-reminder', {
        meetingId: soon.id,
        sequence: 0,
        publicUrl: 'http://x',
      });
      expect(
        await mailsTo(t.handle.db, 'jobcenter@demo.samspil.dk', 'meeting-reminder'),
      ).toHaveLength(reminders.length);
    });

    it('serves .ics as an RFC 5545 REQUEST and, once cancelled, as METHOD:CANCEL', async () => {
      const meeting = (
        await sara.post(base, networkMeeting({ title: 'Møde; med, komma' }))
      ).json<MeetingView>();
      const ics = await sara.get(`${base}/${meeting.id}/ics`);
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toContain('text/calendar');
      const body = ics.body;
      expect(body).toContain('METHOD:REQUEST\r\n');
      expect(body).toContain('STATUS:CONFIRMED\r\n');
      expect(body).toContain('SEQUENCE:0\r\n');
      expect(body).toContain('Møde\\; med\\, komma');
      expect(body).toContain(`UID:${meeting.id}@samspil`);
      for (const line of body.split('\r\n'))
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(body.replace(/\r\n/g, '')).not.toContain('\n');

      const cancelled = await sara.post(`${base}/${meeting.id}/cancel`);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json<MeetingView>().status).toBe('cancelled');
      const again = await sara.post(`${base}/${meeting.id}/cancel`);
      expect(again.statusCode).toBe(409);
      const patch = await sara.patch(`${base}/${meeting.id}`, { minutes: 'x' });
      expect(patch.statusCode).toBe(409);
      const cancelIcs = (await sara.get(`${base}/${meeting.id}/ics`)).body;
      expect(cancelIcs).toContain('METHOD:CANCEL\r\n');
      expect(cancelIcs).toContain('STATUS:CANCELLED\r\n');
      expect(cancelIcs).toContain('SEQUENCE:1\r\n');
      expect(cancelIcs).not.toContain('METHOD:REQUEST');
      const cancellations = await mailsTo(
        t.handle.db,
        'laegehuset@example.dk',
        'meeting-cancelled',
      );
      expect(cancellations).toHaveLength(1);
    });

    it('moves a meeting (new sequence, new reminder) but never into the past', async () => {
      const meeting = (await sara.post(base, networkMeeting())).json<MeetingView>();
      const back = await sara.patch(`${base}/${meeting.id}`, { startsAt: inHours(-2) });
      expect(back.statusCode).toBe(400);
      const moved = await sara.patch(`${base}/${meeting.id}`, { startsAt: inHours(96) });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json<MeetingView>().sequence).toBe(1);
      const keys = await t.handle.db
        .selectFrom('job')
        .select('dedupe_key')
        .where('dedupe_key', 'like', `meeting-reminder:${meeting.id}:%`)
        .execute();
      expect(keys.map((k) => k.dedupe_key).sort()).toEqual([
        `meeting-reminder:${meeting.id}:0`,
        `meeting-reminder:${meeting.id}:1`,
      ]);
    });

    it('turns agreements into plan actions as one revision, with 409 on a stale base', async () => {
      const meeting = (await sara.post(base, networkMeeting())).json<MeetingView>();
      const outside = await sara.patch(`${base}/${meeting.id}`, {
        agreements: [{ partyId: '00000000-0000-4000-8000-000000000000', text: 'Ring', due: null }],
      });
      expect(outside.statusCode).toBe(400);
      const saved = await sara.patch(`${base}/${meeting.id}`, {
        minutes: 'Vi talte om praktik.',
        agreements: [
          { partyId: course.parties.unit, text: 'Finde praktikplads', due: '2030-01-31' },
          { partyId: course.parties.doctor, text: 'Medicingennemgang', due: null },
        ],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const agreements = saved.json<MeetingView>().agreements;
      expect(agreements).toHaveLength(2);
      const plan = (await sara.get(`/api/courses/${course.courseId}/plan`)).json<{
        version: number;
      }>();
      const stale = await sara.post(`${base}/${meeting.id}/agreements/to-plan`, {
        baseVersion: plan.version - 1 || 99,
        participants: ['Sara Sagsbehandler'],
      });
      expect(stale.statusCode).toBe(409);
      const same = (await sara.get(`/api/courses/${course.courseId}/plan`)).json<{
        version: number;
      }>();
      expect(same.version).toBe(plan.version);
      const applied = await sara.post(`${base}/${meeting.id}/agreements/to-plan`, {
        baseVersion: plan.version,
        participants: ['Sara Sagsbehandler', 'Mette Hansen'],
      });
      expect(applied.statusCode, applied.body).toBe(200);
      expect(applied.json<{ version: number; added: number }>()).toMatchObject({
        version: plan.version + 1,
        added: 2,
      });
      const after = (await sara.get(`/api/courses/${course.courseId}/plan`)).json<{
        version: number;
        plan: {
          parts: { subGoals: { actions: { id: string; text: string; end: string | null }[] }[] }[];
        };
      }>();
      const actions = after.plan.parts[0]!.subGoals.flatMap((g) => g.actions);
      expect(actions.map((a) => a.id).sort()).toEqual(agreements.map((a) => a.id).sort());
      expect(actions.find((a) => a.text === 'Finde praktikplads')!.end).toBe('2030-01-31');
      const twice = await sara.post(`${base}/${meeting.id}/agreements/to-plan`, {
        baseVersion: after.version,
        participants: [],
      });
      expect(twice.statusCode).toBe(400);
      const last = (await sara.get(`/api/courses/${course.courseId}/plan`)).json<{
        version: number;
      }>();
      expect(last.version).toBe(after.version);
      const list = (await sara.get(base)).json<{ upcoming: MeetingView[] }>();
      const reread = list.upcoming.find((m) => m.id === meeting.id)!;
      expect(reread.planVersion).toBe(after.version);
      expect(reread.agreements.every((a) => a.actionId === a.id)).toBe(true);
    });

    it('hides meetings from those without access, and audits reads per citizen', async () => {
      expect(
        (await sara.get('/api/courses/00000000-0000-4000-8000-000000000000/meetings')).statusCode,
      ).toBe(404);
      // The leader is not in the network (or only through a unit, without consent).
      expect([403, 404]).toContain((await leader.get(base)).statusCode);
      // Frida is a network professional without consent: she knows the course exists only.
      expect((await frida.get(base)).statusCode).toBe(403);
      expect((await frida.post(base, networkMeeting())).statusCode).toBe(403);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['action', 'citizen_id'])
        .where('action', 'like', 'meeting.%')
        .execute();
      expect(
        audit.some((a) => a.action === 'meeting.list' && a.citizen_id === course.citizenId),
      ).toBe(true);
      expect(audit.some((a) => a.action === 'meeting.create')).toBe(true);
    });

    it('invites a makker who coordinates beside the lead, in the mail and the calendar file', async () => {
      const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      const org = (await admin.get('/api/org')).json<{
        units: { id: string; name: string }[];
        people: { id: string; name: string; email: string; unitId: string }[];
      }>();
      const familie = org.units.find((u) => u.name === 'Familieafdelingen')!.id;
      const makker = org.people.find((p) => p.unitId === familie && p.email)!;
      const added = await sara.post(`/api/courses/${course.courseId}/coordinators`, {
        personId: makker.id,
        role: 'makker',
      });
      expect(added.statusCode, added.body).toBe(201);

      const response = await sara.post(base, networkMeeting({ title: 'Med makker' }));
      expect(response.statusCode, response.body).toBe(201);
      const meeting = response.json<MeetingView>();
      expect(meeting.invitees.slice(0, 2).map((i) => [i.kind, i.id])).toEqual([
        ['coordinator', course.coordinatorPersonId],
        ['coordinator', makker.id],
      ]);
      const mails = await mailsTo(t.handle.db, makker.email, 'meeting-invitation');
      expect(mails.filter((m) => m.body_text.includes('Med makker'))).toHaveLength(1);
      // The lead organises; the makker attends.
      const ics = (await sara.get(`${base}/${meeting.id}/ics`)).body.replace(/\r\n /g, '');
      expect(ics).toMatch(new RegExp(`ORGANIZER[^\\n]*mailto:${CASEWORKER}`, 'i'));
      expect(ics).toMatch(new RegExp(`ATTENDEE[^\\n]*mailto:${makker.email}`, 'i'));
      // A makker may hold a meeting role.
      const role = await sara.post(
        base,
        networkMeeting({ roles: { facilitator: makker.id, minuteTaker: course.parties.unit } }),
      );
      expect(role.statusCode, role.body).toBe(201);
    });
  });
}
