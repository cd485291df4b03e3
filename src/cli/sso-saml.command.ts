/**
 * `samspil sso-saml`: set up or change a municipality's SAML sign-in (e.g. KOMBIT
 * adgangsstyring) as its first admin would in the settings page. Options not given keep
 * their stored values; the running app picks the change up at the next sign-in.
 */
import { readFileSync } from 'node:fs';
import type { SamlSettingsInput } from '../../contract/saml.schema.js';
import { loadConfig } from '../server/config.js';
import { cliActor } from './actor.js';
import { CliInputError } from './errors.js';
import { withDatabase } from './open.js';

/** The command line's options, as commander gives them. */
export interface SsoSamlFlags {
  municipality: string;
  metadataUrl?: string;
  metadataFile?: string;
  domain?: string[];
  emailAttribute?: string;
  nameAttribute?: string;
  roleAttribute?: string;
  roleMap?: string[];
  cvr?: string;
  localPasswords?: 'yes' | 'no';
  enable?: boolean;
  disable?: boolean;
  remove?: boolean;
}

/** `SYSTEMROLE=ROLE,…` (repeatable) as a map; the role is the last `=`'s right-hand side. */
export function parseRoleMap(entries: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries.flatMap((e) => e.split(','))) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const at = trimmed.lastIndexOf('=');
    if (at <= 0 || at === trimmed.length - 1) {
      throw new CliInputError(`--role-map wants SYSTEMROLE=ROLE, got "${trimmed}"`);
    }
    map[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return map;
}

/** Save the settings; prints what the IdP needs to know about us. */
export async function ssoSamlCommand(flags: SsoSamlFlags): Promise<number> {
  if (flags.metadataUrl && flags.metadataFile) {
    throw new CliInputError('give --metadata-url or --metadata-file, not both');
  }
  const config = loadConfig();
  const [{ samlSettingsInput }, settingsService] = await Promise.all([
    import('../../contract/saml.schema.js'),
    import('../auth/saml/saml-settings.service.js'),
  ]);
  return withDatabase(config, async ({ db }) => {
    const actor = await cliActor(db, flags.municipality);
    if (flags.remove) {
      await settingsService.deleteSamlSettings(db, actor);
      console.log(`SAML sign-in removed for ${flags.municipality}; passwords work again.`);
      return 0;
    }
    const current = (await settingsService.getSamlSettings(db, config, actor)).settings;
    const split = (values: string[] | undefined) =>
      values
        ?.flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== '');
    const raw = {
      enabled: flags.disable ? false : flags.enable ? true : (current?.enabled ?? true),
      metadataUrl: flags.metadataUrl,
      metadataXml: flags.metadataFile ? readFileSync(flags.metadataFile, 'utf8') : undefined,
      emailDomains: split(flags.domain) ?? current?.emailDomains ?? [],
      emailAttribute: flags.emailAttribute ?? current?.emailAttribute,
      nameAttribute: flags.nameAttribute ?? current?.nameAttribute,
      roleAttribute: flags.roleAttribute ?? current?.roleAttribute,
      roleMap: flags.roleMap ? parseRoleMap(flags.roleMap) : current?.roleMap,
      cvr: flags.cvr === undefined ? (current?.cvr ?? null) : flags.cvr === '' ? null : flags.cvr,
      localPasswords:
        flags.localPasswords === undefined
          ? (current?.localPasswords ?? true)
          : flags.localPasswords === 'yes',
    };
    if (!current && !raw.metadataUrl && !raw.metadataXml) {
      throw new CliInputError('the first setup needs --metadata-url or --metadata-file');
    }
    const parsed = samlSettingsInput.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (i) => `${i.path.join('.') || 'input'}: ${i.message}`,
      );
      throw new CliInputError(`sso-saml: ${problems.join('; ')}`);
    }
    const input: SamlSettingsInput = parsed.data;
    const saved = await settingsService.saveSamlSettings(db, config, actor, input);
    const s = saved.settings!;
    const sp = saved.serviceProvider;
    console.log(
      [
        `SAML sign-in ${s.enabled ? 'on' : 'off'} for ${flags.municipality}.`,
        `  identity provider: ${s.idpEntityId} (${s.idpCertificateCount} signing certificate(s))`,
        `  e-mail domains:    ${s.emailDomains.join(', ')}`,
        `  role attribute:    ${s.roleAttribute} (${Object.keys(s.roleMap).length} role(s) mapped)`,
        `  local passwords:   ${s.localPasswords ? 'allowed' : 'off'}`,
        `Register our service provider with the IdP:`,
        `  entity id: ${sp.entityId}`,
        `  metadata:  ${sp.metadataUrl}`,
        `  ACS:       ${sp.acsUrl}`,
        `  start:     ${sp.loginUrl}?municipality=${flags.municipality}`,
      ].join('\n'),
    );
    return 0;
  });
}
