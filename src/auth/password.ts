/** Password hashing with argon2id at the OWASP minimum (19 MiB, 2 iterations, 1 lane). */
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hash a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** Verify a password against a stored hash; false for any malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A valid hash of a random password, verified when the e-mail is unknown so that
 * a login takes the same time whether or not the account exists.
 */
export const dummyHash = hashPassword(crypto.randomUUID());

/** Rules for a new password; returns the problem or undefined. */
export function passwordProblem(password: string): { da: string; en: string } | undefined {
  if (password.length < 12) {
    return {
      da: 'Adgangskoden skal have mindst 12 tegn.',
      en: 'The password must have at least 12 characters.',
    };
  }
  if (password.length > 200) {
    return { da: 'Adgangskoden er for lang.', en: 'The password is too long.' };
  }
  return undefined;
}
