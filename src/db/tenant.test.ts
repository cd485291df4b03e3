/**
 * A connection is switched only when its scope differs from the running code's: the
 * survey's hot path (no scope) never pays a statement, and a connection that stays with
 * one municipality pays one.
 */
import type { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { asSystem, asTenant, ConnectionScope, currentTenant } from './tenant.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function recorder(enabled = true) {
  const sent: (readonly unknown[])[] = [];
  const scope = new ConnectionScope({ enabled });
  const take = () =>
    scope.match(async (query: CompiledQuery) => {
      sent.push(query.parameters);
    });
  return { sent, take };
}

describe('connection scope', () => {
  it('sends nothing outside a scope or in system mode on a new connection', async () => {
    const { sent, take } = recorder();
    await take();
    await asSystem(take);
    expect(sent).toEqual([]);
    expect(currentTenant()).toBeNull();
  });

  it('switches once per change of municipality, and back to system once', async () => {
    const { sent, take } = recorder();
    await asTenant(A, take);
    await asTenant(A, take);
    await asTenant(B, take);
    await take();
    await take();
    await asTenant(B, take);
    expect(sent).toEqual([[A], [B], [], [B]]);
  });

  it('keeps the scope across awaits and restores the outer one after asSystem', async () => {
    await asTenant(A, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(currentTenant()).toBe(A);
      await asSystem(async () => expect(currentTenant()).toBeNull());
      expect(currentTenant()).toBe(A);
    });
  });

  it('sends nothing when the database has no usable tenant role', async () => {
    const { sent, take } = recorder(false);
    await asTenant(A, take);
    expect(sent).toEqual([]);
  });

  it('tries again after a switch that failed', async () => {
    const scope = new ConnectionScope({ enabled: true });
    const sent: string[] = [];
    await expect(
      asTenant(A, () =>
        scope.match(async () => {
          throw new Error('connection lost');
        }),
      ),
    ).rejects.toThrow('connection lost');
    await asTenant(A, () => scope.match(async (query) => void sent.push(query.sql)));
    expect(sent).toHaveLength(1);
  });
});
