import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import type { Ranked } from './types';

export type RankBy = 'tasks' | 'pages';

export const leaderboardKeys = {
  top: (by: RankBy, days: string) => ['admin', 'top', by, days] as const,
};

export const leaderboardQueries = {
  /** The 20 most active users over the last `days` days, by tasks or by pages. */
  top: (api: ApiClient, by: RankBy, days: string) =>
    queryOptions({
      queryKey: leaderboardKeys.top(by, days),
      queryFn: () => api.request<Ranked[]>(`/api/v2/admin/users/top?by=${by}&days=${days}&limit=20`),
    }),
};
