/** SAML sign-in's plain values, shared by server and web (no zod here). */

/** KOMBIT's (OIOSAML 2) attribute names, the defaults of a new configuration. */
export const SAML_DEFAULTS = {
  emailAttribute: 'urn:oid:0.9.2342.19200300.100.1.3',
  nameAttribute: 'urn:oid:2.5.4.3',
  roleAttribute: 'dk:gov:saml:attribute:Privileges_intermediate',
} as const;
