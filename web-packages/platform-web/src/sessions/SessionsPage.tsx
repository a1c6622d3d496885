import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../api/types';
import { useApi } from '../auth/PlatformProvider';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useErrorMessage } from '../ui/errors';
import { formatDateTime, formatRelative } from '../ui/format';
import { notify } from '../ui/notify';
import { usePageTitle } from '../ui/usePageTitle';
import { revokeSessions, sessionKeys, sessionQueries } from './api';
import { describeUserAgent } from './userAgent';

/** The current session first, then the most recently used. */
export function orderSessions(sessions: SessionView[]): SessionView[] {
  const at = (s: SessionView) => new Date(s.last_access_at ?? s.created_at).getTime();
  return [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || at(b) - at(a));
}

export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<SessionView | 'others' | null>(null);
  usePageTitle(t('sessions.title'));

  const errorMessage = useErrorMessage();
  const sessions = useQuery(sessionQueries.list(api));
  const revoke = useMutation({
    mutationFn: (target: SessionView | 'others') => revokeSessions(api, target),
    onSuccess: (result, target) => {
      setConfirm(null);
      notify({
        color: 'teal',
        message: target === 'others' ? t('sessions.revokedOthers', { count: result?.revoked ?? 0 }) : t('sessions.revokedOne'),
      });
    },
    onError: (error) => notify({ color: 'red', message: errorMessage(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });

  const list = sessions.data ? orderSessions(sessions.data) : [];
  const others = list.filter((s) => !s.current).length;

  const describe = (s: SessionView) => {
    const d = describeUserAgent(s.user_agent);
    if (d.browser && d.os) return t('sessions.browserOn', { browser: d.browser, os: d.os });
    return d.browser ?? d.os ?? t('sessions.unknownDevice');
  };

  return (
    <Stack maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('sessions.title')}</Title>
        <Button color="red" variant="light" disabled={others === 0} onClick={() => setConfirm('others')}>
          {t('sessions.revokeOthers')}
        </Button>
      </Group>
      <Text c="dimmed">{t('sessions.intro')}</Text>
      {sessions.isPending && <Loader aria-label={t('common.loading')} />}
      {sessions.isError && (
        <Alert color="red" role="alert">
          {errorMessage(sessions.error)}
        </Alert>
      )}
      <Stack gap="sm" component="ul" aria-label={t('sessions.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.map((s) => {
          const d = describeUserAgent(s.user_agent);
          const Icon = d.mobile ? IconDeviceMobile : IconDeviceDesktop;
          return (
            <Card key={s.id} withBorder radius="md" component="li" data-testid="session-row" data-current={s.current}>
              <Group justify="space-between" wrap="wrap" align="flex-start">
                <Group wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                  <Icon size={28} stroke={1.4} aria-hidden style={{ flexShrink: 0 }} />
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{describe(s)}</Text>
                      {s.current && (
                        <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
                          {t('sessions.current')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t('sessions.ip', { ip: s.ip_address ?? '—' })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('sessions.lastActive', { when: formatRelative(s.last_access_at ?? s.created_at, i18n.language) })}
                      {' · '}
                      {t('sessions.signedIn', { when: formatDateTime(s.created_at, i18n.language) })}
                    </Text>
                  </Stack>
                </Group>
                {!s.current && (
                  <Button size="xs" variant="default" color="red" onClick={() => setConfirm(s)} aria-label={t('sessions.revokeFor', { device: describe(s) })}>
                    {t('sessions.revoke')}
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm === 'others' ? t('sessions.revokeOthersTitle') : t('sessions.revokeTitle')}
        message={confirm === 'others' ? t('sessions.revokeOthersMessage', { count: others }) : t('sessions.revokeMessage')}
        confirmLabel={confirm === 'others' ? t('sessions.revokeOthers') : t('sessions.revoke')}
        danger
        busy={revoke.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() => confirm && revoke.mutate(confirm)}
      />
    </Stack>
  );
}
