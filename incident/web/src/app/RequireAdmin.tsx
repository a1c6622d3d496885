import { Stack, Text, Title } from '@mantine/core';
import { useAuth, usePageTitle } from '@toolocr/platform-web';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <Stack gap="sm">
      <Title order={1}>{t('forbidden.title')}</Title>
      <Text>{t('forbidden.body')}</Text>
    </Stack>
  );
}

/** Admin pages; the server enforces the same rule (403), this only avoids showing a broken page. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return user?.is_admin ? <>{children}</> : <Forbidden />;
}
