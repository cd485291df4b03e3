/**
 * From a signed assertion's attributes to a Samspil role. Pure.
 *
 * Two shapes of role attribute are understood:
 * - KOMBIT's privileges attribute (OIOSAML Basic Privilege Profile, e.g.
 *   `dk:gov:saml:attribute:Privileges_intermediate`): one value, base64 of a
 *   `bpp:PrivilegeList` whose `PrivilegeGroup`s (each with a `Scope`, such as
 *   `urn:dk:gov:saml:cvrNumberIdentifier:55133018`) list `Privilege` entries, the user
 *   system roles ("brugersystemroller") the municipality has given the user;
 * - a plain attribute with one value per role or group (Entra ID, AD FS).
 * The named values are looked up in the municipality's map; the strongest mapped role wins.
 */
import { USER_ROLES, type UserRole } from '../../../contract/users.js';
import { parseXml } from './saml-metadata.js';

const CVR_SCOPE = 'urn:dk:gov:saml:cvrNumberIdentifier:';

/** The string values of one attribute as node-saml's profile holds them. */
export function attributeValues(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.flatMap((item) => {
    if (typeof item === 'string') return [item.trim()];
    // node-saml keeps values with child elements as objects; their text is under `_`.
    if (item !== null && typeof item === 'object' && '_' in item) {
      const text = item._;
      return typeof text === 'string' ? [text.trim()] : [];
    }
    return [];
  });
}

/**
 * The privileges in a KOMBIT privilege list (base64 or plain XML), only those scoped to
 * `cvr` when it is given; `undefined` when the value is not a privilege list at all.
 */
export function kombitPrivileges(value: string, cvr: string | null): string[] | undefined {
  const xml = value.trimStart().startsWith('<')
    ? value
    : Buffer.from(value, 'base64').toString('utf8');
  if (!xml.includes('PrivilegeList')) return undefined;
  const root = parseXml(xml)?.documentElement;
  if (!root || root.localName !== 'PrivilegeList') return undefined;
  // The profile puts PrivilegeGroup and Privilege in no namespace, but some issuers qualify
  // them: match on the local name.
  return Array.from(root.getElementsByTagName('*'))
    .filter((group) => group.localName === 'PrivilegeGroup')
    .filter((group) => cvr === null || group.getAttribute('Scope') === CVR_SCOPE + cvr)
    .flatMap((group) => Array.from(group.getElementsByTagName('*')))
    .filter((element) => element.localName === 'Privilege')
    .map((privilege) => (privilege.textContent ?? '').trim())
    .filter((privilege) => privilege !== '');
}

/** The named roles an attribute carries: KOMBIT privileges when it holds a list, else its values. */
export function namedRoles(value: unknown, cvr: string | null): string[] {
  return attributeValues(value).flatMap((item) => kombitPrivileges(item, cvr) ?? [item]);
}

/** The strongest Samspil role the map gives any of the named roles, or undefined. */
export function mapRole(named: string[], map: Record<string, string>): UserRole | undefined {
  const mapped = new Set(named.map((name) => map[name]));
  return USER_ROLES.find((role) => mapped.has(role));
}
