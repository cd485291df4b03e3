/** Plan versions as SQL: append a version, read the latest, one, or the list. */
import type { Db } from '../db/db.js';

export async function latestVersion(db: Db, courseId: string) {
  return db
    .selectFrom('plan_version')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findVersion(db: Db, courseId: string, version: number) {
  return db
    .selectFrom('plan_version')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: Db, courseId: string) {
  return db
    .selectFrom('plan_version')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('version')
    .execute();
}

/** The latest version number of each course (0 when none is saved). */
export async function latestVersionNumbers(db: Db, courseIds: string[]) {
  if (courseIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('plan_version')
    .select(['course_id', (eb) => eb.fn.max('version').as('version')])
    .where('course_id', 'in', courseIds)
    .groupBy('course_id')
    .execute();
  return new Map(rows.map((r) => [r.course_id, Number(r.version)]));
}

/** Append a version; a concurrent save of the same number fails on the primary key. */
export async function insertVersion(
  db: Db,
  row: {
    courseId: string;
    version: number;
    plan: unknown;
    changedBy: string;
    participants: string[];
    note: string | null;
  },
): Promise<void> {
  await db
    .insertInto('plan_version')
    .values({
      course_id: row.courseId,
      version: row.version,
      plan: JSON.stringify(row.plan),
      changed_by: row.changedBy,
      participants: JSON.stringify(row.participants),
      note: row.note,
    })
    .execute();
}
