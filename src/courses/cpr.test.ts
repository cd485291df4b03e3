import { describe, expect, it } from 'vitest';
import { CprVault, formatCpr, maskCpr, parseCpr } from './cpr.js';

const today = new Date('2026-11-25T12:00:00Z');
const key = Buffer.alloc(32, 7).toString('base64');

describe('parseCpr', () => {
  it('refuses malformed numbers', () => {
    for (const bad of [
      '',
      '0101901234x',
      '010190-123',
      '01019-01234',
      '010190 1234',
      'abcdef-ghij',
      '010190--1234',
    ]) {
      expect(parseCpr(bad, today), bad).toBeNull();
    }
  });

  it('refuses dates that do not exist or lie in the future', () => {
    expect(parseCpr('320190-1234', today)).toBeNull();
    expect(parseCpr('310490-1234', today)).toBeNull(); // 31 April
    expect(parseCpr('011390-1234', today)).toBeNull(); // month 13
    expect(parseCpr('000190-1234', today)).toBeNull();
    expect(parseCpr('290200-1000', today)).toBeNull(); // 1900 was no leap year
    expect(parseCpr('290258-5000', today)).toBeNull(); // 1858 was no leap year
    expect(parseCpr('010130-4000', today)).toBeNull(); // 2030: not born yet
  });

  it('takes the century from the 7th digit', () => {
    expect(parseCpr('010190-1234', today)?.birthDate).toBe('1990-01-01');
    expect(parseCpr('0101901234', today)?.birthDate).toBe('1990-01-01');
    expect(parseCpr('290200-4000', today)?.birthDate).toBe('2000-02-29');
    expect(parseCpr('150537-4321', today)?.birthDate).toBe('1937-05-15');
    expect(parseCpr('150510-5321', today)?.birthDate).toBe('2010-05-15');
    expect(parseCpr('150560-5321', today)?.birthDate).toBe('1860-05-15');
    expect(parseCpr('150537-9321', today)?.birthDate).toBe('1937-05-15');
    expect(parseCpr('150520-9321', today)?.birthDate).toBe('2020-05-15');
    expect(parseCpr('150536-9321', today)).toBeNull(); // 2036: not born yet
  });

  it('masks and formats', () => {
    const cpr = parseCpr(' 0101901234 ', today)!;
    expect(maskCpr(cpr)).toBe('010190-xxxx');
    expect(formatCpr(cpr)).toBe('010190-1234');
  });
});

describe('CprVault', () => {
  const vault = new CprVault(key);
  const cpr = parseCpr('010190-1234', today)!;

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = vault.encrypt(cpr);
    const b = vault.encrypt(cpr);
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(vault.decrypt(a)).toEqual(cpr);
  });

  it('refuses tampered ciphertext and the wrong key', () => {
    const sealed = vault.encrypt(cpr);
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    parts[3] = flipped.toString('base64url');
    expect(() => vault.decrypt(parts.join('.'))).toThrow();
    expect(() => new CprVault(Buffer.alloc(32, 8).toString('base64')).decrypt(sealed)).toThrow();
  });

  it('hashes equal numbers equally, whatever the input form, and differs per key', () => {
    expect(vault.hash(parseCpr('0101901234', today)!)).toBe(vault.hash(cpr));
    expect(vault.hash(parseCpr('010190-1235', today)!)).not.toBe(vault.hash(cpr));
    expect(new CprVault(Buffer.alloc(32, 8).toString('base64')).hash(cpr)).not.toBe(
      vault.hash(cpr),
    );
  });
});
