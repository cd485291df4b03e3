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

  deliver(payload: string | undefined): void {
    if (!payload) return;
    let event: { topic?: unknown; data?: unknown };
    try {
      event = JSON.parse(payload) as typeof event;
    } catch {
      return; // Not ours: someone else NOTIFYing on the channel.
    }
    if (typeof event.topic !== 'string' || typeof event.data !== 'object' || !event.data) return;
    for (const listener of this.byTopic.get(event.topic) ?? []) {
      try {
        listener(event.data as Record<string, unknown>);
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
 * opened on the first subscription and reopened (after a second) when it drops.
 */
export function postgresNotifier(url: string, db: QueryExecutorProvider): Notifier {
  const subscribers = new Subscribers();
  let client: Promise<pg.Client> | undefined;
  let closed = false;

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
        setTimeout(() => {
          if (!closed && client === undefined) client = connect();
        }, 1000).unref();
      };
      c.on('error', reconnect);
      c.on('end', reconnect);
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      return c;
    })();
    next.catch(() => {
      if (client === next) client = undefined;
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
