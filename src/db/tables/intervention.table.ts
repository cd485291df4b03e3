import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';
import type { CreatedAt } from './columns.js';
import type { AgreementKind, InterventionStatus } from '../../../contract/interventions.js';

/** A leadership intervention in the research's format: two network meetings and a follow-up. */
export interface InterventionTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  /** The measurement the intervention was based on; the follow-up is its next wave. */
  measurement_id: string | null;
  status: Generated<InterventionStatus>;
  /** Ticked items of the checklist of small agreements, by key. */
  checklist: JSONColumnType<Record<string, boolean>, string | undefined, string>;
  /** Dates only; read as `YYYY-MM-DD` text. */
  follow_up_on: ColumnType<string | null, string | null | undefined, string | null>;
  follow_up_measurement_id: string | null;
  /** The citizen's course a case intervention is for; null for one on units. */
  course_id: Generated<string | null>;
  created_by: string | null;
  created_at: CreatedAt;
}
export type Intervention = Selectable<InterventionTable>;
export type NewIntervention = Insertable<InterventionTable>;
export type InterventionUpdate = Updateable<InterventionTable>;

/** A group (unit) the intervention is for. */
export interface InterventionUnitTable {
  intervention_id: string;
  unit_id: string;
}

/** A leader who shares the intervention (the one who planned it included). */
export interface InterventionLeaderTable {
  intervention_id: string;
  user_id: string;
}

/** Network meeting 1 or 2: 45–60 minutes, a facilitating leader and a leader colleague. */
export interface InterventionMeetingTable {
  intervention_id: string;
  number: number;
  starts_at: Date;
  duration_minutes: number;
  facilitator: string;
  colleague: string;
  held: Generated<boolean>;
  /** Course party ids of the professionals taking part (case interventions). */
  participants: JSONColumnType<string[], string | undefined, string>;
}
export type InterventionMeeting = Selectable<InterventionMeetingTable>;

/** An agreement made in the network, or a joint decision of the leaders. */
export interface InterventionAgreementTable {
  id: Generated<string>;
  intervention_id: string;
  kind: AgreementKind;
  checklist_key: string | null;
  text: string;
  created_by: string | null;
  created_at: CreatedAt;
}
export type InterventionAgreement = Selectable<InterventionAgreementTable>;
