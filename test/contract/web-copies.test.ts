/** The web's interim copies of the organisation's enums agree with the database's (until org moves into contract/). */
import { describe, expect, it } from 'vitest';
import { PERSON_ROLES } from '../../src/db/tables/person.table.js';
import { UNIT_KINDS } from '../../src/db/tables/unit.table.js';
import * as web from '../../web/src/api/types.js';

describe('web copies of enums', () => {
  it('match the server', () => {
    expect(web.UNIT_KINDS).toEqual(UNIT_KINDS);
    expect(web.PERSON_ROLES).toEqual(PERSON_ROLES);
  });
});
