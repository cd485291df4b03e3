/** The SAML settings as the API, the CLI and the settings page exchange them. */
import { z } from 'zod';
import { SAML_DEFAULTS } from './saml.js';
import { USER_ROLES } from './users.js';

const attribute = z.string().trim().min(1).max(300);
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9æøå]([a-z0-9æøå-]{0,61}[a-z0-9æøå])?\.)+[a-z]{2,63}$/, {
    message: 'Ugyldigt domæne (invalid domain)',
  });

/** What an admin sends to set up or change SAML sign-in. */
export const samlSettingsInput = z.object({
  enabled: z.boolean().default(true),
  /** Fetch the IdP's metadata from here (again on every save). */
  metadataUrl: z.string().trim().url().max(2000).optional(),
  /** Or the metadata itself; with neither, the stored metadata stays. */
  metadataXml: z.string().trim().min(1).max(1_000_000).optional(),
  emailDomains: z.array(domain).min(1).max(20),
  emailAttribute: attribute.default(SAML_DEFAULTS.emailAttribute),
  nameAttribute: attribute.default(SAML_DEFAULTS.nameAttribute),
  roleAttribute: attribute.default(SAML_DEFAULTS.roleAttribute),
  /** Named system role (or attribute value) → Samspil role. */
  roleMap: z.record(z.string().trim().min(1).max(500), z.enum(USER_ROLES)).default({}),
  /** CVR number: only KOMBIT privileges scoped to it count. */
  cvr: z
    .string()
    .trim()
    .regex(/^\d{8}$/, { message: 'CVR-nummeret skal være 8 cifre (8 digits)' })
    .nullable()
    .default(null),
  localPasswords: z.boolean().default(true),
});
export type SamlSettingsInput = z.infer<typeof samlSettingsInput>;

/** Our service provider's facts an admin registers with the IdP. */
export const serviceProviderSchema = z.object({
  entityId: z.string(),
  metadataUrl: z.string(),
  acsUrl: z.string(),
  loginUrl: z.string(),
});

/** The stored settings as shown to an admin (`null` settings: SAML not set up). */
export const samlSettingsView = z.object({
  serviceProvider: serviceProviderSchema,
  settings: z
    .object({
      enabled: z.boolean(),
      metadataUrl: z.string().nullable(),
      idpEntityId: z.string(),
      idpSsoUrl: z.string(),
      idpCertificateCount: z.number(),
      metadataFetchedAt: z.string(),
      emailDomains: z.array(z.string()),
      emailAttribute: z.string(),
      nameAttribute: z.string(),
      roleAttribute: z.string(),
      roleMap: z.record(z.string(), z.enum(USER_ROLES)),
      cvr: z.string().nullable(),
      localPasswords: z.boolean(),
    })
    .nullable(),
});
export type SamlSettingsView = z.infer<typeof samlSettingsView>;
