/**
 * Creating the demo municipality: organisation, people and logins, deterministic
 * from a seed so every fresh install shows the same picture.
 */
import { createDemoImplementation } from './demo-implementation.js';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password.js';
import type { Database } from '../db/schema.js';
import { createMunicipality } from '../municipality/municipality.service.js';
import {
  DEMO_LOGINS,
  DEMO_MUNICIPALITY,
  DEMO_PASSWORD,
  DEMO_UNITS,
  FIRST_NAMES,
  LAST_NAMES,
} from './demo-organisation.js';
import { createDemoActions } from './demo-actions.js';
import { createDemoCourses } from './demo-courses.js';
import { createDemoSurvey } from './demo-survey.js';
import { pick, seededRandom } from './random.js';

const emailPart = (s: string) =>
  s
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[^a-z0-9]+/g, '');

/**
 * Create the demo municipality with its organisation, logins and two waves of survey answers;
 * with `cprKey` (the configured CPR_KEY) also two demo courses (Én plan). Returns its id.
 */
export async function createDemoMunicipality(
  db: Kysely<Database>,
  seed = 2026,
  cprKey?: string,
): Promise<string> {
  const random = seededRandom(seed);
  const [admin, ...others] = DEMO_LOGINS;
  const municipalityId = await createMunicipality(
    db,
    {
      ...DEMO_MUNICIPALITY,
      adminName: admin.name,
      adminEmail: admin.email,
      adminPassword: DEMO_PASSWORD,
    },
    { checkPassword: false },
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    const areaIds = new Map<string, string>();
    for (const areaName of new Set(DEMO_UNITS.map((u) => u.area))) {
      const area = await trx
        .insertInto('area')
        .values({ municipality_id: municipalityId, name: areaName, archived_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      areaIds.set(areaName, area.id);
    }
    const used = new Set<string>();
    let leaderPersonId: string | null = null;
    for (const unit of DEMO_UNITS) {
      const { id: unitId } = await trx
        .insertInto('unit')
        .values({
          municipality_id: municipalityId,
          name: unit.name,
          kind: unit.kind,
          area_id: areaIds.get(unit.area) ?? null,
          archived_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const people = [];
      for (let i = 0; i < unit.people; i++) {
        let name: string;
        do name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
        while (used.has(name));
        used.add(name);
        const [first, last] = name.split(' ') as [string, string];
        people.push({
          municipality_id: municipalityId,
          unit_id: unitId,
          name,
          email: `${emailPart(first)}.${emailPart(last)}@demo.samspil.dk`,
          role:
            i < Math.max(1, Math.round(unit.people / 8))
              ? ('leder' as const)
              : ('medarbejder' as const),
          archived_at: null,
        });
      }
      const inserted = await trx
        .insertInto('person')
        .values(people)
        .returning(['id', 'role'])
        .execute();
      if (unit.name === 'Jobcenter')
        leaderPersonId = inserted.find((p) => p.role === 'leder')?.id ?? null;
    }
    await trx
      .insertInto('app_user')
      .values(
        others.map((login) => ({
          municipality_id: municipalityId,
          email: login.email,
          name: login.name,
          role: login.role,
          password_hash: passwordHash,
          person_id: login.role === 'leder' ? leaderPersonId : null,
          disabled_at: null,
          last_login_at: null,
        })),
      )
      .execute();
  });
  await createDemoSurvey(db, municipalityId);
  await createDemoCourses(db, municipalityId, cprKey);
  await createDemoActions(db, municipalityId);
  await createDemoImplementation(db, municipalityId);
  return municipalityId;
}
