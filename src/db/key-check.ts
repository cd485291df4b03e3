/**
 * The stored key check (issue #13): the database remembers an HMAC made with each secret,
 * so the app can tell at start whether `SESSION_SECRET` and `CPR_KEY` are the keys its
 * data was sealed and encrypted with. With the wrong keys it would start and quietly find
 * no citizen by CPR and open no invitation token (reminders would reach nobody).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CprVault } from '../courses/cpr.js';
import { openToken } from '../measurements/invitation-crypto.js';
import type { Database } from './schema.js';

/** The secrets the data depends on, as in the configuration. */
export interface DataKeys {
  sessionSecret: string;
  cprKey: string;
}

type KeyName = 'SESSION_SECRET' | 'CPR_KEY';

/** What is lost with each wrong key, for the message. */
const CONSEQUENCE: Record<KeyName, { en: string; da: string }> = {
  SESSION_SECRET: {
    en: 'no survey link sealed with it can be opened again, so reminders would reach nobody',
    da: 'ingen forseglet spørgeskemalink kan åbnes igen, så påmindelser ville ikke nå nogen',
  },
  CPR_KEY: {
    en: 'no stored CPR number can be read or found',
    da: 'ingen gemte CPR-numre kan læses eller findes',
  },
};

/** The app's keys do not match the data: the app must not start with them. */
export class KeyMismatchError extends Error {
  constructor(readonly keys: KeyName[]) {
    const names = keys.join(' and ');
    super(
      [
        `${names} ${keys.length > 1 ? 'do' : 'does'} not match this database: ` +
          `the data was made with another key. Samspil will not start, because with this key ` +
          keys.map((k) => CONSEQUENCE[k].en).join(', and ') +
          '.',
        `Set ${names} to the value used when this data was made (kept with your backups; ` +
          `a development install without them keeps them in DATA_DIR/session-secret and DATA_DIR/cpr-key), ` +
          `then start again. See docs/operations.md, "Backup and restore".`,
        `(${names} passer ikke til databasen: data er lavet med en anden nøgle, og med denne ` +
          keys.map((k) => CONSEQUENCE[k].da).join(', og ') +
          `. Sæt ${names} til den værdi, data blev lavet med, og start igen.)`,
      ].join('\n'),
    );
    this.name = 'KeyMismatchError';
  }
}

/** The check value for a key: an HMAC under the key of a fixed text naming it. */
function checkValue(name: KeyName, keys: DataKeys): string {
  // CPR_KEY is 32 raw bytes in base64; the session secret is used as its text.
  const key = name === 'CPR_KEY' ? Buffer.from(keys.cprKey, 'base64') : keys.sessionSecret;
  return createHmac('sha256', key).update(`samspil key check v1: ${name}`).digest('base64url');
}

function sameValue(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A database that has no check yet (made before the check existed): do the keys open
 * one sample of what they protect? `true` when there is nothing to try.
 */
async function sampleOpens(db: Kysely<Database>, name: KeyName, keys: DataKeys) {
  if (name === 'SESSION_SECRET') {
    const row = await db
      .selectFrom('invitation')
      .select('token_sealed')
      .where('token_sealed', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return !row?.token_sealed || openToken(keys.sessionSecret, row.token_sealed) !== undefined;
  }
  const row = await db
    .selectFrom('citizen')
    .select('cpr_encrypted')
    .where('cpr_encrypted', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (!row?.cpr_encrypted) return true;
  try {
    new CprVault(keys.cprKey).decrypt(row.cpr_encrypted);
    return true;
  } catch {
    return false;
  }
}

/**
 * Check the keys against the database; throws `KeyMismatchError` naming every key that
 * does not match. The first time (a new database, or one from before the check), the
 * check values are stored, after a sample of existing sealed data has opened with them.
 */
export async function verifyKeys(db: Kysely<Database>, keys: DataKeys): Promise<void> {
  const names: KeyName[] = ['SESSION_SECRET', 'CPR_KEY'];
  const stored = async () =>
    new Map(
      (await db.selectFrom('key_check').select(['key_name', 'check_value']).execute()).map((r) => [
        r.key_name,
        r.check_value,
      ]),
    );
  let checks = await stored();
  const missing = names.filter((name) => !checks.has(name));
  if (missing.length > 0) {
    const failed: KeyName[] = [];
    for (const name of missing) if (!(await sampleOpens(db, name, keys))) failed.push(name);
    if (failed.length > 0) throw new KeyMismatchError(failed);
    await db
      .insertInto('key_check')
      .values(missing.map((name) => ({ key_name: name, check_value: checkValue(name, keys) })))
      .onConflict((oc) => oc.column('key_name').doNothing())
      .execute();
    // Read back: another instance starting at the same moment may have stored its keys.
    checks = await stored();
  }
  const wrong = names.filter((name) => !sameValue(checks.get(name) ?? '', checkValue(name, keys)));
  if (wrong.length > 0) throw new KeyMismatchError(wrong);
}
