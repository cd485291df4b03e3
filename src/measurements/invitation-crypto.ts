/**
 * Tokens and sealed links for anonymous surveys.
 *
 * - A token is 256 random bits, sent only in the invitation e-mail; the database
 *   keeps its SHA-256 (`token_hash`) to find the invitation.
 * - `token_sealed` is the token under AES-256-GCM with a key derived from the server
 *   secret, so reminders can repeat the same link. Someone with only the database
 *   cannot read it.
 * - `respondent_ref` (the answer rows' respondent id, needed to resume) is sealed with
 *   a key derived from the token itself: only a request carrying the token can open
 *   it, and it is erased when the respondent submits.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** A new survey token: 256 bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string =>
  createHash('sha256').update(`survey:${token}`).digest('base64url');

/**
 * HKDF-SHA256 (RFC 5869) with salt "samspil", info `purpose` and 32 bytes of output:
 * the extract step, then the one expand block that 32 bytes need. The same key as
 * `hkdfSync('sha256', secret, 'samspil', purpose, 32)`, at about half its cost on the
 * survey's hot path (the test checks they agree).
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  const prk = createHmac('sha256', 'samspil').update(secret).digest();
  return createHmac('sha256', prk).update(purpose).update(EXPAND_COUNTER).digest();
}
const EXPAND_COUNTER = Buffer.from([1]);

function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function open(key: Buffer, sealed: string): string | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export const sealToken = (serverSecret: string, token: string) =>
  seal(deriveKey(serverSecret, 'invitation-token'), token);
export const openToken = (serverSecret: string, sealed: string) =>
  open(deriveKey(serverSecret, 'invitation-token'), sealed);

export const sealRespondentRef = (token: string, respondentId: string) =>
  seal(deriveKey(token, 'respondent-ref'), respondentId);
export const openRespondentRef = (token: string, sealed: string) =>
  open(deriveKey(token, 'respondent-ref'), sealed);
