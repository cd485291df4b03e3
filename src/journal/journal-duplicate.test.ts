/** The duplicate rule of the information register: same kind, same source, same person, under 6 months apart. */
import { describe, expect, it } from 'vitest';
import { findDuplicate } from './journal.service.js';

type Row = Parameters<typeof findDuplicate>[1];

const earlier: Row = {
  member_id: null,
  what: 'Lægeerklæring',
  source_party_id: 'party-1',
  source_name: 'Lægehuset Torvet',
  obtained_on: '2026-03-15',
};

describe('findDuplicate', () => {
  it('finds the same kind from the same source about the same person within 6 months', () => {
    const again = { ...earlier, obtained_on: '2026-09-14' };
    expect(findDuplicate([earlier], again)).toBe(earlier);
    // Typed differently, from the party's name instead of the party.
    expect(
      findDuplicate([earlier], {
        ...again,
        what: ' LÆGEERKLÆRING. ',
        source_party_id: null,
        source_name: 'lægehuset  torvet',
      }),
    ).toBe(earlier);
    // Registered late: an earlier date than the existing one counts too.
    expect(findDuplicate([earlier], { ...earlier, obtained_on: '2025-09-16' })).toBe(earlier);
  });

  it('lets 6 months or more, another source, another kind or another person pass', () => {
    for (const other of <Row[]>[
      { ...earlier, obtained_on: '2026-09-15' },
      { ...earlier, obtained_on: '2025-09-15' },
      { ...earlier, source_party_id: 'party-2', source_name: 'Psykiatrien' },
      { ...earlier, what: 'Psykologisk undersøgelse' },
      { ...earlier, member_id: 'child' },
    ]) {
      expect(findDuplicate([earlier], other), JSON.stringify(other)).toBeUndefined();
    }
  });
});
