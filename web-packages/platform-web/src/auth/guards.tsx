import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { signInPath, useAuth, usePlatformConfig } from './PlatformProvider';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Pages that need a signed-in user; others are sent to sign-in, keeping where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, ready, client } = useAuth();
  const { homePath } = usePlatformConfig();
  const location = useLocation();
  if (!ready) {
    return <FullPageLoader />;
  }
  if (!user) {
    // Tell the user why when the session ended under them, not on a plain first visit.
    const state = client.sessionEnded ? { expired: true } : undefined;
    return <Navigate to={signInPath(location.pathname + location.search, homePath)} replace state={state} />;
  }
  return <>{children}</>;
}
