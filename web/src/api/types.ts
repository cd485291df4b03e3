/**
 * The API's shapes and enums live in `contract/`; these re-exports only keep the features
 * that still import them from here working until they import the contract directly.
 */
export { PERSON_ROLES, UNIT_KINDS, type PersonRole, type UnitKind } from '../../../contract/org.js';
export type { Organisation } from '../../../contract/org.schema.js';
export { USER_ROLES, type UserRole } from '../../../contract/users.js';
