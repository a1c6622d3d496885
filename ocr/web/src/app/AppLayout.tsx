import { IconChartBar, IconDeviceDesktop, IconFileSearch, IconListDetails, IconTrophy, IconUpload, IconUsers } from '@tabler/icons-react';
import { AppFrame, useAuth, type FrameNavSection } from '@toolocr/platform-web';
import { useTranslation } from 'react-i18next';
import { TaskEventsProvider } from '../features/tasks';

export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const sections: FrameNavSection[] = [
    {
      items: [
        { to: '/upload', label: t('nav.upload'), icon: IconUpload },
        { to: '/tasks', label: t('nav.tasks'), icon: IconListDetails },
        { to: '/sessions', label: t('nav.sessions'), icon: IconDeviceDesktop },
      ],
    },
    ...(user?.is_admin
      ? [
          {
            title: t('nav.admin'),
            items: [
              { to: '/admin', label: t('nav.dashboard'), icon: IconChartBar, exact: true },
              { to: '/admin/users', label: t('nav.users'), icon: IconUsers },
              { to: '/admin/leaderboard', label: t('nav.leaderboard'), icon: IconTrophy },
              { to: '/admin/audit', label: t('nav.audit'), icon: IconFileSearch },
            ],
          },
        ]
      : []),
  ];
  return (
    <TaskEventsProvider>
      <AppFrame appName={t('app.name')} homeLabel={t('app.home')} sections={sections} />
    </TaskEventsProvider>
  );
}
