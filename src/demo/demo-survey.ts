/**
 * Survey answers for the demo municipality: two closed waves (før, efter) of one
 * measurement about citizens with a dual diagnosis, with half the units in an
 * intervention arm. The numbers follow the research's patterns: leaders rate higher
 * than employees, authority units higher than service units, psychiatry and the
 * jobcentre form a weak bridge, and the intervention arm improves while control declines.
 */
import type { Kysely } from 'kysely';
import { RK_ITEMS } from '../analysis/answer.js';
import type { Database } from '../db/schema.js';
import type { NewAnswer } from '../db/tables/answer.table.js';
import type { NewInvitation } from '../db/tables/invitation.table.js';
import type { Arm } from '../db/tables/measurement.table.js';
import { DEFAULT_LEADERSHIP_ITEMS, DEFAULT_RK_ITEMS } from '../measurements/default-items.js';
import {
  closedDemoMeasurement,
  demoInvitation,
  demoRespondent,
  leadershipAnswers,
} from './demo-answers.js';
import { seededRandom } from './random.js';

const INTERVENTION = new Set([
  'Jobcenter',
  'Misbrugscenter',
  'Regionspsykiatrien',
  'Bostøtte',
  'Socialafdelingen voksne',
]);
const WEAK_BRIDGES = [
  ['Jobcenter', 'Regionspsykiatrien'],
  ['Skole', 'Familieafdelingen'],
  ['Egen læge', 'Socialafdelingen voksne'],
];

interface DemoUnitRow {
  id: string;
  name: string;
  kind: string;
}

function clampScore(x: number): number {
  return Math.max(1, Math.min(5, Math.round(x)));
}

/** Create the two demo waves with answers; returns their ids (before, after). */
export async function createDemoSurvey(
  db: Kysely<Database>,
  municipalityId: string,
  seed = 7,
): Promise<[string, string]> {
  const random = seededRandom(seed);
  const normal = () => {
    const u = Math.max(random(), 1e-9);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const units: DemoUnitRow[] = await db
    .selectFrom('unit')
    .select(['id', 'name', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const people = await db
    .selectFrom('person')
    .select(['id', 'unit_id', 'role'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  const weak = new Set(WEAK_BRIDGES.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const items = JSON.stringify({ ...DEFAULT_RK_ITEMS, ...DEFAULT_LEADERSHIP_ITEMS });
  const ids: string[] = [];

  for (const [wave, label] of [
    [0, 'før'],
    [1, 'efter'],
  ] as const) {
    await db.transaction().execute(async (trx) => {
      const start = new Date(Date.UTC(2026, wave === 0 ? 1 : 6, 2));
      const measurement = await trx
        .insertInto('measurement')
        .values(
          closedDemoMeasurement(start, 21, {
            municipality_id: municipalityId,
            title: `Samarbejde om borgere med dobbeltdiagnose (${label})`,
            focal_process: 'borgere med dobbeltdiagnose',
            focal_kind: 'dobbeltdiagnose',
            choose_groups: true,
            include_leadership: true,
            items,
            wave_label: label,
            previous_measurement_id: ids[0] ?? null,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(measurement.id);
      await trx
        .insertInto('measurement_group')
        .values(
          units.map((u) => ({
            measurement_id: measurement.id,
            unit_id: u.id,
            arm: INTERVENTION.has(u.name) ? 'intervention' : 'kontrol',
            // Authority units refer citizens on (send); service units receive them.
            flow: u.kind === 'myndighed' ? 'sender' : u.kind === 'udfører' ? 'receiver' : null,
          })),
        )
        .execute();

      const answers: NewAnswer[] = [];
      const invitedOn = start.toISOString().slice(0, 10);
      const invitations: NewInvitation[] = [];
      for (const person of people) {
        const answered = random() >= 0.18;
        // The invitation knows only who finished; nothing links it to the answers below.
        invitations.push(demoInvitation(measurement.id, person, answered, invitedOn));
        if (!answered) continue;
        const unit = byId.get(person.unit_id)!;
        const arm: Arm = INTERVENTION.has(unit.name) ? 'intervention' : 'kontrol';
        const respondentId = crypto.randomUUID();
        await trx
          .insertInto('respondent')
          .values(
            demoRespondent(measurement.id, {
              id: respondentId,
              unitId: unit.id,
              role: person.role,
              arm,
            }),
          )
          .execute();
        const leadership = 3.4 + normal() * 0.6 + (person.role === 'leder' ? 0.3 : 0);
        const targets = units.filter((t) => t.id === unit.id || random() < 0.55);
        await trx
          .updateTable('respondent')
          .set({ chosen_groups: targets.map((t) => t.id) })
          .where('id', '=', respondentId)
          .execute();
        for (const target of targets) {
          let base = 3.55 + normal() * 0.35;
          if (person.role === 'leder') base += 0.45;
          if (unit.kind === 'myndighed') base += 0.25;
          if (target.kind === 'ekstern' || unit.kind === 'ekstern') base -= 0.3;
          if (target.id === unit.id) base += 0.5;
          if (weak.has(`${unit.name}|${target.name}`)) base -= 0.9;
          base += (leadership - 3.5) * 0.35;
          if (wave === 1) base += arm === 'intervention' ? 0.55 : -0.2;
          for (const item of RK_ITEMS) {
            const shift = item === 'kendskab' ? -0.35 : item === 'respekt' ? 0.15 : 0;
            const dontKnow = target.kind === 'ekstern' && random() < 0.12;
            answers.push({
              measurement_id: measurement.id,
              respondent_id: respondentId,
              target: target.id,
              item,
              value: dontKnow ? null : clampScore(base + shift + normal() * 0.55),
              dont_know: dontKnow,
            });
          }
        }
        answers.push(
          ...leadershipAnswers(measurement.id, respondentId, () =>
            clampScore(leadership + normal() * 0.5),
          ),
        );
      }
      await trx.insertInto('invitation').values(invitations).execute();
      for (let i = 0; i < answers.length; i += 2000) {
        await trx
          .insertInto('answer')
          .values(answers.slice(i, i + 2000))
          .execute();
      }
    });
  }
  return [ids[0]!, ids[1]!];
}
