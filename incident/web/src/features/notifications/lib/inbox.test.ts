import { describe, expect, it } from 'vitest';
import { addToInbox, markAllRead, markRoomRead, unreadCount } from './inbox';

const at = new Date('2026-01-05T08:00:00Z');

describe('notification inbox', () => {
  it('keeps mentions, escalations and "added" newest first, once each', () => {
    let list = addToInbox([], { type: 'room.added', room_id: 'r1' }, at, 'a');
    list = addToInbox(list, { type: 'mention', room_id: 'r1', message_id: 'm1' }, at, 'b');
    list = addToInbox(list, { type: 'mention', room_id: 'r1', message_id: 'm1' }, at, 'c');
    list = addToInbox(list, { type: 'room.access_ended', room_id: 'r2' }, at, 'd');
    expect(list.map((i) => i.id)).toEqual(['b', 'a']);
    expect(unreadCount(list)).toBe(2);
  });

  it('opening a room reads its notifications; all can be read at once', () => {
    let list = addToInbox([], { type: 'room.added', room_id: 'r1' }, at, 'a');
    list = addToInbox(list, { type: 'escalation', room_id: 'r2' }, at, 'b');
    expect(unreadCount(markRoomRead(list, 'r1'))).toBe(1);
    expect(unreadCount(markAllRead(list))).toBe(0);
  });
});
