/** Lookups the demo's parts share: a demo login as the user it acts as, the units by name. */
import type { Kysely } from 'kysely';
import { selectAuthUsers } from '../auth/auth.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';

/** The demo login with this e-mail in the municipality. */
export async function demoUser(
  db: Kysely<Database>,
  municipalityId: string,
  email: string,
): Promise<AuthUser> {
  return selectAuthUsers(db)
    .where('app_user.municipality_id', '=', municipalityId)
    .where('app_user.email', '=', email)
    .executeTakeFirstOrThrow();
}

/** The municipality's units by name. */
export async function unitIdsByName(
  db: Kysely<Database>,
  municipalityId: string,
): Promise<Map<string, string>> {
  const units = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  return new Map(units.map((u) => [u.name, u.id]));
}
