/**
 * Relational capacity measurements: design, invitations, anonymous answers, and the
 * background job queue with the mail outbox.
 *
 * Anonymity by design: `invitation` knows who was invited and whether they finished;
 * `respondent` and `answer` know unit, role and values. The only link between them
 * (`invitation.respondent_ref`) is encrypted with a key derived from the respondent's
 * own token, which is stored only as a hash, and it is erased at submission.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `CREATE TABLE measurement (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    focal_process text NOT NULL CHECK (length(focal_process) BETWEEN 1 AND 200),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
    opens_at timestamptz,
    closes_at timestamptz,
    min_group integer NOT NULL DEFAULT 5 CHECK (min_group >= 3),
    threshold_high double precision NOT NULL DEFAULT 4.0,
    threshold_low double precision NOT NULL DEFAULT 3.5,
    choose_groups boolean NOT NULL DEFAULT true,
    include_leadership boolean NOT NULL DEFAULT true,
    items jsonb NOT NULL,
    wave_label text NOT NULL DEFAULT '1' CHECK (length(wave_label) BETWEEN 1 AND 40),
    previous_measurement_id uuid REFERENCES measurement(id),
    created_by uuid REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    opened_at timestamptz,
    closed_at timestamptz,
    CHECK (threshold_low <= threshold_high),
    CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
  )`,
  `CREATE INDEX measurement_municipality ON measurement (municipality_id, created_at DESC)`,
  `CREATE TABLE measurement_group (
    measurement_id uuid NOT NULL REFERENCES measurement(id) ON DELETE CASCADE,
    unit_id uuid NOT NULL REFERENCES unit(id),
    arm text CHECK (arm IN ('intervention', 'kontrol')),
    PRIMARY KEY (measurement_id, unit_id)
  )`,
  `CREATE TABLE invitation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    measurement_id uuid NOT NULL REFERENCES measurement(id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES person(id),
    unit_id uuid NOT NULL REFERENCES unit(id),
    role text NOT NULL CHECK (role IN ('leder', 'medarbejder')),
    token_hash text UNIQUE,
    token_sealed text,
    respondent_ref text,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'invited', 'finished')),
    invited_on date,
    finished_on date,
    reminders integer NOT NULL DEFAULT 0,
    UNIQUE (measurement_id, person_id)
  )`,
  `CREATE TABLE respondent (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    measurement_id uuid NOT NULL REFERENCES measurement(id) ON DELETE CASCADE,
    unit_id uuid NOT NULL REFERENCES unit(id),
    role text NOT NULL CHECK (role IN ('leder', 'medarbejder')),
    chosen_groups uuid[],
    arm text CHECK (arm IN ('intervention', 'kontrol')),
    case_ref text,
    source text NOT NULL CHECK (source IN ('survey', 'import')),
    submitted boolean NOT NULL DEFAULT false
  )`,
  `CREATE INDEX respondent_measurement ON respondent (measurement_id)`,
  `CREATE TABLE answer (
    measurement_id uuid NOT NULL REFERENCES measurement(id) ON DELETE CASCADE,
    respondent_id uuid NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
    target text NOT NULL DEFAULT '',
    item text NOT NULL CHECK (length(item) BETWEEN 1 AND 40),
    value smallint CHECK (value BETWEEN 1 AND 5),
    dont_know boolean NOT NULL DEFAULT false,
    CHECK ((value IS NULL) = dont_know),
    PRIMARY KEY (respondent_id, target, item)
  )`,
  `CREATE INDEX answer_measurement ON answer (measurement_id)`,
  `CREATE TABLE job (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    run_at timestamptz NOT NULL DEFAULT now(),
    attempts integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 5,
    locked_until timestamptz,
    last_error text,
    done_at timestamptz,
    failed_at timestamptz,
    dedupe_key text UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX job_due ON job (run_at) WHERE done_at IS NULL AND failed_at IS NULL`,
  `CREATE TABLE mail_message (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid REFERENCES municipality(id) ON DELETE CASCADE,
    measurement_id uuid REFERENCES measurement(id) ON DELETE SET NULL,
    kind text NOT NULL,
    to_address text NOT NULL,
    subject text NOT NULL,
    body_text text NOT NULL,
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'outbox')),
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz
  )`,
  `CREATE INDEX mail_message_municipality ON mail_message (municipality_id, created_at DESC)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
