/** Foundation: municipalities (tenants), organisation, users, sessions, audit log. */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `
    CREATE TABLE municipality (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,60}$'),
      benchmark_consent boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `,
  `
    CREATE TABLE area (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `,
  `
    CREATE UNIQUE INDEX area_name_unique ON area (municipality_id, lower(name))
  `,
  `
    CREATE TABLE unit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      area_id uuid REFERENCES area(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('myndighed', 'udfører', 'ekstern')),
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `,
  `
    CREATE UNIQUE INDEX unit_name_unique ON unit (municipality_id, lower(name))
  `,
  `
    CREATE TABLE person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES unit(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      role text NOT NULL CHECK (role IN ('leder', 'medarbejder')),
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `,
  `
    CREATE UNIQUE INDEX person_email_unique ON person (municipality_id, lower(email))
  `,
  `
    CREATE INDEX person_unit ON person (unit_id)
  `,
  `
    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'analytiker', 'leder', 'sagsbehandler')),
      person_id uuid REFERENCES person(id),
      disabled_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `,
  `
    CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email))
  `,
  `
    CREATE TABLE session (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now()
    )
  `,
  `
    CREATE INDEX session_by_user ON session (user_id)
  `,
  `
    CREATE TABLE login_attempt (
      id bigserial PRIMARY KEY,
      email text NOT NULL,
      success boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )
  `,
  `
    CREATE INDEX login_attempt_email_at ON login_attempt (lower(email), at)
  `,
  `
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      municipality_id uuid,
      user_id uuid,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      citizen_id uuid,
      reason text,
      detail jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      purge_after timestamptz
    )
  `,
  `
    CREATE INDEX audit_log_municipality_at ON audit_log (municipality_id, at DESC)
  `,
  `
    CREATE INDEX audit_log_citizen ON audit_log (citizen_id) WHERE citizen_id IS NOT NULL
  `,
  `
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND OLD.purge_after IS NOT NULL AND OLD.purge_after <= now() THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$
  `,
  `
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
