/**
 * The demo's intervention study on cases (docs/case-interventions.md): six complex adult
 * courses started about seven weeks ago, randomly allocated with the fixed seed 2026 (the
 * API draws its seed at random), a case leadership intervention held by the leader Lise on
 * the first intervention course, and two closed case measurements per course with the
 * research's pattern: the intervention arm improves, control declines a little.
 */
import type { Kysely } from 'kysely';
import { RK_ITEMS } from '../analysis/answer.js';
import { recordAllocation } from '../allocations/allocation.service.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { addParty, createCourse } from '../courses/course.service.js';
import type { Database } from '../db/schema.js';
import type { NewAnswer } from '../db/tables/answer.table.js';
import { DAYS_BETWEEN_MEETINGS } from '../../contract/interventions.js';
import { addAgreement, createIntervention } from '../interventions/intervention.service.js';
import { DEFAULT_LEADERSHIP_ITEMS, DEFAULT_RK_ITEMS } from '../measurements/default-items.js';
import { closedDemoMeasurement, demoRespondent, leadershipAnswers } from './demo-answers.js';
import { demoUser, unitIdsByName } from './demo-lookup.js';
import { seededRandom } from './random.js';

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

/** The fixed seed of the demo allocation, so every fresh demo shows the same arms. */
export const DEMO_ALLOCATION_SEED = 2026;

const CITIZENS = [
  { name: 'Jonas Friis', cpr: '030485-1233' },
  { name: 'Camilla Storm', cpr: '110790-1444' },
  { name: 'Ahmad Rahimi', cpr: '250182-1655' },
  { name: 'Louise Kjær', cpr: '170695-1866' },
  { name: 'Bent Vestergaard', cpr: '080271-1077' },
  { name: 'Nadia Holst', cpr: '290988-1288' },
];
const BASE_UNITS = [
  'Jobcenter',
  'Socialafdelingen voksne',
  'Ungeindsatsen',
  'Misbrugscenter',
  'Bostøtte',
];

/** Two closed case measurements on a course, six professionals each, RK and leadership. */
async function caseWaves(
  db: Kysely<Database>,
  municipalityId: string,
  courseId: string,
  arm: 'intervention' | 'kontrol',
  unitIds: string[],
  random: () => number,
) {
  const normal = () => (random() + random() + random() - 1.5) * 1.2;
  let previous: string | null = null;
  for (const [wave, label, offset] of [
    [0, 'før', -40],
    [1, 'efter', -5],
  ] as const) {
    const at = new Date(Date.now() + offset * DAY_MS);
    const { id } = await db
      .insertInto('measurement')
      .values(
        closedDemoMeasurement(at, 10, {
          municipality_id: municipalityId,
          course_id: courseId,
          title: `Enkeltsagsanalyse (${label})`,
          focal_process: 'forløbet for denne voksne borger',
          focal_kind: null,
          choose_groups: false,
          include_leadership: true,
          items: JSON.stringify({ ...DEFAULT_RK_ITEMS, ...DEFAULT_LEADERSHIP_ITEMS }),
          wave_label: label,
          previous_measurement_id: previous,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    previous = id;
    await db
      .insertInto('measurement_group')
      .values(unitIds.map((unit_id) => ({ measurement_id: id, unit_id, arm, flow: null })))
      .execute();
    const effect = wave === 0 ? 0 : arm === 'intervention' ? 0.9 : -0.25;
    for (let r = 0; r < 6; r++) {
      const unit = unitIds[r % unitIds.length]!;
      const respondent = crypto.randomUUID();
      await db
        .insertInto('respondent')
        .values(
          demoRespondent(id, {
            id: respondent,
            unitId: unit,
            role: r === 0 ? 'leder' : 'medarbejder',
            arm,
          }),
        )
        .execute();
      const leadership = 3.1 + effect * 0.8 + normal() * 0.4;
      const answers: NewAnswer[] = unitIds
        .filter((t) => t !== unit)
        .flatMap((target) =>
          RK_ITEMS.map((item) => ({
            measurement_id: id,
            respondent_id: respondent,
            target,
            item,
            value: clamp(3.0 + effect + normal() * 0.6),
            dont_know: false,
          })),
        );
      answers.push(...leadershipAnswers(id, respondent, () => clamp(leadership + normal() * 0.4)));
      await db.insertInto('answer').values(answers).execute();
    }
  }
}

/** Create the demo's allocated courses, their case intervention and case measurements. */
export async function createDemoAllocation(
  db: Kysely<Database>,
  deps: CourseDeps,
  sara: AuthUser,
): Promise<void> {
  const municipalityId = sara.municipalityId;
  const units = await unitIdsByName(db, municipalityId);
  const courses: { id: string; units: string[]; parties: string[] }[] = [];
  for (const [i, citizen] of CITIZENS.entries()) {
    const course = await createCourse(deps, sara, {
      kind: 'individual',
      targetGroup: 'voksne',
      startDate: day(-50 + i),
      citizen: { ...citizen, phone: `20 40 50 ${10 + i}`, preferredContact: 'telefon' },
      coordinator: { personId: sara.personId!, role: 'koordinerende-sagsbehandler' },
    });
    // Every other course also has UU-vejledning: six of the municipality's units, the most complex.
    const names = i % 2 === 0 ? [...BASE_UNITS, 'UU-vejledning'] : BASE_UNITS;
    const parties: string[] = [];
    for (const name of names) {
      const party = await addParty(deps, sara, course.id, {
        kind: 'unit',
        unitId: units.get(name)!,
        task: name === 'Jobcenter' ? 'Afklaring og ressourceforløb' : 'Indsats i forløbet',
        responseTime: '2 hverdage',
      });
      parties.push(party.id);
    }
    courses.push({ id: course.id, units: names.map((n) => units.get(n)!), parties });
  }
  const analyst = await demoUser(db, municipalityId, 'analytiker@demo.samspil.dk');
  const allocationId = await recordAllocation(
    db,
    analyst,
    { from: day(-50), to: day(-44) },
    DEMO_ALLOCATION_SEED,
  );
  const arms = new Map(
    (
      await db
        .selectFrom('allocation_course')
        .select(['course_id', 'arm'])
        .where('allocation_id', '=', allocationId)
        .execute()
    ).map((a) => [a.course_id, a.arm]),
  );
  const random = seededRandom(DEMO_ALLOCATION_SEED);
  for (const c of courses) {
    await caseWaves(db, municipalityId, c.id, arms.get(c.id)!, c.units, random);
  }

  // The leader of the Jobcenter holds the case intervention on the first intervention course.
  const treated = courses.find((c) => arms.get(c.id) === 'intervention');
  const leader = await demoUser(db, municipalityId, 'leder@demo.samspil.dk');
  if (!treated || !leader.personId) return;
  const meeting = (days: number, held: boolean) => ({
    startsAt: new Date(`${day(days)}T07:30:00Z`),
    durationMinutes: 50,
    facilitator: leader.name,
    colleague: 'Leder i Socialafdelingen voksne',
    held,
    participants: treated.parties,
  });
  const intervention = await createIntervention(db, leader, {
    title: 'Netværksmøder om borgerens forløb',
    unitIds: [],
    courseId: treated.id,
    coLeaderUserIds: [],
    measurementId: null,
    meetings: [meeting(-38, true), meeting(-38 + DAYS_BETWEEN_MEETINGS, true)],
    followUpOn: null,
  });
  for (const [checklistKey, text] of [
    ['faces', 'Alle fagpersoner har mødt hinanden og ved, hvem der gør hvad.'],
    ['phones', 'Direkte telefonnumre er udvekslet og lagt i netværkslisten.'],
    ['responseTimes', 'Vi svarer hinanden inden for to hverdage.'],
  ] as const) {
    await addAgreement(db, leader, intervention.id, {
      kind: 'agreement',
      checklistKey,
      text,
    });
  }
}
