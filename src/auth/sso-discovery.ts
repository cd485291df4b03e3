/**
 * Which way a staff member signs in, from their e-mail address alone: the login page asks
 * for the e-mail first and then shows a password field or sends the browser to the
 * municipality's own provider. The answer depends on the address's domain only, so it
 * never tells whether an address has a login. OpenID Connect is asked first, then SAML
 * (KOMBIT adgangsstyring).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { emailDomain } from './oidc/oidc.service.js';
import { findStaffProvidersByDomain } from './oidc/oidc.repository.js';
import { findByDomain as findSamlByDomain } from './saml/saml.repository.js';

/** How to sign in: a password, or at the municipality's provider through `url`. */
export type SignInMethod =
  | { method: 'password' }
  | {
      method: 'oidc' | 'saml';
      /** The button's text in Danish, e.g. "Log ind med Aarhus Kommunes login". */
      label: string;
      municipalityName: string;
      url: string;
      passwordAllowed: boolean;
    };

/** Danish genitive of a name: "Aarhus Kommune" → "Aarhus Kommunes", "Lejre" → "Lejres". */
export const genitive = (name: string) => (/[sxz]$/i.test(name) ? `${name}'` : `${name}s`);

/** The sign-in method for an e-mail address, decided by its domain. */
export async function discoverSignIn(db: Kysely<Database>, email: string): Promise<SignInMethod> {
  const domain = emailDomain(email);
  if (domain === '') return { method: 'password' };
  const providers = await findStaffProvidersByDomain(db, domain);
  if (providers.length === 0) return samlSignIn(db, domain);
  // A domain claimed by two municipalities names neither: the password decides, as before.
  if (providers.length !== 1) return { method: 'password' };
  const provider = providers[0]!;
  return providerSignIn(
    'oidc',
    provider.municipality_name,
    `/api/auth/oidc/start?municipality=${encodeURIComponent(provider.slug)}`,
    provider.passwords_allowed,
  );
}

/** SAML sign-in for a domain (a domain belongs to at most one municipality's SAML settings). */
async function samlSignIn(db: Kysely<Database>, domain: string): Promise<SignInMethod> {
  const found = await findSamlByDomain(db, domain);
  if (!found) return { method: 'password' };
  return providerSignIn(
    'saml',
    found.name,
    `/api/auth/saml/login?municipality=${encodeURIComponent(found.slug)}`,
    found.local_passwords,
  );
}

/** Sign-in at a municipality's own provider, with the button's text. */
function providerSignIn(
  method: 'oidc' | 'saml',
  municipalityName: string,
  url: string,
  passwordAllowed: boolean,
): SignInMethod {
  const label = `Log ind med ${genitive(municipalityName)} login`;
  return { method, label, municipalityName, url, passwordAllowed };
}
