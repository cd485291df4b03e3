/**
 * CPR numbers (the Danish personal identification number): validation, encryption at
 * rest, an exact-match lookup hash and the masked form shown on screen.
 *
 * Format `DDMMYY-SSSS` (or the ten digits alone); the century comes from the 7th digit
 * (CPR-kontoret's rule). The modulus-11 check is not applied: numbers issued since 2007
 * need not pass it. A CPR number never goes into a log, an error message or an audit detail.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** A checked CPR number: ten digits and the birth date they encode. */
export interface Cpr {
  digits: string;
  birthDate: string;
}

/** The century of a birth year from the 7th digit and the two-digit year. */
function century(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** Parse and check a CPR number; `null` when the format or the date is not real. */
export function parseCpr(input: string, today: Date = new Date()): Cpr | null {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(input.trim());
  if (!match) return null;
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const year = century(Number(serial[0]), Number(yy)) + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== Number(mm) - 1 ||
    date.getUTCDate() !== Number(dd) ||
    date.getTime() > today.getTime()
  ) {
    return null;
  }
  return { digits: `${dd}${mm}${yy}${serial}`, birthDate: date.toISOString().slice(0, 10) };
}

/** The form shown on screen: the birth date, the serial hidden (`DDMMYY-xxxx`). */
export const maskCpr = (cpr: Cpr) => `${cpr.digits.slice(0, 6)}-xxxx`;

/** The full number as written, `DDMMYY-SSSS`. */
export const formatCpr = (cpr: Cpr) => `${cpr.digits.slice(0, 6)}-${cpr.digits.slice(6)}`;

/** Encrypts and hashes CPR numbers with keys derived from the configured `CPR_KEY`. */
export class CprVault {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  /** `key`: 32 bytes, base64, as `CPR_KEY` in the configuration. */
  constructor(key: string) {
    const raw = Buffer.from(key, 'base64');
    if (raw.length !== 32) throw new Error('CPR key must be 32 bytes');
    this.encryptionKey = raw;
    // A separate key for the lookup hash, so the hash never shares a key with the cipher.
    this.lookupKey = Buffer.from(
      hkdfSync('sha256', raw, Buffer.alloc(0), 'samspil cpr lookup', 32),
    );
  }

  /** AES-256-GCM with a fresh 12-byte IV: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  encrypt(cpr: Cpr): string {
    return this.seal(cpr.digits);
  }

  /** The ten digits back from `encrypt`'s output; throws when the key or data is wrong. */
  decrypt(sealed: string): Cpr {
    const digits = this.unseal(sealed);
    // Stored numbers were valid when stored; parse without the "not in the future" check.
    const cpr = parseCpr(digits, new Date(8.64e15));
    if (!cpr) throw new Error('stored CPR number does not parse');
    return cpr;
  }

  /** Any short secret (an OpenID client secret) sealed as `encrypt` seals a CPR number. */
  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv, tag, data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The text back from `seal`'s output; throws when the key or data is wrong. */
  unseal(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown CPR cipher format');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.encryptionKey,
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** HMAC-SHA-256 of the ten digits: equal numbers give equal hashes, nothing else. */
  hash(cpr: Cpr): string {
    return createHmac('sha256', this.lookupKey).update(cpr.digits).digest('base64url');
  }
}
