/** `samspil create-municipality`: the first (or another) municipality and its admin. */
import { createMunicipality } from '../municipality/municipality.service.js';
import { loadConfig } from '../server/config.js';
import { CliInputError } from './errors.js';
import { withDatabase } from './open.js';

/** The new municipality and its first admin, as given on the command line. */
export interface CreateMunicipalityOptions {
  name: string;
  slug: string;
  adminEmail: string;
  adminName: string;
}

/**
 * Create a municipality; the admin's password comes from the environment (never the command
 * line, where it would be in the shell history and the process list).
 */
export async function createMunicipalityCommand(
  options: CreateMunicipalityOptions,
  adminPassword: string | undefined,
): Promise<number> {
  if (!adminPassword) {
    throw new CliInputError(
      'create-municipality needs SAMSPIL_ADMIN_PASSWORD in the environment (the admin password)',
    );
  }
  await withDatabase(loadConfig(), ({ db }) =>
    createMunicipality(db, { ...options, adminPassword }),
  );
  console.log(`Created municipality ${options.slug}.`);
  return 0;
}
