import { describe, expect, it } from 'vitest';
import { member } from '../../../test/fixtures';
import { insertMention, mentionAt, mentionCandidates, splitMentions } from './mentions';

const members = [
  member('Bob Lin', 'bob@example.com', 'u-bob'),
  member('Bobby Tables', 'bobby@example.com', 'u-bobby'),
  member('Alice Chen', 'alice@example.com', 'u-alice'),
  member('', 'pending@example.com', null),
];

describe('mentions', () => {
  it('finds the @query before the caret, not inside an e-mail address', () => {
    expect(mentionAt('hi @bo', 6)).toEqual({ start: 3, query: 'bo' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('mail bob@exa', 12)).toBeNull();
    expect(mentionAt('no mention', 10)).toBeNull();
    expect(mentionAt('@bob\nnext', 9)).toBeNull();
    expect(mentionAt('（@ali', 5)).toEqual({ start: 1, query: 'ali' });
    expect(mentionAt('@Bob L', 6)).toEqual({ start: 0, query: 'Bob L' });
    expect(mentionAt('@Bob Lin ', 9)).toBeNull();
  });

  it('suggests members by name or e-mail, best match first, never myself or pending people', () => {
    expect(mentionCandidates(members, 'bo').map((m) => m.user_id)).toEqual(['u-bob', 'u-bobby']);
    expect(mentionCandidates(members, 'chen').map((m) => m.user_id)).toEqual(['u-alice']);
    expect(mentionCandidates(members, '', 'u-alice').map((m) => m.user_id)).toEqual(['u-bob', 'u-bobby']);
    expect(mentionCandidates(members, 'pending')).toEqual([]);
  });

  it('inserts the chosen member and moves the caret after it', () => {
    expect(insertMention('hi @bo there', 3, 6, members[0])).toEqual({ text: 'hi @Bob Lin  there', caret: 12 });
  });

  it('splits text into runs and mentions, the longest name winning', () => {
    expect(splitMentions('ping @Bobby Tables and @bob lin, and @alice@example.com!', members)).toEqual([
      { text: 'ping ' },
      { text: '@Bobby Tables', userId: 'u-bobby' },
      { text: ' and ' },
      { text: '@bob lin', userId: 'u-bob' },
      { text: ', and ' },
      { text: '@alice@example.com', userId: 'u-alice' },
      { text: '!' },
    ]);
    expect(splitMentions('@nobody here', members)).toEqual([{ text: '@nobody here' }]);
  });
});
