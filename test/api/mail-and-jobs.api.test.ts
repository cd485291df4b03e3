/**
 * Mail over a real SMTP listener through the job queue: invitations are delivered,
 * retried after a temporary failure, marked failed after the last attempt, never sent
 * twice by two workers, and their stored copies lose the personal link once sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { enqueueJob } from '../../src/jobs/job.repository.js';
import { JobWorker } from '../../src/jobs/job-worker.js';
import { smtpTransport } from '../../src/mail/mail-transport.js';
import {
  INTERRUPTED,
  queueMail,
  sendMailHandler,
  SEND_MAIL_JOB,
} from '../../src/mail/mail.service.js';
import { testDatabases } from '../helpers/databases.js';
import { createMeasurement } from '../helpers/measurement-fixture.js';
import { startSmtpListener, type SmtpListener } from '../helpers/smtp.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';
import { signedIn } from '../helpers/demo-and-other.js';

for (const database of testDatabases()) {
  describe(`mail and jobs on ${database.name}`, () => {
    let smtp: SmtpListener;
    let t: TestApp;
    let owner: TestClient;

    beforeAll(async () => {
      smtp = await startSmtpListener();
      t = await startTestApp(database, { env: { SMTP_URL: smtp.url } });
      await createDemoMunicipality(t.handle.db);
      owner = await signedIn(t.app, 'analytiker@demo.samspil.dk');
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    it('delivers invitations over SMTP in the background and redacts the stored links', async () => {
      const { id, org } = await createMeasurement(owner, ['Egen læge', 'Regionspsykiatrien']);
      const unitIds = org.units
        .filter((u) => ['Egen læge', 'Regionspsykiatrien'].includes(u.name))
        .map((u) => u.id);
      await owner.post(`/api/measurements/${id}/invitations`, { unitIds });
      expect((await owner.post(`/api/measurements/${id}/open`)).statusCode).toBe(200);
      expect(smtp.received).toHaveLength(0);
      smtp.failNext(1);
      await t.worker.runDue();
      await new Promise((r) => setTimeout(r, 50));
      await t.worker.runDue();
      expect(smtp.received).toHaveLength(16);
      const body = (smtp.received[0]?.raw ?? '')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      expect(body).toMatch(/\/s\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}/);
      const outbox = (await owner.get('/api/outbox')).json<{
        smtpConfigured: boolean;
        mails: { status: string; body: string; attempts: number }[];
      }>();
      expect(outbox.smtpConfigured).toBe(true);
      expect(outbox.mails.every((m) => m.status === 'sent')).toBe(true);
      expect(outbox.mails.some((m) => m.attempts === 2)).toBe(true);
      expect(outbox.mails.every((m) => !/\/s\/[0-9a-f-]{36}\//.test(m.body))).toBe(true);
      const rates = (await owner.get(`/api/measurements/${id}/responses`)).json<{
        mail: Record<string, number>;
      }>();
      expect(rates.mail).toEqual({ sent: 16 });
    });

    it('marks a mail failed after its last attempt, visible to the owner', async () => {
      const municipality = await t.handle.db
        .selectFrom('municipality')
        .select('id')
        .executeTakeFirstOrThrow();
      const transport = smtpTransport(smtp.url, 'test@samspil.local');
      const mailId = await t.handle.db.transaction().execute(async (trx) => {
        const id = await queueMail(trx, transport, {
          municipalityId: municipality.id,
          kind: 'test',
          to: 'someone@example.dk',
          subject: 'Hej',
          text: 'Tekst',
        });
        await trx
          .updateTable('job')
          .set({ max_attempts: 2 })
          .where('kind', '=', SEND_MAIL_JOB)
          .where('done_at', 'is', null)
          .execute();
        return id;
      });
      smtp.failNext(2);
      await t.worker.runDue();
      await new Promise((r) => setTimeout(r, 50));
      await t.worker.runDue();
      const mail = await t.handle.db
        .selectFrom('mail_message')
        .selectAll()
        .where('id', '=', mailId)
        .executeTakeFirstOrThrow();
      expect(mail.status).toBe('failed');
      expect(mail.last_error).toMatch(/Try again later/);
      transport.close();
    });

    it('two workers never run the same job twice', async () => {
      const transport = smtpTransport(smtp.url, 'test@samspil.local');
      const before = smtp.received.length;
      for (let i = 0; i < 20; i++) {
        await queueMail(t.handle.db, transport, {
          municipalityId: null,
          kind: 'test',
          to: `person${i}@example.dk`,
          subject: `Mail ${i}`,
          text: 'x',
        });
      }
      const a = new JobWorker(
        t.handle.db,
        { [SEND_MAIL_JOB]: sendMailHandler(t.handle.db, transport) },
        { batch: 3 },
      );
      const b = new JobWorker(
        t.handle.db,
        { [SEND_MAIL_JOB]: sendMailHandler(t.handle.db, transport) },
        { batch: 3 },
      );
      for (let round = 0; round < 10; round++) await Promise.all([a.runDue(), b.runDue()]);
      const subjects = smtp.received
        .slice(before)
        .map((m) => /Subject: (Mail \d+)/.exec(m.raw)?.[1]);
      expect(subjects).toHaveLength(20);
      expect(new Set(subjects).size).toBe(20);
      transport.close();
    });

    it('never resends a mail whose sending was interrupted, and names each mail by its id', async () => {
      const transport = smtpTransport(smtp.url, 'test@samspil.local');
      const worker = new JobWorker(t.handle.db, {
        [SEND_MAIL_JOB]: sendMailHandler(t.handle.db, transport),
      });
      const before = smtp.received.length;
      const sentId = await queueMail(t.handle.db, transport, {
        municipalityId: null,
        kind: 'test',
        to: 'sendt@example.dk',
        subject: 'Sendes',
        text: 'x',
      });
      const cutId = await queueMail(t.handle.db, transport, {
        municipalityId: null,
        kind: 'test',
        to: 'afbrudt@example.dk',
        subject: 'Afbrudt',
        text: 'x',
      });
      // A process that died between SMTP and the "sent" mark left the mail `sending`
      // (its job claim has lapsed, so the job is due again).
      await t.handle.db
        .updateTable('mail_message')
        .set({ status: 'sending', attempts: 1 })
        .where('id', '=', cutId)
        .execute();
      await worker.runDue();
      const received = smtp.received.slice(before);
      expect(received.map((m) => m.to)).toEqual([['sendt@example.dk']]);
      expect(received[0]!.raw).toContain(`Message-ID: <${sentId}@samspil>`);
      const rows = await t.handle.db
        .selectFrom('mail_message')
        .select(['id', 'status', 'last_error', 'attempts'])
        .where('id', 'in', [sentId, cutId])
        .execute();
      expect(rows.find((r) => r.id === sentId)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(rows.find((r) => r.id === cutId)).toMatchObject({
        status: 'failed',
        last_error: INTERRUPTED,
      });
      // Running the jobs again sends nothing more.
      await enqueueJob(t.handle.db, { kind: SEND_MAIL_JOB, payload: { mailId: sentId } });
      await worker.runDue();
      expect(smtp.received.length - before).toBe(1);
      transport.close();
    });

    it('renews a claim while a job runs, and gives back unstarted claims when stopping', async () => {
      let release!: () => void;
      const blocked = new Promise<void>((resolve) => (release = resolve));
      const runs: number[] = [];
      const slow = new JobWorker(
        t.handle.db,
        {
          lease: async (payload) => {
            runs.push(Number(payload.n));
            if (payload.n === 0) await blocked;
          },
        },
        { lockMs: 300, pollMs: 20 },
      );
      const other = new JobWorker(
        t.handle.db,
        { lease: async (payload) => void runs.push(Number(payload.n)) },
        { lockMs: 300 },
      );
      for (let n = 0; n < 3; n++) {
        await enqueueJob(t.handle.db, { kind: 'lease', payload: { n }, runAt: new Date(0) });
      }
      slow.start();
      while (runs.length === 0) await new Promise((r) => setTimeout(r, 10));
      // Three leases' worth later the claims are still held: the other worker gets nothing.
      await new Promise((r) => setTimeout(r, 900));
      await other.runDue();
      expect(runs).toEqual([0]);
      // Stopping finishes the job in hand and gives back the two not started at once.
      const stopped = slow.stop();
      release();
      await stopped;
      const held = await t.handle.db
        .selectFrom('job')
        .select(['locked_until', 'attempts'])
        .where('kind', '=', 'lease')
        .where('done_at', 'is', null)
        .execute();
      expect(held).toEqual([
        { locked_until: null, attempts: 0 },
        { locked_until: null, attempts: 0 },
      ]);
      await other.runDue();
      expect(runs.sort()).toEqual([0, 1, 2]);
    });

    it('queues a deduplicated job only once', async () => {
      await enqueueJob(t.handle.db, { kind: 'noop', payload: {}, dedupeKey: 'once' });
      await enqueueJob(t.handle.db, { kind: 'noop', payload: {}, dedupeKey: 'once' });
      const rows = await t.handle.db
        .selectFrom('job')
        .select('id')
        .where('dedupe_key', '=', 'once')
        .execute();
      expect(rows).toHaveLength(1);
    });
  });
}
