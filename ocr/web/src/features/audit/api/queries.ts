import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import type { Paged } from '../../../shared/api/types';
import { auditFiltersToApiQuery, type AuditFilters } from '../lib/auditFilters';
import type { AuditEntry } from './types';

export const PAGE_SIZE = 50;

export const auditKeys = {
  list: (apiQuery: string) => ['admin', 'audit', apiQuery] as const,
};

/** The list request for the filters' page. */
export function auditListApiQuery(filters: AuditFilters): URLSearchParams {
  const query = auditFiltersToApiQuery(filters);
  query.set('page', String(filters.page));
  query.set('page_size', String(PAGE_SIZE));
  return query;
}

export const auditQueries = {
  list: (api: ApiClient, apiQuery: string) =>
    queryOptions({
      queryKey: auditKeys.list(apiQuery),
      queryFn: () => api.request<Paged<AuditEntry>>(`/api/v2/admin/audit-logs?${apiQuery}`),
    }),
};

/** The CSV of every entry the filters match (all pages). */
export function auditExportPath(filters: AuditFilters): string {
  return `/api/v2/admin/audit-logs/export?${auditFiltersToApiQuery(filters)}`;
}
