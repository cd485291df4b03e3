/** The samspil command run in-process by CLI tests, with what it printed kept per run. */
import { afterAll, beforeAll, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** What the last `run` printed to stderr (`errors`) and stdout (`logs`), a line a call. */
export interface CliOutput {
  errors: string[];
  logs: string[];
}

/**
 * Call inside a `describe`: captures the console while its tests run, and puts the environment
 * back as it was (tests set DATA_DIR, keys, …) and the console afterwards.
 */
export function useCli(): { run: (...args: string[]) => Promise<number>; out: CliOutput } {
  const saved = { ...process.env };
  const out: CliOutput = { errors: [], logs: [] };
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation(
      (...a: unknown[]) => void out.errors.push(a.join(' ')),
    );
    vi.spyOn(console, 'log').mockImplementation(
      (...a: unknown[]) => void out.logs.push(a.join(' ')),
    );
  });
  afterAll(() => {
    process.env = saved;
    vi.restoreAllMocks();
  });
  const run = async (...args: string[]) => {
    out.errors = [];
    out.logs = [];
    return main(args);
  };
  return { run, out };
}
