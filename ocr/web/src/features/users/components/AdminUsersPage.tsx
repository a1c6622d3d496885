import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmDialog, formatDateTime, formatNumber, notify, useApi, useAuth, usePageTitle } from '@toolocr/platform-web';
import { ListPagination } from '../../../shared/components/ListPagination';
import { QueryState } from '../../../shared/components/QueryState';
import { errorMessage } from '../../../shared/lib/errors';
import { useFollowingState } from '../../../shared/lib/useFollowingState';
import { PAGE_SIZE, toggleUserActive, userKeys, userQueries, usersApiQuery } from '../api/queries';
import type { AdminUserRow } from '../api/types';

export function totalTasks(row: AdminUserRow): number {
  return Object.values(row.tasks).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

export default function AdminUsersPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { user: me } = useAuth();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [box, setBox] = useFollowingState(search);
  const [confirm, setConfirm] = useState<AdminUserRow | null>(null);
  usePageTitle(t('admin.users.title'));

  const pushSearch = useDebouncedCallback((value: string) => {
    const next = new URLSearchParams();
    if (value.trim()) next.set('search', value.trim());
    setParams(next);
  }, 350);

  const users = useQuery({
    ...userQueries.list(api, usersApiQuery(page, search).toString()),
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation({
    mutationFn: (row: AdminUserRow) => toggleUserActive(api, row),
    onSuccess: (_r, row) => {
      setConfirm(null);
      notify({
        color: 'teal',
        message: row.user.active ? t('admin.users.deactivated', { name: row.user.display_name }) : t('admin.users.reactivated', { name: row.user.display_name }),
      });
    },
    onError: (error) => notify({ color: 'red', message: errorMessage(error, t) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });

  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const setPage = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };

  return (
    <Stack>
      <Title order={1}>{t('admin.users.title')}</Title>
      <TextInput
        label={t('admin.users.search')}
        placeholder={t('admin.users.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={box}
        onChange={(e) => {
          setBox(e.currentTarget.value);
          pushSearch(e.currentTarget.value);
        }}
        maw={400}
      />
      <QueryState query={users} />
      {data && data.items.length === 0 && <Text c="dimmed">{t('admin.users.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="sm" miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.users.name')}</Table.Th>
                <Table.Th>{t('admin.users.state')}</Table.Th>
                <Table.Th>{t('admin.users.tasks')}</Table.Th>
                <Table.Th>{t('admin.users.pages')}</Table.Th>
                <Table.Th>{t('admin.users.sessions')}</Table.Th>
                <Table.Th>{t('admin.users.lastLogin')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('tasks.columns.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((row) => (
                <Table.Tr key={row.user.id} data-testid="user-row">
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {row.user.display_name}
                    </Text>
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      {row.user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={row.user.active ? 'teal' : 'gray'} variant="light" style={{ textTransform: 'none' }}>
                        {row.user.active ? t('admin.users.active') : t('admin.users.inactive')}
                      </Badge>
                      {row.user.admin && (
                        <Badge color="violet" variant="light" style={{ textTransform: 'none' }}>
                          {t('admin.users.admin')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatNumber(totalTasks(row), i18n.language)}</Table.Td>
                  <Table.Td>{formatNumber(row.pages, i18n.language)}</Table.Td>
                  <Table.Td>{formatNumber(row.active_sessions, i18n.language)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.user.last_login_at, i18n.language)}</Table.Td>
                  <Table.Td>
                    {row.user.id !== me?.id && (
                      <Button
                        size="xs"
                        variant="default"
                        color={row.user.active ? 'red' : undefined}
                        onClick={() => setConfirm(row)}
                        aria-label={(row.user.active ? t('admin.users.deactivateFor', { name: row.user.display_name }) : t('admin.users.reactivateFor', { name: row.user.display_name }))}
                      >
                        {row.user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {data && pages > 1 && (
        <ListPagination total={pages} value={Math.min(page, pages)} onChange={setPage} />
      )}
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm?.user.active ? t('admin.users.deactivateTitle') : t('admin.users.reactivateTitle')}
        message={
          confirm?.user.active
            ? t('admin.users.deactivateMessage', { name: confirm?.user.display_name ?? '' })
            : t('admin.users.reactivateMessage', { name: confirm?.user.display_name ?? '' })
        }
        confirmLabel={confirm?.user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
        danger={confirm?.user.active}
        busy={toggle.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() => confirm && toggle.mutate(confirm)}
      />
    </Stack>
  );
}
