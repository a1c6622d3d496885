import { describe, expect, it } from 'vitest';
import { BOB, created, ME, msg } from '../../../test/fixtures';
import type { RoomEvent } from '../../../shared/api/types';
import { emptyTimeline, fromPage, gapAfter, placeLocal, prependOlder, receive } from './timeline';

const seqs = (t: { messages: { seq: number }[] }) => t.messages.map((m) => m.seq);

describe('timeline', () => {
  it('takes the newest page as its baseline, sorted by seq', () => {
    const t = fromPage([msg(3), msg(1), msg(2)], true);
    expect(seqs(t)).toEqual([1, 2, 3]);
    expect(t.lastSeq).toBe(3);
    expect(t.hasOlder).toBe(true);
  });

  it('applies events in seq order whatever order they arrive in', () => {
    let t = fromPage([msg(1)], false);
    t = receive(t, [created(4), created(3)], ME);
    expect(seqs(t)).toEqual([1]);
    expect(gapAfter(t)).toBe(1);
    t = receive(t, [created(2)], ME);
    expect(seqs(t)).toEqual([1, 2, 3, 4]);
    expect(t.lastSeq).toBe(4);
    expect(gapAfter(t)).toBeNull();
  });

  it('applies each event once: repeats from the feed and the socket are dropped', () => {
    let t = fromPage([msg(1)], false);
    t = receive(t, [created(2), created(3)], ME);
    t = receive(t, [created(2), created(3), created(3)], ME);
    expect(seqs(t)).toEqual([1, 2, 3]);
    const live = receive(t, [created(4)], ME);
    const replay = receive(live, [created(4)], ME);
    expect(replay).toEqual(live);
  });

  it('counts every durable event in the sequence, also those it does not show', () => {
    let t = fromPage([msg(1)], false);
    t = receive(t, [{ seq: 3, type: 'message.created', room_id: 'r1', message: msg(3) }], ME);
    expect(seqs(t)).toEqual([1]);
    t = receive(t, [{ seq: 2, type: 'future.kind', room_id: 'r1' } as unknown as RoomEvent], ME);
    expect(seqs(t)).toEqual([1, 3]);
    expect(t.lastSeq).toBe(3);
  });

  it('an event older than the baseline changes nothing (the page already showed it)', () => {
    const t = fromPage([msg(5, { content: 'current' })], false);
    const after = receive(t, [{ seq: 4, type: 'message.updated', room_id: 'r1', message: msg(5, { content: 'stale' }) }], ME);
    expect(after.messages[0].content).toBe('current');
  });

  it('edits replace the message, deletes blank it and keep it as deleted', () => {
    let t = fromPage([msg(1)], false);
    t = receive(t, [{ seq: 2, type: 'message.updated', room_id: 'r1', message: msg(1, { content: 'fixed', edited_at: '2026-01-05T09:00:00Z' }) }], ME);
    expect(t.messages[0]).toMatchObject({ content: 'fixed', edited_at: '2026-01-05T09:00:00Z' });
    t = receive(t, [{ seq: 3, type: 'message.deleted', room_id: 'r1', message_id: 'm1' }], ME);
    expect(t.messages[0]).toMatchObject({ deleted: true, content: null, pinned: false });
    expect(t.messages).toHaveLength(1);
  });

  it('reactions take the absolute count from the event and "mine" only from my own', () => {
    let t = fromPage([msg(1)], false);
    t = receive(t, [{ seq: 2, type: 'reaction.changed', room_id: 'r1', message_id: 'm1', emoji: '👍', count: 1, user_id: ME, reacted: true }], ME);
    expect(t.messages[0].reactions).toEqual([{ emoji: '👍', count: 1, mine: true }]);
    t = receive(t, [{ seq: 3, type: 'reaction.changed', room_id: 'r1', message_id: 'm1', emoji: '👍', count: 2, user_id: BOB, reacted: true }], ME);
    expect(t.messages[0].reactions).toEqual([{ emoji: '👍', count: 2, mine: true }]);
    t = receive(t, [{ seq: 4, type: 'reaction.changed', room_id: 'r1', message_id: 'm1', emoji: '👍', count: 1, user_id: ME, reacted: false }], ME);
    expect(t.messages[0].reactions).toEqual([{ emoji: '👍', count: 1, mine: false }]);
    t = receive(t, [{ seq: 5, type: 'reaction.changed', room_id: 'r1', message_id: 'm1', emoji: '👍', count: 0, user_id: BOB, reacted: false }], ME);
    expect(t.messages[0].reactions).toEqual([]);
  });

  it('a broadcast edit keeps my reactions marked as mine', () => {
    let t = fromPage([msg(1, { reactions: [{ emoji: '🔥', count: 1, mine: true }] })], false);
    t = receive(t, [{ seq: 2, type: 'message.updated', room_id: 'r1', message: msg(1, { reactions: [{ emoji: '🔥', count: 1, mine: false }] }) }], ME);
    expect(t.messages[0].reactions[0].mine).toBe(true);
  });

  it('pins, room fields and member changes', () => {
    let t = fromPage([msg(1)], false);
    t = receive(t, [{ seq: 2, type: 'pin.changed', room_id: 'r1', message_id: 'm1', pinned: true }], ME);
    expect(t.messages[0].pinned).toBe(true);
    t = receive(t, [{ seq: 3, type: 'member.changed', room_id: 'r1', member: { user_id: BOB, email: 'b', display_name: 'B', role: 'viewer', pending: false, joined_at: '' }, change: 'role' }], ME);
    expect(t.memberChanges).toBe(1);
    t = receive(t, [{ seq: 4, type: 'room.updated', room_id: 'r1', room: { id: 'r1', status: 'acknowledged' } as never }], ME);
    expect(t.room?.status).toBe('acknowledged');
  });

  it('older pages go before the rest, without repeats, and leave the baseline alone', () => {
    let t = fromPage([msg(51), msg(52)], true);
    t = prependOlder(t, [msg(50), msg(51), msg(49)], false);
    expect(seqs(t)).toEqual([49, 50, 51, 52]);
    expect(t.lastSeq).toBe(52);
    expect(t.hasOlder).toBe(false);
  });

  it('shows my own sent message at once; its event later finds it there', () => {
    let t = fromPage([msg(1)], false);
    t = placeLocal(t, msg(3, { author: { id: ME, email: 'me@x', display_name: 'Me' } }));
    expect(seqs(t)).toEqual([1, 3]);
    expect(t.lastSeq).toBe(1);
    t = receive(t, [created(2), created(3, { author: { id: ME, email: 'me@x', display_name: 'Me' } })], ME);
    expect(seqs(t)).toEqual([1, 2, 3]);
    expect(t.lastSeq).toBe(3);
  });

  it('ignores frames without a seq', () => {
    const t = receive(emptyTimeline(), [{ type: 'message.created' } as unknown as RoomEvent], ME);
    expect(t.held.size).toBe(0);
  });
});
