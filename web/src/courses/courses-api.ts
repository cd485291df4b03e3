/**
 * Calls to the Én plan API (`src/courses`, `src/plans`, `src/consents`) and the shapes it
 * answers with, as `docs/en-plan.md` describes them.
 */
import type { Law } from '../../../contract/plans.js';
import type {
  CoordinationChange,
  CoordinatorInput,
  CourseChangeInput,
  CourseView,
  CourseList,
  CourseAuditEntry,
  LeadChangeInput,
  MemberInput,
  Member,
  NewCourseInput,
  NewPartyInput,
  Party,
  PartyChangeInput,
} from '../../../contract/courses.schema.js';
import type { Consent, ConsentList, NewConsentInput } from '../../../contract/consents.schema.js';
import type {
  Plan,
  PlanComparison,
  PlanSaved,
  PlanVersion,
  PlanVersionList,
} from '../../../contract/plans.schema.js';
import type { CourseStatus } from '../../../contract/courses.js';
import type { CloseCourseBody } from '../../../contract/progression.schema.js';
import { api } from '../api/client.js';

export {
  CONTACT_FORMS,
  COORDINATOR_ROLES,
  EXTERNAL_TYPES,
  FAMILY_RELATIONS as RELATIONS,
  PARTY_KINDS,
  TARGET_GROUPS,
  type AccessLevel as Access,
  type ContactForm,
  type CoordinatorRole,
  type CourseKind,
  type CourseStatus,
  type ExternalType,
  type FamilyRelation,
  type MemberRelation as Relation,
  type PartyKind,
  type TargetGroup,
} from '../../../contract/courses.js';
export { ACTION_STATUSES, LAWS, type ActionStatus, type Law } from '../../../contract/plans.js';
export { CONSENT_FORMS, type ConsentForm } from '../../../contract/consents.js';
export type {
  CitizenDetails as Citizen,
  CoordinationChange,
  Coordinator,
  CourseAuditEntry,
  CourseChangeInput as CourseChange,
  CourseSummary,
  CourseView,
  Member,
  NewCourseInput as NewCourse,
  NewPartyInput as NewParty,
  Party,
  PartyChangeInput as PartyChange,
} from '../../../contract/courses.schema.js';
export type { Consent, NewConsentInput as NewConsent } from '../../../contract/consents.schema.js';
export type {
  Plan,
  PlanAction,
  PlanChange,
  PlanPart,
  PlanVersion,
  PlanVersionInfo as VersionInfo,
  SubGoal,
} from '../../../contract/plans.schema.js';

const base = (id: string) => `/api/courses/${encodeURIComponent(id)}`;

export const listCourses = (status: CourseStatus | 'all') =>
  api.get<CourseList>(status === 'all' ? '/api/courses' : `/api/courses?status=${status}`);
export const createCourse = (course: NewCourseInput) =>
  api.post<CourseView>('/api/courses', course);
export const loadCourse = (id: string) => api.get<CourseView>(base(id));
export const updateCourse = (id: string, change: CourseChangeInput) =>
  api.patch<CourseView>(base(id), change);
/** Close the course, recording the closing's experience and status in the same step. */
export const closeCourse = (id: string, body: CloseCourseBody = {}) =>
  api.post<CourseView>(`${base(id)}/close`, body);
export const deleteCourse = (id: string, reason: string) => api.delete<void>(base(id), { reason });

export const addMember = (id: string, member: MemberInput) =>
  api.post<Member>(`${base(id)}/members`, member);

export const addCoCoordinator = (id: string, coordinator: CoordinatorInput) =>
  api.post<CoordinationChange>(`${base(id)}/coordinators`, coordinator);
export const removeCoCoordinator = (id: string, personId: string) =>
  api.delete<CoordinationChange>(`${base(id)}/coordinators/${personId}`);
export const changeLead = (id: string, change: LeadChangeInput) =>
  api.put<CoordinationChange>(`${base(id)}/coordinators/lead`, change);

export const addParty = (id: string, party: NewPartyInput) =>
  api.post<Party>(`${base(id)}/parties`, party);
export const updateParty = (id: string, partyId: string, change: PartyChangeInput) =>
  api.patch<Party>(`${base(id)}/parties/${partyId}`, change);
export const removeParty = (id: string, partyId: string) =>
  api.delete<void>(`${base(id)}/parties/${partyId}`);

export const loadPlan = (id: string) => api.get<PlanVersion>(`${base(id)}/plan`);
export const savePlan = (
  id: string,
  body: { baseVersion: number; plan: Plan; participants: string[]; note?: string },
) => api.put<PlanSaved>(`${base(id)}/plan`, body);
export const listVersions = (id: string) => api.get<PlanVersionList>(`${base(id)}/plan/versions`);
export const loadVersion = (id: string, version: number) =>
  api.get<PlanVersion>(`${base(id)}/plan/versions/${version}`);
export const comparePlan = (id: string, from: number, to: number) =>
  api.get<PlanComparison>(`${base(id)}/plan/compare?from=${from}&to=${to}`);

export const listConsents = (id: string) => api.get<ConsentList>(`${base(id)}/consents`);
export const recordConsent = (id: string, consent: NewConsentInput) =>
  api.post<Consent>(`${base(id)}/consents`, consent);
export const withdrawConsent = (id: string, consentId: string, reason?: string) =>
  api.post<Consent>(`${base(id)}/consents/${consentId}/withdraw`, reason ? { reason } : {});

export const loadCourseAudit = (id: string) =>
  api.get<{ entries: CourseAuditEntry[] }>(`${base(id)}/audit`);

/** The address of the plan export (a file the browser downloads). */
export function planExportUrl(
  id: string,
  options: { format: 'pdf' | 'text'; law?: Law; member?: string },
): string {
  const query = new URLSearchParams({ format: options.format });
  if (options.law) query.set('law', options.law);
  if (options.member) query.set('member', options.member);
  return `${base(id)}/plan/export?${query.toString()}`;
}

/** The address of a member's access request (indsigt) export. */
export function accessRequestUrl(
  id: string,
  options: { member: string; format: 'json' | 'pdf'; hideStaff: boolean },
): string {
  const query = new URLSearchParams({
    member: options.member,
    format: options.format,
    hideStaff: String(options.hideStaff),
  });
  return `${base(id)}/access-request?${query.toString()}`;
}
