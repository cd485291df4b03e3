import type { Generated, JSONColumnType, Selectable } from 'kysely';
import type { ImplementationItem } from '../../../contract/implementation.js';
import type { CreatedAt, UpdatedAt } from './columns.js';

/** A municipality's own set of implementation survey items (docs/implementation.md). */
export interface ImplementationItemSetTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  items: JSONColumnType<ImplementationItem[], string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type ImplementationItemSetRow = Selectable<ImplementationItemSetTable>;
