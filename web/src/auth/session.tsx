import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated } from '../api/client';
import type { MeResponse, Permission } from '../api/contracts';

export const ME_KEY = ['auth', 'me'] as const;

interface Session {
  me: MeResponse;
  can: (permission: Permission) => boolean;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** True after the user logged out on purpose: the login page then starts afresh instead of returning to the last page. */
let loggedOutOnPurpose = false;
export function wasLoggedOutOnPurpose(): boolean {
  return loggedOutOnPurpose;
}
export function markLoggedIn(): void {
  loggedOutOnPurpose = false;
}

/** The logged-in user; null when nobody is (401). */
async function fetchMe(): Promise<MeResponse | null> {
  try {
    return await api.get<MeResponse>('/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** Provides the session to the pages below; renders nothing of its own. */
export function SessionProvider({ me, children }: { me: MeResponse; children: ReactNode }) {
  const qc = useQueryClient();
  const logout = useCallback(async () => {
    loggedOutOnPurpose = true;
    try {
      await api.post('/auth/logout');
    } finally {
      qc.setQueryData(ME_KEY, null);
      // Forget every other user's data, keeping the (now empty) session entry the app is watching.
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    }
  }, [qc]);
  const value = useMemo<Session>(() => {
    const set = new Set(me.permissions);
    return { me, can: (p) => set.has(p), logout };
  }, [me, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** When a request answers 401 (the session ended), forget the user so the login page shows. */
export function useExpireOnUnauthenticated(): void {
  const qc = useQueryClient();
  useEffect(() => {
    onUnauthenticated(() => {
      qc.setQueryData(ME_KEY, null);
    });
  }, [qc]);
}
