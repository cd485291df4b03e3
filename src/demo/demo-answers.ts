/**
 * Rows the demo's closed measurements share: the measurement itself, the invitations (which
 * know only who finished), the respondents and their answers to the leadership items.
 */
import { LEADERSHIP_ITEMS } from '../analysis/answer.js';
import type { NewAnswer } from '../db/tables/answer.table.js';
import type { NewInvitation } from '../db/tables/invitation.table.js';
import type { Arm, NewMeasurement } from '../db/tables/measurement.table.js';
import type { PersonRole } from '../db/tables/person.table.js';
import type { NewRespondent } from '../db/tables/respondent.table.js';

const DAY_MS = 86400_000;

/**
 * A demo measurement that was open for `days` days from `start` and is closed, with the
 * default thresholds (min group 5, high 4, low 3.5) and no creator.
 */
export function closedDemoMeasurement(
  start: Date,
  days: number,
  measurement: Omit<
    NewMeasurement,
    | 'status'
    | 'opens_at'
    | 'closes_at'
    | 'opened_at'
    | 'closed_at'
    | 'min_group'
    | 'threshold_high'
    | 'threshold_low'
    | 'created_by'
  >,
): NewMeasurement {
  const end = new Date(start.getTime() + days * DAY_MS);
  return {
    ...measurement,
    status: 'closed',
    opens_at: start,
    closes_at: end,
    opened_at: start,
    closed_at: end,
    min_group: 5,
    threshold_high: 4,
    threshold_low: 3.5,
    created_by: null,
  };
}

/**
 * A person's invitation to a demo measurement sent on `day`, finished that day when they
 * answered. Nothing in it links it to the answers.
 */
export function demoInvitation(
  measurementId: string,
  person: { id: string; unit_id: string; role: PersonRole },
  answered: boolean,
  day: string,
): NewInvitation {
  return {
    measurement_id: measurementId,
    person_id: person.id,
    unit_id: person.unit_id,
    role: person.role,
    status: answered ? 'finished' : 'invited',
    invited_on: day,
    finished_on: answered ? day : null,
    token_hash: null,
    token_sealed: null,
    respondent_ref: null,
  };
}

/** A respondent who submitted the survey, with no groups chosen and no case. */
export function demoRespondent(
  measurementId: string,
  respondent: { id: string; unitId: string; role: PersonRole; arm: Arm | null },
): NewRespondent {
  return {
    id: respondent.id,
    measurement_id: measurementId,
    unit_id: respondent.unitId,
    role: respondent.role,
    chosen_groups: null,
    arm: respondent.arm,
    case_ref: null,
    source: 'survey',
    submitted: true,
  };
}

/** A respondent's answers to the leadership items, each score drawn by `score` in item order. */
export function leadershipAnswers(
  measurementId: string,
  respondentId: string,
  score: () => number,
): NewAnswer[] {
  return LEADERSHIP_ITEMS.map((item) => ({
    measurement_id: measurementId,
    respondent_id: respondentId,
    target: '',
    item,
    value: score(),
    dont_know: false,
  }));
}
