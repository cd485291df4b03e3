/** The interface words for the values of a course, a plan and a consent. */
import type { MessageKey } from '../i18n/i18n.js';
import type {
  ActionStatus,
  ConsentForm,
  ContactForm,
  CoordinatorRole,
  ExternalType,
  Law,
  PartyKind,
  Relation,
  TargetGroup,
} from './courses-api.js';

type T = (key: MessageKey) => string;

export const targetGroupLabel = (t: T, value: TargetGroup) => t(`courses.target.${value}`);
export const coordinatorRoleLabel = (t: T, value: CoordinatorRole) =>
  t(`courses.coordRole.${value}`);
export const contactLabel = (t: T, value: ContactForm) => t(`courses.contact.${value}`);
export const partyKindLabel = (t: T, value: PartyKind) => t(`courses.partyKind.${value}`);
export const externalTypeLabel = (t: T, value: ExternalType) => t(`courses.external.${value}`);
export const lawLabel = (t: T, value: Law) => t(`courses.law.${value}`);
export const actionStatusLabel = (t: T, value: ActionStatus) => t(`courses.status.${value}`);
export const consentFormLabel = (t: T, value: ConsentForm) => t(`courses.consentForm.${value}`);

const RELATION_KEYS: Record<Relation, MessageKey> = {
  borger: 'courses.relation.borger',
  forælder: 'courses.relation.parent',
  barn: 'courses.relation.child',
  partner: 'courses.relation.partner',
  søskende: 'courses.relation.sibling',
  andet: 'courses.relation.other',
};

export const relationLabel = (t: T, value: Relation) => t(RELATION_KEYS[value]);

/** The one date format (web/src/ui/format-date.ts), here for the course pages that import it. */
export { formatDate, formatDateTime } from '../ui/format-date.js';

/** Today as `YYYY-MM-DD` in the local time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whose sub-plan a part is: the member's name and relation, or "a member no longer here". */
export function partOwnerLabel(
  t: (key: MessageKey, params?: Record<string, string>) => string,
  members: readonly { id: string; name: string; relation: Relation }[],
  memberId: string,
): string {
  const member = members.find((m) => m.id === memberId);
  return member
    ? t('courses.plan.partOf', { name: member.name, relation: relationLabel(t, member.relation) })
    : t('courses.plan.partUnknown');
}
