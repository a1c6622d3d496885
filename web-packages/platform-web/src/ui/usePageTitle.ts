import { useEffect } from 'react';
import { useAppName } from '../auth/PlatformProvider';

/** Each page names itself in the tab title, which screen readers announce on navigation. */
export function usePageTitle(title: string) {
  const appName = useAppName();
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}
