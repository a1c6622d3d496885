import type { InboxPage, Notification, NotificationRoom } from '../../../shared/api/types';

/**
 * The inbox is the server's (GET /api/v2/notifications); live frames of /user/queue/notifications
 * are shown on top of it until a copy of the server's list that must hold them has arrived.
 *
 * The server stores a notification in the transaction that publishes it and sends the live frame
 * only after that commits. So a list whose request started after a frame arrived holds that frame's
 * notification (or leaves it out on purpose: its room is no longer readable). Frames and requests
 * are ordered by a counter, the "tick", not by clocks: a frame gets the counter's value, a request
 * remembers the value when it started.
 */

export interface InboxItem {
  id: string;
  at: string;
  read: boolean;
  /** Seen on the socket, not yet in a list from the server. */
  live: boolean;
  room: NotificationRoom | null;
  notification: Notification;
}

/** A list from the server, with the tick its request started at. */
export interface InboxSnapshot extends InboxPage {
  tick: number;
}

export interface LiveNotice {
  tick: number;
  at: string;
  read: boolean;
  notification: Notification;
}

export const INBOX_LIMIT = 50;

/** The kinds a person is told about; anything else on the queue is housekeeping (access ended). */
export function isShown(n: Notification): boolean {
  return n.type === 'mention' || n.type === 'room.added' || n.type === 'escalation';
}

/** Two notices are the same event when their bodies are equal, whatever the order of their fields. */
export function notificationKey(n: Notification): string {
  const record = n as unknown as Record<string, unknown>;
  return JSON.stringify(Object.keys(record).sort().map((k) => [k, record[k]]));
}

/**
 * Adds a frame at the top. A repeat of an unread frame is ignored, and frames that a list newer than
 * them already holds are dropped, so the live part stays small.
 */
export function addLive(live: LiveNotice[], n: Notification, now: Date, tick: number, snapshot?: InboxSnapshot): LiveNotice[] {
  const pending = stillPending(live, snapshot);
  if (!isShown(n)) return pending;
  const key = notificationKey(n);
  if (pending.some((l) => !l.read && notificationKey(l.notification) === key)) return pending;
  return [{ tick, at: now.toISOString(), read: false, notification: n }, ...pending].slice(0, INBOX_LIMIT);
}

/** The frames that no list from a request started after them has answered for. */
export function stillPending(live: LiveNotice[], snapshot?: InboxSnapshot): LiveNotice[] {
  return snapshot ? live.filter((l) => l.tick >= snapshot.tick) : live;
}

/**
 * The list shown: pending frames on top, then the server's. A pending frame whose request was already
 * under way may be in that list too; it is shown once, as the server's (each stored copy answers for
 * one frame only).
 */
export function mergeInbox(snapshot: InboxSnapshot | undefined, live: LiveNotice[]): { items: InboxItem[]; unread: number } {
  const stored = snapshot?.notifications ?? [];
  const claimed = new Set<string>();
  const extra: LiveNotice[] = [];
  for (const l of stillPending(live, snapshot)) {
    const key = notificationKey(l.notification);
    const copy = stored.find((s) => !claimed.has(s.id) && notificationKey(s.notification) === key);
    if (copy) claimed.add(copy.id);
    else extra.push(l);
  }
  const items: InboxItem[] = [
    ...extra.map((l, i) => ({ id: `live-${l.tick}-${i}`, at: l.at, read: l.read, live: true, room: null, notification: l.notification })),
    ...stored.map((s) => ({ id: s.id, at: s.created_at, read: s.read, live: false, room: s.room, notification: s.notification })),
  ].slice(0, INBOX_LIMIT);
  return { items, unread: (snapshot?.unread ?? 0) + extra.filter((l) => !l.read).length };
}

/** The server's ids of the unread notices shown, all or of one room. */
export function unreadIds(items: InboxItem[], roomId?: string): string[] {
  return items.filter((i) => !i.live && !i.read && (roomId === undefined || i.notification.room_id === roomId)).map((i) => i.id);
}

/** The list as it is once the server has marked these read (all: every one of the person's). */
export function withRead(snapshot: InboxSnapshot, ids: string[] | 'all'): InboxSnapshot {
  if (ids === 'all') return { ...snapshot, unread: 0, notifications: snapshot.notifications.map((s) => (s.read ? s : { ...s, read: true })) };
  const marking = new Set(ids);
  const newlyRead = snapshot.notifications.filter((s) => !s.read && marking.has(s.id)).length;
  return {
    ...snapshot,
    unread: Math.max(0, snapshot.unread - newlyRead),
    notifications: snapshot.notifications.map((s) => (!s.read && marking.has(s.id) ? { ...s, read: true } : s)),
  };
}

/** Marks the frames read, all or those of one room; the same array when nothing changes. */
export function readLive(live: LiveNotice[], roomId?: string): LiveNotice[] {
  const hit = (l: LiveNotice) => !l.read && (roomId === undefined || l.notification.room_id === roomId);
  return live.some(hit) ? live.map((l) => (hit(l) ? { ...l, read: true } : l)) : live;
}
