/** `samspil sso-saml` on an embedded database: first setup from a file, a change, bad input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRoleMap } from '../../src/cli/sso-saml.command.js';
import { openDatabase } from '../../src/db/connection.js';
import { idpMetadata, makeKeyPair } from '../helpers/saml-idp.js';
import { useCli } from '../helpers/cli.js';

describe('samspil sso-saml', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samspil-saml-cli-'));
  const { run, out } = useCli();
  const metadataFile = path.join(dir, 'kombit.xml');

  beforeAll(() => {
    process.env.DATA_DIR = path.join(dir, 'data');
    delete process.env.DATABASE_URL;
    writeFileSync(
      metadataFile,
      idpMetadata(
        'https://kombit.example/idp',
        'https://kombit.example/sso',
        makeKeyPair().certBase64,
      ),
    );
  });

  it('reads a role map of KOMBIT role URIs', () => {
    expect(
      parseRoleMap(['http://x.dk/roles/usersystemrole/a/1=admin, b=leder', 'c = sagsbehandler']),
    ).toEqual({ 'http://x.dk/roles/usersystemrole/a/1': 'admin', b: 'leder', c: 'sagsbehandler' });
    expect(() => parseRoleMap(['admin'])).toThrow(/SYSTEMROLE=ROLE/);
  });

  it('sets SAML up from a metadata file, changes the map later, and refuses bad input', async () => {
    process.env.SAMSPIL_ADMIN_PASSWORD = 'korsbaer-lampeskaerm-vindue-42';
    expect(
      await run(
        'create-municipality',
        '--name',
        'Demo Kommune',
        '--slug',
        'demo',
        '--admin-email',
        'admin@demo.samspil.dk',
        '--admin-name',
        'Ada Admin',
      ),
    ).toBe(0);
    // No metadata on the first setup: a usage error, nothing stored.
    expect(await run('sso-saml', '--municipality', 'demo', '--domain', 'demo.samspil.dk')).toBe(2);
    expect(out.errors.join('\n')).toContain('--metadata-url or --metadata-file');
    expect(
      await run(
        'sso-saml',
        '--municipality',
        'demo',
        '--metadata-file',
        metadataFile,
        '--domain',
        'demo.samspil.dk',
        '--role-map',
        'http://demo.dk/roles/usersystemrole/samspil-admin/1=admin',
        '--local-passwords',
        'no',
      ),
    ).toBe(0);
    expect(out.logs.join('\n')).toContain('https://kombit.example/idp');
    expect(out.logs.join('\n')).toContain('/api/auth/saml/acs');
    // A change keeps what is not given.
    expect(
      await run(
        'sso-saml',
        '--municipality',
        'demo',
        '--role-map',
        'Samspil-Ledere=leder',
        '--role-attribute',
        'groups',
      ),
    ).toBe(0);
    expect(await run('sso-saml', '--municipality', 'demo', '--role-map', 'x=boss')).toBe(2);
    expect(out.errors.join('\n')).toContain('roleMap');
    expect(await run('sso-saml', '--municipality', 'demo', '--local-passwords', 'maybe')).toBe(2);

    const handle = await openDatabase({ kind: 'pglite', dataDir: process.env.DATA_DIR! });
    try {
      const row = await handle.db.selectFrom('saml_settings').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        idp_entity_id: 'https://kombit.example/idp',
        email_domains: ['demo.samspil.dk'],
        role_attribute: 'groups',
        role_map: { 'Samspil-Ledere': 'leder' },
        local_passwords: false,
      });
    } finally {
      await handle.close();
    }
  }, 120_000);
});
