import { translationProblems } from '@toolocr/platform-web/testing';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhTW } from './zh-TW';

describe('translations', () => {
  const problems = translationProblems(en, zhTW);

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
