/** The whole database as Kysely types: one table interface per `tables/*.table.ts`. */
import type { AnswerTable } from './tables/answer.table.js';
import type { AreaTable } from './tables/area.table.js';
import type { CitizenTable } from './tables/citizen.table.js';
import type { ConsentTable } from './tables/consent.table.js';
import type { CourseCoordinatorTable } from './tables/course-coordinator.table.js';
import type { CoursePartyTable } from './tables/course-party.table.js';
import type { CourseTable } from './tables/course.table.js';
import type { PlanVersionTable } from './tables/plan-version.table.js';
import type { MeetingTable } from './tables/meeting.table.js';
import type {
  ProgressionInstrumentTable,
  ProgressionResponseTable,
  ProgressionCourseInstrumentTable,
  ProgressionClosingTable,
  ProgressionScheduleTable,
} from './tables/progression.table.js';
import type {
  CitizenLinkTable,
  CitizenMessageTable,
  CitizenScaleTable,
  CitizenSessionTable,
} from './tables/citizen-view.table.js';
import type { KeyCheckTable } from './tables/key-check.table.js';
import type { FidelityChecklistTable } from './tables/fidelity.table.js';
import type { OutcomeEventTable } from './tables/outcome.table.js';
import type { JournalEntryTable, ObtainedInformationTable } from './tables/journal.table.js';
import type { ImplementationItemSetTable } from './tables/implementation.table.js';
import type {
  SamlAssertionTable,
  SamlRequestTable,
  SamlSettingsTable,
} from './tables/saml.table.js';
import type { OidcProviderTable } from './tables/oidc-provider.table.js';
import type { InvitationTable } from './tables/invitation.table.js';
import type { JobTable } from './tables/job.table.js';
import type { MailMessageTable } from './tables/mail-message.table.js';
import type { MapPositionTable } from './tables/map-position.table.js';
import type {
  MeasurementGroupTable,
  MeasurementProfessionTable,
  MeasurementTable,
} from './tables/measurement.table.js';
import type { RespondentTable } from './tables/respondent.table.js';
import type { AuditLogTable } from './tables/audit-log.table.js';
import type { LoginAttemptTable } from './tables/login-attempt.table.js';
import type { RateLimitTable } from './tables/rate-limit.table.js';
import type { MunicipalityTable } from './tables/municipality.table.js';
import type { PersonTable } from './tables/person.table.js';
import type { SessionTable } from './tables/session.table.js';
import type { UnitTable } from './tables/unit.table.js';
import type { UserTable } from './tables/user.table.js';
import type {
  WorkshopActorTable,
  WorkshopPointTable,
  WorkshopRatingTable,
  WorkshopTable,
} from './tables/workshop.table.js';
import type {
  InterventionAgreementTable,
  InterventionLeaderTable,
  InterventionMeetingTable,
  InterventionTable,
  InterventionUnitTable,
} from './tables/intervention.table.js';
import type { AllocationCourseTable, AllocationTable } from './tables/allocation.table.js';

export interface Database {
  municipality: MunicipalityTable;
  area: AreaTable;
  unit: UnitTable;
  person: PersonTable;
  app_user: UserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  rate_limit: RateLimitTable;
  audit_log: AuditLogTable;
  measurement: MeasurementTable;
  measurement_group: MeasurementGroupTable;
  measurement_profession: MeasurementProfessionTable;
  invitation: InvitationTable;
  respondent: RespondentTable;
  answer: AnswerTable;
  job: JobTable;
  mail_message: MailMessageTable;
  map_position: MapPositionTable;
  course: CourseTable;
  citizen: CitizenTable;
  course_party: CoursePartyTable;
  course_co_coordinator: CourseCoordinatorTable;
  plan_version: PlanVersionTable;
  consent: ConsentTable;
  workshop: WorkshopTable;
  workshop_actor: WorkshopActorTable;
  workshop_rating: WorkshopRatingTable;
  workshop_point: WorkshopPointTable;
  intervention: InterventionTable;
  intervention_unit: InterventionUnitTable;
  intervention_leader: InterventionLeaderTable;
  intervention_meeting: InterventionMeetingTable;
  intervention_agreement: InterventionAgreementTable;
  meeting: MeetingTable;
  progression_instrument: ProgressionInstrumentTable;
  progression_schedule: ProgressionScheduleTable;
  progression_response: ProgressionResponseTable;
  progression_course_instrument: ProgressionCourseInstrumentTable;
  progression_closing: ProgressionClosingTable;
  citizen_link: CitizenLinkTable;
  citizen_session: CitizenSessionTable;
  citizen_message: CitizenMessageTable;
  citizen_scale: CitizenScaleTable;
  key_check: KeyCheckTable;
  saml_settings: SamlSettingsTable;
  saml_request: SamlRequestTable;
  saml_assertion: SamlAssertionTable;
  oidc_provider: OidcProviderTable;
  fidelity_checklist: FidelityChecklistTable;
  allocation: AllocationTable;
  allocation_course: AllocationCourseTable;
  outcome_event: OutcomeEventTable;
  implementation_item_set: ImplementationItemSetTable;
  journal_entry: JournalEntryTable;
  obtained_information: ObtainedInformationTable;
}
