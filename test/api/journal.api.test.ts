/**
 * The course journal and the information register over HTTP on each test database: bad
 * input refused in Danish and English with nothing stored; access exactly as the course's
 * (full reads all, consent only the covered members, minimal and the admin none, another
 * municipality 404); append-only for others, the author's correction window with history
 * and marking as wrong; the duplicate warning; audit rows; and the access request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../contract/courses.schema.js';
import type { CourseJournal, DuplicateInformationDetails } from '../../contract/journal.schema.js';
import { danishToday } from '../../src/courses/course-access.js';
import { addMonths } from '../../src/progression/occasions.js';
import { testDatabases } from '../helpers/databases.js';
import { demoAndOther, OTHER_ADMIN, signedIn } from '../helpers/demo-and-other.js';
import {
  CASEWORKER,
  PROFESSIONAL,
  createCourseFixture,
  giveConsent,
  type CourseFixture,
} from '../helpers/course-fixture.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';

type ErrorBody = { code: string; message: { da: string; en: string }; details?: unknown };

for (const database of testDatabases()) {
  describe(`journal API on ${database.name}`, () => {
    let t: TestApp;
    let sara: TestClient;
    let frida: TestClient;
    let admin: TestClient;
    let otherAdmin: TestClient;
    let course: CourseFixture;
    let members: { main: string; child: string; parent: string };

    const audits = (action: string) =>
      t.handle.db
        .selectFrom('audit_log')
        .select(['user_id', 'citizen_id', 'entity_id', 'detail'])
        .where('action', '=', action)
        .where('entity_id', '=', course.courseId)
        .orderBy('at')
        .execute();
    const journalUrl = () => `/api/courses/${course.courseId}/journal`;
    const infoUrl = () => `/api/courses/${course.courseId}/information`;
    const count = async (table: 'journal_entry' | 'obtained_information') =>
      Number(
        (
          await t.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      t = await startTestApp(database);
      await demoAndOther(t.handle.db);
      sara = await signedIn(t.app, CASEWORKER);
      frida = await signedIn(t.app, PROFESSIONAL);
      admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      otherAdmin = await signedIn(t.app, OTHER_ADMIN.email, OTHER_ADMIN.password);
      course = await createCourseFixture(t.handle.db, sara, {
        kind: 'family',
        startDate: addMonths(danishToday(), -2),
      });
      const view = (await sara.get(`/api/courses/${course.courseId}`)).json<{
        members: { id: string; relation: string }[];
      }>();
      const of = (relation: string) => view.members.find((m) => m.relation === relation)!.id;
      members = { main: of('borger'), child: of('barn'), parent: of('forælder') };
      // Clear the demo's rows, so counts below are this file's.
      await t.handle.db.deleteFrom('journal_entry').execute();
      await t.handle.db.deleteFrom('obtained_information').execute();
    });
    afterAll(async () => t.close());

    it('refuses bad input with a message in Danish and English and stores nothing', async () => {
      const today = danishToday();
      const badEntries: Record<string, unknown>[] = [
        {},
        { text: '   ' },
        { text: 'x'.repeat(4001) },
        { text: 'Med NUL \u0000 tegn' },
        { text: 'Halv \ud800 surrogat' },
        { text: 'Ukendt person', memberId: '00000000-0000-4000-8000-000000000000' },
        { text: 'Ikke et id', memberId: 'nej' },
      ];
      for (const body of badEntries) {
        const response = await sara.post(journalUrl(), body);
        expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        const { message } = response.json<ErrorBody>();
        expect(message.da.length).toBeGreaterThan(0);
        expect(message.en.length).toBeGreaterThan(0);
      }
      const good = {
        what: 'Lægeerklæring',
        sourceName: 'Lægehuset',
        obtainedOn: today,
        keptAt: 'ESDH 2026-123',
      };
      const badInfo: [Record<string, unknown>, string | null][] = [
        [{ ...good, what: '' }, null],
        [{ ...good, keptAt: ' ' }, null],
        [{ ...good, obtainedOn: '2026-02-30' }, null],
        [{ ...good, obtainedOn: addMonths(today, 1) }, 'fremtiden'],
        [{ ...good, sourceName: '' }, 'hvem'],
        [{ ...good, sourcePartyId: '00000000-0000-4000-8000-000000000000' }, 'netværk'],
        [{ ...good, keptAt: 'a\u0000b' }, 'NUL'],
      ];
      for (const [body, danish] of badInfo) {
        const response = await sara.post(infoUrl(), body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        const { message } = response.json<ErrorBody>();
        expect(message.en.length).toBeGreaterThan(0);
        if (danish) expect(message.da).toContain(danish);
      }
      expect(await count('journal_entry')).toBe(0);
      expect(await count('obtained_information')).toBe(0);
      expect(await audits('journal.create')).toEqual([]);
      expect(await audits('information.create')).toEqual([]);
    });

    it('lets the coordinator write entries, newest first, with author, unit and member; audited', async () => {
      const first = await sara.post(journalUrl(), { text: 'Første samtale med familien.' });
      expect(first.statusCode, first.body).toBe(201);
      const second = await sara.post(journalUrl(), {
        text: 'Oliver trives bedre i skolen.',
        memberId: members.child,
      });
      expect(second.statusCode, second.body).toBe(201);
      const journal = second.json<CourseJournal>();
      expect(journal).toMatchObject({ access: 'full', canWrite: true, canWriteCourseWide: true });
      expect(journal.members).toHaveLength(3);
      expect(journal.entries.map((e) => e.text)).toEqual([
        'Oliver trives bedre i skolen.',
        'Første samtale med familien.',
      ]);
      expect(journal.entries[0]).toMatchObject({
        authorName: 'Sara Sagsbehandler',
        memberId: members.child,
        memberName: 'Oliver Hansen',
        canCorrect: true,
        canMarkWrong: true,
        wrong: null,
        history: [],
      });
      expect(journal.entries[0]!.authorUnit).toEqual(expect.any(String));
      expect(journal.entries[1]!.memberId).toBeNull();
      // The course-wide entry is audited for the main citizen, the child's for the child.
      expect((await audits('journal.create')).map((a) => a.citizen_id)).toEqual([
        members.main,
        members.child,
      ]);
      // A read is audited once per citizen it concerns.
      const before = (await audits('journal.read')).length;
      expect((await sara.get(journalUrl())).statusCode).toBe(200);
      const reads = (await audits('journal.read')).slice(before);
      expect(new Set(reads.map((a) => a.citizen_id))).toEqual(
        new Set([members.main, members.child, members.parent]),
      );
      expect(reads[0]!.detail).toEqual({ entries: 2, information: 0 });
    });

    it('shows minimal access nothing, consent only the covered members, and strangers 404', async () => {
      // Frida is a party of the network without consent: minimal.
      const minimal = await frida.get(journalUrl());
      expect(minimal.statusCode).toBe(403);
      expect(minimal.json<ErrorBody>().message.da).toContain('samtykke');
      expect((await frida.post(journalUrl(), { text: 'Hej' })).statusCode).toBe(403);
      // The admin oversees courses but never reads citizens' data.
      expect((await admin.get(journalUrl())).statusCode).toBe(403);
      // Another municipality does not know the course exists.
      expect((await otherAdmin.get(journalUrl())).statusCode).toBe(404);
      expect((await otherAdmin.post(journalUrl(), { text: 'Hej' })).statusCode).toBe(404);

      await giveConsent(sara, course.courseId, {
        purpose: 'Samarbejde om Olivers trivsel',
        partyIds: [course.parties.professional],
        memberIds: [members.child],
        givenOn: danishToday(),
        form: 'digital',
        expiresOn: addMonths(danishToday(), 6),
      });

      const seen = await frida.get(journalUrl());
      expect(seen.statusCode, seen.body).toBe(200);
      const journal = seen.json<CourseJournal>();
      expect(journal).toMatchObject({ access: 'consent', canWriteCourseWide: false });
      expect(journal.members.map((m) => m.id)).toEqual([members.child]);
      expect(journal.entries.map((e) => e.text)).toEqual(['Oliver trives bedre i skolen.']);
      expect(journal.entries[0]).toMatchObject({ canCorrect: false, canMarkWrong: false });
      // Her read is audited for the child only: that is all she was shown.
      const fridaId = (
        await t.handle.db
          .selectFrom('app_user')
          .select('id')
          .where('email', '=', PROFESSIONAL)
          .executeTakeFirstOrThrow()
      ).id;
      const fridaReads = (await audits('journal.read')).filter((a) => a.user_id === fridaId);
      expect(fridaReads.map((a) => a.citizen_id)).toEqual([members.child]);

      // She writes about the child, not about the course as a whole or another member.
      const written = await frida.post(journalUrl(), {
        text: 'Behandlingen er startet.',
        memberId: members.child,
      });
      expect(written.statusCode, written.body).toBe(201);
      for (const memberId of [null, members.parent]) {
        const refused = await frida.post(journalUrl(), { text: 'Om alle', memberId });
        expect(refused.statusCode).toBe(403);
        expect(refused.json<ErrorBody>().message.da).toContain('samtykke');
      }
      // The coordinator reads her entry with her name.
      const full = (await sara.get(journalUrl())).json<CourseJournal>();
      expect(full.entries[0]).toMatchObject({
        text: 'Behandlingen er startet.',
        authorName: 'Frida Fagperson',
        canCorrect: false,
      });
    });

    it('keeps entries append-only: the author corrects within the window with history, or marks wrong', async () => {
      const journal = (await sara.get(journalUrl())).json<CourseJournal>();
      const fridas = journal.entries.find((e) => e.authorName === 'Frida Fagperson')!;
      const saras = journal.entries.find((e) => e.text === 'Første samtale med familien.')!;

      // Others cannot change an entry.
      const refused = await sara.post(`${journalUrl()}/${fridas.id}/correct`, { text: 'Rettet' });
      expect(refused.statusCode).toBe(403);
      expect(
        (await sara.post(`${journalUrl()}/${fridas.id}/wrong`, { reason: 'Nej' })).statusCode,
      ).toBe(403);

      // The author corrects within the window; the earlier text is kept.
      const corrected = await sara.post(`${journalUrl()}/${saras.id}/correct`, {
        text: 'Første samtale med familien og Oliver.',
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
      const after = corrected.json<CourseJournal>().entries.find((e) => e.id === saras.id)!;
      expect(after.text).toBe('Første samtale med familien og Oliver.');
      expect(after.history.map((h) => h.text)).toEqual(['Første samtale med familien.']);
      expect(after.correctedAt).not.toBeNull();
      expect(await audits('journal.correct')).toEqual([
        expect.objectContaining({ citizen_id: members.main, detail: { entryId: saras.id } }),
      ]);

      // After the window it cannot be corrected, only marked as wrong.
      await t.handle.db
        .updateTable('journal_entry')
        .set({ created_at: new Date(Date.now() - 16 * 60_000) } as never)
        .where('id', '=', saras.id)
        .execute();
      const late = await sara.post(`${journalUrl()}/${saras.id}/correct`, { text: 'For sent' });
      expect(late.statusCode).toBe(409);
      expect(late.json<ErrorBody>().message.da).toContain('15 minutter');
      expect(
        (await sara.post(`${journalUrl()}/${saras.id}/wrong`, { reason: ' ' })).statusCode,
      ).toBe(400);
      const wrong = await sara.post(`${journalUrl()}/${saras.id}/wrong`, {
        reason: 'Skrevet på det forkerte forløb',
      });
      expect(wrong.statusCode, wrong.body).toBe(200);
      const marked = wrong.json<CourseJournal>().entries.find((e) => e.id === saras.id)!;
      expect(marked).toMatchObject({
        text: 'Første samtale med familien og Oliver.',
        wrong: { reason: 'Skrevet på det forkerte forløb' },
        canMarkWrong: false,
        canCorrect: false,
      });
      expect(
        (await sara.post(`${journalUrl()}/${saras.id}/wrong`, { reason: 'Igen' })).statusCode,
      ).toBe(409);
      expect(await audits('journal.mark-wrong')).toHaveLength(1);
      // An unknown entry is 404.
      expect(
        (
          await sara.post(`${journalUrl()}/00000000-0000-4000-8000-000000000000/wrong`, {
            reason: 'x',
          })
        ).statusCode,
      ).toBe(404);
    });

    it('registers obtained information and warns about a repeat within 6 months', async () => {
      const today = danishToday();
      const doctor = {
        what: 'Lægeerklæring',
        sourcePartyId: course.parties.doctor,
        obtainedOn: addMonths(today, -5),
        keptAt: 'ESDH sag 2026-0042',
      };
      const first = await sara.post(infoUrl(), doctor);
      expect(first.statusCode, first.body).toBe(201);
      const registered = first.json<CourseJournal>().information;
      expect(registered).toEqual([
        expect.objectContaining({
          what: 'Lægeerklæring',
          sourceName: 'Lægehuset Torvet',
          sourcePartyId: course.parties.doctor,
          registeredBy: 'Sara Sagsbehandler',
          memberId: null,
        }),
      ]);

      // The same kind from the same source (typed slightly differently): 409 naming the first.
      const again = await sara.post(infoUrl(), {
        what: ' lægeerklæring ',
        sourceName: 'Lægehuset Torvet',
        obtainedOn: today,
        keptAt: 'Ny',
      });
      expect(again.statusCode).toBe(409);
      const body = again.json<ErrorBody>();
      expect(body.message.da).toContain('allerede indhentet');
      expect(body.message.en).toContain('already obtained');
      expect((body.details as DuplicateInformationDetails).duplicateOf.id).toBe(registered[0]!.id);
      expect(await count('obtained_information')).toBe(1);

      // Confirmed, it is registered, and the audit says it was a repeat.
      const confirmed = await sara.post(infoUrl(), {
        ...doctor,
        obtainedOn: today,
        confirmDuplicate: true,
      });
      expect(confirmed.statusCode, confirmed.body).toBe(201);
      // Other source, other person or older than 6 months: no warning.
      for (const body of [
        { ...doctor, sourcePartyId: null, sourceName: 'Psykiatrien' },
        { ...doctor, memberId: members.child },
        { ...doctor, obtainedOn: addMonths(today, -12) },
        { ...doctor, what: 'Psykologisk undersøgelse' },
      ]) {
        const response = await sara.post(infoUrl(), body);
        expect(response.statusCode, response.body).toBe(201);
      }
      const creates = await audits('information.create');
      expect(creates.map((a) => (a.detail as { duplicate: boolean }).duplicate)).toEqual([
        false,
        true,
        false,
        false,
        false,
        false,
      ]);
      // Consent access sees only the child's registration.
      const fridas = (await frida.get(journalUrl())).json<CourseJournal>();
      expect(fridas.information.map((i) => i.memberId)).toEqual([members.child]);
    });

    it('puts the journal and the register in the access request, per member', async () => {
      const child = await sara.get(
        `/api/courses/${course.courseId}/access-request?member=${members.child}`,
      );
      expect(child.statusCode, child.body).toBe(200);
      const data = child.json<AccessRequest>();
      expect(data.journal.map((e) => e.text).sort()).toEqual([
        'Behandlingen er startet.',
        'Oliver trives bedre i skolen.',
      ]);
      expect(data.information).toHaveLength(1);
      const main = (
        await sara.get(
          `/api/courses/${course.courseId}/access-request?member=${members.main}&hideStaff=true`,
        )
      ).json<AccessRequest>();
      expect(main.journal).toEqual([
        expect.objectContaining({
          authorName: null,
          text: 'Første samtale med familien og Oliver.',
          history: [expect.objectContaining({ text: 'Første samtale med familien.' })],
          wrong: expect.objectContaining({ reason: 'Skrevet på det forkerte forløb' }),
        }),
      ]);
      expect(main.information.every((i) => i.registeredBy === null)).toBe(true);
      expect(main.information.length).toBe(5);
      const pdf = await sara.get(
        `/api/courses/${course.courseId}/access-request?member=${members.main}&format=pdf`,
      );
      expect(pdf.statusCode).toBe(200);
    });

    it('refuses writing on a closed course, but still reads it', async () => {
      expect((await sara.post(`/api/courses/${course.courseId}/close`)).statusCode).toBe(200);
      const closed = await sara.post(journalUrl(), { text: 'Efter lukning' });
      expect(closed.statusCode).toBe(409);
      const journal = (await sara.get(journalUrl())).json<CourseJournal>();
      expect(journal.canWrite).toBe(false);
      expect(journal.entries.length).toBe(3);
    });
  });
}
