/**
 * Danish, the product's default language. `en.ts` must have exactly the same keys:
 * the `Dictionary` type makes a missing or extra key a type error.
 * `{name}` marks a placeholder filled in by `t(key, { name })`. The messages live per feature
 * in `messages/<feature>.ts`, each holding both languages (its type makes both have every
 * key); the light pages' in `light-da.ts` and `citizen-da.ts`, so those pages stay small.
 */
import { citizenDa } from './citizen-da.js';
import { lightDa } from './light-da.js';
import { analysisDa } from './messages/analysis.js';
import { appDa } from './messages/app.js';
import { auditDa } from './messages/audit.js';
import { authDa } from './messages/auth.js';
import { caseAnalysisDa } from './messages/case-analysis.js';
import { allocationsDa } from './messages/allocations.js';
import { coursesDa } from './messages/courses.js';
import { fidelityDa } from './messages/fidelity.js';
import { outcomesDa } from './messages/outcomes.js';
import { journalDa } from './messages/journal.js';
import { implementationDa } from './messages/implementation.js';
import { interventionsDa } from './messages/interventions.js';
import { measurementsDa } from './messages/measurements.js';
import { meetingsDa } from './messages/meetings.js';
import { orgDa } from './messages/org.js';
import { overviewDa } from './messages/overview.js';
import { progressionDa } from './messages/progression.js';
import { settingsDa } from './messages/settings.js';
import { usersDa } from './messages/users.js';
import { workshopsDa } from './messages/workshops.js';

export const da = {
  ...lightDa,
  ...citizenDa,
  ...analysisDa,
  ...appDa,
  ...auditDa,
  ...authDa,
  ...caseAnalysisDa,
  ...allocationsDa,
  ...coursesDa,
  ...fidelityDa,
  ...outcomesDa,
  ...journalDa,
  ...implementationDa,
  ...interventionsDa,
  ...measurementsDa,
  ...meetingsDa,
  ...orgDa,
  ...overviewDa,
  ...progressionDa,
  ...settingsDa,
  ...usersDa,
  ...workshopsDa,
} as const;

/** Every message key of the interface. */
export type MessageKey = keyof typeof da;

/** A complete dictionary: one string per key, no more, no less. */
export type Dictionary = Record<MessageKey, string>;
