/**
 * Row-level security when the app does not connect as a superuser (PostgreSQL only; PGlite
 * always runs as its superuser): as the tables' owner and a member of `samspil_tenant`, a
 * tenant scope sees only its municipality and the system scope sees all; as an owner that
 * may not use the role, the migration still succeeds and the app runs unrestricted with a
 * warning (the fallback in docs/decisions.md).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { asTenant } from '../../src/db/tenant.js';
import { createMunicipality } from '../../src/municipality/municipality.service.js';

const url = process.env.TEST_DATABASE_URL;

/** A database owned by a new login role that is not a superuser. */
async function ownedDatabase(serverUrl: string, member: boolean) {
  const name = `samspil_owner_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEROLE`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
    if (member) {
      // The role is cluster-wide; another test file may be creating it right now.
      await admin.query(`DO $$ BEGIN CREATE ROLE samspil_tenant NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
      await admin.query(`GRANT samspil_tenant TO ${name}`);
    }
  } finally {
    await admin.end();
  }
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  target.username = name;
  return {
    url: target.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.query(`DROP ROLE IF EXISTS ${name}`);
      } finally {
        await dropper.end();
      }
    },
  };
}

async function seed(handle: DatabaseHandle, slug: string): Promise<string> {
  const id = await createMunicipality(handle.db, {
    name: `Kommune ${slug}`,
    slug,
    adminName: 'Admin',
    adminEmail: `admin@${slug}.dk`,
    adminPassword: 'a-long-password-123',
  });
  await handle.db
    .insertInto('unit')
    .values(
      ['Jobcenter', 'Skole'].map((name) => ({
        municipality_id: id,
        name,
        kind: 'myndighed' as const,
        area_id: null,
        archived_at: null,
      })),
    )
    .execute();
  return id;
}

const units = async (handle: DatabaseHandle) =>
  (await handle.db.selectFrom('unit').select('municipality_id').execute()).map(
    (r) => r.municipality_id,
  );

describe.skipIf(url === undefined)('tenant isolation as a non-superuser owner', () => {
  describe('that is a member of samspil_tenant', () => {
    let database: Awaited<ReturnType<typeof ownedDatabase>>;
    let handle: DatabaseHandle;
    beforeAll(async () => {
      database = await ownedDatabase(url!, true);
      handle = await openDatabase({ kind: 'postgres', url: database.url });
    });
    afterAll(async () => {
      await handle.close();
      await database.drop();
    });

    it('restricts a tenant scope to its municipality and lets the owner see all', async () => {
      expect(handle.tenancy.enabled).toBe(true);
      const a = await seed(handle, 'kommune-a');
      const b = await seed(handle, 'kommune-b');
      expect((await units(handle)).sort()).toEqual([a, a, b, b].sort());
      expect(await asTenant(a, () => units(handle))).toEqual([a, a]);
      expect(await asTenant(b, () => units(handle))).toEqual([b, b]);
      await expect(
        asTenant(a, () =>
          handle.db
            .insertInto('unit')
            .values({ municipality_id: b, name: 'X', kind: 'ekstern', area_id: null })
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  describe('that may not use samspil_tenant', () => {
    let database: Awaited<ReturnType<typeof ownedDatabase>>;
    let handle: DatabaseHandle;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    beforeAll(async () => {
      database = await ownedDatabase(url!, false);
      handle = await openDatabase({ kind: 'postgres', url: database.url });
    });
    afterAll(async () => {
      warn.mockRestore();
      await handle.close();
      await database.drop();
    });

    it('migrates, warns and runs unrestricted (the code’s filters still apply)', async () => {
      expect(handle.tenancy.enabled).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('Row-level security'));
      const a = await seed(handle, 'kommune-a');
      const b = await seed(handle, 'kommune-b');
      expect((await asTenant(a, () => units(handle))).sort()).toEqual([a, a, b, b].sort());
    });
  });
});
