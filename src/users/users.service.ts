/** Administering the logins and roles of one municipality (admins only). */
import type { Kysely } from 'kysely';
import { recordUserAudit } from '../audit/audit.repository.js';
import { deleteUserSessions } from '../auth/auth.repository.js';
import type { AuthUser } from '../auth/auth.service.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import type { Database } from '../db/schema.js';
import type { UserRole } from '../../contract/users.js';
import { findPerson } from '../org/org.repository.js';
import { isUniqueViolation } from '../db/db.js';
import { AppError, badRequest, conflict, notFound } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import * as repo from './users.repository.js';
import { linkLoginsToPeopleByEmail } from './person-link.js';
import { ledUnitOf } from '../interventions/intervention.repository.js';

function assertAdmin(user: AuthUser): void {
  requirePermission(user, 'users.manage');
}

/**
 * The unit a leader's login leads (through the person it is linked to), or null: lets the
 * leader's pages explain a missing link instead of failing. Any logged-in user may ask.
 */
export async function myUnit(db: Kysely<Database>, actor: AuthUser) {
  const led = await ledUnitOf(db, actor.municipalityId, actor.userId);
  return { unit: led ? { id: led.unit_id, name: led.unit_name } : null };
}

export async function listUsers(db: Kysely<Database>, actor: AuthUser) {
  assertAdmin(actor);
  return repo.listUsers(db, actor.municipalityId);
}

/**
 * The person an administrator chose for a login must be an active person of the
 * municipality that no other login is: a person is one login at most.
 */
async function assertPerson(
  db: Kysely<Database>,
  actor: AuthUser,
  personId: string | null | undefined,
  userId?: string,
) {
  if (!personId) return;
  const person = await findPerson(db, actor.municipalityId, personId);
  if (!person || person.archived_at !== null) {
    throw notFound({ da: 'Personen findes ikke.', en: 'The person does not exist.' });
  }
  const other = await repo.findUserOfPerson(db, actor.municipalityId, personId);
  if (other && other.id !== userId) throw personTaken({ person: person.name, login: other.name });
}

const personTaken = (names?: { person: string; login: string }) =>
  conflict(
    names
      ? {
          da: `${names.person} er allerede knyttet til brugeren ${names.login}. Fjern den kobling først.`,
          en: `${names.person} is already linked to the login ${names.login}. Remove that link first.`,
        }
      : {
          da: 'Personen er allerede knyttet til en anden bruger. Fjern den kobling først.',
          en: 'The person is already linked to another login. Remove that link first.',
        },
  );

/** True when the error is the unique index that keeps a person to one login (migration 0024). */
const isPersonTaken = (error: unknown) =>
  isUniqueViolation(error) &&
  (error as { constraint?: unknown }).constraint === 'app_user_person_unique';

export async function createUser(
  db: Kysely<Database>,
  actor: AuthUser,
  input: { name: string; email: string; role: UserRole; password: string; personId: string | null },
) {
  assertAdmin(actor);
  const problem = await passwordProblem(input.password, input);
  if (problem) throw badRequest(problem);
  await assertPerson(db, actor, input.personId);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    try {
      const user = await repo.insertUser(trx, {
        municipality_id: actor.municipalityId,
        name: input.name,
        email: input.email,
        role: input.role,
        password_hash: passwordHash,
        person_id: input.personId,
        person_link_manual: input.personId !== null,
        disabled_at: null,
        last_login_at: null,
      });
      await linkLoginsToPeopleByEmail(trx, actor.municipalityId);
      // The answer shows the person the e-mail may just have linked.
      const linked = (await repo.findUser(trx, actor.municipalityId, user.id)) ?? user;
      await recordUserAudit(trx, actor, 'create', 'user', user.id, { role: input.role });
      return linked;
    } catch (error) {
      if (isPersonTaken(error)) throw personTaken();
      if (isUniqueViolation(error)) {
        // Unique within the municipality only (migration 0013): the admin's own user
        // list already shows this login, so the answer tells nothing about any other.
        throw conflict({
          da: 'Kommunen har allerede en bruger med den e-mail.',
          en: 'The municipality already has a user with that e-mail.',
        });
      }
      throw error;
    }
  });
}

export async function updateUser(
  db: Kysely<Database>,
  actor: AuthUser,
  id: string,
  change: {
    name?: string;
    role?: UserRole;
    disabled?: boolean;
    password?: string;
    personId?: string | null;
  },
) {
  assertAdmin(actor);
  if (change.password !== undefined) {
    const current = await repo.findUser(db, actor.municipalityId, id);
    if (!current) throw notFound({ da: 'Brugeren findes ikke.', en: 'The user does not exist.' });
    const problem = await passwordProblem(change.password, {
      email: current.email,
      name: change.name ?? current.name,
    });
    if (problem) throw badRequest(problem);
  }
  await assertPerson(db, actor, change.personId, id);
  const passwordHash =
    change.password === undefined ? undefined : await hashPassword(change.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const updated = await repo.updateUser(trx, actor.municipalityId, id, {
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.role === undefined ? {} : { role: change.role }),
        ...(change.personId === undefined
          ? {}
          : { person_id: change.personId, person_link_manual: true }),
        ...(change.disabled === undefined
          ? {}
          : { disabled_at: change.disabled ? new Date() : null }),
        ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
      });
      if (!updated) throw notFound({ da: 'Brugeren findes ikke.', en: 'The user does not exist.' });
      if ((await repo.countActiveAdmins(trx, actor.municipalityId)) === 0) {
        throw new AppError(409, 'conflict', {
          da: 'Kommunen skal have mindst én aktiv administrator.',
          en: 'The municipality must keep at least one active administrator.',
        });
      }
      if (change.disabled === true || passwordHash !== undefined) await deleteUserSessions(trx, id);
      await recordUserAudit(trx, actor, 'update', 'user', id, {
        fields: Object.keys(change).filter((k) => k !== 'password'),
        passwordChanged: passwordHash !== undefined,
      });
      return updated;
    });
  } catch (error) {
    if (isPersonTaken(error)) throw personTaken();
    throw error;
  }
}
