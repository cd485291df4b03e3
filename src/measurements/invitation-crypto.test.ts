import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deriveKey,
  newToken,
  openRespondentRef,
  openToken,
  sealRespondentRef,
  sealToken,
} from './invitation-crypto.js';

describe('invitation crypto', () => {
  it('derives the same key as HKDF-SHA256 from node:crypto', () => {
    for (const [secret, purpose] of [
      ['server-secret', 'invitation-token'],
      [newToken(), 'respondent-ref'],
      ['æøå', ''],
    ] as const) {
      const expected = Buffer.from(hkdfSync('sha256', secret, 'samspil', purpose, 32));
      expect(deriveKey(secret, purpose).equals(expected)).toBe(true);
    }
  });

  it('opens what it sealed, and only with the same token or secret', () => {
    const token = newToken();
    const ref = sealRespondentRef(token, 'respondent-1');
    expect(openRespondentRef(token, ref)).toBe('respondent-1');
    expect(openRespondentRef(newToken(), ref)).toBeUndefined();
    // One character of the authentication tag changed.
    const tampered = `${ref.slice(0, 30)}${ref[30] === 'A' ? 'B' : 'A'}${ref.slice(31)}`;
    expect(openRespondentRef(token, tampered)).toBeUndefined();

    const sealed = sealToken('secret-a', token);
    expect(openToken('secret-a', sealed)).toBe(token);
    expect(openToken('secret-b', sealed)).toBeUndefined();
  });
});
