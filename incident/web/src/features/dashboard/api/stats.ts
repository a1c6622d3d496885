import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';

/** Median and 90th percentile, in seconds; null when no incident got that far. */
export interface Durations {
  median_time_to_acknowledge_s: number | null;
  p90_time_to_acknowledge_s: number | null;
  median_time_to_resolve_s: number | null;
  p90_time_to_resolve_s: number | null;
}

/** GET /api/v2/stats/incidents (INCIDENT-SPEC 8). */
export interface IncidentStats extends Durations {
  total: number;
  by_status: Record<string, number>;
  by_severity: Record<string, number>;
  by_category: Record<string, number>;
  per_line: ({ line: string; count: number; open: number } & Durations)[];
  per_category: ({ category: string; count: number } & Durations)[];
  pareto: { category: string; count: number }[];
}

export function statsQuery(api: ApiClient, from: string, to: string, line: string) {
  const p = new URLSearchParams();
  if (from) p.set('date_from', from);
  if (to) p.set('date_to', to);
  if (line.trim()) p.set('line', line.trim());
  return queryOptions({
    queryKey: ['stats', from, to, line.trim()],
    queryFn: ({ signal }) => api.request<IncidentStats>(`/api/v2/stats/incidents?${p}`, { signal }),
  });
}
