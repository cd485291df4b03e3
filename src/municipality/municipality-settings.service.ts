/** A municipality's own settings: today the consent to take part in benchmarks. */
import type { Kysely } from 'kysely';
import type { MunicipalitySettings } from '../../contract/municipality.schema.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { requirePermission } from '../kernel/request-context.js';
import { findSettings, setBenchmarkConsent } from './municipality.repository.js';

/** The settings of the user's municipality. */
export async function getSettings(
  db: Kysely<Database>,
  user: AuthUser,
): Promise<MunicipalitySettings> {
  requirePermission(user, 'settings.read');
  const row = await findSettings(db, user.municipalityId);
  return { name: row.name, slug: row.slug, benchmarkConsent: row.benchmark_consent };
}

/**
 * Gives or withdraws the consent (admins only). It takes effect at once: benchmarks are
 * computed when asked for, so a withdrawn municipality is never counted again.
 */
export async function updateBenchmarkConsent(
  db: Kysely<Database>,
  user: AuthUser,
  consent: boolean,
): Promise<MunicipalitySettings> {
  requirePermission(user, 'settings.edit');
  await db.transaction().execute(async (trx) => {
    await setBenchmarkConsent(trx, user.municipalityId, consent);
    await recordUserAudit(trx, user, 'update', 'municipality', user.municipalityId, {
      benchmarkConsent: consent,
    });
  });
  return getSettings(db, user);
}
