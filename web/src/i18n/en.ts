/** English, the second language. Same keys as `da.ts`; the type checks that. */
import { citizenEn } from './citizen-en.js';
import type { Dictionary } from './da.js';
import { lightEn } from './light-en.js';
import { analysisEn } from './messages/analysis.js';
import { appEn } from './messages/app.js';
import { auditEn } from './messages/audit.js';
import { authEn } from './messages/auth.js';
import { caseAnalysisEn } from './messages/case-analysis.js';
import { allocationsEn } from './messages/allocations.js';
import { coursesEn } from './messages/courses.js';
import { fidelityEn } from './messages/fidelity.js';
import { outcomesEn } from './messages/outcomes.js';
import { journalEn } from './messages/journal.js';
import { implementationEn } from './messages/implementation.js';
import { interventionsEn } from './messages/interventions.js';
import { measurementsEn } from './messages/measurements.js';
import { meetingsEn } from './messages/meetings.js';
import { orgEn } from './messages/org.js';
import { overviewEn } from './messages/overview.js';
import { progressionEn } from './messages/progression.js';
import { settingsEn } from './messages/settings.js';
import { usersEn } from './messages/users.js';
import { workshopsEn } from './messages/workshops.js';

export const en: Dictionary = {
  ...lightEn,
  ...citizenEn,
  ...analysisEn,
  ...appEn,
  ...auditEn,
  ...authEn,
  ...caseAnalysisEn,
  ...allocationsEn,
  ...coursesEn,
  ...fidelityEn,
  ...outcomesEn,
  ...journalEn,
  ...implementationEn,
  ...interventionsEn,
  ...measurementsEn,
  ...meetingsEn,
  ...orgEn,
  ...overviewEn,
  ...progressionEn,
  ...settingsEn,
  ...usersEn,
  ...workshopsEn,
};
