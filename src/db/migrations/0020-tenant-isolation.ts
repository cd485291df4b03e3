/**
 * Row-level security between municipalities (issue #12, defence in depth).
 *
 * Every table with a `municipality_id` column, every child table through its parent's, and
 * the municipality table itself get a policy that shows and accepts only the rows of the
 * municipality in the setting `app.municipality_id`; unset means no rows. The app runs a
 * logged-in staff user's queries as the role `samspil_tenant` (no login; the app's own
 * user is made a member) with that setting. The owning role is not subject to the
 * policies: that is the explicit bypass for login, links by token, the job worker and the
 * CLI (`src/db/tenant.ts`, docs/decisions.md).
 *
 * This migration must stay after every other: the loop covers the tables with
 * `municipality_id` that exist when it runs; a later table needs its own policy (the test
 * test/db/tenant-isolation.db.test.ts fails until it has one).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.js';

/** The role tenant-scoped queries run as (`src/db/tenant.ts` uses the same name). */
export const TENANT_ROLE = 'samspil_tenant';

const current = `nullif(current_setting('app.municipality_id', true), '')::uuid`;

/** Child tables without a `municipality_id`: their parent table and the column naming it. */
export const CHILD_TABLES: Record<string, { parent: string; column: string }> = {
  answer: { parent: 'measurement', column: 'measurement_id' },
  invitation: { parent: 'measurement', column: 'measurement_id' },
  respondent: { parent: 'measurement', column: 'measurement_id' },
  measurement_group: { parent: 'measurement', column: 'measurement_id' },
  measurement_profession: { parent: 'measurement', column: 'measurement_id' },
  plan_version: { parent: 'course', column: 'course_id' },
  workshop_actor: { parent: 'workshop', column: 'workshop_id' },
  workshop_point: { parent: 'workshop', column: 'workshop_id' },
  workshop_rating: { parent: 'workshop', column: 'workshop_id' },
  intervention_unit: { parent: 'intervention', column: 'intervention_id' },
  intervention_leader: { parent: 'intervention', column: 'intervention_id' },
  intervention_meeting: { parent: 'intervention', column: 'intervention_id' },
  intervention_agreement: { parent: 'intervention', column: 'intervention_id' },
};

/**
 * The role is cluster-wide: create it only when missing, and tolerate another database's
 * migration creating it at the same moment (test files migrate concurrently on one
 * server). Without the right to create roles the policies still go on, the app finds no
 * usable role at start and says so (the fallback in docs/decisions.md).
 */
const createRole = `
  DO $$
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TENANT_ROLE}') THEN
      BEGIN
        CREATE ROLE ${TENANT_ROLE} NOLOGIN;
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;
        WHEN insufficient_privilege THEN
          RAISE NOTICE 'cannot create role ${TENANT_ROLE}: tenant isolation is off';
          RETURN;
      END;
    END IF;
    -- A superuser may SET ROLE to any role; anyone else must be a member.
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
      BEGIN
        EXECUTE format('GRANT ${TENANT_ROLE} TO %I', current_user);
      EXCEPTION WHEN insufficient_privilege OR unique_violation THEN
        RAISE NOTICE 'cannot grant role ${TENANT_ROLE} to %', current_user;
      END;
    END IF;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${TENANT_ROLE};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${TENANT_ROLE};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public
      GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${TENANT_ROLE};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${TENANT_ROLE};
  END $$`;

/** A policy on every table that has a `municipality_id`, whichever migration made it. */
const directTables = `
  DO $$
  DECLARE
    name text;
  BEGIN
    FOR name IN
      SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'municipality_id'
        AND t.table_type = 'BASE TABLE'
    LOOP
      EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
      EXECUTE format(
        'CREATE POLICY tenant ON %I USING (municipality_id = ${current.replaceAll("'", "''")})',
        name
      );
    END LOOP;
  END $$`;

// `IN`, not `EXISTS`: PostgreSQL plans it as a hashed subplan that parallel workers can
// run, where the `EXISTS` form kept the analysis's scans of `answer` serial (about half
// again as slow); and unlike `= ANY (ARRAY(…))` it does not grow with the number of parents.
const childStatements = Object.entries(CHILD_TABLES).flatMap(([table, { parent, column }]) => [
  `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY tenant ON ${table} USING (
     ${column} IN (SELECT id FROM ${parent} WHERE municipality_id = ${current}))`,
]);

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    createRole,
    directTables,
    ...childStatements,
    `ALTER TABLE municipality ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant ON municipality USING (id = ${current})`,
  ]);
}
