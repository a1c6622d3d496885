import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import type { RoomPage } from '../../../shared/api/types';

/** Median and 90th percentile, in seconds, of the durations known so far; null when there are none. */
export interface Figure {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface Times {
  count: number;
  time_to_acknowledge_s: Figure;
  time_to_resolve_s: Figure;
}

/** GET /api/v2/stats/incidents (INCIDENT-SPEC 8): over the incidents the caller may read. */
export interface IncidentStats {
  from: string;
  before: string;
  line: string | null;
  total: number;
  by_status: Record<string, number>;
  by_severity: Record<string, number>;
  by_category: Record<string, number>;
  overall: Times;
  per_line: ({ line: string } & Times)[];
  per_category: ({ category: string } & Times)[];
  pareto: { category: string; count: number; share: number; cumulative_share: number }[];
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

/** The incidents open right now (any period), counted per line: what needs people now. */
export function openPerLineQuery(api: ApiClient) {
  return queryOptions({
    queryKey: ['rooms', 'open-per-line'],
    queryFn: async ({ signal }) => {
      const counts = new Map<string, number>();
      for (let page = 1; page <= 10; page++) {
        const answer = await api.request<RoomPage>(`/api/v2/rooms?status=open,acknowledged,in_progress&page_size=100&page=${page}`, { signal });
        answer.rooms.forEach((r) => counts.set(r.line, (counts.get(r.line) ?? 0) + 1));
        if (!answer.has_more) break;
      }
      return [...counts].map(([line, open]) => ({ line, open })).sort((a, b) => b.open - a.open || a.line.localeCompare(b.line));
    },
    refetchInterval: 30_000,
  });
}
