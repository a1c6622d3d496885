import type { EventPage, Message, MessagePage, RoomEvent } from '../../../shared/api/types';
import { initialLink, link, retryDelayMs, type LinkEvent, type LinkState } from './connection';
import { fromPage, gapAfter, placeLocal, prependOlder, receive, type Timeline } from './timeline';

export interface FeedDeps {
  myId: string;
  loadNewest(): Promise<MessagePage>;
  loadOlder(beforeSeq: number): Promise<MessagePage>;
  eventsAfter(seq: number): Promise<EventPage>;
  /** Runs `fn` later (setTimeout in the page, a fake clock in tests); answers a cancel. */
  later(fn: () => void, ms: number): () => void;
}

export interface FeedSnapshot {
  timeline: Timeline | null;
  link: LinkState;
  loadError: unknown;
  loadingOlder: boolean;
}

/**
 * One room's conversation kept exactly up to date: the newest page first, then every live frame and
 * every page of the events feed through one ordered, de-duplicating timeline. The feed is read after
 * the page loads and again after each confirmed (re)subscription, so whatever happened while the
 * socket was down is filled in before the view calls itself live.
 */
export class RoomFeed {
  private snap: FeedSnapshot = { timeline: null, link: initialLink, loadError: null, loadingOlder: false };
  private readonly listeners = new Set<() => void>();
  private early: RoomEvent[] = [];
  private running = false;
  private again = false;
  private cancelRetry: (() => void) | null = null;
  private closed = false;

  constructor(private readonly deps: FeedDeps) {}

  get snapshot(): FeedSnapshot {
    return this.snap;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close() {
    this.closed = true;
    this.cancelRetry?.();
    this.listeners.clear();
  }

  private set(change: Partial<FeedSnapshot>) {
    this.snap = { ...this.snap, ...change };
    this.listeners.forEach((l) => l());
  }

  private linkEvent(e: LinkEvent) {
    const next = link(this.snap.link, e);
    if (next !== this.snap.link) this.set({ link: next });
  }

  /** The view opened: load, then catch up (the subscription's receipt asks again). */
  start() {
    void this.catchUp();
  }

  socketUp() {
    this.linkEvent({ type: 'socket-up' });
  }

  socketDown() {
    this.linkEvent({ type: 'socket-down' });
  }

  /** The server confirmed the room subscription: anything newer arrives live, so read the feed now. */
  subscribed() {
    this.linkEvent({ type: 'subscribed' });
    void this.catchUp();
  }

  /** A live frame. */
  frame(body: unknown) {
    const e = body as RoomEvent;
    if (!e || typeof e !== 'object' || typeof e.seq !== 'number' || typeof e.type !== 'string') return;
    const t = this.snap.timeline;
    if (!t) {
      this.early.push(e);
      return;
    }
    const next = receive(t, [e], this.deps.myId);
    this.set({ timeline: next });
    if (gapAfter(next) !== null) {
      this.linkEvent({ type: 'gap' });
      void this.catchUp();
    }
  }

  /** The answer to one's own send, shown before its event arrives. */
  sent(message: Message) {
    if (this.snap.timeline) this.set({ timeline: placeLocal(this.snap.timeline, message) });
  }

  async loadOlder() {
    const t = this.snap.timeline;
    if (!t || !t.hasOlder || this.snap.loadingOlder || t.messages.length === 0) return;
    this.set({ loadingOlder: true });
    try {
      const page = await this.deps.loadOlder(t.messages[0].seq);
      if (this.closed) return;
      this.set({ timeline: prependOlder(this.snap.timeline!, page.messages, page.has_more), loadingOlder: false });
    } catch {
      this.set({ loadingOlder: false });
    }
  }

  /** Loads the first page if needed, then reads the events feed until it has nothing newer. */
  async catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    try {
      if (!this.snap.timeline) {
        const page = await this.deps.loadNewest();
        if (this.closed) return;
        const t = receive(fromPage(page.messages, page.has_more), this.early, this.deps.myId);
        this.early = [];
        this.set({ timeline: t, loadError: null });
      }
      do {
        this.again = false;
        for (;;) {
          const page = await this.deps.eventsAfter(this.snap.timeline!.lastSeq);
          if (this.closed) return;
          const before = this.snap.timeline!.lastSeq;
          this.set({ timeline: receive(this.snap.timeline!, page.events, this.deps.myId) });
          if (!page.has_more || this.snap.timeline!.lastSeq === before) break;
        }
      } while (this.again);
      this.linkEvent({ type: 'caught-up' });
    } catch (error) {
      if (this.closed) return;
      if (!this.snap.timeline) this.set({ loadError: error });
      this.linkEvent({ type: 'catch-up-failed' });
      // A 4xx (the room is gone or no longer readable) will not get better by asking again.
      const status = (error as { status?: number }).status ?? 0;
      if (status >= 400 && status < 500) {
        this.set({ loadError: error });
        return;
      }
      this.cancelRetry = this.deps.later(() => void this.catchUp(), retryDelayMs(this.snap.link.failures));
    } finally {
      this.running = false;
    }
    // A frame that arrived while the last page was on its way may have opened a new gap.
    if (this.again && !this.closed) void this.catchUp();
  }
}
