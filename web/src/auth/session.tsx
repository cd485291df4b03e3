/**
 * The session: who is logged in, logging in and out, and what happens when the server
 * says the session has ended (the user is sent to the login page with a message).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, asApiError, onSessionLost, setCsrfToken, type ApiError } from '../api/client.js';
import type { LoginResponse, SessionResponse, SessionUser } from '../../../contract/auth.schema.js';

/** Why the user is looking at the login page, when it was not their own choice. */
export type SessionNotice = 'expired' | 'unauthenticated' | 'loggedOut';

export interface Session {
  status: 'loading' | 'ready' | 'error';
  user: SessionUser | null;
  /** Set when the session could not be loaded at all (server unreachable). */
  error: ApiError | undefined;
  notice: SessionNotice | undefined;
  login: (email: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<SessionNotice>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api
      .get<SessionResponse>('/api/session')
      .then((session) => {
        if (!current) return;
        setCsrfToken(session.csrfToken);
        setUser(session.user);
        setStatus('ready');
      })
      .catch((caught: unknown) => {
        if (!current) return;
        setError(asApiError(caught));
        setStatus('error');
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => {
    onSessionLost((lost) => {
      setUser(null);
      setNotice(lost.code === 'session_expired' ? 'expired' : 'unauthenticated');
    });
    return () => onSessionLost(undefined);
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const result = await api.post<LoginResponse>('/api/auth/login', {
      email,
      password,
    });
    setCsrfToken(result.csrfToken);
    setNotice(undefined);
    setUser(result.user);
    return result.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      setUser(null);
      setNotice('loggedOut');
    }
  }, []);

  const retry = useCallback(() => {
    setStatus('loading');
    setError(undefined);
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ status, user, error, notice, login, logout, retry }),
    [status, user, error, notice, login, logout, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user; only for pages behind `RequireAuth`. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}
