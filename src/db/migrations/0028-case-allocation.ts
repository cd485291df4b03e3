/**
 * The intervention study on citizens' cases (issue #17): a leadership intervention can be
 * tied to a course (one per course) with the participants of each network meeting, and
 * the analysts' random allocation of a period's complex courses to intervention or
 * control, recorded with its seed.
 *
 * An allocation is a record, not a setting: its rows refuse UPDATE and DELETE (trigger),
 * and a course's `arm` cannot be changed away from the arm it was allocated to. The
 * allocated course ids are kept without a foreign key, so a course erased for privacy
 * leaves the allocation re-derivable (it then simply drops out of the comparison).
 *
 * Migration 0020's row-level security loop ran before these tables existed, so they get
 * their policies here (the same rule: the row's municipality is the scope's).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;

const statements = [
  `ALTER TABLE intervention ADD COLUMN course_id uuid REFERENCES course(id) ON DELETE CASCADE`,
  `CREATE UNIQUE INDEX intervention_one_per_course ON intervention (course_id) WHERE course_id IS NOT NULL`,
  `ALTER TABLE intervention_meeting ADD COLUMN participants jsonb NOT NULL DEFAULT '[]'`,
  `CREATE TABLE allocation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
    period_from text NOT NULL CHECK (period_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    period_to text NOT NULL CHECK (period_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    seed bigint NOT NULL CHECK (seed >= 0 AND seed < 4294967296),
    rule text NOT NULL,
    created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (period_to >= period_from)
  )`,
  `CREATE TABLE allocation_course (
    allocation_id uuid NOT NULL REFERENCES allocation(id),
    municipality_id uuid NOT NULL REFERENCES municipality(id),
    course_id uuid NOT NULL UNIQUE,
    arm text NOT NULL CHECK (arm IN ('intervention', 'kontrol')),
    most_complex boolean NOT NULL,
    PRIMARY KEY (allocation_id, course_id)
  )`,
  `CREATE FUNCTION allocation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$`,
  `CREATE TRIGGER allocation_append_only BEFORE UPDATE OR DELETE ON allocation
     FOR EACH ROW EXECUTE FUNCTION allocation_append_only()`,
  `CREATE TRIGGER allocation_course_append_only BEFORE UPDATE OR DELETE ON allocation_course
     FOR EACH ROW EXECUTE FUNCTION allocation_append_only()`,
  `CREATE FUNCTION course_arm_allocated() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE allocated text;
    BEGIN
      SELECT arm INTO allocated FROM allocation_course WHERE course_id = NEW.id;
      IF allocated IS NOT NULL AND NEW.arm IS DISTINCT FROM allocated THEN
        RAISE EXCEPTION 'course % was allocated to %; its arm cannot change', NEW.id, allocated
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $$`,
  `CREATE TRIGGER course_arm_allocated BEFORE UPDATE OF arm ON course
     FOR EACH ROW EXECUTE FUNCTION course_arm_allocated()`,
  `ALTER TABLE allocation ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON allocation USING (municipality_id = ${current})`,
  `ALTER TABLE allocation_course ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON allocation_course USING (municipality_id = ${current})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
}
