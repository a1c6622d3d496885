import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconChartBar, IconChevronDown, IconDeviceDesktop, IconLogout, IconTemplate } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { LanguageMenu, SIGN_IN_PATH, useApi, useAuth } from '@toolocr/platform-web';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationsMenu, NotificationsProvider } from '../features/notifications';
import { roomQueries } from '../features/rooms';
import { useCountedTitle } from '../shared/lib/title';
import { RealtimeProvider } from '../shared/realtime/RealtimeProvider';

interface NavItem {
  to: string;
  label: string;
  icon: typeof IconChartBar;
}

function UnreadTitle() {
  const api = useApi();
  const unread = useQuery(roomQueries.unread(api));
  useCountedTitle(unread.data ?? 0);
  return null;
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  // The conversation uses the whole height on a phone; other pages scroll as usual.
  const inRoom = /^\/rooms\/[^/]+/.test(location.pathname);

  const items: NavItem[] = [
    { to: '/rooms', label: t('nav.rooms'), icon: IconAlertTriangle },
    { to: '/dashboard', label: t('nav.dashboard'), icon: IconChartBar },
    ...(user?.is_admin ? [{ to: '/templates', label: t('nav.templates'), icon: IconTemplate }] : []),
    { to: '/sessions', label: t('nav.sessions'), icon: IconDeviceDesktop },
  ];
  const isActive = (item: NavItem) => location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);

  const onSignOut = async () => {
    await signOut();
    navigate(SIGN_IN_PATH, { replace: true });
  };

  return (
    <RealtimeProvider>
      <NotificationsProvider>
        <UnreadTitle />
        <a className="skip-link" href="#main">
          {t('common.skipToContent')}
        </a>
        <AppShell
          header={{ height: 56 }}
          navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
          padding={inRoom ? 0 : { base: 'sm', sm: 'lg' }}
        >
          <AppShell.Header>
            <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
              <Group gap="xs" wrap="nowrap">
                <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} aria-expanded={opened} />
                <UnstyledButton component={Link} to="/rooms" className="brand" aria-label={t('app.home')}>
                  <img src="/favicon.svg" alt="" width={28} height={28} />
                  <Text fw={700} size="md" visibleFrom="xs">
                    {t('app.name')}
                  </Text>
                </UnstyledButton>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <NotificationsMenu />
                <LanguageMenu variant="icon" />
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <UnstyledButton className="user-button" aria-label={t('header.account', { name: user?.display_name })}>
                      <Text size="sm" fw={600} truncate="end" maw={{ base: 90, sm: 220 }} data-testid="display-name">
                        {user?.display_name}
                      </Text>
                      <IconChevronDown size={14} aria-hidden />
                    </UnstyledButton>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>{user?.email}</Menu.Label>
                    <Menu.Item component={Link} to="/sessions" leftSection={<IconDeviceDesktop size={16} aria-hidden />}>
                      {t('nav.sessions')}
                    </Menu.Item>
                    <Menu.Item onClick={onSignOut} leftSection={<IconLogout size={16} aria-hidden />}>
                      {t('header.signOut')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Group>
          </AppShell.Header>
          <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
            <ScrollArea>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                  active={isActive(item)}
                  aria-current={isActive(item) ? 'page' : undefined}
                  onClick={close}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              ))}
            </ScrollArea>
          </AppShell.Navbar>
          <AppShell.Main id="main" tabIndex={-1} className={inRoom ? 'main-room' : undefined}>
            <Outlet />
          </AppShell.Main>
        </AppShell>
      </NotificationsProvider>
    </RealtimeProvider>
  );
}
