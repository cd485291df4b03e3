/** Users, sessions and login attempts as SQL. Takes `db` or a transaction first. */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ThrottleCounts } from './login-throttle.js';
import type { Db } from '../db/db.js';

/** The active logins as the users they act as (`AuthUser`); narrow them with `where`. */
export function selectAuthUsers(db: Db) {
  return db
    .selectFrom('app_user')
    .innerJoin('municipality', 'municipality.id', 'app_user.municipality_id')
    .select([
      'app_user.id as userId',
      'municipality.id as municipalityId',
      'municipality.name as municipalityName',
      'app_user.role',
      'app_user.name',
      'app_user.email',
      'app_user.person_id as personId',
    ])
    .where('app_user.disabled_at', 'is', null);
}

/**
 * The logins with an e-mail, at most one per municipality (an e-mail is unique within a
 * municipality only), the most recently used first.
 */
export async function findUsersByEmail(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .orderBy(sql`last_login_at DESC NULLS LAST`)
    .orderBy('id')
    .execute();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Serialise login attempts for one account and one address (across app instances, until
 * the transaction ends), so a burst of parallel attempts cannot all pass the throttle
 * before any of them is counted. Accounts (class 1) are always locked before addresses
 * (class 2), so two attempts never wait on each other in a circle.
 */
export async function lockLoginKeys(trx: Transaction<Database>, email: string, address: string) {
  await sql`SELECT pg_advisory_xact_lock(1, hashtext(${email.toLowerCase()}))`.execute(trx);
  await sql`SELECT pg_advisory_xact_lock(2, hashtext(${address}))`.execute(trx);
}

/**
 * The failures that throttle a login attempt, at the database's clock: per account since
 * its last successful login, per address across accounts, both within `windowMs`; and
 * whether the account logged in from this address within `knownMs`.
 */
export async function throttleCounts(
  db: Db,
  email: string,
  address: string,
  windowMs: number,
  knownMs: number,
): Promise<ThrottleCounts> {
  const e = email.toLowerCase();
  const window = `${windowMs} milliseconds`;
  const known = `${knownMs} milliseconds`;
  const { rows } = await sql<{
    account_failures: string | number;
    account_last: Date | null;
    address_failures: string | number;
    address_last: Date | null;
    known: boolean;
    now: Date;
  }>`
    WITH account AS (
      SELECT count(*) AS n, max(at) AS last FROM login_attempt
      WHERE lower(email) = ${e} AND NOT success AND at > now() - ${window}::interval
        AND at > coalesce(
          (SELECT max(at) FROM login_attempt WHERE lower(email) = ${e} AND success),
          '-infinity')
    ), by_address AS (
      SELECT count(*) AS n, max(at) AS last FROM login_attempt
      WHERE address = ${address} AND NOT success AND at > now() - ${window}::interval
    )
    SELECT account.n AS account_failures, account.last AS account_last,
      by_address.n AS address_failures, by_address.last AS address_last,
      EXISTS (SELECT 1 FROM login_attempt WHERE lower(email) = ${e} AND success
              AND address = ${address} AND at > now() - ${known}::interval) AS known,
      now() AS now
    FROM account, by_address
  `.execute(db);
  const row = rows[0]!;
  return {
    accountFailures: Number(row.account_failures),
    accountLastFailure: row.account_last,
    addressFailures: Number(row.address_failures),
    addressLastFailure: row.address_last,
    knownAddress: row.known,
    now: row.now,
  };
}

/** Record a login attempt; returns its id (an attempt is recorded as failed until it succeeds). */
export async function recordLoginAttempt(
  db: Db,
  email: string,
  success: boolean,
  address: string | null,
): Promise<string> {
  const row = await db
    .insertInto('login_attempt')
    .values({ email: email.toLowerCase(), success, address })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Mark a recorded attempt as successful. */
export async function markAttemptSucceeded(db: Db, id: string): Promise<void> {
  await db.updateTable('login_attempt').set({ success: true }).where('id', '=', id).execute();
}

/** Forget attempts older than `ms`: they neither throttle nor mark an address as known. */
export async function purgeLoginAttempts(db: Db, ms: number): Promise<void> {
  await sql`DELETE FROM login_attempt WHERE at < now() - ${`${ms} milliseconds`}::interval`.execute(
    db,
  );
}

export async function insertSession(
  db: Db,
  session: { idHash: string; userId: string; municipalityId: string; now: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      municipality_id: session.municipalityId,
      created_at: session.now,
      last_seen_at: session.now,
    })
    .execute();
}

/** The session with its user and municipality, or undefined. */
export async function findSession(db: Db, idHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('municipality', 'municipality.id', 'session.municipality_id')
    .select([
      'session.id_hash',
      'session.created_at',
      'session.last_seen_at',
      'app_user.id as user_id',
      'app_user.name',
      'app_user.email',
      'app_user.role',
      'app_user.person_id',
      'app_user.disabled_at',
      'municipality.id as municipality_id',
      'municipality.name as municipality_name',
    ])
    .where('session.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function markLogin(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: now }).where('id', '=', userId).execute();
}

/** End every session of a user except the one given (its id hash). */
export async function deleteOtherSessions(
  db: Db,
  userId: string,
  keepIdHash: string,
): Promise<void> {
  await db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where('id_hash', '!=', keepIdHash)
    .execute();
}
