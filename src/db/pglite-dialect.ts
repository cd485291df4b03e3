/**
 * A Kysely dialect for PGlite that serialises connections.
 *
 * PGlite is one Postgres backend with one session. kysely-pglite hands every caller
 * the same session at once, so two concurrent transactions interleave their
 * statements inside one BEGIN…COMMIT. This dialect gives the session to one caller
 * at a time (a FIFO mutex), which makes transactions behave as on PostgreSQL. Before it
 * hands the session over, it sets the session's role and municipality to the caller's
 * tenant scope (`tenant.ts`), so interleaved requests of different municipalities each
 * see their own.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { ConnectionScope, type Tenancy } from './tenant.js';

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(query.sql, [...query.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && affected > 0 ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming');
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;
  private releaseCurrent: (() => void) | undefined;
  private readonly scope: ConnectionScope;

  constructor(
    private readonly client: PGlite,
    tenancy: Tenancy,
  ) {
    this.connection = new PGliteConnection(client);
    this.scope = new ConnectionScope(tenancy);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.releaseCurrent = release;
    try {
      await this.scope.match((query) => this.connection.executeQuery(query));
    } catch (error) {
      await this.releaseConnection();
      throw error;
    }
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.releaseCurrent;
    this.releaseCurrent = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.queue;
    await this.client.close();
  }
}

/** Kysely dialect over one PGlite instance, one caller at a time. */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly client: PGlite,
    private readonly tenancy: Tenancy,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.client, this.tenancy);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
