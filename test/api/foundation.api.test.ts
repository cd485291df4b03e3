/**
 * The foundation through the HTTP API on each test database: login and sessions,
 * CSRF, tenant isolation, the organisation and its import, users and the audit log.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../contract/audit.schema.js';
import type { SessionUser } from '../../contract/auth.schema.js';
import type { ImportReport, Organisation as Org, Unit } from '../../contract/org.schema.js';
import type { User } from '../../contract/users.schema.js';
import { ABSOLUTE_TIMEOUT_MS } from '../../src/auth/auth.service.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { testDatabases } from '../helpers/databases.js';
import { demoAndOther, OTHER_ADMIN, signedIn } from '../helpers/demo-and-other.js';
import { startTestApp, TestClient, type TestApp } from '../helpers/test-app.js';

for (const database of testDatabases()) {
  describe(`foundation API on ${database.name}`, () => {
    let t: TestApp;
    let analyst: TestClient;
    let otherAdmin: TestClient;

    beforeAll(async () => {
      t = await startTestApp(database);
      await demoAndOther(t.handle.db);
      analyst = await signedIn(t.app, 'analytiker@demo.samspil.dk');
      otherAdmin = await signedIn(t.app, OTHER_ADMIN.email, OTHER_ADMIN.password);
    });
    afterAll(async () => t.close());

    const org = async (client: TestClient) => (await client.get('/api/org')).json<Org>();

    describe('sessions and security', () => {
      it('refuses a wrong password with a message in both languages', async () => {
        const client = await new TestClient(t.app).start();
        const response = await client.login('analytiker@demo.samspil.dk', 'wrong password');
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({
          code: 'invalid_credentials',
          message: {
            da: expect.stringContaining('adgangskode'),
            en: expect.stringContaining('password'),
          },
        });
      });

      it('refuses state-changing requests without the CSRF token', async () => {
        const addUnit = (csrfToken: string) =>
          analyst.request(
            'POST',
            '/api/org/units',
            { name: 'X', kind: 'ekstern' },
            { 'x-csrf-token': csrfToken },
          );
        const response = await addUnit('');
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ code: 'csrf_failed' });
        const forged = await addUnit('forged.token');
        expect(forged.statusCode).toBe(403);
        expect((await org(analyst)).units.some((u) => u.name === 'X')).toBe(false);
      });

      it('refuses a login without the CSRF token', async () => {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'analytiker@demo.samspil.dk', password: DEMO_PASSWORD },
        });
        expect(response.statusCode).toBe(403);
      });

      it('sets HttpOnly SameSite=Strict cookies and a new session id at every login', async () => {
        const client = await new TestClient(t.app).start();
        const first = await client.login('leder@demo.samspil.dk', DEMO_PASSWORD);
        const cookie = first.cookies.find((c) => c.name.endsWith('sid'));
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
        const second = await client.login('leder@demo.samspil.dk', DEMO_PASSWORD);
        const again = second.cookies.find((c) => c.name.endsWith('sid'));
        expect(again?.value).toBeDefined();
        expect(again?.value).not.toBe(cookie?.value);
      });

      it('answers 401 session_expired for a session past its idle or absolute timeout', async () => {
        const client = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
        expect((await client.get('/api/me')).statusCode).toBe(200);
        await sql`UPDATE session SET last_seen_at = now() - interval '31 minutes'
                  WHERE user_id = (SELECT id FROM app_user WHERE email = 'sagsbehandler@demo.samspil.dk')`.execute(
          t.handle.db,
        );
        const idle = await client.get('/api/me');
        expect(idle.statusCode).toBe(401);
        expect(idle.json()).toMatchObject({ code: 'session_expired' });

        await client.login('sagsbehandler@demo.samspil.dk', DEMO_PASSWORD);
        await sql`UPDATE session SET created_at = now() - ${`${ABSOLUTE_TIMEOUT_MS + 1000} milliseconds`}::interval
                  WHERE user_id = (SELECT id FROM app_user WHERE email = 'sagsbehandler@demo.samspil.dk')`.execute(
          t.handle.db,
        );
        expect((await client.get('/api/me')).json()).toMatchObject({ code: 'session_expired' });
      });

      it('answers 401 without a session', async () => {
        const response = await t.app.inject({ method: 'GET', url: '/api/org' });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ code: 'unauthenticated' });
      });

      it('sends security headers', async () => {
        const response = await t.app.inject({ method: 'GET', url: '/api/session' });
        expect(response.headers['content-security-policy']).toContain("default-src 'self'");
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['x-frame-options']).toBeDefined();
      });

      it('rate-limits login attempts per client', async () => {
        const client = await new TestClient(t.app, '10.9.9.9').start();
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) {
          const response = await client.request('POST', '/api/auth/login', {
            email: 'nobody@example.dk',
            password: 'x',
          });
          statuses.push(response.statusCode);
        }
        expect(statuses).toContain(429);
      });

      it('serves the OpenAPI description and the front page', async () => {
        const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
        expect(openapi.statusCode).toBe(200);
        expect(openapi.json<{ paths: Record<string, unknown> }>().paths).toHaveProperty('/api/org');
        expect((await t.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
      });
    });

    describe('tenants', () => {
      it('shows each municipality only its own organisation', async () => {
        const demo = await org(analyst);
        const other = await org(otherAdmin);
        expect(demo.units.length).toBeGreaterThanOrEqual(10);
        expect(other.units).toEqual([]);
      });

      it("answers 404 for another municipality's ids and changes nothing", async () => {
        const unit = (await org(analyst)).units[0]!;
        const response = await otherAdmin.patch(`/api/org/units/${unit.id}`, { name: 'Stolen' });
        expect(response.statusCode).toBe(404);
        expect(JSON.stringify(response.json())).not.toContain(unit.name);
        expect((await org(analyst)).units.find((u) => u.id === unit.id)?.name).toBe(unit.name);
      });

      it('takes the municipality from the session, never from the request', async () => {
        const created = await otherAdmin.post('/api/org/units', {
          name: 'Egen enhed',
          kind: 'udfører',
          municipalityId: (await analyst.get('/api/me')).json<SessionUser>().municipality.id,
        });
        expect(created.statusCode).toBe(201);
        expect((await org(analyst)).units.some((u) => u.name === 'Egen enhed')).toBe(false);
        expect((await org(otherAdmin)).units.some((u) => u.name === 'Egen enhed')).toBe(true);
      });
    });

    describe('organisation', () => {
      it('creates, edits, archives and restores a unit, stores hostile names as text', async () => {
        const hostile = `<script>alert(1)</script>'); DROP TABLE unit; --`;
        const created = await analyst.post('/api/org/units', { name: hostile, kind: 'ekstern' });
        expect(created.statusCode).toBe(201);
        const unit = created.json<Unit>();
        expect(unit.name).toBe(hostile);
        expect(
          (await analyst.patch(`/api/org/units/${unit.id}`, { kind: 'udfører' })).json(),
        ).toMatchObject({
          kind: 'udfører',
        });
        expect(
          (await analyst.patch(`/api/org/units/${unit.id}`, { archived: true })).json(),
        ).toMatchObject({
          archived: true,
        });
        expect((await org(analyst)).units.some((u) => u.id === unit.id)).toBe(false);
        const withArchived = (await analyst.get('/api/org?includeArchived=true')).json<Org>();
        expect(withArchived.units.find((u) => u.id === unit.id)?.archived).toBe(true);
        expect(
          (await analyst.patch(`/api/org/units/${unit.id}`, { archived: false })).statusCode,
        ).toBe(200);
      });

      it('rejects a unit name of 10 000 characters and an unknown kind', async () => {
        const long = await analyst.post('/api/org/units', {
          name: 'x'.repeat(10_000),
          kind: 'ekstern',
        });
        expect(long.statusCode).toBe(400);
        expect(long.json()).toMatchObject({ code: 'validation_failed' });
        const kind = await analyst.post('/api/org/units', { name: 'Y', kind: 'ukendt' });
        expect(kind.statusCode).toBe(400);
      });

      it('refuses a duplicate unit name and a duplicate e-mail with 409', async () => {
        expect(
          (await analyst.post('/api/org/units', { name: 'jobcenter', kind: 'myndighed' }))
            .statusCode,
        ).toBe(409);
        const { units, people } = await org(analyst);
        const response = await analyst.post('/api/org/people', {
          name: 'Ny Person',
          email: people[0]!.email.toUpperCase(),
          role: 'medarbejder',
          unitId: units[0]!.id,
        });
        expect(response.statusCode).toBe(409);
      });

      it('refuses archiving a unit that still has people', async () => {
        const { units, people } = await org(analyst);
        const busy = units.find((u) => people.some((p) => p.unitId === u.id))!;
        expect(
          (await analyst.patch(`/api/org/units/${busy.id}`, { archived: true })).statusCode,
        ).toBe(409);
      });

      it('does not let a caseworker change the organisation', async () => {
        const caseworker = await signedIn(t.app, 'sagsbehandler@demo.samspil.dk');
        expect((await caseworker.get('/api/org')).statusCode).toBe(200);
        expect(
          (await caseworker.post('/api/org/units', { name: 'Z', kind: 'ekstern' })).statusCode,
        ).toBe(403);
      });
    });

    describe('organisation import', () => {
      const header = 'område;enhed;type;navn;email;rolle\r\n';

      it('previews a valid Danish Excel file (BOM, semicolons) and then imports it', async () => {
        const file =
          '\uFEFF' +
          header +
          'Beskæftigelse;Virksomhedsservice;myndighed;Ole Olsen;ole@demo.dk;leder\r\n' +
          'Beskæftigelse;Virksomhedsservice;;Pia Pia;pia@demo.dk;medarbejder\r\n' +
          'Eksterne;Kriminalforsorgen;ekstern;;;\r\n';
        const preview = await analyst.upload('/api/org/import?commit=false', 'org.csv', file);
        expect(preview.statusCode).toBe(200);
        const report = preview.json<ImportReport>();
        expect(report.errors).toEqual([]);
        expect(report.committed).toBe(false);
        expect(report.plan.units.map((u) => u.action)).toEqual(['create', 'create']);
        expect((await org(analyst)).units.some((u) => u.name === 'Virksomhedsservice')).toBe(false);

        const done = await analyst.upload('/api/org/import?commit=true', 'org.csv', file);
        expect(done.statusCode).toBe(200);
        const after = await org(analyst);
        const unit = after.units.find((u) => u.name === 'Virksomhedsservice');
        expect(unit?.kind).toBe('myndighed');
        expect(
          after.people
            .filter((p) => p.unitId === unit?.id)
            .map((p) => p.email)
            .sort(),
        ).toEqual(['ole@demo.dk', 'pia@demo.dk']);
        expect(after.units.some((u) => u.name === 'Kriminalforsorgen')).toBe(true);
      });

      it('imports nothing when one row is invalid, and reports every bad row with its line', async () => {
        const before = await org(analyst);
        const file =
          header +
          'A;Ny enhed;udfører;Anna A;anna@x.dk;medarbejder\n' +
          'A;Anden enhed;ukendt-type;;;\n' +
          'A;Findes ikke;;Bo B;bo@x.dk;leder\n' +
          'A;Ny enhed;;Cim C;anna@x.dk;chef\n' +
          `A;${'x'.repeat(10_000)};ekstern;;;\n`;
        const response = await analyst.upload('/api/org/import?commit=true', 'org.csv', file);
        expect(response.statusCode).toBe(422);
        const body = response.json<{
          code: string;
          details: { errors: { line: number; message: { en: string } }[] };
        }>();
        expect(body.code).toBe('import_invalid');
        const lines = body.details.errors.map((e) => e.line);
        expect(lines).toEqual(expect.arrayContaining([3, 4, 5, 6]));
        const text = body.details.errors.map((e) => `${e.line}: ${e.message.en}`).join('\n');
        expect(text).toMatch(/3: Unknown kind "ukendt-type"/);
        expect(text).toMatch(/4: The unit "Findes ikke" does not exist/);
        expect(text).toMatch(/5: .*also appears on line 2/);
        expect(text).toMatch(/5: Unknown role "chef"/);
        expect(text).toMatch(/6: .*too long/);
        expect(await org(analyst)).toEqual(before);
      });

      it('rejects wrong columns, an empty file, a binary file and a file over 10 MB', async () => {
        const wrong = await analyst.upload('/api/org/import', 'org.csv', 'name,department\nA,B\n');
        expect(
          wrong.json<{ errors: { message: { en: string } }[] }>().errors[0]?.message.en,
        ).toMatch(/Unknown column/);
        const empty = await analyst.upload('/api/org/import', 'org.csv', '');
        expect(empty.statusCode).toBe(400);
        expect(empty.json()).toMatchObject({
          code: 'import_invalid',
          message: { en: 'The file is empty.' },
        });
        const binary = await analyst.upload(
          '/api/org/import',
          'org.pdf',
          Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe]),
        );
        expect(binary.statusCode).toBe(415);
        expect(binary.json()).toMatchObject({ code: 'unsupported_file' });
        const huge = await analyst.upload(
          '/api/org/import',
          'org.csv',
          Buffer.alloc(50 * 1024 * 1024, 'a'),
        );
        expect(huge.statusCode).toBe(413);
        expect(huge.json()).toMatchObject({ code: 'payload_too_large' });
      });

      it('reads an XLSX file', async () => {
        const ExcelJS = (await import('exceljs')).default;
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Organisation');
        sheet.addRow(['område', 'enhed', 'type', 'navn', 'email', 'rolle']);
        sheet.addRow([
          'Sundhed',
          'Hjemmeplejen',
          'udfører',
          'Kim Kim',
          'kim@demo.dk',
          'medarbejder',
        ]);
        const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
        const response = await analyst.upload('/api/org/import?commit=true', 'org.xlsx', bytes);
        expect(response.statusCode).toBe(200);
        expect((await org(analyst)).people.some((p) => p.email === 'kim@demo.dk')).toBe(true);
      });
    });

    describe('users and audit', () => {
      it('lets an admin create a user who can log in, and records it in the audit log', async () => {
        const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
        const weak = await admin.post('/api/users', {
          name: 'Ny',
          email: 'ny@demo.dk',
          role: 'analytiker',
          password: 'short',
        });
        expect(weak.statusCode).toBe(400);
        const created = await admin.post('/api/users', {
          name: 'Ny Analytiker',
          email: 'ny@demo.dk',
          role: 'analytiker',
          password: 'a-long-password-1',
        });
        expect(created.statusCode).toBe(201);
        expect(
          (await new TestClient(t.app).login('ny@demo.dk', 'a-long-password-1')).statusCode,
        ).toBe(200);
        const audit = (await admin.get('/api/audit')).json<AuditEntry[]>();
        expect(audit.some((e) => e.action === 'create' && e.entity === 'user')).toBe(true);
        expect(audit.some((e) => e.action === 'import' && e.entity === 'organisation')).toBe(true);
      });

      it('keeps the last active admin and refuses non-admins', async () => {
        const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
        const self = (await admin.get('/api/me')).json<SessionUser>();
        expect((await admin.patch(`/api/users/${self.id}`, { role: 'leder' })).statusCode).toBe(
          409,
        );
        expect((await analyst.get('/api/users')).statusCode).toBe(403);
        expect((await analyst.get('/api/audit')).statusCode).toBe(403);
      });

      it('disabling a user ends their sessions at once', async () => {
        const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
        const leader = await signedIn(t.app, 'leder@demo.samspil.dk');
        const users = (await admin.get('/api/users')).json<User[]>();
        const id = users.find((u) => u.email === 'leder@demo.samspil.dk')!.id;
        expect((await admin.patch(`/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
        expect((await leader.get('/api/me')).statusCode).toBe(401);
        expect((await admin.patch(`/api/users/${id}`, { disabled: false })).statusCode).toBe(200);
      });

      it('lets users change their own password; other sessions end, this one stays', async () => {
        const admin = await signedIn(t.app, 'admin@demo.samspil.dk');
        await admin.post('/api/users', {
          name: 'Skift Selv',
          email: 'skift@demo.dk',
          role: 'sagsbehandler',
          password: 'initial-password-1',
        });
        const here = new TestClient(t.app);
        const elsewhere = new TestClient(t.app);
        await here.login('skift@demo.dk', 'initial-password-1');
        await elsewhere.login('skift@demo.dk', 'initial-password-1');
        const wrong = await here.post('/api/me/password', {
          currentPassword: 'not it',
          newPassword: 'a-brand-new-password',
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
        const weak = await here.post('/api/me/password', {
          currentPassword: 'initial-password-1',
          newPassword: 'short',
        });
        expect(weak.statusCode).toBe(400);
        const done = await here.post('/api/me/password', {
          currentPassword: 'initial-password-1',
          newPassword: 'a-brand-new-password',
        });
        expect(done.statusCode).toBe(204);
        expect((await here.get('/api/me')).statusCode).toBe(200);
        expect((await elsewhere.get('/api/me')).statusCode).toBe(401);
        expect(
          (await new TestClient(t.app).login('skift@demo.dk', 'initial-password-1')).statusCode,
        ).toBe(401);
        expect(
          (await new TestClient(t.app).login('skift@demo.dk', 'a-brand-new-password')).statusCode,
        ).toBe(200);
      });

      it('the audit log cannot be changed or deleted', async () => {
        await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.handle.db)).rejects.toThrow(
          /append-only/,
        );
        await expect(sql`DELETE FROM audit_log`.execute(t.handle.db)).rejects.toThrow(
          /append-only/,
        );
      });
    });
  });
}
