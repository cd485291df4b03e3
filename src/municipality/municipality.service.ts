/** Creating tenants (municipalities) with their first administrator. Used by the CLI and the demo. */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import type { Database } from '../db/schema.js';

export class MunicipalityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MunicipalityInputError';
  }
}

/** Create a municipality and its first admin login; returns the municipality id. */
export async function createMunicipality(
  db: Kysely<Database>,
  input: {
    name: string;
    slug: string;
    adminName: string;
    adminEmail: string;
    adminPassword: string;
  },
  /** `checkPassword: false` only for the demo, whose published password is fixed. */
  options: { checkPassword?: boolean } = {},
): Promise<string> {
  if (!/^[a-z0-9-]{1,60}$/.test(input.slug)) {
    throw new MunicipalityInputError('slug must be 1-60 characters a-z, 0-9 or -');
  }
  if (options.checkPassword !== false) {
    const problem = await passwordProblem(input.adminPassword, {
      email: input.adminEmail,
      name: input.adminName,
    });
    if (problem) throw new MunicipalityInputError(`${problem.en} (${problem.da})`);
  }
  const passwordHash = await hashPassword(input.adminPassword);
  return db.transaction().execute(async (trx) => {
    const municipality = await trx
      .insertInto('municipality')
      .values({ name: input.name, slug: input.slug })
      .returning('id')
      .executeTakeFirstOrThrow();
    const admin = await trx
      .insertInto('app_user')
      .values({
        municipality_id: municipality.id,
        name: input.adminName,
        email: input.adminEmail.toLowerCase(),
        role: 'admin',
        password_hash: passwordHash,
        person_id: null,
        disabled_at: null,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      municipalityId: municipality.id,
      userId: null,
      action: 'create',
      entity: 'municipality',
      entityId: municipality.id,
      detail: { adminUserId: admin.id },
    });
    return municipality.id;
  });
}

/** True when the installation has no municipality yet (a fresh database). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
