import { describe, expect, it } from 'vitest';
import { inTimeZone } from '../../../test/timeZone';
import { auditFiltersToApiQuery, auditFiltersToParams, parseAuditFilters } from './auditFilters';

describe('audit filters', () => {
  it('round-trips through the URL and drops junk', () => {
    const f = parseAuditFilters(new URLSearchParams('email=a@b.c&event_type=login_failure&outcome=failure&date_from=2026-01-01&page=3'));
    expect(f).toEqual({ email: 'a@b.c', eventType: 'login_failure', outcome: 'failure', dateFrom: '2026-01-01', dateTo: null, page: 3 });
    expect(auditFiltersToParams(f).toString()).toBe('email=a%40b.c&event_type=login_failure&outcome=failure&date_from=2026-01-01&page=3');
    expect(parseAuditFilters(new URLSearchParams('event_type=DROP TABLE&outcome=maybe'))).toMatchObject({ eventType: null, outcome: null });
  });
});

describe('local days in audit log requests', () => {
  inTimeZone('Asia/Taipei');

  it('sends local bounds for the audit log while the URL keeps the days', () => {
    const audit = parseAuditFilters(new URLSearchParams('date_from=2026-11-22&date_to=2026-11-22'));
    expect(audit.dateFrom).toBe('2026-11-22');
    expect(auditFiltersToApiQuery(audit).get('date_from')).toBe('2026-11-21T16:00:00.000Z');
    expect(auditFiltersToApiQuery(audit).get('date_to')).toBe('2026-11-22T15:59:59.999Z');
  });
});
