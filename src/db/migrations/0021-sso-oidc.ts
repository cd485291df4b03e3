/**
 * Sign-in through OpenID Connect (issue #14): per municipality, one provider for staff
 * (Entra ID, AD FS, …) and one MitID broker for citizens. The client secret is stored
 * sealed with the CPR key (AES-256-GCM, `CprVault.seal`). A citizen session opened through
 * MitID hangs on a citizen link of its own, made by nobody, so `created_by` may be empty.
 *
 * Migration 0020's row-level security loop ran before this table existed, so the table
 * gets its policy here (the same rule: the row's municipality is the scope's).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;

const statements = [
  `CREATE TABLE oidc_provider (
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('staff', 'citizen')),
    issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
    client_secret_sealed text NOT NULL,
    email_claim text NOT NULL DEFAULT 'email',
    role_claim text,
    role_map jsonb NOT NULL DEFAULT '{}',
    domains text[] NOT NULL DEFAULT '{}',
    passwords_allowed boolean NOT NULL DEFAULT true,
    cpr_claim text NOT NULL DEFAULT 'dk:gov:cpr',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality_id, purpose)
  )`,
  `CREATE INDEX oidc_provider_domains ON oidc_provider USING gin (domains)`,
  `ALTER TABLE oidc_provider ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON oidc_provider USING (municipality_id = ${current})`,
  `ALTER TABLE citizen_link ALTER COLUMN created_by DROP NOT NULL`,
  `ALTER TABLE citizen_link ADD COLUMN via text NOT NULL DEFAULT 'link' CHECK (via IN ('link', 'mitid'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
