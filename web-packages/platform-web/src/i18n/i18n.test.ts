import { describe, expect, it } from 'vitest';
import { platformEn, platformZhTW } from './messages';
import { initialLanguage, mergeMessages, type Messages } from './setup';

function flatten(tree: Messages, prefix = ''): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((acc, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? { ...acc, [key]: v } : { ...acc, ...flatten(v, key) };
  }, {});
}

const EN = flatten(platformEn);
const ZH = flatten(platformZhTW);

describe('shared translations', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
  });

  it('translate every string into Chinese', () => {
    const untranslated = Object.keys(EN).filter((k) => ZH[k] === EN[k] || !/[\u4e00-\u9fff]/.test(ZH[k]));
    expect(untranslated).toEqual([]);
  });

  it('keep the same placeholders', () => {
    const vars = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort();
    const mismatched = Object.keys(EN).filter((k) => JSON.stringify(vars(EN[k])) !== JSON.stringify(vars(ZH[k])));
    expect(mismatched).toEqual([]);
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
