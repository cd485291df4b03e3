/**
 * Migration 0025 on a database that has what it cleans up: built up to 0024, given people
 * with two logins each (as 0023's matching by e-mail and admins' choices could leave them),
 * then migrated on. Per person, the login with the person's e-mail (else the oldest) keeps
 * the person, the others lose it, and from then on a person is one login at most.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/connection.js';
import { migrations } from '../../src/db/migrations/index.js';
import { PGliteDialect } from '../../src/db/pglite-dialect.js';
import type { Database } from '../../src/db/schema.js';
import { createPostgresDatabase } from '../helpers/databases.js';

/** A database with no migrations run yet, on PGlite and (when configured) PostgreSQL. */
interface BareDatabase {
  name: string;
  open: () => Promise<{ db: Kysely<Database>; close: () => Promise<void> }>;
}

function bareDatabases(): BareDatabase[] {
  const list: BareDatabase[] = [
    {
      name: 'pglite',
      open: async () => {
        const db = new Kysely<Database>({
          dialect: new PGliteDialect(await PGlite.create(), { enabled: false }),
        });
        return { db, close: () => db.destroy() };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url)
    list.push({
      name: 'postgres',
      open: async () => {
        const created = await createPostgresDatabase(url);
        const db = new Kysely<Database>({
          dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: created.url }) }),
        });
        return {
          db,
          close: async () => {
            await db.destroy();
            await created.drop();
          },
        };
      },
    });
  return list;
}

describe.each(bareDatabases())('migration 0025 on $name', ({ open }) => {
  it('leaves each person one login: the one with their e-mail, else the oldest', async () => {
    const { db, close } = await open();
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const before = await migrator.migrateTo('0024-fidelity');
      expect(before.error).toBeUndefined();

      const { id: municipalityId } = await db
        .insertInto('municipality')
        .values({ name: 'Testrup', slug: 'testrup' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: unitId } = await db
        .insertInto('unit')
        .values({ municipality_id: municipalityId, name: 'Jobcenter', kind: 'myndighed' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const person = async (email: string) =>
        (
          await db
            .insertInto('person')
            .values({
              municipality_id: municipalityId,
              unit_id: unitId,
              name: email.split('@')[0]!,
              email,
              role: 'leder',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const eva = await person('eva@testrup.dk');
      const ole = await person('ole@testrup.dk');
      const kim = await person('kim@testrup.dk');
      const login = async (email: string, personId: string, createdAt: string) => {
        const { id } = await db
          .insertInto('app_user')
          .values({
            municipality_id: municipalityId,
            email,
            name: email.split('@')[0]!,
            password_hash: 'x',
            role: 'leder',
            person_id: personId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Which login is older decides; the database alone sets created_at on insert.
        await sql`UPDATE app_user SET created_at = ${new Date(createdAt)} WHERE id = ${id}`.execute(
          db,
        );
        return id;
      };
      // Eva: the newer login has her e-mail (in other case) and keeps her.
      const evaOld = await login('eva.holm@testrup.dk', eva, '2026-01-01T10:00:00Z');
      const evaOwn = await login('EVA@testrup.dk', eva, '2026-02-01T10:00:00Z');
      // Ole: neither login has his e-mail, so the oldest keeps him.
      const oleOld = await login('ole.a@testrup.dk', ole, '2026-01-01T10:00:00Z');
      const oleNew = await login('ole.b@testrup.dk', ole, '2026-03-01T10:00:00Z');
      // Kim: one login, left alone.
      const kimOnly = await login('kim@testrup.dk', kim, '2026-01-01T10:00:00Z');

      await migrate(db);

      const rows = await db
        .selectFrom('app_user')
        .select(['id', 'person_id', 'person_link_manual'])
        .execute();
      const personOf = new Map(rows.map((r) => [r.id, r.person_id]));
      expect(Object.fromEntries(personOf)).toEqual({
        [evaOld]: null,
        [evaOwn]: eva,
        [oleOld]: ole,
        [oleNew]: null,
        [kimOnly]: kim,
      });
      expect(rows.every((r) => !r.person_link_manual)).toBe(true);

      // From now on the database itself keeps a person to one login.
      await expect(
        sql`UPDATE app_user SET person_id = ${eva} WHERE id = ${evaOld}`.execute(db),
      ).rejects.toThrow(/app_user_person_unique/);
      expect(
        (await db.selectFrom('app_user').select('person_id').where('id', '=', evaOld).execute())[0],
      ).toEqual({ person_id: null });
    } finally {
      await close();
    }
  });
});
