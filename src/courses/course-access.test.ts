import { describe, expect, it } from 'vitest';
import type { Consent } from '../db/tables/consent.table.js';
import { consentValid, decideAccess, type Actor } from './course-access.js';
import type { PartyRow } from './course.repository.js';

const TODAY = '2026-11-25';
const MUNI = 'm1';
const course = {
  municipality_id: MUNI,
  coordinator_person_id: 'p-coord',
  created_by: 'u-creator',
  coCoordinatorIds: ['p-makker'],
};
const members = [{ id: 'mother' }, { id: 'child' }];

const party = (id: string, kind: PartyRow['kind'], ref: { unit?: string; person?: string }) =>
  ({ id, kind, unit_id: ref.unit ?? null, person_id: ref.person ?? null }) as PartyRow;
const parties = [
  party('school', 'unit', { unit: 'u-school' }),
  party('therapist', 'professional', { person: 'p-therapist' }),
  party('gp', 'external', {}),
];

const consent = (over: Partial<Consent>): Consent =>
  ({
    party_ids: ['school'],
    member_ids: ['child'],
    given_on: '2026-01-01',
    expires_on: '2027-01-01',
    withdrawn_at: null,
    ...over,
  }) as Consent;

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u-x',
  municipalityId: MUNI,
  role: 'sagsbehandler',
  name: 'X',
  personId: null,
  unitId: null,
  ...over,
});

const decide = (a: Actor, consents: Consent[] = []) =>
  decideAccess(a, course, members, parties, consents, TODAY);

describe('decideAccess', () => {
  it('gives the coordinator, a co-coordinator and the creator full access to every member', () => {
    for (const a of [
      actor({ personId: 'p-coord' }),
      actor({ personId: 'p-makker' }),
      actor({ userId: 'u-creator' }),
    ]) {
      const access = decide(a);
      expect(access?.level).toBe('full');
      expect([...access!.memberIds]).toEqual(['mother', 'child']);
    }
  });

  it('shows an admin only that the course exists', () => {
    expect(decide(actor({ role: 'admin', personId: 'p-coord' }))?.level).toBe('minimal');
  });

  it('gives nothing to other municipalities and to people outside the network', () => {
    expect(decide(actor({ municipalityId: 'm2', personId: 'p-coord' }))).toBeNull();
    expect(decide(actor({ role: 'leder', unitId: 'u-jobcenter' }))).toBeNull();
    expect(decide(actor({ role: 'analytiker' }))).toBeNull();
  });

  it('gives a network professional the covered members with valid consent, else minimal', () => {
    const school = actor({ unitId: 'u-school' });
    const therapist = actor({ personId: 'p-therapist' });
    expect(decide(school)).toEqual({ level: 'minimal', memberIds: new Set() });
    const given = decide(school, [consent({})]);
    expect(given).toEqual({ level: 'consent', memberIds: new Set(['child']) });
    // The therapist is not named in that consent.
    expect(decide(therapist, [consent({})])?.level).toBe('minimal');
    expect(
      decide(therapist, [
        consent({ party_ids: ['therapist'], member_ids: ['mother', 'stranger'] }),
      ]),
    ).toEqual({ level: 'consent', memberIds: new Set(['mother']) });
  });

  it('ignores withdrawn, expired and future consents', () => {
    const school = actor({ unitId: 'u-school' });
    for (const over of [
      { withdrawn_at: new Date() },
      { expires_on: '2026-11-24' },
      { given_on: '2026-11-26' },
    ]) {
      expect(decide(school, [consent(over)])?.level).toBe('minimal');
    }
    expect(consentValid(consent({ expires_on: TODAY }), TODAY)).toBe(true);
    expect(consentValid(consent({ given_on: TODAY }), TODAY)).toBe(true);
  });
});
