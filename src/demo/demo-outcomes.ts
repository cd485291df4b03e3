/**
 * The demo's outcome events (docs/outcomes.md), so a newcomer sees the Udfald tab filled in:
 * Camilla's closed course has a complaint upheld, two decisions with their handling time and
 * a status of education at the end; Jonas's course a pending complaint, a decision and a
 * status of unemployment; Mikkel's new course one decision. Citizens are found by name.
 */
import type { Kysely } from 'kysely';
import type { OutcomeKind } from '../../contract/outcomes.js';
import { danishToday } from '../courses/course-access.js';
import type { Database } from '../db/schema.js';
import type { NewOutcomeEvent } from '../db/tables/outcome.table.js';
import { insertEvent } from '../outcomes/outcome.repository.js';
import { addMonths } from '../progression/occasions.js';

type DemoEvent = Partial<NewOutcomeEvent> & { kind: OutcomeKind; months: number };

const DEMO_EVENTS: Record<string, DemoEvent[]> = {
  'Camilla Nørgaard': [
    { kind: 'sagsbehandling', months: -19, days: 42, about: 'Bevilling af § 85-støtte' },
    { kind: 'klage', months: -17, result: 'medhold', about: 'Afslag på revalidering' },
    { kind: 'sagsbehandling', months: -15, days: 21, about: 'Ny afgørelse om revalidering' },
    { kind: 'status', months: -10, status: 'loentilskud-praktik' },
    { kind: 'status', months: -2, status: 'uddannelse' },
  ],
  'Jonas Friis': [
    { kind: 'sagsbehandling', months: -12, days: 35, about: 'Ressourceforløb' },
    { kind: 'klage', months: -9, result: 'verserer', about: 'Afslag på fleksjob' },
    { kind: 'status', months: -8, status: 'ledig' },
  ],
  'Mikkel Holm': [{ kind: 'sagsbehandling', months: -1, days: 18, about: 'Bostøtte efter § 85' }],
};

/** Record the demo's outcome events on its courses, dated from today. */
export async function createDemoOutcomes(
  db: Kysely<Database>,
  municipalityId: string,
  recordedBy: string,
): Promise<void> {
  const today = danishToday();
  for (const [name, events] of Object.entries(DEMO_EVENTS)) {
    const citizen = await db
      .selectFrom('citizen')
      .select('course_id')
      .where('municipality_id', '=', municipalityId)
      .where('name', '=', name)
      .where('relation', '=', 'borger')
      .executeTakeFirst();
    if (!citizen) continue;
    for (const { months, ...event } of events) {
      await insertEvent(db, {
        municipality_id: municipalityId,
        course_id: citizen.course_id,
        occurred_on: addMonths(today, months),
        recorded_by: recordedBy,
        ...event,
      });
    }
  }
}
