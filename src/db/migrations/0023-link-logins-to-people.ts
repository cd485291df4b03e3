/**
 * Logins and people that agree on the e-mail are linked (issue #16): every login with no
 * person gets the one person of its municipality with its e-mail, as the app now does when
 * a login or a person is made or changed (`src/users/person-link.ts`).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `UPDATE app_user AS u SET person_id = p.id
   FROM person AS p
   WHERE u.person_id IS NULL
     AND p.municipality_id = u.municipality_id
     AND p.archived_at IS NULL
     AND lower(p.email) = lower(u.email)
     AND (
       SELECT count(*) FROM person AS q
       WHERE q.municipality_id = u.municipality_id
         AND q.archived_at IS NULL
         AND lower(q.email) = lower(u.email)
     ) = 1`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
