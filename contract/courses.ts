/**
 * The values of a citizen's course (borgerforløb, docs/en-plan.md) that server and web
 * share: kinds, target groups, coordinator roles, members, network parties. No zod, so the
 * light pages may import it.
 */

/** An individual course or a family course (several members). */
export const COURSE_KINDS = ['individual', 'family'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** The target groups a course is for. */
export const TARGET_GROUPS = ['voksne', 'unge-15-30', 'familier', 'boern', 'andet'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** A course is open until it is closed. */
export const COURSE_STATUSES = ['open', 'closed'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** The coordinator's role in the course. */
export const COORDINATOR_ROLES = [
  'koordinerende-sagsbehandler',
  'plankoordinator',
  'makker',
  'tvaergaaende-sagsbehandler',
  'kontaktperson',
] as const;
export type CoordinatorRole = (typeof COORDINATOR_ROLES)[number];

/** The coordinator roles' Danish names, for documents. */
export const COORDINATOR_ROLE_TITLES: Record<CoordinatorRole, string> = {
  'koordinerende-sagsbehandler': 'Koordinerende sagsbehandler',
  plankoordinator: 'Plankoordinator',
  makker: 'Makker',
  'tvaergaaende-sagsbehandler': 'Tværgående sagsbehandler',
  kontaktperson: 'Kontaktperson',
};

/** A member's relation; the main citizen is always `borger`. */
export const MEMBER_RELATIONS = [
  'borger',
  'forælder',
  'barn',
  'partner',
  'søskende',
  'andet',
] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];

/** The relations of family members (everyone but the main citizen). */
export const FAMILY_RELATIONS = ['forælder', 'barn', 'partner', 'søskende', 'andet'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

/** How the citizen prefers to be contacted. */
export const CONTACT_FORMS = ['telefon', 'sms', 'e-mail', 'brev', 'digital-post'] as const;
export type ContactForm = (typeof CONTACT_FORMS)[number];

/** A party of the network: an organisation unit, a named professional, an outside actor. */
export const PARTY_KINDS = ['unit', 'professional', 'external'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * The kinds of outside actors; `paaroerende` is a relative of the citizen in the network (not
 * a professional: never counted as a unit, never sent staff mail).
 */
export const EXTERNAL_TYPES = [
  'egen-laege',
  'regionspsykiatri',
  'skole',
  'politi',
  'kriminalforsorg',
  'hospital',
  'paaroerende',
  'andet',
] as const;
export type ExternalType = (typeof EXTERNAL_TYPES)[number];

/** The outside type of a relative (pårørende) in the network. */
export const RELATIVE = 'paaroerende' satisfies ExternalType;

/** What a party's unit is: an authority function, a provider, or outside the municipality. */
export const PARTY_UNIT_KINDS = ['myndighed', 'udfører', 'ekstern'] as const;
export type PartyUnitKind = (typeof PARTY_UNIT_KINDS)[number];

/** How much of a course a user sees: all of it, the consented members, or only who coordinates. */
export const ACCESS_LEVELS = ['full', 'consent', 'minimal'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** The formats of a member's access request (indsigt). */
export const ACCESS_REQUEST_FORMATS = ['json', 'pdf'] as const;
export type AccessRequestFormat = (typeof ACCESS_REQUEST_FORMATS)[number];
