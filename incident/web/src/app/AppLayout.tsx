import { IconAlertTriangle, IconChartBar, IconDeviceDesktop, IconTemplate } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { AppFrame, useApi, useAuth, type FrameNavSection } from '@toolocr/platform-web';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { NotificationsMenu, NotificationsProvider } from '../features/notifications';
import { roomQueries } from '../features/rooms';
import { useCountedTitle } from '../shared/lib/title';
import { RealtimeProvider } from '../shared/realtime/RealtimeProvider';

function UnreadTitle() {
  const api = useApi();
  const unread = useQuery(roomQueries.unread(api));
  useCountedTitle(unread.data ?? 0);
  return null;
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  // The conversation uses the whole height on a phone; other pages scroll as usual.
  const inRoom = /^\/rooms\/[^/]+/.test(location.pathname);
  const sections: FrameNavSection[] = [
    {
      items: [
        { to: '/rooms', label: t('nav.rooms'), icon: IconAlertTriangle },
        { to: '/dashboard', label: t('nav.dashboard'), icon: IconChartBar },
        ...(user?.is_admin ? [{ to: '/templates', label: t('nav.templates'), icon: IconTemplate }] : []),
        { to: '/sessions', label: t('nav.sessions'), icon: IconDeviceDesktop },
      ],
    },
  ];

  return (
    <RealtimeProvider>
      <NotificationsProvider>
        <UnreadTitle />
        <AppFrame
          appName={t('app.name')}
          homeLabel={t('app.home')}
          sections={sections}
          headerExtras={<NotificationsMenu />}
          padding={inRoom ? 0 : undefined}
          mainClassName={inRoom ? 'main-room' : undefined}
        />
      </NotificationsProvider>
    </RealtimeProvider>
  );
}
