import { Alert, Box, Card, Group, Loader, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatNumber, useApi, useErrorMessage, usePageTitle } from '@toolocr/platform-web';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatElapsed } from '../../../shared/lib/time';
import { openPerLineQuery, statsQuery, type Times } from '../api/stats';
import { defaultPeriod, paretoRows } from '../lib/pareto';
import { ParetoChart } from './ParetoChart';

function Bars({ rows, label }: { rows: { name: string; value: number; note?: string }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Stack gap={4} aria-hidden data-label={label}>
      {rows.map((r) => (
        <Group key={r.name} gap="xs" wrap="nowrap">
          <Text size="sm" w={120} truncate>
            {r.name}
          </Text>
          <Box style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 4 }}>
            <Box h={18} style={{ width: `${(r.value / max) * 100}%`, background: 'var(--mantine-color-indigo-filled)', borderRadius: 4 }} />
          </Box>
          <Text size="sm" w={70} ta="right">
            {r.note ?? r.value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * Median time to acknowledge and to resolve for each row, as two bars on one scale (the tables tab
 * reads the same figures, with p90, to screen readers).
 */
function TimeBars({ rows, label, format }: { rows: { name: string; times: Times }[]; label: string; format: (s: number | null) => string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.flatMap((r) => [r.times.time_to_acknowledge_s.median ?? 0, r.times.time_to_resolve_s.median ?? 0]));
  const bar = (seconds: number | null, color: string, what: string) => (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" c="dimmed" w={44}>
        {what}
      </Text>
      <Box style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 4 }}>
        <Box h={12} style={{ width: `${((seconds ?? 0) / max) * 100}%`, background: color, borderRadius: 4 }} />
      </Box>
      <Text size="xs" w={70} ta="right">
        {format(seconds)}
      </Text>
    </Group>
  );
  return (
    <Stack gap="sm" aria-hidden data-label={label}>
      {rows.map((r) => (
        <Stack key={r.name} gap={2}>
          <Text size="sm" fw={500} truncate>
            {r.name}
          </Text>
          {bar(r.times.time_to_acknowledge_s.median, 'var(--mantine-color-indigo-filled)', t('dashboard.mttaShort'))}
          {bar(r.times.time_to_resolve_s.median, 'var(--mantine-color-teal-filled)', t('dashboard.mttrShort'))}
        </Stack>
      ))}
    </Stack>
  );
}

/** A chart's card: its title, and the chart or a line saying there is nothing to draw. */
function ChartCard({ title, empty, testId, children }: { title: string; empty: boolean; testId?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('rooms.empty')}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

/** Open incidents per line, MTTA/MTTR per line and category, and the Pareto of categories. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorText = useErrorMessage();
  usePageTitle(t('dashboard.title'));
  const [params, setParams] = useSearchParams();
  const period = defaultPeriod();
  const from = params.get('from') ?? period.from;
  const to = params.get('to') ?? period.to;
  const line = params.get('line') ?? '';
  const stats = useQuery(statsQuery(api, from, to, line));
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const dur = (s: number | null) => formatElapsed(s, (k, o) => t(k, o));
  const durCells = (d: Times) => (
    <>
      <Table.Td>{dur(d.time_to_acknowledge_s.median)}</Table.Td>
      <Table.Td>{dur(d.time_to_acknowledge_s.p90)}</Table.Td>
      <Table.Td>{dur(d.time_to_resolve_s.median)}</Table.Td>
      <Table.Td>{dur(d.time_to_resolve_s.p90)}</Table.Td>
    </>
  );
  const durHead = (
    <>
      <Table.Th>{t('dashboard.mtta')}</Table.Th>
      <Table.Th>{t('dashboard.p90tta')}</Table.Th>
      <Table.Th>{t('dashboard.mttr')}</Table.Th>
      <Table.Th>{t('dashboard.p90ttr')}</Table.Th>
    </>
  );
  const s = stats.data;
  const pareto = s ? paretoRows(s.pareto) : [];
  // The API lists every category; a chart of the period draws only those it had incidents in.
  const withIncidents = s ? s.per_category.filter((r) => r.count > 0) : [];
  const openNow = useQuery(openPerLineQuery(api));
  const open = openNow.data ?? [];

  return (
    <Stack>
      <Title order={1}>{t('dashboard.title')}</Title>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput type="date" label={t('dashboard.from')} value={from} onChange={(e) => set('from', e.currentTarget.value)} />
        <TextInput type="date" label={t('dashboard.to')} value={to} onChange={(e) => set('to', e.currentTarget.value)} />
        <TextInput label={t('room.fields.line')} value={line} onChange={(e) => set('line', e.currentTarget.value)} />
      </Group>
      {stats.isPending && <Loader aria-label={t('common.loading')} />}
      {stats.error && <Alert color="red">{errorText(stats.error)}</Alert>}
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t('dashboard.total')}
              </Text>
              <Text fw={700} size="xl" data-testid="stat-total">
                {formatNumber(s.total, i18n.language)}
              </Text>
            </Card>
            {(['open', 'resolved'] as const).map((k) => (
              <Card withBorder key={k}>
                <Text size="sm" c="dimmed">
                  {t(`status.${k}`)}
                </Text>
                <Text fw={700} size="xl" data-testid={`stat-${k}`}>
                  {formatNumber(s.by_status[k] ?? 0, i18n.language)}
                </Text>
              </Card>
            ))}
            <Card withBorder>
              <Text size="sm" c="dimmed">
                {t('dashboard.mtta')}
              </Text>
              <Text fw={700} size="xl">
                {dur(s.overall.time_to_acknowledge_s.median)}
              </Text>
            </Card>
          </SimpleGrid>
          <Tabs defaultValue="chart">
            <Tabs.List>
              <Tabs.Tab value="chart">{t('dashboard.charts')}</Tabs.Tab>
              <Tabs.Tab value="table">{t('dashboard.tables')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="chart" pt="md">
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <ChartCard title={t('dashboard.openPerLine')} empty={open.length === 0}>
                  <Bars label={t('dashboard.openPerLine')} rows={open.map((r) => ({ name: r.line, value: r.open }))} />
                </ChartCard>
                <ChartCard title={t('dashboard.pareto')} empty={pareto.length === 0}>
                  <ParetoChart rows={pareto.map((r) => ({ ...r, label: t(`category.${r.category}` as 'category.other') }))} />
                </ChartCard>
                <ChartCard title={t('dashboard.timesPerLine')} empty={s.per_line.length === 0} testId="times-per-line">
                  <TimeBars label={t('dashboard.timesPerLine')} format={dur} rows={s.per_line.map((r) => ({ name: r.line, times: r }))} />
                </ChartCard>
                <ChartCard title={t('dashboard.timesPerCategory')} empty={withIncidents.length === 0} testId="times-per-category">
                  <TimeBars
                    label={t('dashboard.timesPerCategory')}
                    format={dur}
                    rows={withIncidents.map((r) => ({ name: t(`category.${r.category}` as 'category.other'), times: r }))}
                  />
                </ChartCard>
              </SimpleGrid>
            </Tabs.Panel>
            <Tabs.Panel value="table" pt="md">
              <Stack>
                <Table.ScrollContainer minWidth={560}>
                  <Table captionSide="top" striped>
                    <Table.Caption>{t('dashboard.perLine')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('room.fields.line')}</Table.Th>
                        <Table.Th>{t('dashboard.count')}</Table.Th>
                        {durHead}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {s.per_line.map((r) => (
                        <Table.Tr key={r.line}>
                          <Table.Td>{r.line}</Table.Td>
                          <Table.Td>{r.count}</Table.Td>
                          {durCells(r)}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Table.ScrollContainer minWidth={560}>
                  <Table captionSide="top" striped>
                    <Table.Caption>{t('dashboard.perCategory')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('room.fields.category')}</Table.Th>
                        <Table.Th>{t('dashboard.count')}</Table.Th>
                        {durHead}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {s.per_category.map((r) => (
                        <Table.Tr key={r.category}>
                          <Table.Td>{t(`category.${r.category}` as 'category.other')}</Table.Td>
                          <Table.Td>{r.count}</Table.Td>
                          {durCells(r)}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Table captionSide="top" striped>
                  <Table.Caption>{t('dashboard.openPerLine')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('room.fields.line')}</Table.Th>
                      <Table.Th>{t('dashboard.openNow')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {open.map((r) => (
                      <Table.Tr key={r.line}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td>{r.open}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Table captionSide="top" striped>
                  <Table.Caption>{t('dashboard.pareto')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('room.fields.category')}</Table.Th>
                      <Table.Th>{t('dashboard.count')}</Table.Th>
                      <Table.Th>{t('dashboard.cumulative')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {pareto.map((r) => (
                      <Table.Tr key={r.category}>
                        <Table.Td>{t(`category.${r.category}` as 'category.other')}</Table.Td>
                        <Table.Td>{r.count}</Table.Td>
                        <Table.Td>{Math.round(r.cumulative * 100)}%</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
