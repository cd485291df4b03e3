/**
 * The course journal's and the information register's limits and rules (docs/journal.md),
 * shared by server and web. Plain values, no zod.
 */

/** The longest journal entry, in characters. */
export const JOURNAL_TEXT_MAX = 4000;

/** For how many minutes after writing an entry its author may correct the text. */
export const CORRECTION_MINUTES = 15;

/** The longest reason for marking an entry as wrong. */
export const WRONG_REASON_MAX = 500;

/** The longest "what" of obtained information, e.g. "Lægeerklæring". */
export const INFORMATION_WHAT_MAX = 120;

/** The longest free-text source and "where it is kept". */
export const INFORMATION_TEXT_MAX = 300;

/**
 * Registering the same kind of information from the same source about the same person
 * within this many months of an earlier one is answered with a duplicate warning (409),
 * unless the registration confirms it is meant.
 */
export const DUPLICATE_MONTHS = 6;
