import { describe, expect, it } from 'vitest';
import { flattenMessages as flatten, translationProblems } from '../testing/translations';
import { platformEn, platformZhTW } from './messages';
import { initialLanguage, mergeMessages } from './setup';

const problems = translationProblems(platformEn, platformZhTW);

describe('shared translations', () => {
  it('have exactly the same keys', () => {
    expect(problems.missing).toEqual([]);
    expect(problems.extra).toEqual([]);
  });

  it('translate every string into Chinese', () => {
    expect(problems.untranslated).toEqual([]);
  });

  it('keep the same placeholders', () => {
    expect(problems.placeholders).toEqual([]);
  });
});

describe('initialLanguage', () => {
  it('prefers a stored choice', () => {
    expect(initialLanguage('en', ['zh-TW'])).toBe('en');
    expect(initialLanguage('zh-TW', ['en-US'])).toBe('zh-TW');
  });
  it('follows a Chinese browser, otherwise English', () => {
    expect(initialLanguage(null, ['zh-HK', 'en'])).toBe('zh-TW');
    expect(initialLanguage('fr', ['de-DE'])).toBe('en');
  });
});

describe('mergeMessages', () => {
  it('keeps the shared strings beside the app’s own and lets the app replace any of them', () => {
    const merged = mergeMessages(platformEn, { signIn: { subtitle: 'Use your line account.' }, rooms: { title: 'Incidents' } });
    expect(flatten(merged)).toMatchObject({
      'signIn.subtitle': 'Use your line account.',
      'signIn.submit': 'Sign in',
      'rooms.title': 'Incidents',
      'sessions.title': 'My sessions',
    });
    expect(platformEn.signIn.subtitle).toBe('Use your company account.');
  });
});
