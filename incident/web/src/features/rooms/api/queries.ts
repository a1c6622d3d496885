import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import type { Category, Room, RoomPage, Severity, Template, Visibility } from '../../../shared/api/types';
import { apiQuery, type RoomFilters } from '../lib/roomFilters';

export const roomKeys = {
  all: ['rooms'] as const,
  list: (f: RoomFilters) => ['rooms', 'list', f] as const,
  unread: ['rooms', 'unread'] as const,
  templates: ['templates'] as const,
};

export const roomQueries = {
  list: (api: ApiClient, f: RoomFilters) =>
    queryOptions({
      queryKey: roomKeys.list(f),
      queryFn: ({ signal }) => api.request<RoomPage>(`/api/v2/rooms?${apiQuery(f)}`, { signal }),
      placeholderData: (previous) => previous,
      // Rooms others open or update appear without a reload; notifications refresh sooner.
      refetchInterval: 20_000,
    }),
  /** The caller's active rooms, for the tab title's count of rooms with unread messages. */
  unread: (api: ApiClient) =>
    queryOptions({
      queryKey: roomKeys.unread,
      queryFn: ({ signal }) =>
        api.request<RoomPage>('/api/v2/rooms?mine=true&status=open,acknowledged,in_progress&page_size=100', { signal }),
      select: (page) => page.rooms.filter((r) => r.unread_count > 0).length,
      refetchInterval: 30_000,
    }),
  templates: (api: ApiClient) =>
    queryOptions({
      queryKey: roomKeys.templates,
      queryFn: ({ signal }) => api.request<{ templates: Template[] }>('/api/v2/templates', { signal }),
      select: (answer) => answer.templates,
      staleTime: 60_000,
    }),
};

export interface CreateRoomBody {
  title: string;
  description?: string;
  line: string;
  station?: string;
  equipment?: string;
  work_order?: string;
  category?: Category;
  severity?: Severity;
  visibility: Visibility;
  template_id?: string;
  member_emails: string[];
  allow_duplicate?: boolean;
}

export function createRoom(api: ApiClient, body: CreateRoomBody): Promise<Room> {
  return api.request<Room>('/api/v2/rooms', { method: 'POST', json: body as unknown as Record<string, unknown> });
}

export function getRoom(api: ApiClient, id: string): Promise<Room> {
  return api.request<Room>(`/api/v2/rooms/${encodeURIComponent(id)}`);
}

export function joinRoom(api: ApiClient, id: string): Promise<unknown> {
  return api.request(`/api/v2/rooms/${encodeURIComponent(id)}/join`, { method: 'POST' });
}
