/** The one migration set, run on PGlite and PostgreSQL alike. Append, never edit. */
import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.js';
import * as measurements from './0002-measurements.js';
import * as mapPositions from './0003-map-positions.js';

export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-measurements': measurements,
  '0003-map-positions': mapPositions,
};
