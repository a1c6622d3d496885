import { describe, expect, it } from 'vitest';
import { activeFilterCount, apiQuery, DEFAULT_FILTERS, filtersToParams, parseFilters, withFilter } from './roomFilters';

describe('room list filters in the URL', () => {
  it('an empty address is the active incidents, newest first', () => {
    expect(parseFilters(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const f = { ...DEFAULT_FILTERS, status: ['resolved' as const], severity: 'high' as const, category: 'safety' as const, line: 'L2', q: 'leak', mine: true, sort: 'severity' as const, desc: false, page: 3 };
    const params = filtersToParams(f);
    expect(params.toString()).toBe('status=resolved&severity=high&category=safety&line=L2&q=leak&mine=1&sort=severity&order=asc&page=3');
    expect(parseFilters(params)).toEqual(f);
  });

  it('"all" means every status; unknown values fall back to defaults', () => {
    expect(parseFilters(new URLSearchParams('status=all')).status).toEqual([]);
    const f = parseFilters(new URLSearchParams('status=open,bogus,open&severity=extreme&sort=password&page=-4&mine=yes'));
    expect(f.status).toEqual(['open']);
    expect(f).toMatchObject({ severity: null, sort: 'reported_at', page: 1, mine: false });
  });

  it('counts the filters that narrow or reorder the list, not the search or the page', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, q: 'leak', page: 3, line: '  ' })).toBe(0);
    expect(activeFilterCount(parseFilters(new URLSearchParams('status=all&severity=high&line=L2&mine=1&order=asc')))).toBe(5);
    expect(activeFilterCount(parseFilters(new URLSearchParams('status=in_progress,open,acknowledged')))).toBe(0);
  });

  it('changing a filter goes back to page 1', () => {
    const f = { ...DEFAULT_FILTERS, page: 4 };
    expect(withFilter(f, { line: 'L3' }).page).toBe(1);
    expect(withFilter(f, { page: 5 }).page).toBe(5);
  });

  it('asks the API with its own parameter names', () => {
    expect(apiQuery({ ...DEFAULT_FILTERS, mine: true, q: ' leak ' })).toBe(
      'status=open%2Cacknowledged%2Cin_progress&q=leak&mine=true&sort=reported_at&order_desc=true&page=1&page_size=20',
    );
    expect(apiQuery({ ...DEFAULT_FILTERS, status: [] })).not.toContain('status=');
  });
});
