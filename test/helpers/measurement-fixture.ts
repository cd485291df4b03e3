/** Helpers for measurement tests: create an open measurement and read survey links from the outbox. */
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { fillSecrets } from '../../src/mail/mail.service.js';
import type { TestClient } from './test-app.js';

export interface Org {
  units: { id: string; name: string }[];
  people: { id: string; email: string; unitId: string; role: string }[];
}

/** Create a measurement over the named units; returns its id. */
export async function createMeasurement(
  owner: TestClient,
  unitNames: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; org: Org }> {
  const org = (await owner.get('/api/org')).json<Org>();
  const groups = unitNames.map((name) => ({ unitId: org.units.find((u) => u.name === name)!.id }));
  const response = await owner.post('/api/measurements', {
    title: 'Samarbejde om dobbeltdiagnoser',
    focalProcess: 'borgere med dobbeltdiagnose',
    groups,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json<{ id: string }>().id, org };
}

/** The personal survey links mailed, by recipient (read from the database, as only the machine can). */
export async function surveyLinks(
  db: Kysely<Database>,
  measurementId: string,
): Promise<Map<string, string>> {
  const mails = await db
    .selectFrom('mail_message')
    .select(['to_address', 'body_text', 'secrets'])
    .where('measurement_id', '=', measurementId)
    .where('kind', '=', 'invitation')
    .execute();
  const links = new Map<string, string>();
  for (const mail of mails) {
    const text = fillSecrets(mail.body_text, mail.secrets);
    const match = /https?:\/\/\S+\/s\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{43})/.exec(text);
    if (match) links.set(mail.to_address, `/api/survey/${match[1]}/${match[2]}`);
  }
  return links;
}
