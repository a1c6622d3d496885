import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import type { SessionView } from '../api/types';

export const sessionKeys = {
  all: ['sessions'] as const,
};

export const sessionQueries = {
  /** The caller's own sessions, on every device. */
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: sessionKeys.all,
      queryFn: () => api.request<SessionView[]>(`${api.authBasePath}/sessions`),
    }),
};

/** Revokes one session, or every session but this one (`'others'`): the server answers how many. */
export function revokeSessions(api: ApiClient, target: SessionView | 'others'): Promise<{ revoked: number } | undefined> {
  return target === 'others'
    ? api.request<{ revoked: number }>(`${api.authBasePath}/sessions`, { method: 'DELETE' })
    : api.request<undefined>(`${api.authBasePath}/sessions/${encodeURIComponent(target.id)}`, { method: 'DELETE' });
}
