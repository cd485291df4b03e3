/** Logins (app_user) of one municipality as SQL. */
import type { NewUser, UserUpdate } from '../db/tables/user.table.js';
import type { Db } from '../db/db.js';
import { rowOf } from '../db/tenant-rows.js';

const columns = [
  'id',
  'name',
  'email',
  'role',
  'person_id',
  'disabled_at',
  'last_login_at',
] as const;

export async function listUsers(db: Db, municipalityId: string) {
  return db
    .selectFrom('app_user')
    .select(columns)
    .where('municipality_id', '=', municipalityId)
    .orderBy('name')
    .execute();
}

/** One user of a municipality, or undefined. */
export async function findUser(db: Db, municipalityId: string, id: string) {
  return db
    .selectFrom('app_user')
    .select(columns)
    .where(rowOf(municipalityId, id))
    .executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser) {
  return db.insertInto('app_user').values(user).returning(columns).executeTakeFirstOrThrow();
}

export async function updateUser(db: Db, municipalityId: string, id: string, change: UserUpdate) {
  return db
    .updateTable('app_user')
    .set(change)
    .where(rowOf(municipalityId, id))
    .returning(columns)
    .executeTakeFirst();
}

export async function countActiveAdmins(db: Db, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The login of the municipality that is this person, if any. */
export async function findUserOfPerson(db: Db, municipalityId: string, personId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}
