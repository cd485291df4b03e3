/** Password hashing with argon2id at the OWASP minimum (19 MiB, 2 iterations, 1 lane). */
import argon2 from 'argon2';
import type { Message } from '../kernel/errors.js';
import { DANISH_WORDS } from './danish-words.js';

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

/** Lowest zxcvbn score accepted (0–4): 3 means at least 10^8 guesses. */
export const MIN_PASSWORD_SCORE = 3;

type Zxcvbn = import('@zxcvbn-ts/core').ZxcvbnFactory;
let checker: Promise<Zxcvbn> | undefined;

/**
 * The strength checker, built on first use: its dictionaries (common passwords, English
 * words and names, and our Danish list) take about a second and some megabytes to load,
 * which a server that never sets a password should not pay.
 */
function strengthChecker(): Promise<Zxcvbn> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    // Feedback comes back as its translation key; WARNINGS below words it in both languages.
    const keys = <T extends object>(o: T) =>
      Object.fromEntries(Object.keys(o).map((k) => [k, k])) as { [K in keyof T]: string };
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, danish: [...DANISH_WORDS] },
      graphs: common.adjacencyGraphs,
      translations: {
        ...en.translations,
        warnings: keys(en.translations.warnings),
        suggestions: keys(en.translations.suggestions),
      },
    });
  })();
  return checker;
}

/** Why a password is easy to guess, by zxcvbn's warning key. */
const WARNINGS: Record<string, Message> = {
  straightRow: { da: 'den er en række taster på tastaturet', en: 'it is a row of keys' },
  keyPattern: { da: 'den er et tastaturmønster', en: 'it is a keyboard pattern' },
  simpleRepeat: { da: 'den gentager tegn som "aaa"', en: 'it repeats characters like "aaa"' },
  extendedRepeat: {
    da: 'den gentager en tegnfølge som "abcabc"',
    en: 'it repeats a pattern like "abcabc"',
  },
  sequences: {
    da: 'den er en talrække eller bogstavrække som "1234" eller "abcd"',
    en: 'it is a sequence like "1234" or "abcd"',
  },
  recentYears: { da: 'den bygger på et årstal', en: 'it is built on a year' },
  dates: { da: 'den bygger på en dato', en: 'it is built on a date' },
  topTen: { da: 'den er blandt de mest brugte adgangskoder', en: 'it is a top-10 password' },
  topHundred: { da: 'den er blandt de mest brugte adgangskoder', en: 'it is a top-100 password' },
  common: { da: 'den er en almindelig adgangskode', en: 'it is a common password' },
  similarToCommon: {
    da: 'den ligner en almindelig adgangskode',
    en: 'it is similar to a common password',
  },
  wordByItself: { da: 'den er et almindeligt ord', en: 'it is a common word' },
  namesByThemselves: { da: 'den er et navn', en: 'it is a name' },
  commonNames: { da: 'den bygger på almindelige navne', en: 'it is built on common names' },
};

const COMMON_WORDS: Message = {
  da: 'den bygger på almindelige ord eller navne (danske eller engelske)',
  en: 'it is built on common words or names (Danish or English)',
};

const GENERIC: Message = {
  da: 'den er for kort eller for forudsigelig',
  en: 'it is too short or too predictable',
};

/** The person's e-mail, its local part and name: a password must not contain them. */
function personalStrings(person: { email: string; name: string }): string[] {
  const email = person.email.toLowerCase().trim();
  const local = email.split('@')[0] ?? '';
  const name = person.name.toLowerCase().trim();
  return [email, local, name].filter((p) => p.length >= 3);
}

/** Words of the name and the e-mail's local part (not its domain, which colleagues share). */
function personalWords(person: { email: string; name: string }): string[] {
  return `${person.email.split('@')[0] ?? ''} ${person.name}`
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
}

/**
 * Rules for a new password, given whose it is; returns the problem or undefined. At least
 * 12 characters, not containing the person's e-mail or name, and not easy to guess by
 * zxcvbn-ts (common passwords, words and names in English and Danish, keyboard patterns,
 * repeats, sequences, dates), with the reason in both languages.
 */
export async function passwordProblem(
  password: string,
  person: { email: string; name: string },
): Promise<Message | undefined> {
  if (password.length < 12) {
    return {
      da: 'Adgangskoden skal have mindst 12 tegn.',
      en: 'The password must have at least 12 characters.',
    };
  }
  if (password.length > 200) {
    return { da: 'Adgangskoden er for lang.', en: 'The password is too long.' };
  }
  // Compared also without spaces and punctuation, so "Mette-Hansen" counts as "Mette Hansen".
  const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const lower = password.toLowerCase();
  const stripped = bare(password);
  const personal = personalStrings(person);
  // A word of the password that is a word of the name or e-mail ("Hansen-2024") counts too;
  // a name word inside a longer word ("other" in "another") does not.
  const words = new Set(lower.split(/[^\p{L}]+/u));
  if (
    personal.some((part) => lower.includes(part)) ||
    personal.map(bare).some((part) => part.length >= 3 && stripped.includes(part)) ||
    personalWords(person).some((word) => words.has(word))
  ) {
    return {
      da: 'Adgangskoden må ikke indeholde din e-mail eller dit navn.',
      en: 'The password must not contain your e-mail or name.',
    };
  }
  const result = (await strengthChecker()).check(password, [
    ...personalStrings(person),
    ...personalWords(person),
  ]);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const reason =
    (result.feedback.warning && WARNINGS[result.feedback.warning]) ||
    (result.sequence.some((m) => m.pattern === 'dictionary') ? COMMON_WORDS : GENERIC);
  return {
    da: `Adgangskoden er for let at gætte: ${reason.da}. Brug fx tre-fire ord, der ikke hører sammen.`,
    en: `The password is too easy to guess: ${reason.en}. Try three or four unrelated words.`,
  };
}
