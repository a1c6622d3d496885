import { describe, expect, it } from 'vitest';
import { initialLink, link, retryDelayMs, showsBanner, type LinkEvent } from './connection';

const run = (...events: LinkEvent['type'][]) => events.reduce((s, type) => link(s, { type } as LinkEvent), initialLink);

describe('link state', () => {
  it('shows no banner while first connecting', () => {
    expect(showsBanner(run('socket-down'))).toBe(false);
    expect(run('socket-up', 'subscribed', 'caught-up').phase).toBe('live');
  });

  it('shows the banner from the drop until the catch-up after the receipt', () => {
    const live = run('socket-up', 'subscribed', 'caught-up');
    const down = link(live, { type: 'socket-down' });
    expect(showsBanner(down)).toBe(true);
    const up = link(down, { type: 'socket-up' });
    expect(showsBanner(up)).toBe(true);
    // A catch-up that finishes before the new subscription is confirmed does not count.
    expect(showsBanner(link(up, { type: 'caught-up' }))).toBe(true);
    const subscribed = link(up, { type: 'subscribed' });
    expect(showsBanner(subscribed)).toBe(true);
    expect(showsBanner(link(subscribed, { type: 'caught-up' }))).toBe(false);
  });

  it('a gap while live catches up without the banner', () => {
    const gap = link(run('socket-up', 'subscribed', 'caught-up'), { type: 'gap' });
    expect(gap.phase).toBe('catching-up');
    expect(showsBanner(gap)).toBe(false);
    expect(link(gap, { type: 'caught-up' }).phase).toBe('live');
  });

  it('backs off after failures, to at most 30 s', () => {
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 30000]);
    expect(run('catch-up-failed', 'catch-up-failed').failures).toBe(2);
  });
});
