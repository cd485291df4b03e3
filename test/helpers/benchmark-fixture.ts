/** Other municipalities for benchmark tests: copies of the demo's organisation with their own answers. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { createDemoSurvey } from '../../src/demo/demo-survey.js';

/** Another municipality with the demo's units, people and two closed waves; returns its id. */
export async function otherMunicipality(
  db: Kysely<Database>,
  demoId: string,
  slug: string,
  consent: boolean,
  seed: number,
): Promise<{ id: string; measurementIds: string[] }> {
  const { id } = await db
    .insertInto('municipality')
    .values({ name: `Kommune ${slug}`, slug, benchmark_consent: consent })
    .returning('id')
    .executeTakeFirstOrThrow();
  const units = await db
    .selectFrom('unit')
    .select(['id', 'name', 'kind'])
    .where('municipality_id', '=', demoId)
    .execute();
  const people = await db
    .selectFrom('person')
    .select(['unit_id', 'role'])
    .where('municipality_id', '=', demoId)
    .execute();
  const copies = await db
    .insertInto('unit')
    .values(units.map((u) => ({ municipality_id: id, name: u.name, kind: u.kind, area_id: null })))
    .returning(['id', 'name'])
    .execute();
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const copyId = new Map(copies.map((u) => [u.name, u.id]));
  await db
    .insertInto('person')
    .values(
      people.map((p, i) => ({
        municipality_id: id,
        unit_id: copyId.get(unitName.get(p.unit_id)!)!,
        name: `Person ${i}`,
        email: `p${i}@${slug}.dk`,
        role: p.role,
        archived_at: null,
      })),
    )
    .execute();
  return { id, measurementIds: await createDemoSurvey(db, id, seed) };
}
