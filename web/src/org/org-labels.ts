/** Display names of unit kinds, person roles and import actions. */
import type { ImportAction, PersonRole, UnitKind } from '../../../contract/org.js';
import type { I18n, MessageKey } from '../i18n/i18n.js';

const KIND_KEYS: Record<UnitKind, MessageKey> = {
  myndighed: 'kind.myndighed',
  udfører: 'kind.udfoerer',
  ekstern: 'kind.ekstern',
};

const KIND_HINT_KEYS: Record<UnitKind, MessageKey> = {
  myndighed: 'kind.myndighed.hint',
  udfører: 'kind.udfoerer.hint',
  ekstern: 'kind.ekstern.hint',
};

const PERSON_ROLE_KEYS: Record<PersonRole, MessageKey> = {
  leder: 'personRole.leder',
  medarbejder: 'personRole.medarbejder',
};

const ACTION_KEYS: Record<ImportAction, MessageKey> = {
  create: 'import.action.create',
  update: 'import.action.update',
  unchanged: 'import.action.unchanged',
};

export const kindLabel = (t: I18n['t'], kind: UnitKind) => t(KIND_KEYS[kind]);
export const kindHint = (t: I18n['t'], kind: UnitKind) => t(KIND_HINT_KEYS[kind]);
export const personRoleLabel = (t: I18n['t'], role: PersonRole) => t(PERSON_ROLE_KEYS[role]);
export const actionLabel = (t: I18n['t'], action: ImportAction) => t(ACTION_KEYS[action]);

/** CSS modifier for a unit kind's badge (ASCII, for class names). */
export const kindClass = (kind: UnitKind) => (kind === 'udfører' ? 'udfoerer' : kind);
