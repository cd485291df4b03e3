/**
 * Pins who may do what: the permission table as it stood when the role checks moved into it
 * (#18). A change here is a change of who may do what, and should be one on purpose.
 */
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, type Permission } from '../../contract/permissions.js';
import { USER_ROLES, type UserRole } from '../../contract/users.js';

const MATRIX: Record<Permission, readonly UserRole[]> = {
  'allocations.read': ['admin', 'analytiker'],
  'allocations.run': ['analytiker'],
  'analysis.caseLevel': ['admin', 'analytiker'],
  'analysis.read': ['admin', 'analytiker', 'leder'],
  'analysis.readAll': ['admin', 'analytiker'],
  'audit.read': ['admin'],
  'benchmark.read': ['admin', 'analytiker'],
  'citizens.lookup': ['admin', 'leder', 'sagsbehandler'],
  'courses.create': ['leder', 'sagsbehandler'],
  'courses.oversee': ['admin'],
  'courses.rights': ['admin'],
  'fidelity.answer': ['leder', 'sagsbehandler'],
  'fidelity.index': ['admin', 'analytiker', 'leder'],
  'fidelity.indexAll': ['admin', 'analytiker'],
  'implementation.read': ['admin', 'analytiker', 'leder'],
  'instruments.manage': ['admin', 'analytiker'],
  'instruments.read': ['admin', 'analytiker', 'leder', 'sagsbehandler'],
  'interventions.create': ['leder'],
  'interventions.readAll': ['admin', 'analytiker'],
  'leaders.list': ['admin', 'analytiker', 'leder'],
  'mapPositions.edit': ['admin', 'analytiker'],
  'measurements.manage': ['admin', 'analytiker'],
  'org.edit': ['admin', 'analytiker'],
  'outbox.read': ['admin', 'analytiker'],
  'outcomes.export': ['admin', 'analytiker'],
  'outcomes.report': ['admin', 'analytiker'],
  'settings.edit': ['admin'],
  'settings.read': ['admin', 'analytiker'],
  'signIn.manage': ['admin'],
  'units.lead': ['leder'],
  'users.manage': ['admin'],
  'workshops.facilitate': ['admin', 'analytiker', 'leder'],
};

describe('the permission table', () => {
  it('grants exactly today’s roles for every permission', () => {
    for (const permission of Object.keys(MATRIX) as Permission[]) {
      for (const role of USER_ROLES) {
        expect(can(role, permission), `${role} ${permission}`).toBe(
          MATRIX[permission].includes(role),
        );
      }
    }
    expect(Object.keys(PERMISSIONS)).toEqual(Object.keys(MATRIX));
  });

  it('is sorted by name, so parallel additions merge cleanly', () => {
    const names = Object.keys(PERMISSIONS);
    expect(names).toEqual([...names].sort());
  });

  it('names only real roles', () => {
    for (const roles of Object.values(PERMISSIONS)) {
      for (const role of roles) expect(USER_ROLES).toContain(role);
    }
  });
});
