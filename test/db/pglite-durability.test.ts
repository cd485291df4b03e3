/**
 * What the README says the embedded database does not promise, checked against the installed
 * PGlite: it runs with fsync off, so a power loss can lose acknowledged commits. If a PGlite
 * upgrade changes this, this test fails and the README's warning must be revisited.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';

describe('PGlite durability', () => {
  it('runs with fsync off (README: "What the embedded database does not promise")', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samspil-fsync-'));
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const { rows } = await sql<{ fsync: string }>`SHOW fsync`.execute(handle.db);
      expect(rows[0]!.fsync).toBe('off');
    } finally {
      await handle.close();
    }
  });
});
