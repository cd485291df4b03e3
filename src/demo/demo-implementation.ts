/**
 * A closed implementation survey of staff for the demo municipality (docs/implementation.md):
 * the default item set asked in five units, about four in five answered, so a newcomer
 * sees the report with units and roles shown and some hidden. Its own random sequence, so
 * the rest of the demo stays as it was.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_IMPLEMENTATION_ITEMS } from '../../contract/implementation.js';
import type { Database } from '../db/schema.js';
import type { NewAnswer } from '../db/tables/answer.table.js';
import { closedDemoMeasurement, demoInvitation, demoRespondent } from './demo-answers.js';
import { seededRandom } from './random.js';

const UNITS = [
  'Jobcenter',
  'Socialafdelingen voksne',
  'Misbrugscenter',
  'Bostøtte',
  'Familieafdelingen',
];

/** Create the closed demo implementation survey with its answers; returns its id. */
export async function createDemoImplementation(
  db: Kysely<Database>,
  municipalityId: string,
  seed = 17,
): Promise<string> {
  const random = seededRandom(seed);
  const units = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('name', 'in', UNITS)
    .execute();
  const people = await db
    .selectFrom('person')
    .select(['id', 'unit_id', 'role'])
    .where('municipality_id', '=', municipalityId)
    .where(
      'unit_id',
      'in',
      units.map((u) => u.id),
    )
    .execute();
  const start = new Date(Date.UTC(2026, 8, 1));
  const day = start.toISOString().slice(0, 10);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('measurement')
      .values(
        closedDemoMeasurement(start, 21, {
          municipality_id: municipalityId,
          title: 'Implementering af Én plan, efterår 2026',
          focal_process: 'Én plan',
          kind: 'implementation',
          implementation_items: JSON.stringify(DEFAULT_IMPLEMENTATION_ITEMS),
          choose_groups: false,
          include_leadership: false,
          items: '{}',
          wave_label: '1',
          previous_measurement_id: null,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('measurement_group')
      .values(units.map((u) => ({ measurement_id: id, unit_id: u.id, arm: null })))
      .execute();
    const answers: NewAnswer[] = [];
    for (const person of people) {
      const answered = random() >= 0.2;
      // The invitation knows only who finished; nothing links it to the answers below.
      await trx
        .insertInto('invitation')
        .values(demoInvitation(id, person, answered, day))
        .execute();
      if (!answered) continue;
      const respondentId = crypto.randomUUID();
      await trx
        .insertInto('respondent')
        .values(
          demoRespondent(id, {
            id: respondentId,
            unitId: person.unit_id,
            role: person.role,
            arm: null,
          }),
        )
        .execute();
      // Leaders see the plan more rosily; progression is the weakest element, as in the trial.
      const lean = person.role === 'leder' ? 0.5 : 0;
      for (const item of DEFAULT_IMPLEMENTATION_ITEMS) {
        const dontKnow = random() < 0.08;
        const base = 3.4 + lean + (item.element === 'progression' ? -0.7 : 0);
        const value = Math.min(5, Math.max(1, Math.round(base + (random() - 0.5) * 2.6)));
        answers.push({
          measurement_id: id,
          respondent_id: respondentId,
          target: '',
          item: item.key,
          value: dontKnow ? null : value,
          dont_know: dontKnow,
        });
      }
    }
    if (answers.length > 0) await trx.insertInto('answer').values(answers).execute();
    return id;
  });
}
