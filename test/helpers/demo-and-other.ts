/**
 * The usual API test setting: the app with the demo municipality, alone or beside a second,
 * empty one ("Anden Kommune"); clients signed in to either; logins and people made by an admin.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { PersonRole } from '../../contract/org.js';
import type { UserRole } from '../../contract/users.js';
import { expect } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { createDemoMunicipality } from '../../src/demo/demo.service.js';
import { createMunicipality } from '../../src/municipality/municipality.service.js';
import type { TestDatabase } from './databases.js';
import { startTestApp, TestClient, type TestApp } from './test-app.js';

/** The admin of the second municipality. */
export const OTHER_ADMIN = { email: 'admin@anden.dk', password: 'another-password-123' };

/** Create the demo (with the given seed and CPR key) and the second municipality; their ids. */
export async function demoAndOther(
  db: Kysely<Database>,
  ...demo: [seed?: number, cprKey?: string]
): Promise<{ demo: string; other: string }> {
  const demoId = await createDemoMunicipality(db, ...demo);
  const other = await createMunicipality(db, {
    name: 'Anden Kommune',
    slug: 'anden',
    adminName: 'Other Admin',
    adminEmail: OTHER_ADMIN.email,
    adminPassword: OTHER_ADMIN.password,
  });
  return { demo: demoId, other };
}

/** The app (as `startTestApp` starts it) on this database with the demo municipality. */
export async function startDemoApp(
  database: TestDatabase,
  options?: Parameters<typeof startTestApp>[1],
): Promise<TestApp> {
  const t = await startTestApp(database, options);
  await createDemoMunicipality(t.handle.db);
  return t;
}

/** A client signed in as `email` (a demo login unless a password is given). */
export async function signedIn(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.login(email, password);
  expect(response.statusCode, response.body).toBe(200);
  return client;
}

/** A new login of `role` made by the admin (password `DEMO_PASSWORD` unless given); its id. */
export async function createLogin(
  admin: TestClient,
  role: UserRole,
  login: { name: string; email: string; password?: string; personId?: string },
): Promise<string> {
  const response = await admin.post('/api/users', { password: DEMO_PASSWORD, ...login, role });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/** A new person of `role` in a unit, made by the admin through the API; their id. */
export async function createPerson(
  admin: TestClient,
  role: PersonRole,
  person: { name: string; email: string; unitId: string },
): Promise<string> {
  const response = await admin.post('/api/org/people', { ...person, role });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}
