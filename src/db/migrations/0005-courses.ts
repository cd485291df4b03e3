/**
 * Én plan: citizens' courses, their members, network parties, plan versions and consents.
 * Also lets the audit log mark a deleted course's entries for purging: an UPDATE that only
 * sets an unset `purge_after` is allowed; every other UPDATE is still refused.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const isoDate = (column: string) => `CHECK (${column} ~ '^\\d{4}-\\d{2}-\\d{2}$')`;

const statements = [
  `
    CREATE TABLE course (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('individual', 'family')),
      target_group text NOT NULL
        CHECK (target_group IN ('voksne', 'unge-15-30', 'familier', 'boern', 'andet')),
      start_date text NOT NULL ${isoDate('start_date')},
      status text NOT NULL CHECK (status IN ('open', 'closed')),
      coordinator_person_id uuid NOT NULL REFERENCES person(id),
      coordinator_role text NOT NULL CHECK (coordinator_role IN ('koordinerende-sagsbehandler',
        'plankoordinator', 'makker', 'tvaergaaende-sagsbehandler', 'kontaktperson')),
      created_by uuid NOT NULL REFERENCES app_user(id),
      main_cpr_hash text NOT NULL,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `,
  `
    CREATE UNIQUE INDEX course_one_open_per_citizen ON course (municipality_id, main_cpr_hash)
      WHERE status = 'open'
  `,
  `CREATE INDEX course_municipality ON course (municipality_id, status)`,
  `CREATE INDEX course_coordinator ON course (coordinator_person_id)`,
  `
    CREATE TABLE citizen (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      relation text NOT NULL
        CHECK (relation IN ('borger', 'forælder', 'barn', 'partner', 'søskende', 'andet')),
      position integer NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      cpr_encrypted text,
      cpr_hash text,
      cpr_masked text,
      phone text,
      email text,
      address text,
      preferred_contact text
        CHECK (preferred_contact IN ('telefon', 'sms', 'e-mail', 'brev', 'digital-post')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (course_id, position)
    )
  `,
  `CREATE INDEX citizen_cpr_hash ON citizen (municipality_id, cpr_hash) WHERE cpr_hash IS NOT NULL`,
  `
    CREATE TABLE course_party (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('unit', 'professional', 'external')),
      unit_id uuid REFERENCES unit(id),
      person_id uuid REFERENCES person(id),
      external_type text CHECK (external_type IN ('egen-laege', 'regionspsykiatri', 'skole',
        'politi', 'kriminalforsorg', 'hospital', 'andet')),
      name text,
      phone text,
      email text,
      task text NOT NULL,
      response_time text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'unit' OR (unit_id IS NOT NULL AND person_id IS NULL)),
      CHECK (kind <> 'professional' OR (person_id IS NOT NULL AND unit_id IS NULL)),
      CHECK (kind <> 'external' OR (external_type IS NOT NULL AND name IS NOT NULL))
    )
  `,
  `CREATE INDEX course_party_course ON course_party (course_id)`,
  `CREATE INDEX course_party_person ON course_party (person_id) WHERE person_id IS NOT NULL`,
  `CREATE INDEX course_party_unit ON course_party (unit_id) WHERE unit_id IS NOT NULL`,
  `
    CREATE TABLE plan_version (
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      plan jsonb NOT NULL,
      changed_by uuid NOT NULL REFERENCES app_user(id),
      participants jsonb NOT NULL DEFAULT '[]',
      note text,
      changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (course_id, version)
    )
  `,
  `
    CREATE TABLE consent (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
      course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
      purpose text NOT NULL,
      party_ids jsonb NOT NULL,
      member_ids jsonb NOT NULL,
      given_on text NOT NULL ${isoDate('given_on')},
      expires_on text NOT NULL ${isoDate('expires_on')},
      form text NOT NULL CHECK (form IN ('underskrift', 'digital', 'mundtlig-med-vidne')),
      witness text,
      recorded_by uuid NOT NULL REFERENCES app_user(id),
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES app_user(id),
      withdraw_reason text,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      CHECK (expires_on > given_on)
    )
  `,
  `CREATE INDEX consent_course ON consent (course_id)`,
  `
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND OLD.purge_after IS NOT NULL AND OLD.purge_after <= now() THEN
        RETURN OLD;
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.purge_after IS NULL AND NEW.purge_after IS NOT NULL
         AND to_jsonb(NEW) - 'purge_after' = to_jsonb(OLD) - 'purge_after' THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
