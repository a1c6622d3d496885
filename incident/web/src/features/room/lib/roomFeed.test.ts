import { describe, expect, it } from 'vitest';
import type { EventPage, MessagePage, RoomEvent } from '../../../shared/api/types';
import { created, ME, msg } from '../../../test/fixtures';
import { showsBanner } from './connection';
import { RoomFeed } from './roomFeed';

/** A fake server: its event log and a way to hold answers back. */
function server(initial: number) {
  const log: RoomEvent[] = [];
  for (let s = 1; s <= initial; s++) log.push(created(s));
  const calls: number[] = [];
  let failNext = 0;
  const timers: (() => void)[] = [];
  const feed = new RoomFeed({
    myId: ME,
    loadNewest: async (): Promise<MessagePage> => ({ messages: log.filter((e) => e.type === 'message.created').slice(-3).map((e) => (e as { message: ReturnType<typeof msg> }).message), has_more: log.length > 3 }),
    loadOlder: async (before) => ({ messages: log.filter((e) => e.seq < before).map((e) => (e as { message: ReturnType<typeof msg> }).message), has_more: false }),
    eventsAfter: async (after): Promise<EventPage> => {
      calls.push(after);
      if (failNext > 0) {
        failNext--;
        throw Object.assign(new Error('offline'), { status: 0 });
      }
      const rest = log.filter((e) => e.seq > after);
      return { events: rest.slice(0, 5), has_more: rest.length > 5 };
    },
    later: (fn) => {
      timers.push(fn);
      return () => {};
    },
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    feed,
    log,
    calls,
    timers,
    settle,
    failNext: (n: number) => (failNext = n),
    add: (n: number) => {
      const from = log.length + 1;
      for (let s = from; s < from + n; s++) log.push(created(s));
      return log.slice(from - 1);
    },
  };
}

const seqs = (f: RoomFeed) => f.snapshot.timeline!.messages.map((m) => m.seq);

describe('RoomFeed', () => {
  it('loads the newest page, then reads the feed page by page until nothing is newer', async () => {
    const s = server(12);
    s.feed.start();
    await s.settle();
    expect(seqs(s.feed)).toEqual([10, 11, 12]);
    expect(s.feed.snapshot.timeline!.hasOlder).toBe(true);
    expect(s.feed.snapshot.link.phase).toBe('connecting');
    s.feed.socketUp();
    s.feed.subscribed();
    await s.settle();
    expect(s.feed.snapshot.link.phase).toBe('live');
  });

  it('is live only after the receipt and the catch-up, not at the reconnect', async () => {
    const s = server(3);
    s.feed.start();
    s.feed.socketUp();
    s.feed.subscribed();
    await s.settle();
    expect(s.feed.snapshot.link.phase).toBe('live');
    s.feed.socketDown();
    expect(showsBanner(s.feed.snapshot.link)).toBe(true);
    const missed = s.add(20); // sent while this browser was away
    s.feed.socketUp();
    expect(showsBanner(s.feed.snapshot.link)).toBe(true);
    s.feed.frame(missed[19]); // a live frame after the receipt, ahead of the gap
    s.feed.subscribed();
    await s.settle();
    await s.settle();
    expect(seqs(s.feed)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(showsBanner(s.feed.snapshot.link)).toBe(false);
    expect(s.feed.snapshot.link.phase).toBe('live');
  });

  it('fills a gap in live frames from the feed, quietly', async () => {
    const s = server(2);
    s.feed.start();
    s.feed.socketUp();
    s.feed.subscribed();
    await s.settle();
    const next = s.add(3);
    s.feed.frame(next[2]); // seq 5 before 3 and 4
    expect(seqs(s.feed)).toEqual([1, 2]);
    expect(showsBanner(s.feed.snapshot.link)).toBe(false);
    await s.settle();
    expect(seqs(s.feed)).toEqual([1, 2, 3, 4, 5]);
    s.feed.frame(next[0]);
    s.feed.frame(next[1]);
    expect(seqs(s.feed)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps frames that arrive before the first page and applies them after it', async () => {
    const s = server(2);
    const early = s.add(1)[0];
    s.feed.frame(early);
    s.feed.start();
    await s.settle();
    expect(seqs(s.feed)).toEqual([1, 2, 3]);
  });

  it('tries the catch-up again after a failure, with the banner up until it succeeds', async () => {
    const s = server(2);
    s.feed.start();
    s.feed.socketUp();
    s.feed.subscribed();
    await s.settle();
    s.feed.socketDown();
    s.add(2);
    s.feed.socketUp();
    s.failNext(1);
    s.feed.subscribed();
    await s.settle();
    expect(s.feed.snapshot.link.failures).toBe(1);
    expect(showsBanner(s.feed.snapshot.link)).toBe(true);
    expect(s.timers).toHaveLength(1);
    s.timers[0]();
    await s.settle();
    expect(seqs(s.feed)).toEqual([1, 2, 3, 4]);
    expect(showsBanner(s.feed.snapshot.link)).toBe(false);
  });

  it('gives up on a 404 (the room is gone or closed to this person) and says so', async () => {
    const feed = new RoomFeed({
      myId: ME,
      loadNewest: async () => {
        throw Object.assign(new Error('nf'), { status: 404 });
      },
      loadOlder: async () => ({ messages: [], has_more: false }),
      eventsAfter: async () => ({ events: [], has_more: false }),
      later: () => {
        throw new Error('must not retry');
      },
    });
    await feed.catchUp();
    expect((feed.snapshot.loadError as { status: number }).status).toBe(404);
  });

  it('loads older messages on request', async () => {
    const s = server(8);
    s.feed.start();
    await s.settle();
    await s.feed.loadOlder();
    expect(seqs(s.feed)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s.feed.snapshot.timeline!.hasOlder).toBe(false);
  });

  it('ignores malformed frames', async () => {
    const s = server(1);
    s.feed.start();
    await s.settle();
    s.feed.frame(null);
    s.feed.frame({ seq: 'x', type: 'message.created' });
    s.feed.frame('text');
    expect(seqs(s.feed)).toEqual([1]);
  });
});
