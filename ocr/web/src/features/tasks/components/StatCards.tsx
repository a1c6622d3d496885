import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskStats } from '../api/types';

export interface StatCard {
  key: 'total' | 'waiting' | 'processing' | 'completed' | 'failed';
  value: number;
  color: string;
}

/** The five history cards; pending and queued are one card because both mean "not started yet". */
export function statCards(stats: TaskStats): StatCard[] {
  return [
    { key: 'total', value: stats.total, color: 'dark' },
    { key: 'waiting', value: stats.pending + stats.queued, color: 'indigo' },
    { key: 'processing', value: stats.processing, color: 'blue' },
    { key: 'completed', value: stats.completed, color: 'teal' },
    { key: 'failed', value: stats.failed, color: 'red' },
  ];
}

export function StatCards({ stats }: { stats: TaskStats | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" component="section" aria-label={t('tasks.statsLabel')}>
      {(stats ? statCards(stats) : null)?.map((card) => (
        <Paper key={card.key} withBorder radius="md" p="md" data-testid={`stat-${card.key}`}>
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">
            {t(`tasks.stats.${card.key}`)}
          </Text>
          <Text fz={28} fw={700} c={card.color} lh={1.2} mt={4}>
            {card.value.toLocaleString(i18n.language)}
          </Text>
        </Paper>
      )) ?? Array.from({ length: 5 }, (_, i) => <Skeleton key={i} h={84} radius="md" />)}
    </SimpleGrid>
  );
}
