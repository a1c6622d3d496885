import { TASK_STATUSES, type TaskStatus } from '../api/types';
import { endOfLocalDay, startOfLocalDay } from '../../../shared/lib/localDays';

/** The task-history view state; it lives in the URL so a view can be bookmarked and shared. */
export interface TaskFilters {
  status: TaskStatus | null;
  filename: string;
  dateFrom: string | null;
  dateTo: string | null;
  sortBy: TaskSortKey;
  orderDesc: boolean;
  page: number;
  pageSize: number;
}

/** The server's sort whitelist. */
export const TASK_SORT_KEYS = ['created_at', 'updated_at', 'completed_at', 'filename', 'status'] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const DEFAULT_FILTERS: TaskFilters = {
  status: null,
  filename: '',
  dateFrom: null,
  dateTo: null,
  sortBy: 'created_at',
  orderDesc: true,
  page: 1,
  pageSize: 20,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string | null): string | null {
  if (value === null || !DATE.test(value)) {
    return null;
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? null : value;
}

/**
 * Reads filters from a URL query. Anything malformed (a hand-edited or stale link) falls back to
 * its default instead of producing a request the server would reject.
 */
export function parseTaskFilters(params: URLSearchParams): TaskFilters {
  const status = params.get('status');
  const sortBy = params.get('sort_by');
  const order = params.get('order');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('page_size'));
  return {
    status: TASK_STATUSES.includes(status as TaskStatus) ? (status as TaskStatus) : null,
    filename: (params.get('filename') ?? '').slice(0, 200),
    dateFrom: validDate(params.get('date_from')),
    dateTo: validDate(params.get('date_to')),
    sortBy: TASK_SORT_KEYS.includes(sortBy as TaskSortKey) ? (sortBy as TaskSortKey) : DEFAULT_FILTERS.sortBy,
    orderDesc: order === 'asc' ? false : order === 'desc' ? true : DEFAULT_FILTERS.orderDesc,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_FILTERS.pageSize,
  };
}

/** Writes filters to a URL query, leaving out defaults so plain links stay short. */
export function taskFiltersToParams(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.filename.trim()) params.set('filename', filters.filename.trim());
  if (filters.dateFrom) params.set('date_from', filters.dateFrom);
  if (filters.dateTo) params.set('date_to', filters.dateTo);
  if (filters.sortBy !== DEFAULT_FILTERS.sortBy) params.set('sort_by', filters.sortBy);
  if (filters.orderDesc !== DEFAULT_FILTERS.orderDesc) params.set('order', filters.orderDesc ? 'desc' : 'asc');
  if (filters.page !== 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_FILTERS.pageSize) params.set('page_size', String(filters.pageSize));
  return params;
}

/**
 * Applies a change from the UI. Changing what is shown (a filter or the sort) goes back to page 1,
 * because the old page number may not exist in the new result.
 */
export function updateTaskFilters(current: TaskFilters, change: Partial<TaskFilters>): TaskFilters {
  const next = { ...current, ...change };
  const onlyPage = Object.keys(change).every((k) => k === 'page');
  if (!onlyPage) {
    next.page = change.page ?? 1;
  }
  if (next.dateFrom && next.dateTo && next.dateFrom > next.dateTo) {
    [next.dateFrom, next.dateTo] = [next.dateTo, next.dateFrom];
  }
  return next;
}

/** Clicking a column header: a new column sorts descending first for dates, ascending for text. */
export function toggleSort(current: TaskFilters, key: TaskSortKey): TaskFilters {
  if (current.sortBy === key) {
    return updateTaskFilters(current, { orderDesc: !current.orderDesc });
  }
  const descFirst = key.endsWith('_at');
  return updateTaskFilters(current, { sortBy: key, orderDesc: descFirst });
}

/** The query the task list endpoint understands; the days are the reader's local days. */
export function taskFiltersToApiQuery(filters: TaskFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (filters.status) q.set('status', filters.status);
  if (filters.filename.trim()) q.set('filename', filters.filename.trim());
  if (filters.dateFrom) q.set('date_from', startOfLocalDay(filters.dateFrom));
  if (filters.dateTo) q.set('date_to', endOfLocalDay(filters.dateTo));
  q.set('sort_by', filters.sortBy);
  q.set('order_desc', String(filters.orderDesc));
  q.set('page', String(filters.page));
  q.set('page_size', String(filters.pageSize));
  return q;
}

export function hasActiveFilters(filters: TaskFilters): boolean {
  return Boolean(filters.status || filters.filename.trim() || filters.dateFrom || filters.dateTo);
}
