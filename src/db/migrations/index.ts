/** The one migration set, run on PGlite and PostgreSQL alike. Append, never edit. */
import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as measurements from './0002-measurements.js';
import * as mapPositions from './0003-map-positions.js';
import * as answersChangedAt from './0004-answers-changed-at.js';
import * as courses from './0005-courses.js';
import * as analysisExtras from './0006-analysis-extras.js';
import * as professions from './0007-professions.js';
import * as workshops from './0009-workshops.js';
import * as courseTime from './0010-course-time.js';
import * as caseMeasurements from './0011-case-measurements.js';
import * as leftovers from './0012-leftovers.js';
import * as privacyUnderAttack from './0013-privacy-under-attack.js';
import * as sharedLimitsAndMailSending from './0014-shared-limits-and-mail-sending.js';
import * as loginThrottle from './0015-login-throttle.js';
import * as keyCheck from './0016-key-check.js';
import * as tenantIsolation from './0020-tenant-isolation.js';
import * as ssoOidc from './0021-sso-oidc.js';
import * as saml from './0022-saml.js';
import * as linkLoginsToPeople from './0023-link-logins-to-people.js';
import * as fidelity from './0024-fidelity.js';
import * as loginPersonChoice from './0025-login-person-choice.js';
import * as smsChannel from './0026-sms-channel.js';
import * as progressionTrial from './0027-progression-trial.js';
import * as caseAllocation from './0028-case-allocation.js';
import * as outcomes from './0029-outcomes.js';
import * as implementationSurveys from './0030-implementation-surveys.js';
import * as coordination from './0031-coordination.js';
import * as courseJournal from './0032-course-journal.js';

export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-measurements': measurements,
  '0003-map-positions': mapPositions,
  '0004-answers-changed-at': answersChangedAt,
  '0005-courses': courses,
  '0006-analysis-extras': analysisExtras,
  '0007-professions': professions,
  '0009-workshops': workshops,
  '0010-course-time': courseTime,
  '0011-case-measurements': caseMeasurements,
  '0012-leftovers': leftovers,
  '0013-privacy-under-attack': privacyUnderAttack,
  '0014-shared-limits-and-mail-sending': sharedLimitsAndMailSending,
  '0015-login-throttle': loginThrottle,
  '0016-key-check': keyCheck,
  '0020-tenant-isolation': tenantIsolation,
  '0021-sso-oidc': ssoOidc,
  '0022-saml': saml,
  '0023-link-logins-to-people': linkLoginsToPeople,
  '0024-fidelity': fidelity,
  '0025-login-person-choice': loginPersonChoice,
  '0026-sms-channel': smsChannel,
  '0027-progression-trial': progressionTrial,
  '0028-case-allocation': caseAllocation,
  '0029-outcomes': outcomes,
  '0030-implementation-surveys': implementationSurveys,
  '0031-coordination': coordination,
  '0032-course-journal': courseJournal,
};
