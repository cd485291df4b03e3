/** The notifier's shared suite, run on every test database (PGlite in-process, PostgreSQL with its own LISTEN connection). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { testDatabases } from '../../test/helpers/databases.js';

/** Resolves with the events `count` deliveries produce, or rejects after a second. */
function collect(count: number) {
  const events: Record<string, unknown>[] = [];
  let resolve!: (value: Record<string, unknown>[]) => void;
  const done = new Promise<Record<string, unknown>[]>((r) => (resolve = r));
  const timer = setTimeout(() => resolve(events), 1000);
  return {
    events,
    listener: (data: Record<string, unknown>) => {
      events.push(data);
      if (events.length >= count) {
        clearTimeout(timer);
        resolve(events);
      }
    },
    done,
  };
}

for (const database of testDatabases()) {
  describe(`notifier on ${database.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await database.open();
    });
    afterAll(async () => handle.close());

    it('delivers an event to every subscriber of its topic, and only of its topic', async () => {
      const first = collect(2);
      const second = collect(2);
      const other = collect(1);
      await handle.notifier.subscribe('workshop:a', first.listener);
      await handle.notifier.subscribe('workshop:a', second.listener);
      await handle.notifier.subscribe('workshop:b', other.listener);
      await handle.notifier.publish('workshop:a', { type: 'changed', version: 2 });
      await handle.notifier.publish('workshop:a', { type: 'changed', version: 3 });
      expect(await first.done).toEqual([
        { type: 'changed', version: 2 },
        { type: 'changed', version: 3 },
      ]);
      expect(await second.done).toHaveLength(2);
      expect(await other.done).toEqual([]);
    });

    it('stops delivering after unsubscribing', async () => {
      const gone = collect(1);
      const kept = collect(1);
      const unsubscribe = await handle.notifier.subscribe('t', gone.listener);
      await handle.notifier.subscribe('t', kept.listener);
      unsubscribe();
      await handle.notifier.publish('t', { n: 1 });
      expect(await kept.done).toEqual([{ n: 1 }]);
      expect(gone.events).toEqual([]);
    });

    it('refuses an event too large for NOTIFY', async () => {
      await expect(handle.notifier.publish('t', { text: 'x'.repeat(9000) })).rejects.toThrow(
        /too large/,
      );
    });
  });
}
