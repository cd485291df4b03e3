/**
 * The HTTP contract of the course journal and the register of information already obtained
 * (docs/journal.md): what the tab reads, and what writing, correcting, marking as wrong and
 * registering send.
 */
import { z } from 'zod';
import { courseParams, freeText, isoDate, requiredText } from './en-plan.schema.js';
import {
  INFORMATION_TEXT_MAX,
  INFORMATION_WHAT_MAX,
  JOURNAL_TEXT_MAX,
  WRONG_REASON_MAX,
} from './journal.js';

/** `/api/courses/:id/journal/:entryId/…`. */
export const journalEntryParams = courseParams.extend({ entryId: z.uuid() });

/** `POST /api/courses/:id/journal`: a new entry, about one member or (null) the course as a whole. */
export const journalEntryInput = z.object({
  text: requiredText(JOURNAL_TEXT_MAX),
  memberId: z.uuid().nullable().optional(),
});
export type JournalEntryInput = z.infer<typeof journalEntryInput>;

/** `POST …/journal/:entryId/correct`: the author's corrected text, within the correction window. */
export const journalCorrectionInput = z.object({ text: requiredText(JOURNAL_TEXT_MAX) });
export type JournalCorrectionInput = z.infer<typeof journalCorrectionInput>;

/** `POST …/journal/:entryId/wrong`: the author marks the entry as wrong, saying why. */
export const journalWrongInput = z.object({ reason: requiredText(WRONG_REASON_MAX) });
export type JournalWrongInput = z.infer<typeof journalWrongInput>;

/**
 * `POST /api/courses/:id/information`: information obtained, from a network party of the
 * course or a source named in free text. `confirmDuplicate` registers it although the same
 * kind from the same source was registered within the duplicate window.
 */
export const informationInput = z.object({
  what: requiredText(INFORMATION_WHAT_MAX),
  sourcePartyId: z.uuid().nullable().optional(),
  sourceName: freeText(INFORMATION_TEXT_MAX).optional(),
  obtainedOn: isoDate,
  keptAt: requiredText(INFORMATION_TEXT_MAX),
  memberId: z.uuid().nullable().optional(),
  confirmDuplicate: z.boolean().optional(),
});
export type InformationInput = z.infer<typeof informationInput>;

/** One journal entry as a reader sees it; `history` holds the texts a correction replaced. */
export const journalEntrySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  authorName: z.string(),
  authorUnit: z.string().nullable(),
  /** The member it concerns; null = the course as a whole. */
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  text: z.string(),
  correctedAt: z.string().nullable(),
  history: z.array(z.object({ text: z.string(), replacedAt: z.string() })),
  wrong: z.object({ at: z.string(), reason: z.string() }).nullable(),
  /** The reader wrote it and the correction window is still open. */
  canCorrect: z.boolean(),
  /** The reader wrote it and has not marked it as wrong yet. */
  canMarkWrong: z.boolean(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** One registered piece of information already obtained. */
export const obtainedInformationSchema = z.object({
  id: z.string(),
  what: z.string(),
  sourcePartyId: z.string().nullable(),
  sourceName: z.string(),
  obtainedOn: z.string(),
  keptAt: z.string(),
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  registeredBy: z.string(),
  registeredByUnit: z.string().nullable(),
  registeredAt: z.string(),
});
export type ObtainedInformation = z.infer<typeof obtainedInformationSchema>;

/** `GET /api/courses/:id/journal`: the entries (newest first) and the information register. */
export const courseJournalSchema = z.object({
  /** `full` reads everything; `consent` only what concerns the members the consent covers. */
  access: z.enum(['full', 'consent']),
  /** Whether this user may write and register (an open course). */
  canWrite: z.boolean(),
  /** Whether this user may write about the course as a whole (not only one member). */
  canWriteCourseWide: z.boolean(),
  /** The members this user may write about and see. */
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Minutes an author has to correct an entry. */
  correctionMinutes: z.number(),
  entries: z.array(journalEntrySchema),
  information: z.array(obtainedInformationSchema),
});
export type CourseJournal = z.infer<typeof courseJournalSchema>;

/** The `details` of the 409 answer to a duplicate registration: the earlier registration. */
export const duplicateInformationDetails = z.object({ duplicateOf: obtainedInformationSchema });
export type DuplicateInformationDetails = z.infer<typeof duplicateInformationDetails>;
