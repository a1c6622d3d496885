import type { TFunction } from 'i18next';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { ApiClient } from '../api/client';
import type { User } from '../api/types';

/** What the host app tells the shared pages about itself. */
export interface PlatformConfig {
  /** Product name: in the tab title of every page and in the sign-in heading. */
  appName: string;
  /** Where a signed-in user lands when no page was asked for, e.g. `/tasks`. */
  homePath: string;
  /** The image above the sign-in form; the app's icon by default. */
  logoSrc?: string;
  /**
   * The host's sentence for a problem code it knows (`task-state-conflict`), or null to let the
   * shared wording by status apply. `serverText` is the server's own sentence, in English.
   */
  problemText?: (code: string, serverText: string, t: TFunction, language: string) => string | null;
}

interface AuthState {
  client: ApiClient;
  user: User | null;
  /** False until the refresh cookie has been tried after a page load. */
  ready: boolean;
  signIn(username: string, password: string): Promise<User>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
const ConfigContext = createContext<PlatformConfig | null>(null);

export const SIGN_IN_PATH = '/sign-in';

/** Where to go after signing in: only paths inside this app, never another origin. */
export function safeNext(next: string | null | undefined, home: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith(SIGN_IN_PATH)) {
    return home;
  }
  return next;
}

/** The sign-in page's address that returns to `intended` afterwards (plain when that is home). */
export function signInPath(intended: string, home: string): string {
  const target = safeNext(intended, home);
  return target === home ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(target)}`;
}

/**
 * The signed-in user and the host's settings for everything under it. Needs a router above it: a
 * request that finds the session gone sends the user to sign-in, remembering the page.
 */
export function PlatformProvider({ client, config, children }: { client: ApiClient; config: PlatformConfig; children: ReactNode }) {
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
  const home = config.homePath;
  useEffect(
    () => client.onSessionEnd(() => navigate(signInPath(here, home), { replace: true, state: { expired: true } })),
    [client, navigate, here, home],
  );

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
  return (
    <ConfigContext.Provider value={config}>
      <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
    </ConfigContext.Provider>
  );
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error('useAuth outside PlatformProvider');
  }
  return value;
}

export function useApi(): ApiClient {
  return useAuth().client;
}

export function usePlatformConfig(): PlatformConfig {
  const value = useContext(ConfigContext);
  if (!value) {
    throw new Error('usePlatformConfig outside PlatformProvider');
  }
  return value;
}

/**
 * The product name in the chosen language: the host app's own {@code app.name} message where it
 * has one (the incident app is 生產線異常即時反應系統 in Chinese), else the configured name.
 */
export function useAppName(): string {
  const { appName } = usePlatformConfig();
  const { t, i18n } = useTranslation();
  return i18n.exists('app.name') ? (t as unknown as (key: string) => string)('app.name') : appName;
}
