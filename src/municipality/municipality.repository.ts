/** The municipality's own settings as SQL. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Name, slug and benchmark consent of a municipality. */
export async function findSettings(db: Kysely<Database>, municipalityId: string) {
  return db
    .selectFrom('municipality')
    .select(['name', 'slug', 'benchmark_consent'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
}

/** Sets whether the municipality takes part in benchmarks across municipalities. */
export async function setBenchmarkConsent(
  db: Kysely<Database>,
  municipalityId: string,
  consent: boolean,
): Promise<void> {
  await db
    .updateTable('municipality')
    .set({ benchmark_consent: consent })
    .where('id', '=', municipalityId)
    .execute();
}
