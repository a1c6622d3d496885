import { Anchor, Button, Card, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconFilterOff, IconSearch, IconUpload } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, useApi, usePageTitle } from '@toolocr/platform-web';
import { DayRangeInput } from '../../../shared/components/DayRangeInput';
import { ListPagination } from '../../../shared/components/ListPagination';
import { errorMessage } from '../../../shared/lib/errors';
import { useFollowingState } from '../../../shared/lib/useFollowingState';
import { useLiveTasks } from '../api/liveEvents';
import { taskQueries } from '../api/queries';
import { TASK_STATUSES, type Task, type TaskStatus } from '../api/types';
import {
  hasActiveFilters,
  PAGE_SIZES,
  parseTaskFilters,
  taskFiltersToApiQuery,
  taskFiltersToParams,
  toggleSort,
  updateTaskFilters,
  type TaskFilters,
  type TaskSortKey,
} from '../lib/taskFilters';
import { SortHeader } from './SortHeader';
import { StatCards } from './StatCards';
import { TaskActions } from './TaskActions';
import { TaskProgress } from './TaskProgress';

const ACTIVE: TaskStatus[] = ['pending', 'queued', 'processing'];

/** Filters, sort and page live in the URL; this hook reads them and writes changes back. */
export function useTaskFilters(): [TaskFilters, (change: Partial<TaskFilters> | ((f: TaskFilters) => TaskFilters)) => void] {
  const [params, setParams] = useSearchParams();
  const filters = parseTaskFilters(params);
  const change = (c: Partial<TaskFilters> | ((f: TaskFilters) => TaskFilters)) => {
    const next = typeof c === 'function' ? c(filters) : updateTaskFilters(filters, c);
    setParams(taskFiltersToParams(next), { replace: false });
  };
  return [filters, change];
}

export function TasksPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const live = useLiveTasks();
  const [filters, setFilters] = useTaskFilters();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  // Kept in step with the URL (back button, "clear filters").
  const [filename, setFilename] = useFollowingState(filters.filename);
  usePageTitle(t('tasks.title'));

  const pushFilename = useDebouncedCallback((value: string) => setFilters({ filename: value }), 350);

  const apiQuery = taskFiltersToApiQuery(filters).toString();
  const list = useQuery({
    ...taskQueries.list(api, apiQuery),
    placeholderData: keepPreviousData,
    // The event stream keeps rows current; poll only while it is down and something is running.
    refetchInterval: (q) =>
      !live.connected && q.state.data?.tasks.some((task) => ACTIVE.includes(task.status)) ? 4000 : false,
  });
  const stats = useQuery({
    ...taskQueries.stats(api),
    refetchInterval: live.connected ? false : 10000,
  });

  const sortable = (key: TaskSortKey, label: string) => (
    <SortHeader active={filters.sortBy === key} desc={filters.orderDesc} onSort={() => setFilters((f) => toggleSort(f, key))}>
      {label}
    </SortHeader>
  );

  const data = list.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / filters.pageSize)) : 1;

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1}>{t('tasks.title')}</Title>
        <Button component={Link} to="/upload" leftSection={<IconUpload size={16} aria-hidden />}>
          {t('nav.upload')}
        </Button>
      </Group>
      <StatCards stats={stats.data} />

      <Paper withBorder p="sm" radius="md" component="section" aria-label={t('tasks.filtersLabel')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('tasks.filterStatus')}
            data={[
              { value: '', label: t('tasks.allStatuses') },
              ...TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
            value={filters.status ?? ''}
            onChange={(v) => setFilters({ status: (v || null) as TaskStatus | null })}
            allowDeselect={false}
            w={{ base: '100%', xs: 180 }}
          />
          <TextInput
            label={t('tasks.filterFilename')}
            placeholder={t('tasks.filterFilenamePlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filename}
            onChange={(e) => {
              setFilename(e.currentTarget.value);
              pushFilename(e.currentTarget.value);
            }}
            w={{ base: '100%', xs: 220 }}
          />
          <DayRangeInput from={filters.dateFrom} to={filters.dateTo} onChange={(dateFrom, dateTo) => setFilters({ dateFrom, dateTo })} />
          {hasActiveFilters(filters) && (
            <Button
              variant="subtle"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={() => setFilters({ status: null, filename: '', dateFrom: null, dateTo: null })}
            >
              {t('tasks.clearFilters')}
            </Button>
          )}
        </Group>
      </Paper>

      {list.isError && (
        <Text c="red" role="alert">
          {errorMessage(list.error, t)}
        </Text>
      )}

      <section aria-label={t('tasks.listLabel')} aria-busy={list.isFetching}>
        {data && data.tasks.length === 0 && (
          <Paper withBorder p="xl" radius="md">
            <Stack align="center" gap="xs">
              <Text fw={600}>{hasActiveFilters(filters) ? t('tasks.emptyFiltered') : t('tasks.empty')}</Text>
              {!hasActiveFilters(filters) && (
                <Button component={Link} to="/upload" variant="light">
                  {t('tasks.uploadFirst')}
                </Button>
              )}
            </Stack>
          </Paper>
        )}
        {data && data.tasks.length > 0 && phone && (
          <Stack gap="sm">
            <Group gap="xs">
              <Select
                label={t('tasks.sortBy')}
                data={(['created_at', 'updated_at', 'completed_at', 'filename', 'status'] as TaskSortKey[]).map((k) => ({
                  value: k,
                  label: t(`tasks.columns.${k}`),
                }))}
                value={filters.sortBy}
                onChange={(v) => v && setFilters({ sortBy: v as TaskSortKey })}
                allowDeselect={false}
                style={{ flex: 1 }}
              />
              <Select
                label={t('tasks.order')}
                data={[
                  { value: 'desc', label: t('tasks.orderDesc') },
                  { value: 'asc', label: t('tasks.orderAsc') },
                ]}
                value={filters.orderDesc ? 'desc' : 'asc'}
                onChange={(v) => setFilters({ orderDesc: v !== 'asc' })}
                allowDeselect={false}
                style={{ flex: 1 }}
              />
            </Group>
            {data.tasks.map((task) => (
              <TaskCard key={task.task_id} task={task} locale={i18n.language} />
            ))}
          </Stack>
        )}
        {data && data.tasks.length > 0 && !phone && (
          <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {sortable('filename', t('tasks.columns.filename'))}
                  {sortable('status', t('tasks.columns.status'))}
                  <Table.Th>{t('tasks.columns.pages')}</Table.Th>
                  {sortable('created_at', t('tasks.columns.created_at'))}
                  {sortable('updated_at', t('tasks.columns.updated_at'))}
                  {sortable('completed_at', t('tasks.columns.completed_at'))}
                  <Table.Th>
                    <span className="visually-hidden">{t('tasks.columns.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.tasks.map((task) => (
                  <Table.Tr key={task.task_id} data-testid="task-row" data-status={task.status}>
                    <Table.Td maw={280}>
                      <Anchor component={Link} to={`/tasks/${task.task_id}`} fw={600} className="break-anywhere">
                        {task.filename}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <TaskProgress task={task} />
                    </Table.Td>
                    <Table.Td>{task.pages_total ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(task.created_at, i18n.language)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(task.updated_at, i18n.language)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(task.completed_at, i18n.language)}</Table.Td>
                    <Table.Td>
                      <TaskActions task={task} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </section>

      {data && data.total > 0 && (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('tasks.showing', {
              from: (filters.page - 1) * filters.pageSize + 1,
              to: (filters.page - 1) * filters.pageSize + data.tasks.length,
              total: data.total,
            })}
          </Text>
          <Group gap="sm" wrap="wrap">
            <Select
              aria-label={t('tasks.pageSize')}
              data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('tasks.perPage', { count: n }) }))}
              value={String(filters.pageSize)}
              onChange={(v) => v && setFilters({ pageSize: Number(v) })}
              allowDeselect={false}
              w={160}
            />
            <ListPagination
              total={totalPages}
              value={Math.min(filters.page, totalPages)}
              onChange={(page) => setFilters({ page })}
              siblings={phone ? 0 : 1}
            />
          </Group>
        </Group>
      )}
    </Stack>
  );
}

function TaskCard({ task, locale }: { task: Task; locale: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="task-row" data-status={task.status}>
      <Stack gap={6}>
        <Anchor component={Link} to={`/tasks/${task.task_id}`} fw={600} className="break-anywhere">
          {task.filename}
        </Anchor>
        <TaskProgress task={task} />
        <Text size="xs" c="dimmed">
          {t('tasks.createdAt', { date: formatDateTime(task.created_at, locale) })}
          {task.pages_total ? ` · ${t('tasks.pageCount', { count: task.pages_total })}` : ''}
        </Text>
        <TaskActions task={task} />
      </Stack>
    </Card>
  );
}
