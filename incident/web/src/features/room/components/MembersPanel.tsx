import { ActionIcon, Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, ConfirmDialog, useApi, useAuth, useErrorMessage } from '@toolocr/platform-web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ROLES, type Member, type Role, type Room } from '../../../shared/api/types';
import { addMember, changeRole, leaveRoom, memberKey, removeMember, roomKeys, roomQueries } from '../api/queries';

/** Members with their roles; owners and admins add, re-role and remove; anyone may leave. */
export function MembersPanel({ room }: { room: Room }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useAuth();
  const errorText = useErrorMessage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const members = useQuery(roomQueries.members(api, room.id));
  const online = useQuery(roomQueries.presence(api, room.id));
  const manage = !!user?.is_admin || room.my_role === 'owner';
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('responder');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [leaving, setLeaving] = useState(false);

  const explain = (e: unknown) => setError(e instanceof ApiError && e.code === 'last-owner' ? t('members.lastOwner') : errorText(e));
  const refresh = () => {
    setError(null);
    void queryClient.invalidateQueries({ queryKey: roomKeys.members(room.id) });
    void queryClient.invalidateQueries({ queryKey: roomKeys.room(room.id), exact: true });
  };
  const add = useMutation({
    mutationFn: () => addMember(api, room.id, email.trim(), role),
    onSuccess: () => {
      setEmail('');
      refresh();
    },
    onError: explain,
  });
  const reRole = useMutation({ mutationFn: ({ m, r }: { m: Member; r: Role }) => changeRole(api, room.id, m, r), onSuccess: refresh, onError: explain });
  const drop = useMutation({
    mutationFn: (m: Member) => removeMember(api, room.id, m),
    onSuccess: () => {
      setRemoving(null);
      refresh();
    },
    onError: (e) => {
      setRemoving(null);
      explain(e);
    },
  });
  const leave = useMutation({
    mutationFn: () => leaveRoom(api, room.id),
    onSuccess: () => {
      setLeaving(false);
      void queryClient.invalidateQueries({ queryKey: ['rooms'] });
      navigate('/rooms');
    },
    onError: (e) => {
      setLeaving(false);
      explain(e);
    },
  });

  return (
    <Stack gap="xs" data-testid="members-panel">
      <Title order={2} size="h5">
        {t('members.title')} ({members.data?.length ?? room.member_count})
      </Title>
      {error && (
        <Alert color="orange" role="alert" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Stack gap={6} component="ul" className="plain-list" aria-label={t('members.title')}>
        {members.data?.map((m) => {
          const me = m.user_id === user?.id;
          const name = m.display_name || m.email;
          return (
            <Group component="li" key={memberKey(m)} gap={6} wrap="nowrap" justify="space-between" data-testid="member">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={4} wrap="nowrap">
                  <span
                    className={`presence${m.user_id && online.data?.has(m.user_id) ? ' presence-on' : ''}`}
                    role="img"
                    aria-label={m.user_id && online.data?.has(m.user_id) ? t('members.online') : t('members.offline')}
                  />
                  <Text size="sm" fw={600} truncate>
                    {name} {me && t('members.you')}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" truncate>
                  {m.pending ? t('members.pending') : m.email}
                </Text>
              </Stack>
              {manage ? (
                <Group gap={2} wrap="nowrap">
                  <Select
                    size="xs"
                    w={112}
                    data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    value={m.role}
                    onChange={(r) => r && r !== m.role && reRole.mutate({ m, r: r as Role })}
                    allowDeselect={false}
                    aria-label={t('members.roleOf', { name })}
                  />
                  {!me && (
                    <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(m)} aria-label={t('members.remove', { name })}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              ) : (
                <Badge variant="light" color={m.role === 'owner' ? 'indigo' : m.role === 'responder' ? 'teal' : 'gray'}>
                  {t(`role.${m.role}`)}
                </Badge>
              )}
            </Group>
          );
        })}
      </Stack>
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (email.trim()) add.mutate();
          }}
        >
          <Stack gap={6}>
            <TextInput
              size="sm"
              type="email"
              label={t('members.addLabel')}
              placeholder="name@example.com"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="add-member-email"
            />
            <Group gap="xs" wrap="nowrap">
              <Select
                size="sm"
                style={{ flex: 1 }}
                data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                value={role}
                onChange={(r) => setRole((r as Role) ?? 'responder')}
                allowDeselect={false}
                aria-label={t('members.role')}
              />
              <Button type="submit" size="sm" loading={add.isPending} disabled={!email.trim()}>
                {t('members.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {room.my_role && (
        <Button variant="subtle" color="red" size="xs" onClick={() => setLeaving(true)} data-testid="leave">
          {t('members.leave')}
        </Button>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('members.removeTitle')}
        message={t('members.removeMessage', { name: removing?.display_name || removing?.email || '' })}
        confirmLabel={t('members.removeConfirm')}
        danger
        busy={drop.isPending}
        onConfirm={() => removing && drop.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
      <ConfirmDialog
        opened={leaving}
        title={t('members.leaveTitle')}
        message={t('members.leaveMessage')}
        confirmLabel={t('members.leave')}
        danger
        busy={leave.isPending}
        onConfirm={() => leave.mutate()}
        onClose={() => setLeaving(false)}
      />
    </Stack>
  );
}
