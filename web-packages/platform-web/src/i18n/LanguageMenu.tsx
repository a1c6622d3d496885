import { ActionIcon, Button, Menu, VisuallyHidden } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from './setup';

/**
 * The language choice: a labelled button on the sign-in page (`variant="button"`), an icon in an
 * app's header (`variant="icon"`). Each entry carries its own `lang`, so a screen reader says
 * "繁體中文" in Chinese.
 */
export function LanguageMenu({ variant }: { variant: 'button' | 'icon' }) {
  const { t, i18n } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {variant === 'icon' ? (
          <ActionIcon variant="default" size="lg" aria-label={t('header.language')}>
            <IconLanguage size={20} stroke={1.6} />
          </ActionIcon>
        ) : (
          <Button variant="subtle" leftSection={<IconLanguage size={18} aria-hidden />}>
            <VisuallyHidden>{t('header.language')}: </VisuallyHidden>
            {LANGUAGES.find((l) => l.code === i18n.language)?.label ?? 'English'}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((l) =>
          variant === 'icon' ? (
            <Menu.Item
              key={l.code}
              lang={l.code}
              onClick={() => setLanguage(l.code)}
              aria-current={i18n.language === l.code ? 'true' : undefined}
              fw={i18n.language === l.code ? 700 : undefined}
            >
              {l.label}
            </Menu.Item>
          ) : (
            <Menu.Item key={l.code} lang={l.code} onClick={() => setLanguage(l.code)}>
              {l.label}
            </Menu.Item>
          ),
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
