import { Alert, Box, Card, Group, Loader, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatNumber, useApi, useErrorMessage, usePageTitle } from '@toolocr/platform-web';
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
                <Card withBorder>
                  <Title order={2} size="h4" mb="sm">
                    {t('dashboard.openPerLine')}
                  </Title>
                  {open.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('rooms.empty')}
                    </Text>
                  ) : (
                    <Bars label={t('dashboard.openPerLine')} rows={open.map((r) => ({ name: r.line, value: r.open }))} />
                  )}
                </Card>
                <Card withBorder>
                  <Title order={2} size="h4" mb="sm">
                    {t('dashboard.pareto')}
                  </Title>
                  {pareto.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('rooms.empty')}
                    </Text>
                  ) : (
                    <ParetoChart rows={pareto.map((r) => ({ ...r, label: t(`category.${r.category}` as 'category.other') }))} />
                  )}
                </Card>
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
