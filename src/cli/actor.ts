/** The user a CLI command acts as: a named login, or the municipality's first admin. */
import { sql, type Kysely } from 'kysely';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { CliInputError } from './errors.js';

export { CliInputError };

export async function cliActor(
  db: Kysely<Database>,
  slug: string,
  email?: string,
): Promise<AuthUser> {
  let query = db
    .selectFrom('app_user')
    .innerJoin('municipality', 'municipality.id', 'app_user.municipality_id')
    .select([
      'app_user.id',
      'app_user.name',
      'app_user.email',
      'app_user.role',
      'app_user.person_id',
      'municipality.id as municipality_id',
      'municipality.name as municipality_name',
    ])
    .where('municipality.slug', '=', slug)
    .where('app_user.disabled_at', 'is', null);
  query =
    email === undefined
      ? query.where('app_user.role', '=', 'admin').orderBy('app_user.created_at')
      : query.where(sql<string>`lower(app_user.email)`, '=', email.toLowerCase());
  const row = await query.executeTakeFirst();
  if (!row) {
    throw new CliInputError(
      email === undefined
        ? `No municipality "${slug}" with an active admin`
        : `No active user ${email} in municipality "${slug}"`,
    );
  }
  return {
    userId: row.id,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    role: row.role,
    name: row.name,
    email: row.email,
    personId: row.person_id,
  };
}
