/**
 * A workshop kept up to date: loaded once, fetched again whenever the server's live
 * event stream says its version moved, and — while you facilitate — the facilitator
 * lock renewed every 30 seconds so nobody else can take it while your screen is open.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/client.js';
import { eventsUrl, facilitate, getWorkshop, type Workshop } from './workshops-api.js';

const HEARTBEAT_MS = 30_000;

export function useWorkshop(id: string) {
  const [workshop, setWorkshopState] = useState<Workshop>();
  const [error, setError] = useState<ApiError>();
  const [live, setLive] = useState(false);
  const version = useRef(0);

  // Keep only the newest state: answers to earlier requests may arrive late.
  const setWorkshop = useCallback((next: Workshop) => {
    if (next.version < version.current) return;
    version.current = next.version;
    setWorkshopState(next);
  }, []);

  const reload = useCallback(async () => {
    try {
      setWorkshop(await getWorkshop(id));
      setError(undefined);
    } catch (e) {
      setError(asApiError(e));
    }
  }, [id, setWorkshop]);

  useEffect(() => {
    version.current = 0;
    void reload();
    const source = new EventSource(eventsUrl(id));
    const onVersion = (event: MessageEvent<unknown>) => {
      const data = JSON.parse(String(event.data)) as { version?: number };
      if (typeof data.version === 'number' && data.version !== version.current) void reload();
    };
    source.addEventListener('hello', (event) => {
      setLive(true);
      onVersion(event);
    });
    source.addEventListener('changed', onVersion);
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [id, reload]);

  const facilitating = workshop?.youFacilitate === true;
  useEffect(() => {
    if (!facilitating) return;
    const timer = setInterval(() => {
      facilitate(id).then(setWorkshop, () => void reload());
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [facilitating, id, reload, setWorkshop]);

  return { workshop, setWorkshop, error, setError, reload, live };
}
