/**
 * Live events between app instances through PostgreSQL LISTEN/NOTIFY.
 *
 * Every instance LISTENs on one channel; an event is published with `pg_notify`, so it
 * reaches every instance on the same database (and every subscriber inside each). On
 * PostgreSQL the LISTEN needs its own connection, outside the pool, because a pooled
 * connection goes back to others between queries. PGlite is one session in this
 * process: it LISTENs on that session once, when the database opens, before anything
 * else can hold a transaction on it.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql, type QueryExecutorProvider } from 'kysely';
import pg from 'pg';

/**
 * The event every subscriber gets when the LISTEN connection comes back after a drop:
 * events published meanwhile were lost, so subscribers should fetch the current state.
 */
export const RESYNC = { type: 'resync' } as const;

/** The one channel; events carry their topic inside the payload. */
export const CHANNEL = 'samspil_realtime';
/** NOTIFY payloads must stay below 8000 bytes; events are small pointers, not state. */
const MAX_PAYLOAD = 7900;

/** Publishes events to, and delivers them from, every app instance on the same database. */
export interface Notifier {
  /** Send `data` to every subscriber of `topic` on every instance. */
  publish: (topic: string, data: Record<string, unknown>) => Promise<void>;
  /** Receive the events of `topic` until the returned function is called. */
  subscribe: (
    topic: string,
    listener: (data: Record<string, unknown>) => void,
  ) => Promise<() => void>;
  close: () => Promise<void>;
}

type Listener = (data: Record<string, unknown>) => void;

/** The in-process half both implementations share: listeners by topic and delivery. */
class Subscribers {
  private readonly byTopic = new Map<string, Set<Listener>>();

  add(topic: string, listener: Listener): () => void {
    let set = this.byTopic.get(topic);
    if (!set) this.byTopic.set(topic, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byTopic.delete(topic);
    };
  }

  get size(): number {
    return this.byTopic.size;
  }

  deliver(payload: string | undefined): void {
    if (!payload) return;
    let event: { topic?: unknown; data?: unknown };
    try {
      event = JSON.parse(payload) as typeof event;
    } catch {
      return; // Not ours: someone else NOTIFYing on the channel.
    }
    if (typeof event.topic !== 'string' || typeof event.data !== 'object' || !event.data) return;
    this.send(this.byTopic.get(event.topic) ?? [], event.data as Record<string, unknown>);
  }

  /** Tell every subscriber of every topic the same thing (a reconnect: events may be lost). */
  deliverAll(data: Record<string, unknown>): void {
    for (const listeners of [...this.byTopic.values()]) this.send([...listeners], data);
  }

  private send(listeners: Iterable<Listener>, data: Record<string, unknown>): void {
    for (const listener of listeners) {
      try {
        listener(data);
      } catch {
        // One broken subscriber must not stop the others.
      }
    }
  }
}

async function notify(db: QueryExecutorProvider, topic: string, data: Record<string, unknown>) {
  const payload = JSON.stringify({ topic, data });
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`event too large for ${topic}`);
  await sql`SELECT pg_notify(${CHANNEL}, ${payload})`.execute(db);
}

/** The notifier of an embedded PGlite; call before the database is used by anyone else. */
export async function pgliteNotifier(client: PGlite, db: QueryExecutorProvider): Promise<Notifier> {
  const subscribers = new Subscribers();
  let closed = false;
  await client.listen(CHANNEL, (payload) => {
    if (!closed) subscribers.deliver(payload);
  });
  return {
    publish: (topic, data) => notify(db, topic, data),
    subscribe: async (topic, listener) => subscribers.add(topic, listener),
    // No UNLISTEN: it could land inside another caller's transaction on the one
    // session; closing the database ends the LISTEN with it.
    close: async () => {
      closed = true;
    },
  };
}

/**
 * The notifier of a PostgreSQL database: one dedicated LISTEN connection per instance,
 * opened on the first subscription and reopened (every second while it fails) when it
 * drops; after a reopen every subscriber gets `RESYNC`.
 */
export function postgresNotifier(url: string, db: QueryExecutorProvider): Notifier {
  const subscribers = new Subscribers();
  let client: Promise<pg.Client> | undefined;
  let closed = false;
  let dropped = false;

  const retryLater = () => {
    dropped = true;
    setTimeout(() => {
      if (!closed && client === undefined && subscribers.size > 0) client = connect();
    }, 1000).unref();
  };

  const connect = (): Promise<pg.Client> => {
    const next = (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (message) => {
        if (message.channel === CHANNEL) subscribers.deliver(message.payload);
      });
      const reconnect = () => {
        if (closed || client !== next) return;
        client = undefined;
        c.end().catch(() => {});
        retryLater();
      };
      c.on('error', reconnect);
      c.on('end', reconnect);
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
      } catch (error) {
        c.end().catch(() => {});
        throw error;
      }
      if (dropped) {
        dropped = false;
        subscribers.deliverAll(RESYNC);
      }
      return c;
    })();
    next.catch(() => {
      if (client !== next) return;
      client = undefined;
      retryLater();
    });
    return next;
  };

  return {
    publish: (topic, data) => notify(db, topic, data),
    subscribe: async (topic, listener) => {
      const remove = subscribers.add(topic, listener);
      try {
        await (client ??= connect());
      } catch (error) {
        remove();
        throw error;
      }
      return remove;
    },
    close: async () => {
      closed = true;
      const current = client;
      client = undefined;
      if (current) await (await current.catch(() => undefined))?.end().catch(() => {});
    },
  };
}
