/**
 * The web's platform pages (organisation, users, login and session, settings, audit,
 * account, layout) take the API's shapes from `contract/`: the API functions return the
 * contract's response types exactly (checked by the type checker), every `api.get<T>` and
 * the like in these folders names a type imported from the contract, and none of them
 * imports the server tree or the old copies in `web/src/api/types.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AuditEntry } from '../../contract/audit.schema.js';
import type { LoginResponse, SessionResponse } from '../../contract/auth.schema.js';
import type { MunicipalitySettings } from '../../contract/municipality.schema.js';
import type { Area, ImportReport, Organisation, Person, Unit } from '../../contract/org.schema.js';
import type { User } from '../../contract/users.schema.js';
import type * as org from '../../web/src/org/org-api.js';
import type * as users from '../../web/src/users/users-api.js';

type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const root = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['org', 'users', 'auth', 'settings', 'audit', 'account', 'layout'];

/** The .ts/.tsx files of the platform folders, relative to the repository. */
function platformFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(path.join(root, 'web/src', folder))
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => `web/src/${folder}/${name}`),
  );
}

/** The names a file imports from `contract/`. */
function contractImports(source: string): Set<string> {
  const names = new Set<string>();
  for (const match of source.matchAll(
    /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[./]*contract\//g,
  )) {
    for (const part of match[1]!.split(',')) {
      const name = part.replace(/^\s*type\s+/, '').trim();
      if (name !== '') names.add(name);
    }
  }
  return names;
}

describe('the platform pages and the contract', () => {
  it('return exactly the contract response types from the API functions', () => {
    expectTypeOf<Answer<typeof org.loadOrganisation>>().toEqualTypeOf<Organisation>();
    expectTypeOf<Answer<typeof org.createArea>>().toEqualTypeOf<Area>();
    expectTypeOf<Answer<typeof org.updateArea>>().toEqualTypeOf<Area>();
    expectTypeOf<Answer<typeof org.createUnit>>().toEqualTypeOf<Unit>();
    expectTypeOf<Answer<typeof org.updateUnit>>().toEqualTypeOf<Unit>();
    expectTypeOf<Answer<typeof org.createPerson>>().toEqualTypeOf<Person>();
    expectTypeOf<Answer<typeof org.updatePerson>>().toEqualTypeOf<Person>();
    expectTypeOf<Answer<typeof org.importOrganisation>>().toEqualTypeOf<ImportReport>();
    expectTypeOf<Answer<typeof users.loadUsers>>().toEqualTypeOf<User[]>();
    expectTypeOf<Answer<typeof users.createUser>>().toEqualTypeOf<User>();
    expectTypeOf<Answer<typeof users.updateUser>>().toEqualTypeOf<User>();
    // The pages' own calls are checked by the scan below; these name the types they use.
    expectTypeOf<SessionResponse['user']>().toEqualTypeOf<LoginResponse['user'] | null>();
    expectTypeOf<MunicipalitySettings>().toHaveProperty('benchmarkConsent');
    expectTypeOf<AuditEntry>().toHaveProperty('detail');
  });

  it('name a contract type in every API call', () => {
    const strays: string[] = [];
    let calls = 0;
    for (const file of platformFiles()) {
      const source = readFileSync(path.join(root, file), 'utf8');
      const imported = contractImports(source);
      for (const match of source.matchAll(
        /\bapi\.(?:get|post|put|patch|delete|upload)<([^>]+)>\(/g,
      )) {
        calls++;
        const type = match[1]!.replace(/\[\]$/, '').trim();
        if (type !== 'void' && !imported.has(type)) strays.push(`${file}: api.…<${match[1]}>`);
      }
    }
    expect(calls).toBeGreaterThanOrEqual(14);
    expect(strays, 'response types not imported from contract/').toEqual([]);
  });

  it('import neither the server tree nor the old shape copies', () => {
    const strays = platformFiles().filter((file) =>
      /from '(?:\.\.\/)+src\/|from '\.\.\/api\/types\.js'/.test(
        readFileSync(path.join(root, file), 'utf8'),
      ),
    );
    expect(strays).toEqual([]);
  });
});
