import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChartBar,
  IconChevronDown,
  IconDeviceDesktop,
  IconFileSearch,
  IconListDetails,
  IconLogout,
  IconTrophy,
  IconUpload,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageMenu, SIGN_IN_PATH, useAuth } from '@toolocr/platform-web';
import { TaskEventsProvider } from '../features/tasks';

interface NavItem {
  to: string;
  label: string;
  icon: typeof IconUpload;
  exact?: boolean;
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();

  const main: NavItem[] = [
    { to: '/upload', label: t('nav.upload'), icon: IconUpload },
    { to: '/tasks', label: t('nav.tasks'), icon: IconListDetails },
    { to: '/sessions', label: t('nav.sessions'), icon: IconDeviceDesktop },
  ];
  const admin: NavItem[] = [
    { to: '/admin', label: t('nav.dashboard'), icon: IconChartBar, exact: true },
    { to: '/admin/users', label: t('nav.users'), icon: IconUsers },
    { to: '/admin/leaderboard', label: t('nav.leaderboard'), icon: IconTrophy },
    { to: '/admin/audit', label: t('nav.audit'), icon: IconFileSearch },
  ];

  const isActive = (item: NavItem) =>
    item.exact ? location.pathname === item.to : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);

  const link = (item: NavItem) => (
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
  );

  const onSignOut = async () => {
    await signOut();
    navigate(SIGN_IN_PATH, { replace: true });
  };

  return (
    <TaskEventsProvider>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggle')}
                aria-expanded={opened}
              />
              <UnstyledButton component={Link} to="/tasks" className="brand" aria-label={t('app.home')}>
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <Text fw={700} size="lg" visibleFrom="xs">
                  {t('app.name')}
                </Text>
              </UnstyledButton>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageMenu variant="icon" />
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <UnstyledButton className="user-button" aria-label={t('header.account', { name: user?.display_name })}>
                    <Text size="sm" fw={600} truncate="end" maw={{ base: 120, sm: 240 }} data-testid="display-name">
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
            {main.map(link)}
            {user?.is_admin && (
              <>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
                  {t('nav.admin')}
                </Text>
                {admin.map(link)}
              </>
            )}
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </TaskEventsProvider>
  );
}
