/**
 * Logins and people match by e-mail: a login with no person of its own is linked to the one
 * person of its municipality with the same e-mail (not archived), so a leader imported with
 * the organisation and given a login leads their unit at once. A login whose person an
 * administrator chose (or removed) stays as it is, a person already some login's is not
 * taken again, and an e-mail that two people share links nobody.
 */
import { sql } from 'kysely';
import type { Db } from '../db/db.js';

/** Link every unlinked login of the municipality to its e-mail's one person; returns how many. */
export async function linkLoginsToPeopleByEmail(db: Db, municipalityId: string): Promise<number> {
  const result = await sql`
    UPDATE app_user AS u SET person_id = p.id
    FROM person AS p
    WHERE u.municipality_id = ${municipalityId}
      AND u.person_id IS NULL
      AND NOT u.person_link_manual
      AND NOT EXISTS (SELECT 1 FROM app_user AS o WHERE o.person_id = p.id)
      AND p.municipality_id = u.municipality_id
      AND p.archived_at IS NULL
      AND lower(p.email) = lower(u.email)
      AND (
        SELECT count(*) FROM person AS q
        WHERE q.municipality_id = u.municipality_id
          AND q.archived_at IS NULL
          AND lower(q.email) = lower(u.email)
      ) = 1`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
