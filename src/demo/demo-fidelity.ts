/**
 * The demo's Én plan fidelity checklists (docs/fidelity.md): Sara coordinates a course
 * whose 6-month checklist is due now, and two older courses (one of them coordinated from
 * the Jobcenter) carry submitted checklists over several half-years, so the
 * implementation index has a development to show.
 */
import type { Kysely } from 'kysely';
import type { FidelityAnswer } from '../../contract/fidelity.js';
import { FIDELITY_QUESTIONS } from '../../contract/fidelity.js';
import type { AuthUser } from '../auth/auth.service.js';
import { danishToday } from '../courses/course-access.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { closeCourse, createCourse } from '../courses/course.service.js';
import type { Database } from '../db/schema.js';
import { fidelityOccasions } from '../fidelity/fidelity.service.js';
import { saveChecklist } from '../fidelity/fidelity.repository.js';
import { addMonths } from '../progression/occasions.js';

/** One checklist's answers from a string of nine letters: j(a), d(elvist), n(ej), v(ed ikke). */
const answers = (code: string): Partial<Record<string, FidelityAnswer>> => {
  const words: Record<string, FidelityAnswer> = {
    j: 'ja',
    d: 'delvist',
    n: 'nej',
    v: 'ved-ikke',
  };
  return Object.fromEntries(FIDELITY_QUESTIONS.map((q, i) => [q.id, words[code[i] ?? 'v']]));
};

/** Create the demo's fidelity courses and checklists as `sara`, who coordinates the demo's courses. */
export async function createDemoFidelity(
  db: Kysely<Database>,
  deps: CourseDeps,
  sara: AuthUser,
): Promise<void> {
  const m = sara.municipalityId;
  const today = danishToday();
  const jobcenterPerson = await db
    .selectFrom('person')
    .innerJoin('unit', 'unit.id', 'person.unit_id')
    .where('person.municipality_id', '=', m)
    .where('unit.name', '=', 'Jobcenter')
    .where('person.role', '=', 'medarbejder')
    .select(['person.id', 'person.unit_id'])
    .orderBy('person.name')
    .executeTakeFirstOrThrow();
  const saraUnit = await db
    .selectFrom('person')
    .select('unit_id')
    .where('id', '=', sara.personId!)
    .executeTakeFirstOrThrow();

  // Due now: six months and a bit since the start, nothing filled in yet.
  await createCourse(deps, sara, {
    kind: 'individual',
    targetGroup: 'unge-15-30',
    startDate: addMonths(today, -7),
    citizen: { name: 'Ahmed Yilmaz', cpr: '030702-1233', preferredContact: 'sms' },
    coordinator: { personId: sara.personId!, role: 'koordinerende-sagsbehandler' },
  });

  const history = [
    {
      name: 'Camilla Nørgaard',
      cpr: '110579-1228',
      start: addMonths(today, -20),
      closedMonthsAgo: 1,
      coordinator: { personId: sara.personId!, unitId: saraUnit.unit_id },
      checklists: ['dnjdnjnnd', 'jdjjdjdjd', 'jjjjdjjjd', 'jjjjjjjjj'],
    },
    {
      name: 'Jonas Friis',
      cpr: '220891-1391',
      start: addMonths(today, -13),
      closedMonthsAgo: null,
      coordinator: { personId: jobcenterPerson.id, unitId: jobcenterPerson.unit_id },
      checklists: ['nndjnvnnd', 'dnjjdjdnv'],
    },
  ];
  for (const h of history) {
    const course = await createCourse(deps, sara, {
      kind: 'individual',
      targetGroup: 'voksne',
      startDate: h.start,
      citizen: { name: h.name, cpr: h.cpr, preferredContact: 'telefon' },
      coordinator: { personId: h.coordinator.personId, role: 'koordinerende-sagsbehandler' },
    });
    if (h.closedMonthsAgo !== null) {
      await closeCourse(deps, sara, course.id);
      await db
        .updateTable('course')
        .set({ closed_at: new Date(`${addMonths(today, -h.closedMonthsAgo)}T12:00:00Z`) })
        .where('id', '=', course.id)
        .execute();
    }
    const closed = h.closedMonthsAgo === null ? null : addMonths(today, -h.closedMonthsAgo);
    const { passed } = fidelityOccasions({
      start_date: h.start,
      status: closed ? 'closed' : 'open',
      closed_at: closed ? new Date(`${closed}T12:00:00Z`) : null,
    });
    for (const [i, occasion] of passed.entries()) {
      const code = h.checklists[i];
      if (code === undefined) continue;
      await saveChecklist(
        db,
        {
          municipality_id: m,
          course_id: course.id,
          occasion: occasion.key,
          due_on: occasion.due,
          answers: answers(code),
          unit_id: h.coordinator.unitId,
          coordinator_person_id: h.coordinator.personId,
          answered_by: sara.userId,
        },
        true,
      );
    }
  }
}
