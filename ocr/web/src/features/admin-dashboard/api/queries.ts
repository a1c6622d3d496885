import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import type { AdminStats } from './types';

export const dashboardKeys = {
  stats: ['admin', 'stats'] as const,
};

export const dashboardQueries = {
  /** Counts, storage, processing times and the last 30 days; kept current while the page is open. */
  stats: (api: ApiClient) =>
    queryOptions({
      queryKey: dashboardKeys.stats,
      queryFn: () => api.request<AdminStats>('/api/v2/admin/stats'),
      refetchInterval: 30_000,
    }),
};
