/**
 * The staff logins that single sign-on (OpenID Connect and SAML) finds and creates, as SQL.
 * Takes `db` or a transaction first.
 */
import { sql } from 'kysely';
import type { Db } from '../db/db.js';
import { insertRow } from '../db/tenant-rows.js';
import type { UserRole } from '../db/tables/user.table.js';
import { linkLoginsToPeopleByEmail } from '../users/person-link.js';

/** The staff login with this e-mail in one municipality (e-mails are unique per municipality). */
export async function findUserInMunicipality(db: Db, municipalityId: string, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/**
 * Create the login a provider vouches for, with no usable password (`passwordHash` marks
 * which provider), and link the municipality's logins to their people by e-mail. The login
 * is returned as inserted, before that link.
 */
export async function insertSsoUser(
  trx: Db,
  user: {
    municipalityId: string;
    email: string;
    name: string;
    role: UserRole;
    passwordHash: string;
  },
) {
  const created = await insertRow(trx, 'app_user', {
    municipality_id: user.municipalityId,
    email: user.email,
    name: user.name,
    password_hash: user.passwordHash,
    role: user.role,
  });
  await linkLoginsToPeopleByEmail(trx, user.municipalityId);
  return created;
}

/** Give a login the role its provider now names. */
export async function setUserRole(trx: Db, userId: string, role: UserRole): Promise<void> {
  await trx.updateTable('app_user').set({ role }).where('id', '=', userId).execute();
}
