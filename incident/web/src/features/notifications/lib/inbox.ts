import type { Notification } from '../../../shared/api/types';

export interface InboxItem {
  id: string;
  at: string;
  read: boolean;
  notification: Notification;
}

export const INBOX_LIMIT = 50;

/** The kinds a person is told about; anything else on the queue is housekeeping (access ended). */
export function isShown(n: Notification): boolean {
  return n.type === 'mention' || n.type === 'room.added' || n.type === 'escalation';
}

/** Adds one at the top, newest first; a repeat of the same event (same type, room, message) is ignored. */
export function addToInbox(list: InboxItem[], n: Notification, now: Date, id: string): InboxItem[] {
  if (!isShown(n)) return list;
  const same = list.some(
    (i) => i.notification.type === n.type && i.notification.room_id === n.room_id && (i.notification.message_id ?? i.notification.seq) === (n.message_id ?? n.seq) && !i.read,
  );
  if (same) return list;
  return [{ id, at: now.toISOString(), read: false, notification: n }, ...list].slice(0, INBOX_LIMIT);
}

export function unreadCount(list: InboxItem[]): number {
  return list.filter((i) => !i.read).length;
}

export function markRoomRead(list: InboxItem[], roomId: string): InboxItem[] {
  return list.some((i) => !i.read && i.notification.room_id === roomId) ? list.map((i) => (i.notification.room_id === roomId ? { ...i, read: true } : i)) : list;
}

export function markAllRead(list: InboxItem[]): InboxItem[] {
  return list.map((i) => (i.read ? i : { ...i, read: true }));
}
