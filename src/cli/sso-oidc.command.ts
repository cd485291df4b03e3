/** `samspil sso-oidc`: set a municipality's OpenID Connect provider for staff or citizens (MitID). */
import { saveProvider, type ProviderInput } from '../auth/oidc/oidc.service.js';
import { CprVault } from '../courses/cpr.js';
import { loadConfig } from '../server/config.js';
import { CliInputError } from './errors.js';
import { withDatabase } from './open.js';

/** The command line's flags (commander's names). */
export interface SsoOidcFlags {
  municipality: string;
  issuer: string;
  clientId: string;
  emailClaim?: string;
  roleClaim?: string;
  roleMap?: string;
  domain?: string;
  /** False with `--no-passwords`. */
  passwords: boolean;
  citizen?: boolean;
  cprClaim?: string;
}

/** `VALUE=ROLE,VALUE=ROLE` as a mapping; throws a usage error for a malformed pair. */
export function parseRoleMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    if (at <= 0 || at === pair.length - 1) {
      throw new CliInputError(`--role-map: "${pair}" is not VALUE=ROLE`);
    }
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

/**
 * Save the provider; the client secret comes from SAMSPIL_OIDC_CLIENT_SECRET (never the
 * command line, where it would be in the shell history); without it the saved one stays.
 */
export async function ssoOidcCommand(
  flags: SsoOidcFlags,
  clientSecret: string | undefined,
): Promise<number> {
  const config = loadConfig();
  const input: ProviderInput = {
    issuer: flags.issuer,
    clientId: flags.clientId,
    ...(clientSecret ? { clientSecret } : {}),
    ...(flags.emailClaim ? { emailClaim: flags.emailClaim } : {}),
    roleClaim: flags.roleClaim ?? null,
    roleMap: flags.roleMap ? (parseRoleMap(flags.roleMap) as ProviderInput['roleMap']) : {},
    domains: flags.domain ? flags.domain.split(',').map((d) => d.trim()) : [],
    passwordsAllowed: flags.passwords,
    ...(flags.cprClaim ? { cprClaim: flags.cprClaim } : {}),
  };
  const purpose = flags.citizen ? 'citizen' : 'staff';
  const saved = await withDatabase(config, async ({ db }) => {
    const municipality = await db
      .selectFrom('municipality')
      .select('id')
      .where('slug', '=', flags.municipality)
      .executeTakeFirst();
    if (!municipality) throw new CliInputError(`no municipality with slug ${flags.municipality}`);
    return saveProvider(
      {
        db,
        vault: new CprVault(config.cprKey),
        publicUrl: config.publicUrl,
        sessionSecret: config.sessionSecret,
        production: config.production,
      },
      municipality.id,
      null,
      purpose,
      input,
    );
  });
  console.log(
    `Saved the ${purpose === 'staff' ? 'staff' : 'MitID'} sign-in of ${flags.municipality}. ` +
      `Register this redirect URI at the provider: ${saved.callbackUrl}`,
  );
  return 0;
}
