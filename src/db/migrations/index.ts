/** The one migration set, run on PGlite and PostgreSQL alike. Append, never edit. */
import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as measurements from './0002-measurements.js';
import * as mapPositions from './0003-map-positions.js';
import * as answersChangedAt from './0004-answers-changed-at.js';

export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-measurements': measurements,
  '0003-map-positions': mapPositions,
  '0004-answers-changed-at': answersChangedAt,
};
