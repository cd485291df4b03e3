/** The user a CLI command acts as: a named login, or the municipality's first admin. */
import { sql, type Kysely } from 'kysely';
import { selectAuthUsers } from '../auth/auth.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { CliInputError } from './errors.js';

export { CliInputError };

export async function cliActor(
  db: Kysely<Database>,
  slug: string,
  email?: string,
): Promise<AuthUser> {
  let query = selectAuthUsers(db).where('municipality.slug', '=', slug);
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
  return row;
}
