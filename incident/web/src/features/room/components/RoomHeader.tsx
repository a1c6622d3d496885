import { ActionIcon, Anchor, Breadcrumbs, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLayoutSidebarRight } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notify, useApi, useAuth, useErrorMessage } from '@toolocr/platform-web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SeverityBadge, StatusBadge } from '../../../shared/components/Badges';
import type { Room } from '../../../shared/api/types';
import { formatElapsed, secondsSince, useNow } from '../../../shared/lib/time';
import { ACTIONS, roomKeys, transition, type Action } from '../api/queries';

export function canAct(room: Room, isAdmin: boolean): boolean {
  return isAdmin || room.my_role === 'owner' || room.my_role === 'responder';
}

function Timers({ room }: { room: Room }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const ended = room.resolved_at ?? room.cancelled_at ?? room.closed_at;
  const fmt = (s: number | null) => formatElapsed(s, (k, o) => t(k, o));
  return (
    <Group gap="md" wrap="wrap">
      <Text size="sm" data-testid="timer-reported">
        <Text span c="dimmed">
          {t('room.sinceReported')}{' '}
        </Text>
        <Text span fw={600}>
          {fmt(secondsSince(room.reported_at, now, ended))}
        </Text>
      </Text>
      {room.acknowledged_at && (
        <Text size="sm" data-testid="timer-acknowledged">
          <Text span c="dimmed">
            {t('room.sinceAcknowledged')}{' '}
          </Text>
          <Text span fw={600}>
            {fmt(secondsSince(room.acknowledged_at, now, ended))}
          </Text>
        </Text>
      )}
      {room.time_to_acknowledge_s !== null && (
        <Text size="sm" c="dimmed">
          {t('room.tta', { time: fmt(room.time_to_acknowledge_s) })}
        </Text>
      )}
    </Group>
  );
}

/** Breadcrumbs, status, severity, production context, timers and the status actions. */
export function RoomHeader({ room, onPanels }: { room: Room; onPanels: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useAuth();
  const errorText = useErrorMessage();
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  const act = useMutation({
    mutationFn: ({ action, text }: { action: Action; text?: string }) => transition(api, room.id, action, text),
    onSuccess: (updated, { action }) => {
      queryClient.setQueryData<Room>(roomKeys.room(room.id), (old) => ({ ...updated, my_role: old?.my_role ?? updated.my_role }));
      void queryClient.invalidateQueries({ queryKey: ['rooms'] });
      // A slow answer to an earlier action must not close the resolve dialog opened meanwhile.
      if (action === 'resolve') {
        setResolving(false);
        setResolution('');
      }
    },
    onError: (e) => notify({ color: 'red', message: errorText(e) }),
  });
  const actions = canAct(room, !!user?.is_admin) ? ACTIONS[room.status] : [];
  const context = [
    [t('room.fields.line'), room.line],
    [t('room.fields.station'), room.station],
    [t('room.fields.equipment'), room.equipment],
    [t('room.fields.workOrder'), room.work_order],
  ].filter(([, v]) => v) as [string, string][];

  return (
    <Stack gap={6} component="header" className="room-header">
      <Breadcrumbs separator="/" className="breadcrumbs" aria-label={t('room.breadcrumbs')}>
        <Anchor component={Link} to="/rooms" size="sm">
          {t('rooms.title')}
        </Anchor>
        <Anchor component={Link} to={`/rooms?line=${encodeURIComponent(room.line)}&status=all`} size="sm">
          {room.line}
        </Anchor>
        <Text size="sm" aria-current="page" truncate maw={{ base: 140, sm: 420 }}>
          {room.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Title order={1} size="h3" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {room.title}
        </Title>
        <ActionIcon variant="default" size="lg" onClick={onPanels} aria-label={t('room.panels')} hiddenFrom="md">
          <IconLayoutSidebarRight size={18} />
        </ActionIcon>
      </Group>
      <Group gap="xs" wrap="wrap">
        <StatusBadge status={room.status} />
        <SeverityBadge severity={room.severity} />
        <Text size="sm">{t(`category.${room.category}`)}</Text>
        {context.map(([k, v]) => (
          <Text size="sm" key={k}>
            <Text span c="dimmed">
              {k}:
            </Text>{' '}
            {v}
          </Text>
        ))}
      </Group>
      <Timers room={room} />
      {room.resolution && (
        <Text size="sm" data-testid="resolution">
          <Text span c="dimmed">
            {t('room.resolution')}:
          </Text>{' '}
          {room.resolution}
        </Text>
      )}
      {actions.length > 0 && (
        <Group gap="xs" wrap="wrap">
          {actions.map((a) => (
            <Button
              key={a}
              size="xs"
              variant={a === 'cancel' ? 'default' : 'filled'}
              color={a === 'resolve' ? 'teal' : undefined}
              loading={act.isPending && act.variables?.action === a}
              disabled={act.isPending && act.variables?.action !== a}
              onClick={() => (a === 'resolve' ? setResolving(true) : act.mutate({ action: a }))}
              data-testid={`action-${a}`}
            >
              {t(`room.actions.${a}`)}
            </Button>
          ))}
        </Group>
      )}
      <Modal opened={resolving} onClose={() => setResolving(false)} title={t('room.resolveTitle')} centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (resolution.trim()) act.mutate({ action: 'resolve', text: resolution.trim() });
          }}
        >
          <Stack>
            <Textarea
              label={t('room.resolution')}
              description={t('room.resolutionHint')}
              value={resolution}
              onChange={(e) => setResolution(e.currentTarget.value)}
              required
              autosize
              minRows={3}
              maxLength={4000}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setResolving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="teal" disabled={!resolution.trim()} loading={act.isPending}>
                {t('room.actions.resolve')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
