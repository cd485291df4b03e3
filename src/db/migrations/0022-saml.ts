/**
 * Staff sign-in through a SAML 2.0 identity provider, e.g. KOMBIT's Fælleskommunal
 * Adgangsstyring (issue #14): one settings row per municipality, the AuthnRequests we have
 * sent (so `InResponseTo` is checked by every app instance) and the assertions already used
 * (replay protection). All three carry `municipality_id` and get the same row-level
 * security policy as migration 0020 gave the older tables.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;

const statements = [
  `CREATE TABLE saml_settings (
    municipality_id uuid PRIMARY KEY REFERENCES municipality(id) ON DELETE CASCADE,
    enabled boolean NOT NULL DEFAULT true,
    metadata_url text,
    metadata_xml text NOT NULL,
    idp_entity_id text NOT NULL,
    idp_sso_url text NOT NULL,
    idp_certificates text[] NOT NULL,
    metadata_fetched_at timestamptz NOT NULL DEFAULT now(),
    email_domains text[] NOT NULL DEFAULT '{}',
    email_attribute text NOT NULL,
    name_attribute text NOT NULL,
    role_attribute text NOT NULL,
    role_map jsonb NOT NULL DEFAULT '{}',
    cvr text,
    local_passwords boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  // Lower-cased domains, looked up by the login page's e-mail-first discovery.
  `CREATE INDEX saml_settings_domains ON saml_settings USING gin (email_domains)`,
  `CREATE TABLE saml_request (
    id text PRIMARY KEY,
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE saml_assertion (
    issuer text NOT NULL,
    id text NOT NULL,
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (issuer, id)
  )`,
  `CREATE INDEX saml_assertion_expires ON saml_assertion (expires_at)`,
  ...['saml_settings', 'saml_request', 'saml_assertion'].flatMap((table) => [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant ON ${table} USING (municipality_id = ${current})`,
  ]),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
