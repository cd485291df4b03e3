/**
 * From numbers to action in the demo municipality (issue #7): a saved dialogue workshop
 * about the dual-diagnosis network (four actors, the room's ratings, two open
 * development points) and an intervention planned from the research's template for the
 * leader's unit, so the leader's overview (/overblik) has something to show. Made with
 * the same repositories and services the app uses; nobody is added to the organisation.
 */
import type { Kysely } from 'kysely';
import { selectAuthUsers } from '../auth/auth.repository.js';
import type { Database } from '../db/schema.js';
import type { WorkshopRating } from '../db/tables/workshop.table.js';
import { DAYS_BETWEEN_MEETINGS, MEETING_MINUTES } from '../../contract/interventions.js';
import { createIntervention } from '../interventions/intervention.service.js';
import * as workshops from '../workshops/workshop.repository.js';
import { unitIdsByName } from './demo-lookup.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The room's picture: who sits where on the canvas, and how each sees the others. */
const ACTORS = [
  { unit: 'Jobcenter', x: 200, y: 150 },
  { unit: 'Misbrugscenter', x: 800, y: 150 },
  { unit: 'Socialafdelingen voksne', x: 200, y: 450 },
  { unit: 'Regionspsykiatrien', x: 800, y: 450 },
] as const;
type ActorUnit = (typeof ACTORS)[number]['unit'];

const RATINGS: [ActorUnit, ActorUnit, WorkshopRating][] = [
  ['Jobcenter', 'Misbrugscenter', 'good'],
  ['Misbrugscenter', 'Jobcenter', 'low'],
  ['Jobcenter', 'Socialafdelingen voksne', 'middle'],
  ['Socialafdelingen voksne', 'Jobcenter', 'middle'],
  ['Jobcenter', 'Regionspsykiatrien', 'low'],
  ['Regionspsykiatrien', 'Jobcenter', 'low'],
  ['Misbrugscenter', 'Regionspsykiatrien', 'middle'],
  ['Regionspsykiatrien', 'Misbrugscenter', 'good'],
  ['Socialafdelingen voksne', 'Misbrugscenter', 'good'],
  ['Misbrugscenter', 'Socialafdelingen voksne', 'good'],
];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** 09:00 Danish time (08:00 UTC in winter, 07:00 in summer: 07:30 UTC is inside both) `days` from now. */
const morning = (days: number) => {
  const d = new Date(Date.now() + days * DAY_MS);
  return new Date(`${isoDate(d)}T07:30:00Z`);
};

/** Add the demo workshop and intervention to a municipality made by `createDemoMunicipality`. */
export async function createDemoActions(db: Kysely<Database>, municipalityId: string) {
  const leader = await selectAuthUsers(db)
    .where('app_user.municipality_id', '=', municipalityId)
    .where('app_user.role', '=', 'leder')
    .orderBy('app_user.email')
    .executeTakeFirst();
  if (!leader) return;
  const units = await unitIdsByName(db, municipalityId);
  const after = await db
    .selectFrom('measurement')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'closed')
    .orderBy('closed_at', 'desc')
    .executeTakeFirst();

  await db.transaction().execute(async (trx) => {
    const workshop = await workshops.insertWorkshop(trx, {
      municipality_id: municipalityId,
      title: 'Dobbeltdiagnoser: netværket set fra rummet',
      target_group: 'Borgere med dobbeltdiagnose',
      measurement_id: after?.id ?? null,
      step: 3,
      current_actor_id: null,
      facilitator_id: null,
      facilitator_seen_at: null,
      created_by: leader.userId,
    });
    const actorIds = new Map<string, string>();
    for (const actor of ACTORS) {
      const unitId = units.get(actor.unit);
      if (!unitId) continue;
      const added = await workshops.insertActor(trx, {
        workshopId: workshop.id,
        unitId,
        label: actor.unit,
        x: actor.x,
        y: actor.y,
      });
      if (added) actorIds.set(actor.unit, added.id);
    }
    for (const [from, to, rating] of RATINGS) {
      const a = actorIds.get(from);
      const b = actorIds.get(to);
      if (a && b) await workshops.upsertRating(trx, workshop.id, a, b, rating);
    }
    await workshops.insertPoint(trx, {
      workshopId: workshop.id,
      text: 'Fast kontaktperson i Misbrugscentret for Jobcentrets borgere med dobbeltdiagnose',
      owner: leader.name,
      dueOn: isoDate(new Date(Date.now() + 30 * DAY_MS)),
      x: 500,
      y: 120,
    });
    await workshops.insertPoint(trx, {
      workshopId: workshop.id,
      text: 'Aftale om svartid på to hverdage med Regionspsykiatrien',
      owner: 'Teamleder i Socialafdelingen voksne',
      dueOn: isoDate(new Date(Date.now() + 60 * DAY_MS)),
      x: 500,
      y: 480,
    });
  });

  // The intervention goes through the service, so the template's rules hold for the demo too.
  const jobcenter = units.get('Jobcenter');
  if (!jobcenter || !leader.personId) return;
  const meeting = (days: number) => ({
    startsAt: morning(days),
    durationMinutes: MEETING_MINUTES.max,
    facilitator: leader.name,
    colleague: 'Leder i Misbrugscenter',
    participants: [],
  });
  await createIntervention(db, leader, {
    title: 'Netværksmøder om borgere med dobbeltdiagnose',
    unitIds: [jobcenter],
    courseId: null,
    coLeaderUserIds: [],
    measurementId: after?.id ?? null,
    meetings: [meeting(14), meeting(14 + DAYS_BETWEEN_MEETINGS)],
    followUpOn: null,
  });
}
