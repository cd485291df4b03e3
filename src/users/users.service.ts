/** Administering the logins and roles of one municipality (admins only). */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.repository.js';
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

function assertAdmin(user: AuthUser): void {
  requirePermission(user, 'users.manage');
}

export async function listUsers(db: Kysely<Database>, actor: AuthUser) {
  assertAdmin(actor);
  return repo.listUsers(db, actor.municipalityId);
}

async function assertPerson(
  db: Kysely<Database>,
  actor: AuthUser,
  personId: string | null | undefined,
) {
  if (personId && !(await findPerson(db, actor.municipalityId, personId))) {
    throw notFound({ da: 'Personen findes ikke.', en: 'The person does not exist.' });
  }
}

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
        disabled_at: null,
        last_login_at: null,
      });
      await linkLoginsToPeopleByEmail(trx, actor.municipalityId);
      await recordAudit(trx, {
        municipalityId: actor.municipalityId,
        userId: actor.userId,
        action: 'create',
        entity: 'user',
        entityId: user.id,
        detail: { role: input.role },
      });
      return user;
    } catch (error) {
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
  await assertPerson(db, actor, change.personId);
  const passwordHash =
    change.password === undefined ? undefined : await hashPassword(change.password);
  return db.transaction().execute(async (trx) => {
    const updated = await repo.updateUser(trx, actor.municipalityId, id, {
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.role === undefined ? {} : { role: change.role }),
      ...(change.personId === undefined ? {} : { person_id: change.personId }),
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
    await recordAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'update',
      entity: 'user',
      entityId: id,
      detail: {
        fields: Object.keys(change).filter((k) => k !== 'password'),
        passwordChanged: passwordHash !== undefined,
      },
    });
    return updated;
  });
}
