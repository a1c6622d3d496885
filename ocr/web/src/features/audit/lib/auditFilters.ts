import { endOfLocalDay, startOfLocalDay } from '../../../shared/lib/localDays';

/** Audit-log filters, kept in the URL like the task filters. */
export interface AuditFilters {
  email: string;
  eventType: string | null;
  outcome: 'success' | 'failure' | 'error' | null;
  dateFrom: string | null;
  dateTo: string | null;
  page: number;
}

/** Event types the server records today; the filter also accepts any other value from a link. */
export const AUDIT_EVENT_TYPES = [
  'login_success',
  'login_failure',
  'login_throttled',
  'logout',
  'token_refresh',
  'refresh_reuse_detected',
  'session_revoked',
  'task_create',
  'task_start',
  'task_cancel',
  'task_retry',
  'task_delete',
  'task_download',
  'task_export',
  'admin_access',
  'user_created',
  'user_deactivated',
  'user_reactivated',
  'reauthentication',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPE = /^[a-z_]{1,64}$/;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const outcome = params.get('outcome');
  const eventType = params.get('event_type');
  const page = Number(params.get('page'));
  const date = (v: string | null) => (v && DATE.test(v) ? v : null);
  return {
    email: (params.get('email') ?? '').slice(0, 200),
    eventType: eventType && TYPE.test(eventType) ? eventType : null,
    outcome: outcome === 'success' || outcome === 'failure' || outcome === 'error' ? outcome : null,
    dateFrom: date(params.get('date_from')),
    dateTo: date(params.get('date_to')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Filter parameters as the page URL keeps them. */
export function auditFilterParams(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.email.trim()) p.set('email', f.email.trim());
  if (f.eventType) p.set('event_type', f.eventType);
  if (f.outcome) p.set('outcome', f.outcome);
  if (f.dateFrom) p.set('date_from', f.dateFrom);
  if (f.dateTo) p.set('date_to', f.dateTo);
  return p;
}

/** The list and export request: like the URL, but the days as the reader's local days. */
export function auditFiltersToApiQuery(f: AuditFilters): URLSearchParams {
  const p = auditFilterParams(f);
  if (f.dateFrom) p.set('date_from', startOfLocalDay(f.dateFrom));
  if (f.dateTo) p.set('date_to', endOfLocalDay(f.dateTo));
  return p;
}

export function auditFiltersToParams(f: AuditFilters): URLSearchParams {
  const p = auditFilterParams(f);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}
