/** The whole database as Kysely types: one table interface per `tables/*.table.ts`. */
import type { AnswerTable } from './tables/answer.table.js';
import type { AreaTable } from './tables/area.table.js';
import type { InvitationTable } from './tables/invitation.table.js';
import type { JobTable } from './tables/job.table.js';
import type { MailMessageTable } from './tables/mail-message.table.js';
import type { MapPositionTable } from './tables/map-position.table.js';
import type { MeasurementGroupTable, MeasurementTable } from './tables/measurement.table.js';
import type { RespondentTable } from './tables/respondent.table.js';
import type { AuditLogTable } from './tables/audit-log.table.js';
import type { LoginAttemptTable } from './tables/login-attempt.table.js';
import type { MunicipalityTable } from './tables/municipality.table.js';
import type { PersonTable } from './tables/person.table.js';
import type { SessionTable } from './tables/session.table.js';
import type { UnitTable } from './tables/unit.table.js';
import type { UserTable } from './tables/user.table.js';

export interface Database {
  municipality: MunicipalityTable;
  area: AreaTable;
  unit: UnitTable;
  person: PersonTable;
  app_user: UserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  measurement: MeasurementTable;
  measurement_group: MeasurementGroupTable;
  invitation: InvitationTable;
  respondent: RespondentTable;
  answer: AnswerTable;
  job: JobTable;
  mail_message: MailMessageTable;
  map_position: MapPositionTable;
}
