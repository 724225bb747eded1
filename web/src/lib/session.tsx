/**
 * The signed-in session: who the user is, their grants and what they may do. Read once from
 * `GET /auth/me` and kept in the query cache; protected pages read it through `useSession`.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { Session, SessionGrant } from '@shared/contract/auth.ts';
import { api, ApiError, setCsrfToken } from './api-client.ts';

// The session is the server's own shape (src/shared/contract/auth.ts).
export type { Session, SessionGrant };

export const sessionQueryKey = ['session'] as const;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Reads the session from the server (once; later reads come from the cache). */
export function useSessionQuery() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

const SessionContext = createContext<Session | null>(null);

/** Makes a known session available to the protected pages below. */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only inside the protected part of the app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
