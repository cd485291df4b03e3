/**
 * The permission table: which roles may do what. The server checks it
 * (`requirePermission`) and the web asks it (`can`) to show only what a user may use.
 *
 * A permission is only the role part of a decision. Checks that depend on data (the owner
 * of this course, the leader of this unit) stay in the services and add to it.
 */
import type { UserRole } from './users.js';

/** Permission → the roles that have it; sorted by name. */
export const PERMISSIONS = {
  /** See the random allocations of courses to intervention or control and their comparison. */
  'allocations.read': ['admin', 'analytiker'],
  /** Run a random allocation of a period's eligible courses (the analysis owner). */
  'allocations.run': ['analytiker'],
  /** Read the case-level analysis across all of the municipality's courses. */
  'analysis.caseLevel': ['admin', 'analytiker'],
  /** Read measurements' analyses and the overview; a leader only of measurements with their unit. */
  'analysis.read': ['admin', 'analytiker', 'leder'],
  /** Read the analyses of every unit and every measurement, not only one's own unit's. */
  'analysis.readAll': ['admin', 'analytiker'],
  /** Read the municipality's activity log. */
  'audit.read': ['admin'],
  /** Compare a measurement with other municipalities (the benchmark). */
  'benchmark.read': ['admin', 'analytiker'],
  /** Look a citizen's courses up by CPR number (audited). */
  'citizens.lookup': ['admin', 'leder', 'sagsbehandler'],
  /** Open a citizen's course. */
  'courses.create': ['leder', 'sagsbehandler'],
  /** See that every course exists and who coordinates it, but never read a plan. */
  'courses.oversee': ['admin'],
  /** Answer a citizen's access request and delete a closed course, without being its owner. */
  'courses.rights': ['admin'],
  /** Fill in a course's fidelity checklist (only as the course's coordinating caseworker). */
  'fidelity.answer': ['leder', 'sagsbehandler'],
  /** Read the Én plan implementation index; a leader only of their own unit. */
  'fidelity.index': ['admin', 'analytiker', 'leder'],
  /** Read the implementation index of every unit and of the whole municipality. */
  'fidelity.indexAll': ['admin', 'analytiker'],
  /**
   * Read implementation surveys' reports; a leader only of surveys that include their unit,
   * and only the whole municipality's, the roles' and their own unit's groups.
   */
  'implementation.read': ['admin', 'analytiker', 'leder'],
  /** Create and edit the municipality's progression instruments, licensed ones included. */
  'instruments.manage': ['admin', 'analytiker'],
  /** Read the municipality's progression instruments. */
  'instruments.read': ['admin', 'analytiker', 'leder', 'sagsbehandler'],
  /** Plan an intervention for the unit one leads (the login must be linked to it). */
  'interventions.create': ['leder'],
  /** Read every intervention, not only those of one's own unit. */
  'interventions.readAll': ['admin', 'analytiker'],
  /** List the municipality's leaders, to share an intervention with. */
  'leaders.list': ['admin', 'analytiker', 'leder'],
  /** Save where units sit on the network map. */
  'mapPositions.edit': ['admin', 'analytiker'],
  /** Create, edit, open and close measurements, import responses, and read drafts. */
  'measurements.manage': ['admin', 'analytiker'],
  /** Edit the organisation: areas, units, people and the file import. */
  'org.edit': ['admin', 'analytiker'],
  /** Read the outbox of sent mails. */
  'outbox.read': ['admin', 'analytiker'],
  /** Download the pseudonymised evaluation export of outcomes (CPR only with research consent). */
  'outcomes.export': ['admin', 'analytiker'],
  /** Read the outcome report per unit, arm and half-year (pooled under the minimum group). */
  'outcomes.report': ['admin', 'analytiker'],
  /** Change the municipality's settings (the benchmark consent). */
  'settings.edit': ['admin'],
  /** Read the municipality's settings. */
  'settings.read': ['admin', 'analytiker'],
  /** Set up the municipality's single sign-on (OpenID Connect, SAML) and MitID broker. */
  'signIn.manage': ['admin'],
  /**
   * Act for the unit one's login is linked to as its leader (start a case analysis of a course
   * in its network, see its measurements but no drafts); the unit comes from the data.
   */
  'units.lead': ['leder'],
  /** Create, change and disable logins and their roles. */
  'users.manage': ['admin'],
  /** Start and run workshops (a caseworker also around a course they have full access to). */
  'workshops.facilitate': ['admin', 'analytiker', 'leder'],
} as const satisfies Record<string, readonly UserRole[]>;

/** The name of one permission. */
export type Permission = keyof typeof PERMISSIONS;

/** True when `role` has `permission`. */
export function can(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}
