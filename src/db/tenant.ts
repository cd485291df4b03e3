/**
 * Which municipality the running code acts for, and how a database connection is made to
 * match it (row-level security, migration 0020).
 *
 * A logged-in staff user's request runs in `asTenant(municipalityId, …)`: each connection
 * it takes (one query or one transaction) runs as the role `samspil_tenant` with
 * `app.municipality_id` set, so a query that forgets its municipality filter finds no
 * other municipality's rows. Everything else runs as the app's own user, which the
 * policies do not restrict: code outside any scope, and code in `asSystem(…)` (login,
 * links by token, the job worker, the cross-municipality benchmark, the CLI).
 *
 * The role and setting are session state, set before the connection is handed over and
 * only when it differs from what the connection already has, so a connection that stays in
 * one mode (the survey's hot path) costs no extra round trip.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery } from 'kysely';
import { TENANT_ROLE } from './migrations/0020-tenant-isolation.js';

/** A municipality id, or `null` for the unrestricted (system) mode. */
export type TenantScope = string | null;

const storage = new AsyncLocalStorage<TenantScope>();

/** Run `fn` (and everything it starts) with the rows of one municipality only. */
export function asTenant<T>(municipalityId: string, fn: () => T): T {
  return storage.run(municipalityId, fn);
}

/** Run `fn` across municipalities: for code whose caller is not a staff user's request. */
export function asSystem<T>(fn: () => T): T {
  return storage.run(null, fn);
}

/** The municipality the running code is restricted to, or `null` when it is not. */
export function currentTenant(): TenantScope {
  return storage.getStore() ?? null;
}

/** Whether a database can restrict connections at all; set once its role is checked. */
export interface Tenancy {
  enabled: boolean;
}

/**
 * Tracks one connection's scope and gives the statement that brings it to the scope the
 * running code wants. A new connection is in system mode.
 */
export class ConnectionScope {
  /** `undefined` while unknown (a change failed half-way). */
  private scope: TenantScope | undefined = null;

  constructor(private readonly tenancy: Tenancy) {}

  /** Make the connection match the running code's scope; `run` executes one statement. */
  async match(run: (query: CompiledQuery) => Promise<unknown>): Promise<void> {
    const wanted = this.tenancy.enabled ? currentTenant() : null;
    if (wanted === this.scope) return;
    this.scope = undefined;
    await run(
      wanted === null
        ? CompiledQuery.raw(
            `SELECT set_config('role', 'none', false), set_config('app.municipality_id', '', false)`,
          )
        : CompiledQuery.raw(
            `SELECT set_config('role', '${TENANT_ROLE}', false), set_config('app.municipality_id', $1, false)`,
            [wanted],
          ),
    );
    this.scope = wanted;
  }
}

/**
 * True when this database user may act as the tenant role and the role may read every
 * table (the migration, or an administrator following docs/decisions.md, granted both).
 */
export const TENANT_ROLE_USABLE = CompiledQuery.raw(
  `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TENANT_ROLE}')
     THEN pg_has_role(current_user, '${TENANT_ROLE}', 'MEMBER') AND NOT EXISTS (
       SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND NOT has_table_privilege(
         '${TENANT_ROLE}', format('%I.%I', schemaname, tablename), 'SELECT'))
     ELSE false END AS usable`,
);
