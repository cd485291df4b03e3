/**
 * Dialogue workshops (actors on a canvas, the room's ratings of each tie, development
 * points) and leadership interventions (two network meetings, agreements, a follow-up
 * measurement). A workshop's `version` grows with every change, so followers know when
 * to fetch it again.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const statements = [
  `CREATE TABLE workshop (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    target_group text NOT NULL CHECK (length(target_group) BETWEEN 1 AND 500),
    measurement_id uuid REFERENCES measurement(id) ON DELETE SET NULL,
    step integer NOT NULL DEFAULT 1 CHECK (step BETWEEN 1 AND 3),
    current_actor_id uuid,
    facilitator_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
    facilitator_seen_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX workshop_municipality ON workshop (municipality_id, updated_at DESC)`,
  `CREATE TABLE workshop_actor (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workshop_id uuid NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    unit_id uuid REFERENCES unit(id) ON DELETE SET NULL,
    label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
    x double precision NOT NULL CHECK (x BETWEEN 0 AND 1000),
    y double precision NOT NULL CHECK (y BETWEEN 0 AND 600),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`,
  `CREATE INDEX workshop_actor_workshop ON workshop_actor (workshop_id, created_at)`,
  `CREATE UNIQUE INDEX workshop_actor_unit ON workshop_actor (workshop_id, unit_id) WHERE unit_id IS NOT NULL`,
  `CREATE TABLE workshop_rating (
    workshop_id uuid NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    from_actor_id uuid NOT NULL REFERENCES workshop_actor(id) ON DELETE CASCADE,
    to_actor_id uuid NOT NULL REFERENCES workshop_actor(id) ON DELETE CASCADE,
    rating text NOT NULL CHECK (rating IN ('good', 'middle', 'low')),
    PRIMARY KEY (from_actor_id, to_actor_id),
    CHECK (from_actor_id <> to_actor_id)
  )`,
  `CREATE INDEX workshop_rating_workshop ON workshop_rating (workshop_id)`,
  `CREATE TABLE workshop_point (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workshop_id uuid NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    owner text NOT NULL CHECK (length(btrim(owner)) BETWEEN 1 AND 200),
    due_on date,
    done boolean NOT NULL DEFAULT false,
    x double precision NOT NULL DEFAULT 500 CHECK (x BETWEEN 0 AND 1000),
    y double precision NOT NULL DEFAULT 300 CHECK (y BETWEEN 0 AND 600),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`,
  `CREATE INDEX workshop_point_workshop ON workshop_point (workshop_id, created_at)`,
  `CREATE TABLE intervention (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    measurement_id uuid REFERENCES measurement(id) ON DELETE SET NULL,
    status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'completed', 'cancelled')),
    checklist jsonb NOT NULL DEFAULT '{}',
    follow_up_on date,
    follow_up_measurement_id uuid REFERENCES measurement(id) ON DELETE SET NULL,
    created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX intervention_municipality ON intervention (municipality_id, created_at DESC)`,
  `CREATE TABLE intervention_unit (
    intervention_id uuid NOT NULL REFERENCES intervention(id) ON DELETE CASCADE,
    unit_id uuid NOT NULL REFERENCES unit(id),
    PRIMARY KEY (intervention_id, unit_id)
  )`,
  `CREATE TABLE intervention_leader (
    intervention_id uuid NOT NULL REFERENCES intervention(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES app_user(id),
    PRIMARY KEY (intervention_id, user_id)
  )`,
  `CREATE TABLE intervention_meeting (
    intervention_id uuid NOT NULL REFERENCES intervention(id) ON DELETE CASCADE,
    number integer NOT NULL CHECK (number IN (1, 2)),
    starts_at timestamptz NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 45 AND 60),
    facilitator text NOT NULL CHECK (length(facilitator) BETWEEN 1 AND 200),
    colleague text NOT NULL CHECK (length(colleague) BETWEEN 1 AND 200),
    held boolean NOT NULL DEFAULT false,
    PRIMARY KEY (intervention_id, number)
  )`,
  `CREATE TABLE intervention_agreement (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    intervention_id uuid NOT NULL REFERENCES intervention(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('agreement', 'decision')),
    checklist_key text,
    text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`,
  `CREATE INDEX intervention_agreement_intervention ON intervention_agreement (intervention_id, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
