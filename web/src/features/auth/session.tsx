import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { signIn, signOut } from '../../api/auth';
import { tokens } from '../../api/tokens';

interface Session {
  signedIn: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Whether somebody is signed in (an access token in memory or a refresh token stored), and the two actions. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(() => tokens.hasSession);

  useEffect(
    () =>
      tokens.subscribe((now) => {
        setSignedIn(now);
        // Nothing of the previous person's data may outlive their session.
        if (!now) queryClient.clear();
      }),
    [queryClient],
  );

  const login = useCallback(async (username: string, password: string) => {
    queryClient.clear();
    await signIn(username, password);
  }, [queryClient]);

  const logout = useCallback(async () => {
    await signOut();
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo(() => ({ signedIn, login, logout }), [signedIn, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
