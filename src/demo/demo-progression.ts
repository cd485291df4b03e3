/**
 * The demo's progression side by side (docs/progression.md): the Bach family course uses
 * the indicator rating about Louise, one questionnaire about Emil and a session rating;
 * Louise (or she as Emil's parent) and Sara each answered at the start, so a newcomer sees
 * the two sides and the sub-scale scores next to each other. The demo's closed course
 * has its closing recorded: a good experience and an education. Louise has a personal
 * link (in the development outbox), so her own view shows every instrument due for her side.
 */
import type { ResponseRecordInput } from '../../contract/progression.schema.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { createLink } from '../citizen-view/citizen-view.service.js';
import {
  listInstruments,
  recordClosing,
  recordResponse,
  setSchedule,
} from '../progression/progression.service.js';

/** Schedule and answer progression on the family course `courseId` as Sara, its coordinator. */
export async function createDemoProgression(
  deps: CourseDeps,
  sara: AuthUser,
  courseId: string,
  child: string,
  sessionDate: string,
): Promise<void> {
  const instruments = await listInstruments(deps, sara);
  const of = (structure: string) => instruments.find((i) => i.structure === structure)!.id;
  const [indicators, perChild, session] = [of('indicators'), of('per-child'), of('session')];
  await setSchedule(deps, sara, courseId, {
    instrumentId: indicators,
    intervalMonths: 6,
    moreInstrumentIds: [perChild, session],
  });
  const answers: ResponseRecordInput[] = [
    {
      instrumentId: indicators,
      answeredBy: 'borger',
      answers: { helbred: 2, hverdag: 2, tro: 3, kunnen: 4, soege: 3, netvaerk: 2 },
    },
    {
      instrumentId: indicators,
      answeredBy: 'sagsbehandler',
      answers: { helbred: 2, hverdag: 3, tro: 2, kunnen: 3, soege: 2, netvaerk: 3 },
    },
    {
      instrumentId: perChild,
      memberId: child,
      answeredBy: 'foraelder',
      answers: { glad: 1, sove: 2, ro: 1, venner: 2, lege: 1, moede: 1, laere: 1, voksen: 2 },
    },
    {
      instrumentId: perChild,
      memberId: child,
      answeredBy: 'sagsbehandler',
      answers: { glad: 1, sove: 1, ro: 0, venner: 1, lege: 1, moede: 0, laere: 1, voksen: 2 },
    },
  ];
  for (const a of answers) {
    await recordResponse(deps, sara, courseId, { ...a, occasion: 'start' });
  }
  await recordResponse(deps, sara, courseId, {
    instrumentId: session,
    answeredBy: 'borger',
    occasion: `session-${sessionDate}`,
    answers: { hoert: 8, vigtigt: 7, maade: 8, samlet: 8, ord: 'Rart at Emils skole var med.' },
  });
  await createLink(deps, sara, courseId, { validDays: 90 });
}

/** Record the closing of the municipality's closed demo course (experience and status). */
export async function createDemoClosing(deps: CourseDeps, sara: AuthUser): Promise<void> {
  const closed = await deps.db
    .selectFrom('course')
    .select('id')
    .where('municipality_id', '=', sara.municipalityId)
    .where('status', '=', 'closed')
    .orderBy('created_at')
    .executeTakeFirst();
  if (closed) await recordClosing(deps, sara, closed.id, { experience: 4, status: 'uddannelse' });
}
