/**
 * The organisation's plain values, shared by server and web (no zod here, so the web
 * can import them without the schema library).
 */

/** `myndighed` = authority, `udfører` = service provider, `ekstern` = outside actor. */
export const UNIT_KINDS = ['myndighed', 'udfører', 'ekstern'] as const;
/** One of `UNIT_KINDS`. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A person's role in the organisation (not a login's role). */
export const PERSON_ROLES = ['leder', 'medarbejder'] as const;
/** One of `PERSON_ROLES`. */
export type PersonRole = (typeof PERSON_ROLES)[number];

/** What importing an organisation file does to one area, unit or person. */
export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
/** One of `IMPORT_ACTIONS`. */
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** Longest name of an area, unit or person. */
export const MAX_NAME_LENGTH = 200;

/** Longest e-mail address (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** Longest profession: it is also an answer's `target`, which holds at most 40 characters. */
export const MAX_PROFESSION_LENGTH = 40;
