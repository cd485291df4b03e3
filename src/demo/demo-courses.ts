/**
 * The demo municipality's Én plan: the caseworker Sara coordinates two courses (one
 * individual, one family; the family's with a makker from the family department and the
 * grandmother in the network), and Frida, a professional at the Misbrugscenter, is in the
 * first course's network with the citizen's consent. Created through the same services
 * as the API, so the demo holds exactly what the app would.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordConsent } from '../consents/consent.service.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { addCoCoordinator } from '../courses/course-coordination.service.js';
import { addParty, createCourse, type PartyInput } from '../courses/course.service.js';
import { CprVault } from '../courses/cpr.js';
import type { Database } from '../db/schema.js';
import { outboxTransport } from '../mail/mail-transport.js';
import type { Plan, PlanAction } from '../plans/plan.js';
import { savePlan } from '../plans/plan.service.js';
import { createDemoAllocation } from './demo-allocation.js';
import { demoUser, unitIdsByName } from './demo-lookup.js';
import { createDemoFidelity } from './demo-fidelity.js';
import { createDemoClosing, createDemoProgression } from './demo-progression.js';
import { createDemoOutcomes } from './demo-outcomes.js';
import { createDemoJournal } from './demo-journal.js';

/** The logins of Én plan's demo: the coordinator and a network professional. */
export const DEMO_COURSE_PEOPLE = [
  {
    email: 'sagsbehandler@demo.samspil.dk',
    name: 'Sara Sagsbehandler',
    unit: 'Socialafdelingen voksne',
  },
  { email: 'fagperson@demo.samspil.dk', name: 'Frida Fagperson', unit: 'Misbrugscenter' },
] as const;

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Give the demo caseworker and professional logins their people in the organisation. */
async function linkPeople(db: Kysely<Database>, municipalityId: string) {
  for (const p of DEMO_COURSE_PEOPLE) {
    const unit = await db
      .selectFrom('unit')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('name', '=', p.unit)
      .executeTakeFirstOrThrow();
    const person = await db
      .insertInto('person')
      .values({
        municipality_id: municipalityId,
        unit_id: unit.id,
        name: p.name,
        email: p.email,
        role: 'medarbejder',
        archived_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('app_user')
      .set({ person_id: person.id })
      .where('municipality_id', '=', municipalityId)
      .where('email', '=', p.email)
      .execute();
  }
}

const action = (
  text: string,
  responsiblePartyId: string,
  law: PlanAction['law'],
  paragraph: string,
  start: number,
  end: number,
  status: PlanAction['status'],
): PlanAction => ({
  id: randomUUID(),
  text,
  responsiblePartyId,
  law,
  paragraph,
  start: day(start),
  end: day(end),
  status,
});

/**
 * Link the demo logins to people and, when a CPR key is given, create the demo courses
 * (their CPR numbers are fictitious and encrypted with that key).
 */
export async function createDemoCourses(
  db: Kysely<Database>,
  municipalityId: string,
  cprKey: string | undefined,
): Promise<void> {
  await linkPeople(db, municipalityId);
  if (cprKey === undefined) return;
  const deps: CourseDeps = {
    db,
    mail: outboxTransport,
    vault: new CprVault(cprKey),
    publicUrl: 'http://localhost:3000',
    auditRetentionDays: 183,
  };
  const user = await demoUser(db, municipalityId, DEMO_COURSE_PEOPLE[0].email);
  const units = await unitIdsByName(db, municipalityId);
  const unitParty = (name: string, task: string, responseTime: string): PartyInput => ({
    kind: 'unit',
    unitId: units.get(name)!,
    task,
    responseTime,
  });
  const addAll = async (courseId: string, parties: PartyInput[]) => {
    const ids: string[] = [];
    for (const p of parties) ids.push((await addParty(deps, user, courseId, p)).id);
    return ids;
  };

  // An adult with a dual diagnosis: job centre, social services, addiction treatment, housing support, GP, psychiatry.
  const mikkel = await createCourse(deps, user, {
    kind: 'individual',
    targetGroup: 'voksne',
    startDate: day(-60),
    citizen: {
      name: 'Mikkel Holm',
      cpr: '120392-1457',
      phone: '20 12 34 56',
      address: 'Vestergade 12, 1. th.',
      preferredContact: 'sms',
    },
    coordinator: { personId: user.personId!, role: 'koordinerende-sagsbehandler' },
  });
  const [jobcenter, social, misbrug, bostotte, laege, psyk] = (await addAll(mikkel.id, [
    unitParty('Jobcenter', 'Afklaring og ressourceforløb', '2 hverdage'),
    unitParty('Socialafdelingen voksne', 'Myndighed for bostøtte og behandling', '2 hverdage'),
    unitParty('Misbrugscenter', 'Ambulant behandling', 'Samme dag'),
    unitParty('Bostøtte', 'Støtte i hjemmet to gange om ugen', '1 hverdag'),
    {
      kind: 'external',
      externalType: 'egen-laege',
      name: 'Lægehuset Torvet',
      phone: '70 20 30 40',
      task: 'Medicin og helbred',
      responseTime: '3 hverdage',
    },
    {
      kind: 'external',
      externalType: 'regionspsykiatri',
      name: 'Psykiatrisk ambulatorium',
      phone: '78 47 00 00',
      task: 'Udredning for ADHD',
      responseTime: '5 hverdage',
    },
  ])) as [string, string, string, string, string, string];
  const mikkelId = mikkel.members![0]!.id;
  const plan: Plan = {
    parts: [
      {
        memberId: mikkelId,
        dreams:
          'Jeg vil gerne have mit eget sted at bo og et arbejde med hænderne, måske som tømrer.',
        goal: 'Mikkel er stoffri og i praktik inden for et år.',
        subGoals: [
          {
            id: randomUUID(),
            text: 'Stabil behandling og hverdag',
            actions: [
              action(
                'Ambulant misbrugsbehandling',
                misbrug,
                'serviceloven',
                '§ 101',
                -50,
                120,
                'i-gang',
              ),
              action(
                'Bostøtte to gange om ugen',
                bostotte,
                'serviceloven',
                '§ 85',
                -40,
                180,
                'i-gang',
              ),
              action('Udredning for ADHD', psyk, 'sundhedsloven', '', 10, 90, 'planlagt'),
              action('Medicingennemgang', laege, 'sundhedsloven', '', -20, 30, 'i-gang'),
            ],
          },
          {
            id: randomUUID(),
            text: 'Vej mod arbejde',
            actions: [
              action(
                'Virksomhedspraktik på tømrerværksted',
                jobcenter,
                'LAB',
                '§ 42',
                60,
                150,
                'planlagt',
              ),
              action(
                'Koordinering af bostøtte og behandling',
                social,
                'serviceloven',
                '§ 141',
                -60,
                300,
                'i-gang',
              ),
            ],
          },
        ],
      },
    ],
  };
  await savePlan(deps, user, mikkel.id, {
    baseVersion: 1,
    plan,
    participants: ['Mikkel Holm', 'Sara Sagsbehandler'],
    note: 'Plan aftalt på opstartsmødet',
  });
  await recordConsent(deps, user, mikkel.id, {
    purpose: 'Koordinering af behandling og bostøtte; brug i evalueringen af Én plan',
    partyIds: [misbrug, bostotte],
    memberIds: [mikkelId],
    givenOn: day(-60),
    form: 'underskrift',
    expiresOn: day(305),
    researchUse: true,
  });

  // A family: the mother's treatment and the son's schooling are separate sub-plans.
  const bach = await createCourse(deps, user, {
    kind: 'family',
    targetGroup: 'familier',
    startDate: day(-30),
    citizen: {
      name: 'Louise Bach',
      cpr: '050688-2384',
      phone: '31 22 44 55',
      // Her personal link (demo-progression.ts) is mailed here, to the development outbox.
      email: 'louise.bach@example.dk',
      preferredContact: 'telefon',
    },
    members: [{ name: 'Emil Bach', cpr: '140915-4011', relation: 'barn' }],
    coordinator: { personId: user.personId!, role: 'plankoordinator' },
  });
  const [familie, skole, sundhedspleje, psykiatri] = (await addAll(bach.id, [
    unitParty('Familieafdelingen', 'Myndighed for familiens støtte', '2 hverdage'),
    unitParty('Skole', 'Emils klasselærer og AKT-vejleder', '1 hverdag'),
    unitParty('Sundhedspleje', 'Trivselssamtaler', '3 hverdage'),
    {
      kind: 'external',
      externalType: 'regionspsykiatri',
      name: 'Distriktspsykiatrien',
      task: 'Louises behandling',
      responseTime: '5 hverdage',
    },
  ])) as [string, string, string, string];
  // A relative in the network, and a makker pair: Sara with a colleague from the family department.
  await addParty(deps, user, bach.id, {
    kind: 'external',
    externalType: 'paaroerende',
    name: 'Birthe Bach',
    relation: 'mormor',
    phone: '40 11 22 33',
    task: 'Henter Emil to dage om ugen og er med til netværksmøderne',
    responseTime: '',
  });
  const makker = await db
    .selectFrom('person')
    .innerJoin('unit', 'unit.id', 'person.unit_id')
    .where('person.municipality_id', '=', municipalityId)
    .where('unit.name', '=', 'Familieafdelingen')
    .select('person.id')
    .orderBy('person.name')
    .executeTakeFirstOrThrow();
  await addCoCoordinator(deps, user, bach.id, { personId: makker.id, role: 'makker' });
  const [louise, emil] = bach.members!.map((m) => m.id) as [string, string];
  await savePlan(deps, user, bach.id, {
    baseVersion: 1,
    plan: {
      parts: [
        {
          memberId: louise,
          dreams: 'At have overskud til Emil og til mig selv.',
          goal: 'Louise har en stabil behandling og et netværk.',
          subGoals: [
            {
              id: randomUUID(),
              text: 'Behandling',
              actions: [
                action(
                  'Samtaleforløb i distriktspsykiatrien',
                  psykiatri,
                  'sundhedsloven',
                  '',
                  -20,
                  160,
                  'i-gang',
                ),
              ],
            },
            {
              id: randomUUID(),
              text: 'Støtte i familien',
              actions: [
                action('Familiebehandling', familie, 'barnets-lov', '§ 32', 0, 180, 'planlagt'),
              ],
            },
          ],
        },
        {
          memberId: emil,
          dreams: 'Emil vil gerne spille fodbold med de andre.',
          goal: 'Emil trives og går i skole hver dag.',
          subGoals: [
            {
              id: randomUUID(),
              text: 'Skole',
              actions: [
                action(
                  'Støttetimer i klassen',
                  skole,
                  'folkeskoleloven',
                  '§ 3a',
                  -25,
                  200,
                  'i-gang',
                ),
              ],
            },
            {
              id: randomUUID(),
              text: 'Trivsel',
              actions: [
                action('Trivselssamtaler', sundhedspleje, 'sundhedsloven', '', 0, 120, 'planlagt'),
              ],
            },
          ],
        },
      ],
    },
    participants: ['Louise Bach', 'Sara Sagsbehandler'],
    note: 'Familiens plan, to delplaner',
  });
  await recordConsent(deps, user, bach.id, {
    purpose: 'Samarbejde med skolen om Emils trivsel',
    partyIds: [skole, sundhedspleje],
    memberIds: [emil],
    givenOn: day(-30),
    form: 'mundtlig-med-vidne',
    witness: 'Sundhedsplejerske Hanne Lund',
    expiresOn: day(335),
  });
  await createDemoProgression(deps, user, bach.id, emil, day(-14));
  await createDemoFidelity(db, deps, user);
  await createDemoClosing(deps, user);
  await createDemoAllocation(db, deps, user);
  await createDemoOutcomes(db, municipalityId, user.userId);
  await createDemoJournal(
    db,
    municipalityId,
    mikkel.id,
    { doctor: laege, psychiatry: psyk },
    DEMO_COURSE_PEOPLE,
  );
}
