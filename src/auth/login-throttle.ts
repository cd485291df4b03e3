/**
 * Login throttling: how long an attempt must wait, from the failures counted per account
 * and per address. Pure; the counts come from `auth.repository.ts`, kept in the database
 * so every app instance sees the same numbers.
 *
 * Each key has a free allowance of failures in the window; after it, every further
 * attempt waits `2^(failures - free)` seconds after the key's last failure, at most
 * `MAX_DELAY_MS`. The account's delay does not apply from an address where the account
 * has logged in successfully (a known address), so a stranger cannot keep the owner out;
 * everyone else, a distributed guesser included, shares the account's delay.
 * See docs/decisions.md.
 */

/** Failures older than this are forgotten. */
export const THROTTLE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Failures per account (since its last successful login) before attempts are delayed. */
export const FREE_ACCOUNT_FAILURES = 5;
/** Failures per address (any account) before attempts from it are delayed. */
export const FREE_ADDRESS_FAILURES = 30;
/** The longest delay between attempts. */
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** How long a successful login makes its address known for the account. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

/** The failures counted for one attempt, read in one statement at the database's clock. */
export interface ThrottleCounts {
  accountFailures: number;
  accountLastFailure: Date | null;
  addressFailures: number;
  addressLastFailure: Date | null;
  /** The account has logged in from this address within `KNOWN_ADDRESS_MS`. */
  knownAddress: boolean;
  now: Date;
}

/** The delay owed after `failures` failures with `free` allowed: 0, then 1 s, 2 s, 4 s … */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - free, 30), MAX_DELAY_MS);
}

function wait(failures: number, free: number, last: Date | null, now: Date): number {
  if (last === null) return 0;
  return Math.max(0, last.getTime() + delayAfter(failures, free) - now.getTime());
}

/**
 * How long this attempt must wait and which key holds it, or undefined when it may go on.
 * The longer of the two delays wins.
 */
export function throttleWait(
  counts: ThrottleCounts,
): { ms: number; by: 'account' | 'address' } | undefined {
  const address = wait(
    counts.addressFailures,
    FREE_ADDRESS_FAILURES,
    counts.addressLastFailure,
    counts.now,
  );
  const account = counts.knownAddress
    ? 0
    : wait(counts.accountFailures, FREE_ACCOUNT_FAILURES, counts.accountLastFailure, counts.now);
  if (address === 0 && account === 0) return undefined;
  return account >= address ? { ms: account, by: 'account' } : { ms: address, by: 'address' };
}
