import { describe, expect, it } from 'vitest';
import type { Notification, StoredNotification } from '../../../shared/api/types';
import { addLive, isShown, mergeInbox, notificationKey, readLive, unreadIds, withRead, type InboxSnapshot, type LiveNotice } from './inbox';

const at = new Date('2026-01-05T08:00:00Z');
const mention = (m: string, room = 'r1'): Notification => ({ type: 'mention', room_id: room, message_id: m, seq: Number(m.slice(1)) });
const added = (room: string): Notification => ({ type: 'room.added', room_id: room, role: 'responder' });

function stored(id: string, n: Notification, read = false): StoredNotification {
  return {
    id,
    created_at: '2026-01-05T07:00:00Z',
    read,
    room: { id: n.room_id, title: `Room ${n.room_id}`, line: 'L2', severity: 'high', status: 'open' },
    notification: n,
  };
}

function snapshot(tick: number, list: StoredNotification[], unread = list.filter((s) => !s.read).length): InboxSnapshot {
  return { tick, notifications: list, unread };
}

describe('notification inbox', () => {
  it('shows mentions, escalations and "added", not the housekeeping frames', () => {
    expect(isShown(mention('m1'))).toBe(true);
    expect(isShown({ type: 'escalation', room_id: 'r1' })).toBe(true);
    expect(isShown(added('r1'))).toBe(true);
    expect(isShown({ type: 'room.access_ended', room_id: 'r2' })).toBe(false);
  });

  it('knows a frame and its stored copy as the same event whatever the order of their fields', () => {
    expect(notificationKey({ type: 'mention', room_id: 'r1', message_id: 'm1', seq: 1 })).toBe(notificationKey({ seq: 1, message_id: 'm1', room_id: 'r1', type: 'mention' }));
    expect(notificationKey(mention('m1'))).not.toBe(notificationKey(mention('m2')));
  });

  it('puts live frames on top of the server list, newest first, a repeated frame once', () => {
    let live: LiveNotice[] = [];
    live = addLive(live, mention('m7'), at, 3);
    live = addLive(live, mention('m8'), at, 4);
    live = addLive(live, mention('m8'), at, 5);
    live = addLive(live, { type: 'room.access_ended', room_id: 'r2' }, at, 6);
    const inbox = mergeInbox(snapshot(2, [stored('s1', added('r1'))]), live);
    expect(inbox.items.map((i) => [i.live, i.notification.message_id ?? i.id])).toEqual([
      [true, 'm8'],
      [true, 'm7'],
      [false, 's1'],
    ]);
    expect(inbox.unread).toBe(3);
  });

  it('drops a frame once a list requested after it came has arrived, even if that list leaves it out', () => {
    const live = addLive([], mention('m7'), at, 3);
    // Requested after the frame: it holds the stored copy, which is shown instead.
    const holding = mergeInbox(snapshot(4, [stored('s2', mention('m7')), stored('s1', added('r1'))]), live);
    expect(holding.items.map((i) => i.id)).toEqual(['s2', 's1']);
    expect(holding.unread).toBe(2);
    // The server left it out (its room is no longer readable): it is gone, and not counted.
    const without = mergeInbox(snapshot(4, [stored('s1', added('r1'))]), live);
    expect(without.items.map((i) => i.id)).toEqual(['s1']);
    expect(without.unread).toBe(1);
  });

  it('shows a frame once when a list requested before it came holds it already', () => {
    const live = addLive([], mention('m7'), at, 3);
    const inbox = mergeInbox(snapshot(3, [stored('s2', mention('m7')), stored('s1', mention('m7'), true)]), live);
    expect(inbox.items.map((i) => i.id)).toEqual(['s2', 's1']);
    expect(inbox.unread).toBe(1);
  });

  it('a second frame equal to one the server already has is still shown until the list catches up', () => {
    // Added to r1, removed, added again: the older stored copy answers for one frame only.
    const live = addLive(addLive([], added('r1'), at, 5), added('r1'), at, 6);
    expect(live).toHaveLength(1);
    const older = snapshot(5, [stored('s1', added('r1'), true)]);
    const twice = addLive(addLive([], added('r1'), at, 5, older), mention('m1'), at, 6, older);
    expect(mergeInbox(older, twice).items.map((i) => i.id)).toEqual([expect.stringMatching(/^live-/), 's1']);
    expect(mergeInbox(older, twice).unread).toBe(1);
  });

  it('keeps the live part small: frames a newer list answered for are pruned when the next one comes', () => {
    const live = addLive([], mention('m1'), at, 1);
    const next = addLive(live, mention('m2'), at, 3, snapshot(2, [stored('s1', mention('m1'))]));
    expect(next.map((l) => l.notification.message_id)).toEqual(['m2']);
  });

  it('before the first list arrives, the frames alone are the inbox', () => {
    const inbox = mergeInbox(undefined, addLive([], mention('m1'), at, 0));
    expect(inbox.items).toHaveLength(1);
    expect(inbox.unread).toBe(1);
  });

  it('marks read by ids (only those shown unread count) or all, without a refetch', () => {
    const s = snapshot(1, [stored('a', mention('m1')), stored('b', added('r2')), stored('c', added('r3'), true)], 5);
    const byIds = withRead(s, ['a', 'c', 'zzz']);
    expect(byIds.notifications.map((n) => n.read)).toEqual([true, false, true]);
    expect(byIds.unread).toBe(4);
    const all = withRead(s, 'all');
    expect(all.unread).toBe(0);
    expect(all.notifications.every((n) => n.read)).toBe(true);
  });

  it('opening a room reads its notices: the server ids to mark and the frames', () => {
    const s = snapshot(1, [stored('a', mention('m1', 'r1')), stored('b', added('r2')), stored('c', added('r1'), true)]);
    const live = addLive([], mention('m9', 'r1'), at, 1);
    const items = mergeInbox(s, live).items;
    expect(unreadIds(items, 'r1')).toEqual(['a']);
    expect(unreadIds(items)).toEqual(['a', 'b']);
    const read = readLive(live, 'r1');
    expect(mergeInbox(withRead(s, ['a']), read).unread).toBe(1);
    expect(readLive(read, 'r1')).toBe(read);
    expect(mergeInbox(withRead(s, 'all'), readLive(live)).unread).toBe(0);
  });
});
