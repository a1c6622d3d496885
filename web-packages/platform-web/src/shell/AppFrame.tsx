import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton, type AppShellProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDeviceDesktop, IconLogout } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { SIGN_IN_PATH, useAuth, usePlatformConfig } from '../auth/PlatformProvider';
import { LanguageMenu } from '../i18n/LanguageMenu';

export interface FrameNavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  /** Active only on this very path, not on the paths below it (a section's overview page). */
  exact?: boolean;
}

export interface FrameNavSection {
  /** A heading above the section's links; none for the first, main section. */
  title?: string;
  items: FrameNavItem[];
}

export interface AppFrameProps {
  /** The product's name in the chosen language, shown beside the logo. */
  appName: string;
  /** What the brand link says to a screen reader, e.g. "Tool_OCR home"; it must contain appName. */
  homeLabel: string;
  sections: FrameNavSection[];
  /** Controls beside the language and account menus, e.g. a notifications bell. */
  headerExtras?: ReactNode;
  /** Main's padding; a page that uses the whole height on a phone asks for 0. */
  padding?: AppShellProps['padding'];
  mainClassName?: string;
}

export function isActivePath(pathname: string, item: Pick<FrameNavItem, 'to' | 'exact'>): boolean {
  return item.exact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/**
 * Every platform app's frame: skip link, header (menu button on phones, brand, language, account
 * menu with my sessions and sign-out), the navigation and the page. Apps give their links and their
 * own header controls; the look and the keyboard and screen-reader behaviour stay one.
 */
export function AppFrame({ appName, homeLabel, sections, headerExtras, padding = { base: 'sm', sm: 'lg' }, mainClassName }: AppFrameProps) {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const config = usePlatformConfig();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();

  const onSignOut = async () => {
    await signOut();
    navigate(SIGN_IN_PATH, { replace: true });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={padding}>
        <AppShell.Header>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('frame.toggleNav')} aria-expanded={opened} />
              <UnstyledButton component={Link} to={config.homePath} className="brand" aria-label={homeLabel}>
                <img src={config.logoSrc ?? '/favicon.svg'} alt="" width={28} height={28} />
                <Text fw={700} size="md" visibleFrom="xs">
                  {appName}
                </Text>
              </UnstyledButton>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {headerExtras}
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
                    {t('sessions.title')}
                  </Menu.Item>
                  <Menu.Item onClick={onSignOut} leftSection={<IconLogout size={16} aria-hidden />}>
                    {t('header.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('frame.navLabel')}>
          <ScrollArea>
            {sections.map((section, i) => (
              <div key={section.title ?? i}>
                {section.title && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
                    {section.title}
                  </Text>
                )}
                {section.items.map((item) => {
                  const active = isActivePath(location.pathname, item);
                  return (
                    <NavLink
                      key={item.to}
                      component={Link}
                      to={item.to}
                      label={item.label}
                      leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={close}
                      variant="light"
                      style={{ borderRadius: 'var(--mantine-radius-md)' }}
                    />
                  );
                })}
              </div>
            ))}
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} className={mainClassName}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
