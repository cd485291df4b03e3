/**
 * The permission table, enforced: for every permission one route answers 403 `forbidden` to
 * each role outside it, and something else to the roles inside it (the demo municipality's
 * four logins, through real HTTP). Probes are chosen so the permission is the first thing the
 * route decides, and so insiders fail later on a made-up id instead of changing data.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PERMISSIONS, type Permission } from '../../contract/permissions.js';
import { USER_ROLES, type UserRole } from '../../contract/users.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';
import { testDatabases } from '../helpers/databases.js';
import { TestClient, type TestApp } from '../helpers/test-app.js';
import { startDemoApp } from '../helpers/demo-and-other.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface Probe {
  method: Method;
  url: string;
  body?: unknown;
  /** False where an insider is refused for data reasons too (e.g. not leading the units). */
  insidersPass?: boolean;
}

const meeting = (startsAt: string) => ({
  startsAt,
  durationMinutes: 60,
  facilitator: 'Lise Leder',
  colleague: 'Mads Misbrug',
});

const PROBES: Partial<Record<Permission, Probe>> = {
  'allocations.read': { method: 'GET', url: `/api/allocations/${randomUUID()}` },
  'allocations.run': {
    method: 'POST',
    url: '/api/allocations',
    // A period that ends before it starts: insiders get 400 after the permission check.
    body: { from: '2026-06-30', to: '2026-01-01' },
  },
  'analysis.caseLevel': { method: 'GET', url: '/api/case-analysis' },
  'analysis.read': { method: 'GET', url: '/api/map-positions' },
  'audit.read': { method: 'GET', url: '/api/audit' },
  'benchmark.read': { method: 'GET', url: `/api/measurements/${randomUUID()}/benchmark` },
  'citizens.lookup': { method: 'GET', url: '/api/citizens/lookup?cpr=1506721113' },
  'courses.create': {
    method: 'POST',
    url: '/api/courses',
    // An impossible CPR number: insiders get 400 after the permission check.
    body: {
      kind: 'individual',
      targetGroup: 'voksne',
      startDate: '2026-01-05',
      citizen: { name: 'Bo Borger', cpr: '3213721113', preferredContact: 'sms', phone: '12345678' },
      coordinator: { personId: randomUUID(), role: 'koordinerende-sagsbehandler' },
    },
  },
  'fidelity.answer': {
    method: 'PUT',
    url: `/api/courses/${randomUUID()}/fidelity/m6`,
    body: { answers: {} },
  },
  'fidelity.index': { method: 'GET', url: '/api/fidelity/index' },
  'instruments.manage': {
    method: 'PATCH',
    url: `/api/progression/instruments/${randomUUID()}`,
    body: {},
  },
  'implementation.read': { method: 'GET', url: '/api/implementation/surveys' },
  'instruments.read': { method: 'GET', url: '/api/progression/instruments' },
  'interventions.create': {
    method: 'POST',
    url: '/api/interventions',
    body: {
      title: 'x',
      unitIds: [randomUUID()],
      meetings: [meeting('2026-03-02T09:00:00+01:00'), meeting('2026-03-30T09:00:00+02:00')],
    },
    insidersPass: false,
  },
  'leaders.list': { method: 'GET', url: '/api/interventions/leaders' },
  'mapPositions.edit': { method: 'PUT', url: '/api/map-positions', body: { positions: [] } },
  'measurements.manage': { method: 'PATCH', url: `/api/measurements/${randomUUID()}`, body: {} },
  'org.edit': { method: 'PATCH', url: `/api/org/areas/${randomUUID()}`, body: { name: 'x' } },
  'outbox.read': { method: 'GET', url: '/api/outbox' },
  'outcomes.export': { method: 'GET', url: '/api/outcomes/export' },
  'outcomes.report': { method: 'GET', url: '/api/outcomes/report' },
  'settings.edit': {
    method: 'PUT',
    url: '/api/municipality/benchmark-consent',
    body: { consent: false },
  },
  'settings.read': { method: 'GET', url: '/api/municipality/settings' },
  'signIn.manage': { method: 'GET', url: '/api/municipality/saml' },
  'users.manage': { method: 'GET', url: '/api/users' },
  'workshops.facilitate': {
    method: 'POST',
    url: '/api/workshops',
    body: { title: 'x', targetGroup: 'y', measurementId: randomUUID() },
  },
};

/**
 * Permissions that widen what a role sees rather than refuse anyone; their tests live with
 * their features (courses.api: an admin's minimal view and the rights requests; results.api
 * and interventions.api: a leader's scope; fidelity.api: a leader's unit; case-analysis.api: a leader in the network).
 */
const SCOPES: Permission[] = [
  'analysis.readAll',
  'courses.oversee',
  'courses.rights',
  'fidelity.indexAll',
  'interventions.readAll',
  'units.lead',
];

for (const database of testDatabases()) {
  describe(`permissions on ${database.name}`, () => {
    let t: TestApp;
    const clients = new Map<UserRole, TestClient>();

    beforeAll(async () => {
      t = await startDemoApp(database);
      for (const role of USER_ROLES) {
        const client = new TestClient(t.app);
        const login = await client.login(`${role}@demo.samspil.dk`, DEMO_PASSWORD);
        expect(login.statusCode, role).toBe(200);
        clients.set(role, client);
      }
    });
    afterAll(async () => t.close());

    it('has a probe or a stated reason for every permission', () => {
      const covered = [...Object.keys(PROBES), ...SCOPES].sort();
      expect(covered).toEqual(Object.keys(PERMISSIONS).sort());
    });

    for (const [permission, probe] of Object.entries(PROBES) as [Permission, Probe][]) {
      it(`${permission}: ${probe.method} ${probe.url.split('?')[0]} refuses the roles outside it`, async () => {
        for (const role of USER_ROLES) {
          const response = await clients.get(role)!.request(probe.method, probe.url, probe.body);
          if (!can(role, permission)) {
            expect(response.statusCode, `${role}: ${response.body}`).toBe(403);
            expect(response.json()).toMatchObject({ code: 'forbidden' });
          } else if (probe.insidersPass !== false) {
            expect(response.statusCode, `${role}: ${response.body}`).not.toBe(403);
            expect(response.statusCode, `${role}: ${response.body}`).toBeLessThan(500);
          }
        }
      });
    }
  });
}
