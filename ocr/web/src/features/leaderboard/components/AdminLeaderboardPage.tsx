import { Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber, useApi, usePageTitle } from '@toolocr/platform-web';
import { QueryState } from '../../../shared/components/QueryState';
import { leaderboardQueries, type RankBy } from '../api/queries';

const PERIODS = ['7', '30', '90', '365'] as const;

export default function AdminLeaderboardPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const by: RankBy = params.get('by') === 'pages' ? 'pages' : 'tasks';
  const days = (PERIODS as readonly string[]).includes(params.get('days') ?? '') ? params.get('days')! : '30';
  usePageTitle(t('admin.leaderboard.title'));

  const top = useQuery(leaderboardQueries.top(api, by, days));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };

  return (
    <Stack maw={800}>
      <Title order={1}>{t('admin.leaderboard.title')}</Title>
      <Group align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="rank-by">
            {t('admin.leaderboard.rankBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="rank-by"
            value={by}
            onChange={(v) => set('by', v)}
            data={[
              { value: 'tasks', label: t('admin.leaderboard.byTasks') },
              { value: 'pages', label: t('admin.leaderboard.byPages') },
            ]}
          />
        </div>
        <Select
          label={t('admin.leaderboard.period')}
          value={days}
          onChange={(v) => v && set('days', v)}
          allowDeselect={false}
          data={PERIODS.map((d) => ({ value: d, label: t('admin.leaderboard.lastDays', { count: Number(d) }) }))}
          w={180}
        />
      </Group>
      <QueryState query={top} />
      {top.data && top.data.length === 0 && <Text c="dimmed">{t('admin.leaderboard.empty')}</Text>}
      {top.data && top.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('admin.leaderboard.rank')}</Table.Th>
                <Table.Th>{t('admin.users.name')}</Table.Th>
                <Table.Th ta="right">{by === 'pages' ? t('admin.leaderboard.byPages') : t('admin.leaderboard.byTasks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {top.data.map((r) => (
                <Table.Tr key={r.user_id} data-testid="leader-row">
                  <Table.Td fw={700}>{r.rank}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.display_name ?? t('admin.leaderboard.unknownUser')}
                    </Text>
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      {r.email ?? r.user_id}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatNumber(r.value, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
