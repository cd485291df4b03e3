/**
 * The course over time: meetings (with agreements that can become plan actions),
 * progression instruments, schedules and answers, and the citizen's own view (personal
 * links with a one-time code, short citizen sessions, the citizen's comments and their
 * answers to the citizen scale of DOMAIN.md §2.3).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `CREATE TABLE meeting (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('opstart', 'netvaerk', 'personale')),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    starts_at timestamptz NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
    place text NOT NULL,
    agenda text NOT NULL DEFAULT '',
    party_ids jsonb NOT NULL DEFAULT '[]',
    member_ids jsonb NOT NULL DEFAULT '[]',
    roles jsonb NOT NULL DEFAULT '{}',
    minutes text NOT NULL DEFAULT '',
    agreements jsonb NOT NULL DEFAULT '[]',
    status text NOT NULL CHECK (status IN ('planned', 'cancelled')),
    sequence integer NOT NULL DEFAULT 0,
    plan_version integer,
    reminded_at timestamptz,
    created_by uuid NOT NULL REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    cancelled_at timestamptz
  )`,
  `CREATE INDEX meeting_course ON meeting (course_id, starts_at)`,
  `CREATE TABLE progression_instrument (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    target_group text NOT NULL
      CHECK (target_group IN ('alle', 'voksne', 'unge-15-30', 'familier', 'boern', 'andet')),
    description text NOT NULL DEFAULT '',
    items jsonb NOT NULL,
    default_key text,
    archived_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (municipality_id, default_key)
  )`,
  `CREATE TABLE progression_schedule (
    course_id uuid PRIMARY KEY REFERENCES course(id) ON DELETE CASCADE,
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    instrument_id uuid NOT NULL REFERENCES progression_instrument(id),
    interval_months integer NOT NULL DEFAULT 6 CHECK (interval_months BETWEEN 1 AND 24),
    reminded jsonb NOT NULL DEFAULT '[]',
    created_by uuid NOT NULL REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE progression_response (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    member_id uuid NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
    instrument_id uuid NOT NULL REFERENCES progression_instrument(id),
    occasion text NOT NULL,
    answered_by text NOT NULL CHECK (answered_by IN ('borger', 'foraelder', 'sagsbehandler')),
    answered_by_user uuid REFERENCES app_user(id),
    answers jsonb NOT NULL,
    answered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (course_id, member_id, occasion)
  )`,
  `CREATE TABLE citizen_link (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    member_id uuid NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    code_hash text,
    code_expires_at timestamptz,
    codes_sent integer NOT NULL DEFAULT 0,
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_at timestamptz,
    revoked_at timestamptz,
    created_by uuid NOT NULL REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX citizen_link_course ON citizen_link (course_id)`,
  `CREATE TABLE citizen_session (
    id_hash text PRIMARY KEY,
    link_id uuid NOT NULL REFERENCES citizen_link(id) ON DELETE CASCADE,
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    member_id uuid NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE citizen_message (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    member_id uuid NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('kommentar', 'oenske')),
    text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`,
  `CREATE INDEX citizen_message_course ON citizen_message (course_id, created_at)`,
  `CREATE TABLE citizen_scale (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    member_id uuid NOT NULL REFERENCES citizen(id) ON DELETE CASCADE,
    requested_by uuid NOT NULL REFERENCES app_user(id),
    requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    answers jsonb,
    answered_at timestamptz
  )`,
  `CREATE INDEX citizen_scale_course ON citizen_scale (course_id, requested_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
