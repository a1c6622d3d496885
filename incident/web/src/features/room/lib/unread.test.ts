import { describe, expect, it } from 'vitest';
import { countedTitle } from '../../../shared/lib/title';
import { ME, msg } from '../../../test/fixtures';
import { countsAsUnread, unreadDividerId, unreadSince } from './unread';

const mine = { id: ME, email: 'me@x', display_name: 'Me' };

describe('unread', () => {
  const list = [msg(1), msg(2, { author: mine }), msg(3, { kind: 'system', author: null }), msg(4), msg(5, { deleted: true }), msg(6)];

  it('counts what the server counts: others’ live messages, no notices', () => {
    expect(list.filter((m) => countsAsUnread(m, ME)).map((m) => m.seq)).toEqual([1, 4, 6]);
    expect(unreadSince(list, 3, ME)).toBe(2);
  });

  it('puts the divider before the oldest unread message', () => {
    expect(unreadDividerId(list, 2, ME)).toBe('m4');
    expect(unreadDividerId(list, 1, ME)).toBe('m6');
    expect(unreadDividerId(list, 0, ME)).toBeNull();
    expect(unreadDividerId(list, 9, ME)).toBe('m1');
  });

  it('counts unread rooms in the tab title', () => {
    expect(countedTitle('Incidents · App', 3)).toBe('(3) Incidents · App');
    expect(countedTitle('(3) Incidents · App', 0)).toBe('Incidents · App');
    expect(countedTitle('(3) Incidents · App', 120)).toBe('(99+) Incidents · App');
  });
});
