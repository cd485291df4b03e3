/**
 * The values of a course's outcome events (docs/outcomes.md) that server and web share:
 * the kinds of event and the words each kind is recorded with. No zod.
 */

/**
 * The kinds of outcome event: a complaint on a decision (klage), the handling time of a
 * decision (sagsbehandlingstid), a placement (anbringelse) and an education/employment
 * status (uddannelse/beskæftigelse).
 */
export const OUTCOME_KINDS = ['klage', 'sagsbehandling', 'anbringelse', 'status'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** A complaint's result; `verserer` = not decided yet. */
export const COMPLAINT_RESULTS = [
  'verserer',
  'medhold',
  'delvist-medhold',
  'ikke-medhold',
  'afvist',
  'trukket-tilbage',
] as const;
export type ComplaintResult = (typeof COMPLAINT_RESULTS)[number];

/** The results counted as the complainant being proved right, fully or partly. */
export const UPHELD_RESULTS: readonly ComplaintResult[] = ['medhold', 'delvist-medhold'];

/** The kind of a placement outside the home. */
export const PLACEMENT_TYPES = [
  'plejefamilie',
  'netvaerksplejefamilie',
  'opholdssted',
  'doegninstitution',
  'eget-vaerelse',
  'andet',
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

/** A citizen's education or employment status on a date. */
export const ACTIVITY_STATUSES = [
  'beskaeftigelse',
  'uddannelse',
  'fleksjob',
  'loentilskud-praktik',
  'ledig',
  'sygemeldt',
  'foertidspension',
  'andet',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** The statuses counted as "in education or employment" in the report. */
export const IN_WORK_OR_EDUCATION: readonly ActivityStatus[] = [
  'beskaeftigelse',
  'uddannelse',
  'fleksjob',
];

/** The longest handling time accepted, in days (ten years). */
export const MAX_HANDLING_DAYS = 3650;

/** The label of a course not in an intervention/control design yet. */
export const NO_ARM = { da: 'ikke fordelt', en: 'not allocated' } as const;
