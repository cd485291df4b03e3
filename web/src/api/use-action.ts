/** One user action against the API (save, start, send): pending while it runs, its error, its notice. */
import { useCallback, useRef, useState } from 'react';
import { asApiError, type ApiError } from './client.js';

/** The state of an action and the function that runs it. */
export interface Action {
  /**
   * Runs `work` unless the action already runs: clears the last error and notice, and on
   * success shows `done` (a text, or a text made from the result). Resolves true when it
   * succeeded; a failure is kept in `error`, never thrown.
   */
  run: <T>(work: () => Promise<T>, done?: string | ((value: T) => string)) => Promise<boolean>;
  pending: boolean;
  error: ApiError | undefined;
  notice: string | undefined;
  /** Show an error found without the API (or clear it). */
  setError: (error: ApiError | undefined) => void;
  setNotice: (notice: string | undefined) => void;
  /** Forget the last error and notice. */
  reset: () => void;
}

/**
 * The try/catch/finally of every button that calls the API, written once. `after` runs
 * after each success, once the notice shows (typically the `reload` of what changed).
 */
export function useAction(after?: () => Promise<unknown>): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  // A ref as well as state, so a double click in the same frame does not run twice.
  const running = useRef(false);
  const afterRef = useRef(after);
  afterRef.current = after;

  const run = useCallback(
    async <T>(work: () => Promise<T>, done?: string | ((value: T) => string)) => {
      if (running.current) return false;
      running.current = true;
      setPending(true);
      setError(undefined);
      setNotice(undefined);
      try {
        const value = await work();
        if (done !== undefined) setNotice(typeof done === 'string' ? done : done(value));
        await afterRef.current?.();
        return true;
      } catch (caught) {
        setError(asApiError(caught));
        return false;
      } finally {
        running.current = false;
        setPending(false);
      }
    },
    [],
  );

  const reset = useCallback(() => {
    setError(undefined);
    setNotice(undefined);
  }, []);

  return { run, pending, error, notice, setError, setNotice, reset };
}
