import { describe, expect, it } from 'vitest';
import { inTimeZone } from '../../../test/timeZone';
import {
  DEFAULT_FILTERS,
  hasActiveFilters,
  parseTaskFilters,
  taskFiltersToApiQuery,
  taskFiltersToParams,
  toggleSort,
  updateTaskFilters,
} from './taskFilters';

const parse = (q: string) => parseTaskFilters(new URLSearchParams(q));

describe('task filters in the URL', () => {
  it('reads every filter from the query', () => {
    expect(parse('status=failed&filename=invoice&date_from=2026-01-02&date_to=2026-02-03&sort_by=filename&order=asc&page=3&page_size=50')).toEqual({
      status: 'failed',
      filename: 'invoice',
      dateFrom: '2026-01-02',
      dateTo: '2026-02-03',
      sortBy: 'filename',
      orderDesc: false,
      page: 3,
      pageSize: 50,
    });
  });

  it('falls back to defaults for anything malformed', () => {
    expect(parse('status=exploded&sort_by=password&order=sideways&page=-4&page_size=1000&date_from=2026-02-30&date_to=yesterday')).toEqual(
      DEFAULT_FILTERS,
    );
    expect(parse('page=2.5').page).toBe(1);
  });

  it('round-trips and leaves defaults out of the URL', () => {
    expect(taskFiltersToParams(DEFAULT_FILTERS).toString()).toBe('');
    const f = { ...DEFAULT_FILTERS, status: 'completed' as const, filename: ' scan ', page: 2, orderDesc: false };
    const params = taskFiltersToParams(f);
    expect(params.toString()).toBe('status=completed&filename=scan&order=asc&page=2');
    expect(parseTaskFilters(params)).toEqual({ ...f, filename: 'scan' });
  });

  it('builds the API query the server understands', () => {
    const q = taskFiltersToApiQuery({ ...DEFAULT_FILTERS, status: 'queued', dateFrom: '2026-01-01' });
    expect(Object.fromEntries(q)).toEqual({
      status: 'queued',
      date_from: new Date(2026, 0, 1).toISOString(),
      sort_by: 'created_at',
      order_desc: 'true',
      page: '1',
      page_size: '20',
    });
  });
});

describe('changing filters', () => {
  const onPage4 = { ...DEFAULT_FILTERS, page: 4 };

  it('goes back to page 1 when what is shown changes', () => {
    expect(updateTaskFilters(onPage4, { status: 'failed' }).page).toBe(1);
    expect(updateTaskFilters(onPage4, { pageSize: 50 }).page).toBe(1);
  });

  it('keeps the other filters when only the page changes', () => {
    const f = { ...onPage4, status: 'failed' as const };
    expect(updateTaskFilters(f, { page: 5 })).toEqual({ ...f, page: 5 });
  });

  it('puts a reversed date range in order', () => {
    const f = updateTaskFilters(DEFAULT_FILTERS, { dateFrom: '2026-05-01', dateTo: '2026-04-01' });
    expect([f.dateFrom, f.dateTo]).toEqual(['2026-04-01', '2026-05-01']);
  });

  it('toggles direction on the same column and picks a sensible first direction on a new one', () => {
    const byName = toggleSort(onPage4, 'filename');
    expect([byName.sortBy, byName.orderDesc, byName.page]).toEqual(['filename', false, 1]);
    expect(toggleSort(byName, 'filename').orderDesc).toBe(true);
    expect(toggleSort(byName, 'completed_at')).toMatchObject({ sortBy: 'completed_at', orderDesc: true });
  });

  it('knows when filters are active', () => {
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, filename: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, dateTo: '2026-01-01' })).toBe(true);
  });
});

describe('local days in task list requests', () => {
  inTimeZone('Asia/Taipei');

  it('sends local bounds for the task list while the URL keeps the days', () => {
    const tasks = taskFiltersToApiQuery({ ...DEFAULT_FILTERS, dateFrom: '2026-11-22', dateTo: '2026-11-23' });
    expect(tasks.get('date_from')).toBe('2026-11-21T16:00:00.000Z');
    expect(tasks.get('date_to')).toBe('2026-11-23T15:59:59.999Z');
  });
});
