/**
 * What `samspil serve` does to a database before it listens: outside production an empty
 * database gets the demo municipality; in production nothing is ever created, and the
 * operator is told how to make the first municipality.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { DEMO_LOGINS, DEMO_MUNICIPALITY, DEMO_PASSWORD } from '../demo/demo-organisation.js';
import { createDemoMunicipality } from '../demo/demo.service.js';
import { isEmpty } from '../municipality/municipality.service.js';

/** The demo logins as printed to the console. */
export function demoLoginText(): string {
  return [
    'Demo logins (password for all: ' + DEMO_PASSWORD + '):',
    ...DEMO_LOGINS.map((l) => `  ${l.role.padEnd(14)} ${l.email}`),
  ].join('\n');
}

/** How to create the first municipality, for a production start on an empty database. */
export const FIRST_MUNICIPALITY_HINT = [
  'The database has no municipality yet. Create the first one with:',
  '  SAMSPIL_ADMIN_PASSWORD=… samspil create-municipality --name "Navn Kommune" --slug navn \\',
  '    --admin-email admin@navn.dk --admin-name "Fornavn Efternavn"',
].join('\n');

/**
 * Prepare the database for serving; returns the lines to print. The demo (with its
 * published password) is created only outside production, and its logins are printed
 * only when this start created it.
 */
export async function prepareFirstStart(
  db: Kysely<Database>,
  options: { production: boolean; cprKey: string },
): Promise<{ createdDemo: boolean; messages: string[] }> {
  if (!(await isEmpty(db))) return { createdDemo: false, messages: [] };
  if (options.production) return { createdDemo: false, messages: [FIRST_MUNICIPALITY_HINT] };
  await createDemoMunicipality(db, undefined, options.cprKey);
  return {
    createdDemo: true,
    messages: [`Empty database: created the demo municipality "${DEMO_MUNICIPALITY.name}".`],
  };
}
