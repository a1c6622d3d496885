import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import type { Paged } from '../../../shared/api/types';
import type { AdminUserRow } from './types';

export const PAGE_SIZE = 20;

export const userKeys = {
  all: ['admin', 'users'] as const,
  list: (apiQuery: string) => [...userKeys.all, apiQuery] as const,
};

/** The list request for one page of users, newest first, optionally matching a name or e-mail. */
export function usersApiQuery(page: number, search: string): URLSearchParams {
  const query = new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE), sort_by: 'created_at', order_desc: 'true' });
  if (search) query.set('search', search);
  return query;
}

export const userQueries = {
  list: (api: ApiClient, apiQuery: string) =>
    queryOptions({
      queryKey: userKeys.list(apiQuery),
      queryFn: () => api.request<Paged<AdminUserRow>>(`/api/v2/admin/users?${apiQuery}`),
    }),
};

/** Deactivates an active user (signing them out everywhere) or reactivates a deactivated one. */
export function toggleUserActive(api: ApiClient, row: AdminUserRow): Promise<void> {
  return api.request<void>(`/api/v2/admin/users/${encodeURIComponent(row.user.id)}/${row.user.active ? 'deactivate' : 'reactivate'}`, {
    method: 'POST',
  });
}
