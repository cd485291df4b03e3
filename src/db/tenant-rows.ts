/**
 * "The row of table T in this municipality with this id": the lookup, change and removal
 * that most repositories need, written once. Each names the municipality as well as the
 * id, so a wrong id from another municipality finds nothing (404), as row-level security
 * would also ensure.
 */
import {
  DynamicModule,
  type ExpressionBuilder,
  type Insertable,
  type Selectable,
  type UpdateObject,
} from 'kysely';
import type { Db } from './db.js';
import type { Database } from './schema.js';

/** The tables whose rows have an `id` and belong to one municipality. */
export type TenantTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; municipality_id: string } ? T : never;
}[keyof Database];

/** The tables whose rows belong to one course of one municipality. */
export type CourseRowTable = {
  [T in keyof Database]: Database[T] extends { municipality_id: string; course_id: string }
    ? T
    : never;
}[keyof Database];

/** The database with table `T` also known as `t`: how a table named at run time is typed. */
type Aliased<T extends keyof Database> = Database & {
  t: T extends keyof Database ? Database[T] : never;
};

const dynamic = new DynamicModule();

/** `rowOf` for any table: the helpers below name their table only at run time. */
const anyRowOf =
  (municipalityId: string, id: string) =>
  <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) =>
    eb.and([
      eb(dynamic.ref('municipality_id'), '=', municipalityId),
      eb(dynamic.ref('id'), '=', id),
    ]);

/**
 * Filter for `where`: the row with this id in this municipality, for queries that select,
 * join or lock more than the helpers below.
 *
 * @example db.selectFrom('person').select(['id', 'name']).where(rowOf(municipalityId, id))
 */
export const rowOf =
  (municipalityId: string, id: string) =>
  <T extends TenantTable>(eb: ExpressionBuilder<Database, T>) =>
    anyRowOf(municipalityId, id)(eb);

/** Insert one row and return it as stored (defaults filled in). */
export async function insertRow<T extends keyof Database>(
  db: Db,
  table: T,
  row: Insertable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  return db.insertInto(table).values(row).returningAll().executeTakeFirstOrThrow();
}

/** The row with this id in this municipality, or `undefined`. */
export async function findRow<T extends TenantTable>(
  db: Db,
  table: T,
  municipalityId: string,
  id: string,
) {
  return selectRows(db, table, municipalityId).where(dynamic.ref('id'), '=', id).executeTakeFirst();
}

/** Change the row with this id in this municipality; the changed row, or `undefined`. */
export async function updateRow<T extends TenantTable>(
  db: Db,
  table: T,
  municipalityId: string,
  id: string,
  change: UpdateObject<Aliased<T>, 't'>,
) {
  return db
    .updateTable(db.dynamic.table(table).as('t'))
    .set(change)
    .where(anyRowOf(municipalityId, id))
    .returningAll()
    .executeTakeFirst();
}

/** Remove the row with this id in this municipality; whether there was one. */
export async function deleteRow<T extends TenantTable>(
  db: Db,
  table: T,
  municipalityId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom(db.dynamic.table(table).as('t'))
    .where(anyRowOf(municipalityId, id))
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * The rows of one course in this municipality, as a query to order or narrow further.
 *
 * @example selectCourseRows(db, 'journal_entry', municipalityId, courseId).orderBy('created_at')
 */
export function selectCourseRows<T extends CourseRowTable>(
  db: Db,
  table: T,
  municipalityId: string,
  courseId: string,
) {
  return selectRows(db, table, municipalityId).where(dynamic.ref('course_id'), '=', courseId);
}

/** The rows of a table in this municipality, as a query to narrow further. */
function selectRows<T extends TenantTable | CourseRowTable>(
  db: Db,
  table: T,
  municipalityId: string,
) {
  return db
    .selectFrom(db.dynamic.table(table).as('t'))
    .selectAll()
    .where(dynamic.ref('municipality_id'), '=', municipalityId);
}
