import { AreaChart } from '@mantine/charts';
import { Alert, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDurationMs, formatNumber, useApi, usePageTitle } from '@toolocr/platform-web';
import { errorMessage } from '../../../shared/lib/errors';
import { dashboardQueries } from '../api/queries';
import type { AdminStats } from '../api/types';

export default function AdminDashboardPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  usePageTitle(t('admin.dashboard.title'));
  const stats = useQuery(dashboardQueries.stats(api));
  const lang = i18n.language;

  if (stats.isPending) return <Loader aria-label={t('common.loading')} />;
  if (stats.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(stats.error, t)}
      </Alert>
    );
  const s = stats.data;
  const cards: [string, string, string?][] = [
    [t('admin.dashboard.users'), formatNumber(s.users.total, lang), t('admin.dashboard.activeUsers', { d1: s.users.active_1d, d7: s.users.active_7d, d30: s.users.active_30d })],
    [t('admin.dashboard.activeSessions'), formatNumber(s.active_sessions, lang)],
    [t('admin.dashboard.pages'), formatNumber(s.pages_processed, lang)],
    [t('admin.dashboard.queueDepth'), formatNumber(s.queue_depth, lang)],
    [t('admin.dashboard.storage'), formatBytes(s.storage_bytes, lang)],
    [t('admin.dashboard.meanTime'), formatDurationMs(s.processing_time_mean_ms, lang), t('admin.dashboard.p95', { value: formatDurationMs(s.processing_time_p95_ms, lang) })],
  ];
  const series = s.daily.map((d) => ({ day: d.day.slice(5), tasks: d.tasks, logins: d.logins }));

  return (
    <Stack>
      <Title order={1}>{t('admin.dashboard.title')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {cards.map(([label, value, sub]) => (
          <Paper key={label} withBorder p="md" radius="md">
            <Text size="xs" c="dimmed" fw={700} tt="uppercase">
              {label}
            </Text>
            <Text fz={24} fw={700} mt={4}>
              {value}
            </Text>
            {sub && (
              <Text size="xs" c="dimmed">
                {sub}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tasks-by-status">
        <Title order={2} size="h4" id="tasks-by-status" mb="sm">
          {t('admin.dashboard.tasksByStatus')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          {(Object.keys(s.tasks) as (keyof AdminStats['tasks'])[]).map((status) => (
            <div key={status}>
              <Text size="sm" c="dimmed">
                {t(`status.${status}`)}
              </Text>
              <Text fw={700}>{formatNumber(s.tasks[status], lang)}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="daily-activity">
        <Title order={2} size="h4" id="daily-activity" mb="sm">
          {t('admin.dashboard.daily')}
        </Title>
        <div role="img" aria-label={t('admin.dashboard.chartLabel')}>
          <AreaChart
            h={260}
            data={series}
            dataKey="day"
            series={[
              { name: 'tasks', label: t('admin.dashboard.seriesTasks'), color: 'blue.6' },
              { name: 'logins', label: t('admin.dashboard.seriesLogins'), color: 'teal.6' },
            ]}
            curveType="monotone"
            withLegend
            tickLine="x"
            gridAxis="xy"
          />
        </div>
        <details>
          <summary>
            <Text span size="sm">
              {t('admin.dashboard.showTable')}
            </Text>
          </summary>
          <Table mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.dashboard.day')}</Table.Th>
                <Table.Th>{t('admin.dashboard.seriesTasks')}</Table.Th>
                <Table.Th>{t('admin.dashboard.seriesLogins')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.daily.map((d) => (
                <Table.Tr key={d.day}>
                  <Table.Td>{d.day}</Table.Td>
                  <Table.Td>{d.tasks}</Table.Td>
                  <Table.Td>{d.logins}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </details>
      </Paper>
    </Stack>
  );
}
