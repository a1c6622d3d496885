import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhTW } from './zh-TW';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((acc, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? { ...acc, [key]: v } : { ...acc, ...flatten(v, key) };
  }, {});
}

const EN = flatten(en as unknown as Tree);
const ZH = flatten(zhTW as unknown as Tree);
/** Strings that are the same in both languages on purpose (product name, placeholders). */
const SAME = new Set(['app.name', 'admin.audit.userPlaceholder']);

describe('translations', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
  });

  it('translate every string into Chinese', () => {
    const untranslated = Object.keys(EN).filter((k) => !SAME.has(k) && (ZH[k] === EN[k] || !/[\u4e00-\u9fff]/.test(ZH[k])));
    expect(untranslated).toEqual([]);
  });

  it('keep the same placeholders', () => {
    const vars = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort();
    const mismatched = Object.keys(EN).filter((k) => JSON.stringify(vars(EN[k])) !== JSON.stringify(vars(ZH[k])));
    expect(mismatched).toEqual([]);
  });
});
