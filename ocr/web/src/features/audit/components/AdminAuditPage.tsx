import { Badge, Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFilterOff } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { describeUserAgent, downloadWithToken, formatDateTime, notify, useApi, usePageTitle } from '@toolocr/platform-web';
import { DayRangeInput } from '../../../shared/components/DayRangeInput';
import { ListPagination } from '../../../shared/components/ListPagination';
import { QueryState } from '../../../shared/components/QueryState';
import { errorMessage } from '../../../shared/lib/errors';
import { useFollowingState } from '../../../shared/lib/useFollowingState';
import { auditExportPath, auditListApiQuery, auditQueries, PAGE_SIZE } from '../api/queries';
import { AUDIT_EVENT_TYPES, auditFiltersToParams, parseAuditFilters, type AuditFilters } from '../lib/auditFilters';

export default function AdminAuditPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const filters = parseAuditFilters(params);
  const [email, setEmail] = useFollowingState(filters.email);
  const [exporting, setExporting] = useState(false);
  usePageTitle(t('admin.audit.title'));

  const change = (c: Partial<AuditFilters>) => setParams(auditFiltersToParams({ ...filters, page: 1, ...c }));

  const logs = useQuery({
    ...auditQueries.list(api, auditListApiQuery(filters).toString()),
    placeholderData: keepPreviousData,
  });

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadWithToken(api, auditExportPath(filters), 'audit-log.csv');
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t) });
    } finally {
      setExporting(false);
    }
  };

  const typeLabel = (type: string) => ((AUDIT_EVENT_TYPES as readonly string[]).includes(type) ? t(`admin.audit.events.${type as 'logout'}`) : type);
  const data = logs.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const filtered = Boolean(filters.email || filters.eventType || filters.outcome || filters.dateFrom || filters.dateTo);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('admin.audit.title')}</Title>
        <Button leftSection={<IconFileSpreadsheet size={16} aria-hidden />} variant="light" loading={exporting} onClick={() => void exportCsv()}>
          {t('admin.audit.export')}
        </Button>
      </Group>
      <Paper withBorder p="sm" radius="md" component="section" aria-label={t('tasks.filtersLabel')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change({ email });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('admin.audit.user')}
              placeholder={t('admin.audit.userPlaceholder')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              onBlur={() => email !== filters.email && change({ email })}
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              label={t('admin.audit.eventType')}
              data={[{ value: '', label: t('admin.audit.allEvents') }, ...AUDIT_EVENT_TYPES.map((e) => ({ value: e, label: typeLabel(e) }))]}
              value={filters.eventType ?? ''}
              onChange={(v) => change({ eventType: v || null })}
              allowDeselect={false}
              searchable
              w={{ base: '100%', xs: 220 }}
            />
            <Select
              label={t('admin.audit.outcome')}
              data={[
                { value: '', label: t('admin.audit.allOutcomes') },
                { value: 'success', label: t('admin.audit.success') },
                { value: 'failure', label: t('admin.audit.failure') },
                { value: 'error', label: t('admin.audit.error') },
              ]}
              value={filters.outcome ?? ''}
              onChange={(v) => change({ outcome: (v || null) as AuditFilters['outcome'] })}
              allowDeselect={false}
              w={{ base: '100%', xs: 160 }}
            />
            <DayRangeInput from={filters.dateFrom} to={filters.dateTo} onChange={(dateFrom, dateTo) => change({ dateFrom, dateTo })} />
            <Button type="submit" variant="default">
              {t('admin.audit.apply')}
            </Button>
            {filtered && (
              <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => setParams(new URLSearchParams())}>
                {t('tasks.clearFilters')}
              </Button>
            )}
          </Group>
        </form>
      </Paper>
      <QueryState query={logs} />
      {data && data.items.length === 0 && <Text c="dimmed">{t('admin.audit.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="xs" miw={860} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.audit.time')}</Table.Th>
                <Table.Th>{t('admin.audit.user')}</Table.Th>
                <Table.Th>{t('admin.audit.eventType')}</Table.Th>
                <Table.Th>{t('admin.audit.outcome')}</Table.Th>
                <Table.Th>{t('admin.audit.client')}</Table.Th>
                <Table.Th>{t('admin.audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((e) => {
                const d = describeUserAgent(e.user_agent);
                return (
                  <Table.Tr key={e.id} data-testid="audit-row" data-event={e.event_type}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.occurred_at, i18n.language)}</Table.Td>
                    <Table.Td miw={190} className="break-anywhere">{e.user_email ?? '—'}</Table.Td>
                    <Table.Td miw={110}>{typeLabel(e.event_type)}</Table.Td>
                    <Table.Td miw={110}>
                      <Badge color={e.outcome === 'success' ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none' }}>
                        {e.outcome === 'success' || e.outcome === 'failure' || e.outcome === 'error' ? t(`admin.audit.${e.outcome}`) : e.outcome}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{e.ip_address ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {[d.browser, d.os].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {Object.entries(e.details).map(([k, v]) => (
                        <Text key={k} size="xs" className="break-anywhere">
                          <Code>{k}</Code> {v}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {data && pages > 1 && (
        <ListPagination
          total={pages}
          value={Math.min(filters.page, pages)}
          onChange={(p) => setParams(auditFiltersToParams({ ...filters, page: p }))}
        />
      )}
    </Stack>
  );
}
