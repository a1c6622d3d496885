import { describe, expect, it } from 'vitest';
import { formatBytes, formatDurationMs, formatRelative } from './format';

describe('formatting', () => {
  it('formats sizes, durations and relative times', () => {
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(-1, 'en')).toBe('—');
    expect(formatDurationMs(850, 'en')).toBe('850 ms');
    expect(formatDurationMs(95_000, 'en')).toBe('1 min 35 sec');
    expect(formatDurationMs(119_600, 'en')).toBe('2 min 0 sec');
    expect(formatDurationMs(1_500, 'zh-TW')).toBe('1.5 秒');
    expect(formatDurationMs(95_000, 'zh-TW')).toBe('1 分鐘 35 秒');
    expect(formatRelative('2026-01-01T00:00:00Z', 'en', Date.parse('2026-01-01T00:05:00Z'))).toBe('5 minutes ago');
  });
});
