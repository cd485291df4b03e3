import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CreatedAt } from './columns.js';
import type { UserRole } from '../../../contract/users.js';

export { USER_ROLES, type UserRole } from '../../../contract/users.js';

/** A login. Belongs to exactly one municipality; e-mail is unique installation-wide. */
export interface UserTable {
  id: Generated<string>;
  municipality_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: UserRole;
  /** The person in the organisation this login is (a leader's units come from it). */
  person_id: string | null;
  /** True once an administrator chose the person (or none): matching by e-mail then leaves it. */
  person_link_manual: Generated<boolean>;
  disabled_at: Date | null;
  last_login_at: Date | null;
  created_at: CreatedAt;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
