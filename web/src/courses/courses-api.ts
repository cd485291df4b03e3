/**
 * Calls to the Én plan API (`src/courses`, `src/plans`, `src/consents`) and the shapes it
 * answers with, as `docs/en-plan.md` describes them.
 */
import { api } from '../api/client.js';

export type Access = 'full' | 'consent' | 'minimal';
export type CourseKind = 'individual' | 'family';
export type CourseStatus = 'open' | 'closed';

export const TARGET_GROUPS = ['voksne', 'unge-15-30', 'familier', 'boern', 'andet'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const COORDINATOR_ROLES = [
  'koordinerende-sagsbehandler',
  'plankoordinator',
  'makker',
  'tvaergaaende-sagsbehandler',
  'kontaktperson',
] as const;
export type CoordinatorRole = (typeof COORDINATOR_ROLES)[number];

export const CONTACT_FORMS = ['telefon', 'sms', 'e-mail', 'brev', 'digital-post'] as const;
export type ContactForm = (typeof CONTACT_FORMS)[number];

/** Relations of family members; the main citizen is always `borger`. */
export const RELATIONS = ['forælder', 'barn', 'partner', 'søskende', 'andet'] as const;
export type Relation = (typeof RELATIONS)[number] | 'borger';

export const PARTY_KINDS = ['unit', 'professional', 'external'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const EXTERNAL_TYPES = [
  'egen-laege',
  'regionspsykiatri',
  'skole',
  'politi',
  'kriminalforsorg',
  'hospital',
  'andet',
] as const;
export type ExternalType = (typeof EXTERNAL_TYPES)[number];

export const LAWS = [
  'LAB',
  'serviceloven',
  'sundhedsloven',
  'dagtilbudsloven',
  'folkeskoleloven',
  'andet',
] as const;
export type Law = (typeof LAWS)[number];

export const ACTION_STATUSES = ['planlagt', 'i-gang', 'afsluttet', 'opgivet'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CONSENT_FORMS = ['underskrift', 'digital', 'mundtlig-med-vidne'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

export interface Coordinator {
  personId: string;
  name: string;
  role: CoordinatorRole;
  email: string;
  phone: string | null;
  unitName: string;
}

export interface CourseSummary {
  id: string;
  kind: CourseKind;
  status: CourseStatus;
  /** Null below `full`/`consent` access. */
  citizenName: string | null;
  targetGroup: TargetGroup;
  startDate: string;
  coordinator: Coordinator;
  access: Access;
  complex: boolean | null;
}

export interface Member {
  id: string;
  name: string;
  relation: Relation;
  cprMasked: string | null;
}

export interface Party {
  id: string;
  kind: PartyKind;
  unitId: string | null;
  personId: string | null;
  externalType: ExternalType | null;
  name: string;
  unitKind: 'myndighed' | 'udfører' | 'ekstern' | null;
  phone: string | null;
  email: string | null;
  task: string;
  responseTime: string;
}

export interface Citizen {
  name: string;
  cprMasked: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredContact: ContactForm;
}

/** One course, shaped by the reader's access: `minimal` has none of the optional parts. */
export interface CourseView extends CourseSummary {
  citizen?: Citizen;
  members?: Member[];
  network?: Party[];
  complexity?: { units: number; authorityFunctions: number; complex: boolean };
  planVersion?: number;
}

export interface NewCourse {
  kind: CourseKind;
  targetGroup: TargetGroup;
  startDate: string;
  citizen: {
    name: string;
    cpr: string;
    phone?: string;
    email?: string;
    address?: string;
    preferredContact: ContactForm;
  };
  members?: { name: string; cpr?: string; relation: Relation }[];
  coordinator: { personId: string; role: CoordinatorRole };
}

export interface CourseChange {
  targetGroup?: TargetGroup;
  startDate?: string;
  coordinator?: { personId: string; role: CoordinatorRole };
  citizen?: {
    name?: string;
    phone?: string | null;
    email?: string | null;
    address?: string | null;
    preferredContact?: ContactForm;
  };
}

export interface NewParty {
  kind: PartyKind;
  unitId?: string;
  personId?: string;
  externalType?: ExternalType;
  name?: string;
  phone?: string;
  email?: string;
  task: string;
  responseTime: string;
}

export interface PlanAction {
  id: string;
  text: string;
  responsiblePartyId: string;
  law: Law;
  paragraph?: string;
  start?: string | null;
  end?: string | null;
  status: ActionStatus;
  statusReason?: string;
}

export interface SubGoal {
  id: string;
  text: string;
  actions: PlanAction[];
}

/** One member's part of the plan (the whole plan of an individual course). */
export interface PlanPart {
  memberId: string;
  dreams: string;
  goal: string;
  subGoals: SubGoal[];
}

export interface Plan {
  parts: PlanPart[];
}

export interface PlanVersion {
  version: number;
  plan: Plan;
  changedAt: string | null;
  changedBy: string | null;
}

export interface VersionInfo {
  version: number;
  changedAt: string;
  changedBy: string | null;
  participants: string[];
  note: string | null;
}

export interface PlanChange {
  kind: 'added' | 'removed' | 'changed';
  memberId: string;
  path: string;
  before: string | null;
  after: string | null;
}

export interface Consent {
  id: string;
  purpose: string;
  partyIds: string[];
  memberIds: string[];
  givenOn: string;
  form: ConsentForm;
  witness: string | null;
  expiresOn: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawReason?: string | null;
  valid: boolean;
  recordedBy: string;
}

export interface NewConsent {
  purpose: string;
  partyIds: string[];
  memberIds: string[];
  givenOn: string;
  form: ConsentForm;
  witness?: string;
  expiresOn: string;
}

export interface CourseAuditEntry {
  at: string;
  action: string;
  userName: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
}

const base = (id: string) => `/api/courses/${encodeURIComponent(id)}`;

export const listCourses = (status: CourseStatus | 'all') =>
  api.get<{ courses: CourseSummary[] }>(
    status === 'all' ? '/api/courses' : `/api/courses?status=${status}`,
  );
export const createCourse = (course: NewCourse) => api.post<CourseView>('/api/courses', course);
export const loadCourse = (id: string) => api.get<CourseView>(base(id));
export const updateCourse = (id: string, change: CourseChange) =>
  api.patch<CourseView>(base(id), change);
export const closeCourse = (id: string) => api.post<CourseView>(`${base(id)}/close`);
export const deleteCourse = (id: string, reason: string) => api.delete<void>(base(id), { reason });

export const addMember = (id: string, member: { name: string; cpr?: string; relation: Relation }) =>
  api.post<Member>(`${base(id)}/members`, member);

export const addParty = (id: string, party: NewParty) =>
  api.post<Party>(`${base(id)}/parties`, party);
/** What may change of a party: its details, not its kind, unit or person. */
export interface PartyChange {
  externalType?: ExternalType;
  name?: string;
  phone?: string | null;
  email?: string | null;
  task?: string;
  responseTime?: string;
}

export const updateParty = (id: string, partyId: string, change: PartyChange) =>
  api.patch<Party>(`${base(id)}/parties/${partyId}`, change);
export const removeParty = (id: string, partyId: string) =>
  api.delete<void>(`${base(id)}/parties/${partyId}`);

export const loadPlan = (id: string) => api.get<PlanVersion>(`${base(id)}/plan`);
export const savePlan = (
  id: string,
  body: { baseVersion: number; plan: Plan; participants: string[]; note?: string },
) => api.put<{ version: number; notified: number }>(`${base(id)}/plan`, body);
export const listVersions = (id: string) =>
  api.get<{ versions: VersionInfo[] }>(`${base(id)}/plan/versions`);
export const loadVersion = (id: string, version: number) =>
  api.get<PlanVersion>(`${base(id)}/plan/versions/${version}`);
export const comparePlan = (id: string, from: number, to: number) =>
  api.get<{ from: number; to: number; changes: PlanChange[] }>(
    `${base(id)}/plan/compare?from=${from}&to=${to}`,
  );

export const listConsents = (id: string) =>
  api.get<{ consents: Consent[] }>(`${base(id)}/consents`);
export const recordConsent = (id: string, consent: NewConsent) =>
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
