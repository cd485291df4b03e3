/** An administrator links logins and people on each test database: the leader's unit follows, a person is one login, a removed link stays removed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation, Person } from '../../contract/org.schema.js';
import type { MyUnit, User } from '../../contract/users.schema.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { createPerson, signedIn, startDemoApp } from '../helpers/demo-and-other.js';

for (const database of testDatabases()) {
  describe(`linking logins and people on ${database.name}`, () => {
    let t: TestApp;
    let admin: TestClient;
    let org: Organisation;
    const asLogin = async (email: string) => {
      const client = await signedIn(t.app, email);
      return client;
    };
    const usersNamed = async (name: string) =>
      (await admin.get('/api/users')).json<User[]>().filter((u) => u.name === name);
    /** A leader of the unit and a login with the same e-mail (which links them). */
    const leaderWithLogin = async (name: string, email: string, unitId: string) => {
      const person = (
        await admin.post('/api/org/people', { name, email, role: 'leder', unitId })
      ).json<Person>();
      const user = (
        await admin.post('/api/users', { name, email, role: 'leder', password: DEMO_PASSWORD })
      ).json<User>();
      return { person, user };
    };

    beforeAll(async () => {
      t = await startDemoApp(database);
      admin = await signedIn(t.app, 'admin@demo.samspil.dk');
      org = (await admin.get('/api/org')).json<Organisation>();
    });
    afterAll(async () => t.close());

    it('links a leader whose e-mails differ by hand, and the leader then sees the unit', async () => {
      const unit = org.units.find((u) => u.name === 'Misbrugscenter')!;
      const person = (
        await admin.post('/api/org/people', {
          name: 'Mads Mellemnavn',
          email: 'mads.m@kommune.example',
          role: 'leder',
          unitId: unit.id,
        })
      ).json<Person>();
      const created = await admin.post('/api/users', {
        name: 'Mads Mellemnavn',
        email: 'mads@demo.samspil.dk',
        role: 'leder',
        password: DEMO_PASSWORD,
      });
      expect(created.json<User>().personId).toBeNull();
      const leader = await asLogin('mads@demo.samspil.dk');
      // Unlinked: the pages' question answers, and says nothing failed.
      expect((await leader.get('/api/me/unit')).json<MyUnit>()).toEqual({ unit: null });
      expect((await leader.get('/api/overview')).statusCode).toBe(403);

      const linked = await admin.patch(`/api/users/${created.json<User>().id}`, {
        personId: person.id,
      });
      expect(linked.statusCode, linked.body).toBe(200);
      expect(linked.json<User>().personId).toBe(person.id);
      expect((await leader.get('/api/me/unit')).json<MyUnit>()).toEqual({
        unit: { id: unit.id, name: 'Misbrugscenter' },
      });
      const overview = await leader.get('/api/overview');
      expect(overview.statusCode, overview.body).toBe(200);
      expect(overview.json<{ units: string[] }>().units).toEqual(['Misbrugscenter']);
      expect((await leader.get('/api/measurements')).statusCode).toBe(200);
      expect((await leader.get('/api/interventions')).statusCode).toBe(200);

      // Everyone may ask; a login that leads nothing gets null.
      const caseworker = await asLogin('sagsbehandler@demo.samspil.dk');
      expect((await caseworker.get('/api/me/unit')).json<MyUnit>()).toEqual({ unit: null });
    });

    it('refuses a person who already has a login, when creating and when changing, and changes nothing', async () => {
      const { person, user: tove } = await leaderWithLogin(
        'Tove Taget',
        'tove.taget@demo.samspil.dk',
        org.units[0]!.id,
      );
      expect(tove.personId).toBe(person.id); // the same e-mail links by itself

      const second = await admin.post('/api/users', {
        name: 'Tove Anden',
        email: 'tove.anden@demo.samspil.dk',
        role: 'leder',
        password: DEMO_PASSWORD,
        personId: person.id,
      });
      expect(second.statusCode).toBe(409);
      const message = second.json<{ message: { da: string; en: string } }>().message;
      expect(message.da).toBe(
        'Tove Taget er allerede knyttet til brugeren Tove Taget. Fjern den kobling først.',
      );
      expect(message.en).toContain('already linked to the login');
      expect(await usersNamed('Tove Anden')).toEqual([]);

      const other = (
        await admin.post('/api/users', {
          name: 'Tove Anden',
          email: 'tove.anden@demo.samspil.dk',
          role: 'leder',
          password: DEMO_PASSWORD,
        })
      ).json<User>();
      const change = await admin.patch(`/api/users/${other.id}`, { personId: person.id });
      expect(change.statusCode).toBe(409);
      expect((await usersNamed('Tove Anden'))[0]!.personId).toBeNull();
      // Linking a login to its own person again is no conflict.
      expect((await admin.patch(`/api/users/${tove.id}`, { personId: person.id })).statusCode).toBe(
        200,
      );

      const unknown = await admin.patch(`/api/users/${other.id}`, {
        personId: '4f0c6f6e-0000-4000-8000-000000000000',
      });
      expect(unknown.statusCode).toBe(404);
      const leader = await asLogin('leder@demo.samspil.dk');
      expect((await leader.patch(`/api/users/${other.id}`, { personId: null })).statusCode).toBe(
        403,
      );
    });

    it('keeps a removed link removed when people change, and a chosen person over an e-mail match', async () => {
      const unit = org.units[1]!;
      const { person, user: ulla } = await leaderWithLogin(
        'Ulla Uden',
        'ulla.uden@demo.samspil.dk',
        unit.id,
      );
      expect(ulla.personId).toBe(person.id);
      const removed = await admin.patch(`/api/users/${ulla.id}`, { personId: null });
      expect(removed.json<User>().personId).toBeNull();
      // Any change to people matches e-mails again; the administrator's choice stands.
      await admin.patch(`/api/org/people/${person.id}`, { name: 'Ulla Uden Hansen' });
      await createPerson(admin, 'medarbejder', {
        name: 'Viggo Vilkårlig',
        email: 'viggo@demo.samspil.dk',
        unitId: unit.id,
      });
      expect((await usersNamed('Ulla Uden'))[0]!.personId).toBeNull();
      const ulla2 = await asLogin('ulla.uden@demo.samspil.dk');
      expect((await ulla2.get('/api/me/unit')).json<MyUnit>()).toEqual({ unit: null });

      // The person freed by the removal can be linked to another login.
      const vera = await admin.post('/api/users', {
        name: 'Vera Vikar',
        email: 'vera.vikar@demo.samspil.dk',
        role: 'leder',
        password: DEMO_PASSWORD,
        personId: person.id,
      });
      expect(vera.statusCode, vera.body).toBe(201);
      expect(vera.json<User>().personId).toBe(person.id);
    });
  });
}
