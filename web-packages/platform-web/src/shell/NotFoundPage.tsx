import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlatformConfig } from '../auth/PlatformProvider';
import { usePageTitle } from '../ui/usePageTitle';

/** The page for an address with nothing behind it, or nothing the caller may see; the app words it. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { homePath } = usePlatformConfig();
  usePageTitle(t('notFound.title'));
  return (
    <Stack align="flex-start" gap="sm">
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to={homePath} variant="light">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
