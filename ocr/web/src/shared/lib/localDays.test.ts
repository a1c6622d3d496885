import { describe, expect, it } from 'vitest';
import { inTimeZone } from '../../test/timeZone';
import { endOfLocalDay, startOfLocalDay } from './localDays';

describe('local days in requests', () => {
  inTimeZone('Asia/Taipei');

  it('turns a Taipei day into its UTC bounds', () => {
    expect(startOfLocalDay('2026-11-22')).toBe('2026-11-21T16:00:00.000Z');
    expect(endOfLocalDay('2026-11-22')).toBe('2026-11-22T15:59:59.999Z');
  });
});
