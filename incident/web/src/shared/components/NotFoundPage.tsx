import { Button, Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from '@toolocr/platform-web';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Stack align="flex-start" gap="sm">
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to="/rooms" variant="light">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
