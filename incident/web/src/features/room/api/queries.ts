import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import type { EventPage, Member, Message, MessagePage, Role, Room, RoomStatus, Template } from '../../../shared/api/types';

const base = (id: string) => `/api/v2/rooms/${encodeURIComponent(id)}`;

export const roomKeys = {
  room: (id: string) => ['room', id] as const,
  members: (id: string) => ['room', id, 'members'] as const,
  presence: (id: string) => ['room', id, 'presence'] as const,
};

export const roomQueries = {
  room: (api: ApiClient, id: string) =>
    queryOptions({ queryKey: roomKeys.room(id), queryFn: ({ signal }) => api.request<Room>(base(id), { signal }) }),
  members: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: roomKeys.members(id),
      queryFn: ({ signal }) => api.request<{ members: Member[] }>(`${base(id)}/members`, { signal }),
      select: (a) => a.members,
    }),
  presence: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: roomKeys.presence(id),
      queryFn: ({ signal }) => api.request<{ online: Member[] }>(`${base(id)}/presence`, { signal }),
      select: (a) => new Set(a.online.map((m) => m.user_id)),
      refetchInterval: 30_000,
    }),
  templates: (api: ApiClient) =>
    queryOptions({
      queryKey: ['templates'],
      queryFn: ({ signal }) => api.request<{ templates: Template[] }>('/api/v2/templates', { signal }),
      select: (a) => a.templates,
      staleTime: 60_000,
    }),
};

export function newestMessages(api: ApiClient, id: string, limit = 50) {
  return api.request<MessagePage>(`${base(id)}/messages?limit=${limit}`);
}

export function olderMessages(api: ApiClient, id: string, beforeSeq: number, limit = 50) {
  return api.request<MessagePage>(`${base(id)}/messages?before_seq=${beforeSeq}&limit=${limit}`);
}

export function eventsAfter(api: ApiClient, id: string, afterSeq: number, limit = 100) {
  return api.request<EventPage>(`${base(id)}/events?after_seq=${afterSeq}&limit=${limit}`);
}

export type Action = 'acknowledge' | 'start' | 'resolve' | 'close' | 'cancel' | 'reopen';

/** The status actions INCIDENT-SPEC section 2 allows from each status. */
export const ACTIONS: Record<RoomStatus, Action[]> = {
  open: ['acknowledge', 'cancel'],
  acknowledged: ['start', 'cancel'],
  in_progress: ['resolve', 'cancel'],
  resolved: ['close', 'reopen'],
  closed: ['reopen'],
  cancelled: [],
};

export function transition(api: ApiClient, id: string, action: Action, text?: string) {
  const json = action === 'resolve' ? { resolution: text ?? '' } : text ? { note: text } : {};
  return api.request<Room>(`${base(id)}/${action}`, { method: 'POST', json });
}

export function updateRoom(api: ApiClient, id: string, body: Partial<Room>) {
  return api.request<Room>(base(id), { method: 'PATCH', json: body as Record<string, unknown> });
}

export function sendMessage(api: ApiClient, id: string, body: { content: string; client_id: string; reply_to?: string | null; attachment_ids?: string[] }) {
  return api.request<Message>(`${base(id)}/messages`, { method: 'POST', json: body });
}

export function editMessage(api: ApiClient, id: string, mid: string, content: string) {
  return api.request<Message>(`${base(id)}/messages/${encodeURIComponent(mid)}`, { method: 'PATCH', json: { content } });
}

export function deleteMessage(api: ApiClient, id: string, mid: string) {
  return api.request<void>(`${base(id)}/messages/${encodeURIComponent(mid)}`, { method: 'DELETE' });
}

export function setReaction(api: ApiClient, id: string, mid: string, emoji: string, on: boolean) {
  return api.request<void>(`${base(id)}/messages/${encodeURIComponent(mid)}/reactions/${encodeURIComponent(emoji)}`, { method: on ? 'PUT' : 'DELETE' });
}

export function setPin(api: ApiClient, id: string, mid: string, on: boolean) {
  return api.request<void>(`${base(id)}/messages/${encodeURIComponent(mid)}/pin`, { method: on ? 'POST' : 'DELETE' });
}

export function markRead(api: ApiClient, id: string, seq: number) {
  return api.request<void>(`${base(id)}/read`, { method: 'POST', json: { seq } });
}

export function addMember(api: ApiClient, id: string, email: string, role: Role) {
  return api.request<Member>(`${base(id)}/members`, { method: 'POST', json: { email, role } });
}

/** A member is named by user id, or by e-mail while pending. */
export const memberKey = (m: Member) => m.user_id ?? m.email;

export function changeRole(api: ApiClient, id: string, member: Member, role: Role) {
  return api.request<Member>(`${base(id)}/members/${encodeURIComponent(memberKey(member))}`, { method: 'PATCH', json: { role } });
}

export function removeMember(api: ApiClient, id: string, member: Member) {
  return api.request<void>(`${base(id)}/members/${encodeURIComponent(memberKey(member))}`, { method: 'DELETE' });
}

export function joinRoom(api: ApiClient, id: string) {
  return api.request<Member>(`${base(id)}/join`, { method: 'POST' });
}

export function leaveRoom(api: ApiClient, id: string) {
  return api.request<void>(`${base(id)}/leave`, { method: 'POST' });
}
