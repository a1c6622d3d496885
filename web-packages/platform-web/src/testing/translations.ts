/** Checks an app's string tables against each other, for its i18n test. */
type Tree = { [key: string]: string | Tree };

export function flattenMessages(tree: object, prefix = ''): Record<string, string> {
  return Object.entries(tree as Tree).reduce<Record<string, string>>((acc, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? { ...acc, [key]: v } : { ...acc, ...flattenMessages(v, key) };
  }, {});
}

/** What is wrong with a Chinese table next to the English one; every list is empty when all is well. */
export function translationProblems(en: object, zh: object, sameOnPurpose: Iterable<string> = []) {
  const EN = flattenMessages(en);
  const ZH = flattenMessages(zh);
  const same = new Set(sameOnPurpose);
  const vars = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort();
  return {
    missing: Object.keys(EN).filter((k) => !(k in ZH)),
    extra: Object.keys(ZH).filter((k) => !(k in EN)),
    untranslated: Object.keys(EN).filter((k) => k in ZH && !same.has(k) && (ZH[k] === EN[k] || !/[\u4e00-\u9fff]/.test(ZH[k]))),
    placeholders: Object.keys(EN).filter((k) => k in ZH && JSON.stringify(vars(EN[k])) !== JSON.stringify(vars(ZH[k]))),
  };
}
