import type { Message } from '../../../shared/api/types';

/** What the server counts as unread: someone else's message that is not a notice and not deleted. */
export function countsAsUnread(m: Message, myId: string): boolean {
  return m.kind !== 'system' && !m.deleted && m.author?.id !== myId;
}

/**
 * Where the "new messages" divider goes when a room opens with `unreadCount` unread messages: before
 * the oldest of the last `unreadCount` messages that count. Null when nothing is unread, or when
 * the unread ones reach back beyond the loaded page (the divider would then be at the very top).
 */
export function unreadDividerId(messages: Message[], unreadCount: number, myId: string): string | null {
  if (unreadCount <= 0) return null;
  let left = unreadCount;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (countsAsUnread(messages[i], myId)) {
      left--;
      if (left === 0) return messages[i].id;
    }
  }
  return messages.length > 0 ? messages[0].id : null;
}

/** Unread messages that arrived after `sinceSeq` (live, while the room is not being looked at). */
export function unreadSince(messages: Message[], sinceSeq: number, myId: string): number {
  return messages.filter((m) => m.seq > sinceSeq && countsAsUnread(m, myId)).length;
}
