/** Loading data from the API into a component, with loading and error state. */
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from './client.js';

export type Loaded<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: ApiError };

/**
 * Run `load` now and whenever `key` changes; `reload` runs it again and keeps showing
 * the old data meanwhile, so the page does not flicker.
 */
export function useApi<T>(
  load: () => Promise<T>,
  key: string,
): Loaded<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<Loaded<T>>({
    status: 'loading',
    data: undefined,
    error: undefined,
  });

  // `key` names what `load` depends on, so a new closure with the same key is not a new load.
  const stableLoad = useCallback(load, [key]);

  const run = useCallback(
    async (isCurrent: () => boolean = () => true) => {
      setState((s) => ({ status: 'loading', data: s.data, error: undefined }));
      try {
        const data = await stableLoad();
        if (isCurrent()) setState({ status: 'ready', data, error: undefined });
      } catch (error) {
        if (isCurrent())
          setState((s) => ({ status: 'error', data: s.data, error: asApiError(error) }));
      }
    },
    [stableLoad],
  );

  useEffect(() => {
    let current = true;
    void run(() => current);
    return () => {
      current = false;
    };
  }, [run]);

  const reload = useCallback(() => run(), [run]);
  return { ...state, reload };
}
