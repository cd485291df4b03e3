/**
 * Two full municipalities in one database for the tenant isolation tests: each is the
 * demo (organisation, logins, survey waves, courses, an intervention, a workshop) plus a
 * row in every table the demo leaves empty, so every table holds rows of both.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';

export interface TwoMunicipalities {
  a: string;
  b: string;
  /** Login e-mail of each one's admin (password `DEMO_PASSWORD`). */
  adminA: string;
  adminB: string;
}

/** Create municipalities A and B (run outside any tenant scope). */
export async function twoMunicipalities(
  db: Kysely<Database>,
  cprKey: string,
): Promise<TwoMunicipalities> {
  const a = await createDemoMunicipality(db, 2026, cprKey);
  // The demo has a fixed slug and fixed logins: move A's aside before making B.
  await db.updateTable('municipality').set({ slug: 'kommune-a' }).where('id', '=', a).execute();
  await db
    .updateTable('app_user')
    .set({ email: sql<string>`'a-' || email` })
    .where('municipality_id', '=', a)
    .execute();
  const b = await createDemoMunicipality(db, 2027, cprKey);
  await fillTheRest(db, a, 'a');
  await fillTheRest(db, b, 'b');
  return { a, b, adminA: 'a-admin@demo.samspil.dk', adminB: 'admin@demo.samspil.dk' };
}

/** One row in each table the demo leaves empty. */
async function fillTheRest(db: Kysely<Database>, municipalityId: string, tag: string) {
  const one = async <T>(query: { executeTakeFirstOrThrow: () => Promise<T> }) =>
    query.executeTakeFirstOrThrow();
  await one(
    db
      .insertInto('implementation_item_set')
      .values({
        municipality_id: municipalityId,
        name: `Sæt ${tag}`,
        items: JSON.stringify([
          { key: 'egen', element: 'plan', scale: 'enig', da: 'Eget?', en: 'Own?' },
        ]),
        created_by: null,
      })
      .returning('id'),
  );
  const m = municipalityId;
  /** The id of one of this municipality's rows in `table` (the demo fills each of these). */
  const anyId = (
    table: 'app_user' | 'unit' | 'course' | 'citizen' | 'measurement' | 'intervention',
  ) => one(db.selectFrom(table).select('id').where('municipality_id', '=', m).limit(1));
  const user = await anyId('app_user');
  const unit = await anyId('unit');
  const course = await anyId('course');
  const member = await anyId('citizen');
  const measurement = await anyId('measurement');
  const intervention = await anyId('intervention');
  const ref = { municipality_id: m, course_id: course.id, member_id: member.id };

  await db
    .insertInto('session')
    .values({
      id_hash: `session-${tag}`,
      user_id: user.id,
      municipality_id: m,
      last_seen_at: new Date(),
    })
    .execute();
  await db
    .insertInto('map_position')
    .values({ municipality_id: m, unit_id: unit.id, x: 1, y: 2 })
    .execute();
  await db
    .insertInto('mail_message')
    .values({
      municipality_id: m,
      measurement_id: null,
      kind: 'test',
      to_address: `${tag}@example.dk`,
      subject: 'Test',
      body_text: 'Test',
    })
    .execute();
  await db
    .insertInto('measurement_profession')
    .values({ measurement_id: measurement.id, profession: `fag-${tag}`, arm: null })
    .execute();
  await db
    .insertInto('intervention_agreement')
    .values({
      intervention_id: intervention.id,
      kind: 'agreement',
      text: 'Aftale',
      created_by: user.id,
    })
    .execute();
  await db
    .insertInto('meeting')
    .values({
      municipality_id: m,
      course_id: course.id,
      kind: 'opstart',
      title: 'Møde',
      starts_at: new Date(),
      duration_minutes: 60,
      place: 'Rådhuset',
      agenda: '',
      party_ids: '[]',
      member_ids: '[]',
      roles: '{}',
      minutes: '',
      agreements: '[]',
      status: 'planned',
      plan_version: null,
      reminded_at: null,
      cancelled_at: null,
      created_by: user.id,
    })
    .execute();
  const instrument = await one(
    db
      .insertInto('progression_instrument')
      .values({
        municipality_id: m,
        name: 'Skala',
        target_group: 'alle',
        description: '',
        items: JSON.stringify([]),
      })
      .returning('id'),
  );
  await db
    .insertInto('progression_schedule')
    .values({
      municipality_id: m,
      course_id: course.id,
      instrument_id: instrument.id,
      interval_months: 6,
      created_by: user.id,
    })
    .execute();
  await db
    .insertInto('progression_response')
    .values({
      ...ref,
      instrument_id: instrument.id,
      occasion: 'start',
      answered_by: 'sagsbehandler',
      answered_by_user: user.id,
      answers: JSON.stringify({}),
    })
    .execute();
  const link = await one(
    db
      .insertInto('citizen_link')
      .values({
        ...ref,
        token_hash: `link-${tag}`,
        expires_at: new Date(Date.now() + 86_400_000),
        created_by: user.id,
      })
      .returning('id'),
  );
  await db
    .insertInto('citizen_session')
    .values({
      ...ref,
      id_hash: `citizen-session-${tag}`,
      link_id: link.id,
      expires_at: new Date(Date.now() + 3_600_000),
    })
    .execute();
  await db
    .insertInto('citizen_message')
    .values({ ...ref, kind: 'kommentar', text: 'Hej' })
    .execute();
  await db
    .insertInto('citizen_scale')
    .values({ ...ref, requested_by: user.id })
    .execute();
  await db
    .insertInto('saml_settings')
    .values({
      municipality_id: m,
      enabled: true,
      metadata_url: null,
      metadata_xml: '<EntityDescriptor/>',
      idp_entity_id: `https://idp.${tag}.example`,
      idp_sso_url: `https://idp.${tag}.example/sso`,
      idp_certificates: ['MIIB'],
      email_domains: [`${tag}.example`],
      email_attribute: 'mail',
      name_attribute: 'cn',
      role_attribute: 'roles',
      role_map: JSON.stringify({}),
      cvr: null,
      local_passwords: true,
    })
    .execute();
  await db
    .insertInto('saml_request')
    .values({ id: `_request-${tag}`, municipality_id: m })
    .execute();
  await db
    .insertInto('saml_assertion')
    .values({
      issuer: `https://idp.${tag}.example`,
      id: `_assertion-${tag}`,
      municipality_id: m,
      expires_at: new Date(Date.now() + 3_600_000),
    })
    .execute();
  await db
    .insertInto('oidc_provider')
    .values({
      municipality_id: m,
      purpose: 'staff',
      issuer: `https://login.${tag}.example`,
      client_id: `client-${tag}`,
      client_secret_sealed: 'v1.sealed',
      role_claim: null,
      role_map: '{}',
    })
    .execute();
}
