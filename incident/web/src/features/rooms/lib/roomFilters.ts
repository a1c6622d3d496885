import { CATEGORIES, SEVERITIES, STATUSES, type Category, type RoomStatus, type Severity } from '../../../shared/api/types';

export const SORTS = ['reported_at', 'updated_at', 'severity', 'status', 'title'] as const;
export type RoomSort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;

/** Everything that decides which rooms the list shows; all of it lives in the URL. */
export interface RoomFilters {
  status: RoomStatus[];
  severity: Severity | null;
  category: Category | null;
  line: string;
  q: string;
  mine: boolean;
  sort: RoomSort;
  desc: boolean;
  page: number;
}

/** The active incidents, newest first: what people on a line want to see first. */
export const DEFAULT_STATUS: RoomStatus[] = ['open', 'acknowledged', 'in_progress'];

export const DEFAULT_FILTERS: RoomFilters = {
  status: DEFAULT_STATUS,
  severity: null,
  category: null,
  line: '',
  q: '',
  mine: false,
  sort: 'reported_at',
  desc: true,
  page: 1,
};

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | null {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}

/** Reads filters from the address; anything unknown or malformed falls back to its default. */
export function parseFilters(params: URLSearchParams): RoomFilters {
  const statusRaw = params.get('status');
  const status =
    statusRaw === null
      ? DEFAULT_STATUS
      : statusRaw === 'all'
        ? []
        : [...new Set(statusRaw.split(',').map((s) => oneOf(STATUSES, s)).filter((s): s is RoomStatus => s !== null))];
  const page = Number(params.get('page'));
  return {
    status,
    severity: oneOf(SEVERITIES, params.get('severity')),
    category: oneOf(CATEGORIES, params.get('category')),
    line: (params.get('line') ?? '').slice(0, 120),
    q: (params.get('q') ?? '').slice(0, 200),
    mine: params.get('mine') === '1',
    sort: oneOf(SORTS, params.get('sort')) ?? 'reported_at',
    desc: params.get('order') !== 'asc',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

const sameStatus = (a: RoomStatus[], b: RoomStatus[]) => a.length === b.length && a.every((s) => b.includes(s));

/** Writes filters into the address, leaving defaults out so that links stay short. */
export function filtersToParams(f: RoomFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (!sameStatus(f.status, DEFAULT_STATUS)) p.set('status', f.status.length === 0 ? 'all' : f.status.join(','));
  if (f.severity) p.set('severity', f.severity);
  if (f.category) p.set('category', f.category);
  if (f.line.trim()) p.set('line', f.line.trim());
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.mine) p.set('mine', '1');
  if (f.sort !== 'reported_at') p.set('sort', f.sort);
  if (!f.desc) p.set('order', 'asc');
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** A change of any filter but the page starts again at page 1. */
export function withFilter(f: RoomFilters, change: Partial<RoomFilters>): RoomFilters {
  return { ...f, ...change, page: 'page' in change && change.page !== undefined ? change.page : 1 };
}

/**
 * How many filters differ from the defaults, search and page aside: the count on the phone's
 * folded "Filters" button, so that a narrowed list is never mistaken for all of it.
 */
export function activeFilterCount(f: RoomFilters): number {
  return [
    !sameStatus(f.status, DEFAULT_STATUS),
    f.severity !== null,
    f.category !== null,
    f.line.trim() !== '',
    f.mine,
    f.sort !== DEFAULT_FILTERS.sort || f.desc !== DEFAULT_FILTERS.desc,
  ].filter(Boolean).length;
}

/** The query string of GET /api/v2/rooms for these filters. */
export function apiQuery(f: RoomFilters, pageSize = PAGE_SIZE): string {
  const p = new URLSearchParams();
  if (f.status.length > 0) p.set('status', f.status.join(','));
  if (f.severity) p.set('severity', f.severity);
  if (f.category) p.set('category', f.category);
  if (f.line.trim()) p.set('line', f.line.trim());
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.mine) p.set('mine', 'true');
  p.set('sort', f.sort);
  p.set('order_desc', String(f.desc));
  p.set('page', String(f.page));
  p.set('page_size', String(pageSize));
  return p.toString();
}
