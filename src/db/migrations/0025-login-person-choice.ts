/**
 * An administrator chooses which person a login is (issue #16), so the choice must outlast
 * the matching by e-mail (`src/users/person-link.ts`): `person_link_manual` marks a login
 * whose person (or lack of one) an administrator set, and matching leaves it alone. A
 * person is one login at most: where two logins share a person, the one with the person's
 * e-mail (else the oldest) keeps it, before the unique index makes it a rule.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `ALTER TABLE app_user ADD COLUMN person_link_manual boolean NOT NULL DEFAULT false`,
  `UPDATE app_user AS u SET person_id = NULL
   WHERE u.person_id IS NOT NULL
     AND u.id <> (
       SELECT k.id FROM app_user AS k
       JOIN person AS p ON p.id = k.person_id
       WHERE k.person_id = u.person_id
       ORDER BY (lower(k.email) = lower(p.email)) DESC, k.created_at, k.id
       LIMIT 1
     )`,
  `CREATE UNIQUE INDEX app_user_person_unique ON app_user (person_id) WHERE person_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
