import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ApiClient } from '../api/client';
import type { User } from '../api/types';

interface AuthState {
  client: ApiClient;
  user: User | null;
  /** False until the refresh cookie has been tried after a page load. */
  ready: boolean;
  signIn(username: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Where to go after signing in: only paths inside this app, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in')) {
    return '/tasks';
  }
  return next;
}

export function signInPath(intended: string): string {
  const target = safeNext(intended);
  return target === '/tasks' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(target)}`;
}

export function AuthProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(client.user);
  const [ready, setReady] = useState(client.user !== null);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => client.subscribe(setUser), [client]);

  useEffect(() => {
    if (ready) return;
    let live = true;
    client.restore().finally(() => {
      if (live) {
        setUser(client.user);
        setReady(true);
      }
    });
    return () => {
      live = false;
    };
  }, [client, ready]);

  // A request found the session gone (revoked, expired): back to sign-in, remembering the page.
  const here = location.pathname + location.search;
  useEffect(() => {
    client.onSessionEnded = () => navigate(signInPath(here), { replace: true, state: { expired: true } });
    return () => {
      client.onSessionEnded = null;
    };
  }, [client, navigate, here]);

  const value = useMemo<AuthState>(
    () => ({
      client,
      user,
      ready,
      signIn: (username, password) => client.login(username, password),
      signOut: () => client.logout(),
    }),
    [client, user, ready],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error('useAuth outside AuthProvider');
  }
  return value;
}

export function useApi(): ApiClient {
  return useAuth().client;
}
