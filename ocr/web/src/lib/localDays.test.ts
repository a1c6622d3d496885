import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFiltersToApiQuery, parseAuditFilters } from './auditFilters';
import { endOfLocalDay, startOfLocalDay } from './localDays';
import { DEFAULT_FILTERS, taskFiltersToApiQuery } from './taskFilters';

describe('local days in requests', () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Asia/Taipei';
  });
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('turns a Taipei day into its UTC bounds', () => {
    expect(startOfLocalDay('2026-11-22')).toBe('2026-11-21T16:00:00.000Z');
    expect(endOfLocalDay('2026-11-22')).toBe('2026-11-22T15:59:59.999Z');
  });

  it('sends local bounds for the task list and the audit log while the URL keeps the days', () => {
    const tasks = taskFiltersToApiQuery({ ...DEFAULT_FILTERS, dateFrom: '2026-11-22', dateTo: '2026-11-23' });
    expect(tasks.get('date_from')).toBe('2026-11-21T16:00:00.000Z');
    expect(tasks.get('date_to')).toBe('2026-11-23T15:59:59.999Z');

    const audit = parseAuditFilters(new URLSearchParams('date_from=2026-11-22&date_to=2026-11-22'));
    expect(audit.dateFrom).toBe('2026-11-22');
    expect(auditFiltersToApiQuery(audit).get('date_from')).toBe('2026-11-21T16:00:00.000Z');
    expect(auditFiltersToApiQuery(audit).get('date_to')).toBe('2026-11-22T15:59:59.999Z');
  });
});
