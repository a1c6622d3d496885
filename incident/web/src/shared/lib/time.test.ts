import { describe, expect, it } from 'vitest';
import { formatElapsed, secondsSince } from './time';

const t = (k: string, o: { n: number }) => `${o.n}${k.slice(5)}`;

describe('timers', () => {
  it('formats elapsed time compactly', () => {
    expect(formatElapsed(42, t)).toBe('42s');
    expect(formatElapsed(125, t)).toBe('2min 5s');
    expect(formatElapsed(3 * 3600 + 12 * 60, t)).toBe('3h 12min');
    expect(formatElapsed(2 * 86400 + 3600, t)).toBe('2d 1h');
    expect(formatElapsed(null, t)).toBe('—');
  });

  it('measures to now, or to when it ended', () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    expect(secondsSince('2026-01-05T08:00:00Z', now)).toBe(3600);
    expect(secondsSince('2026-01-05T08:00:00Z', now, '2026-01-05T08:30:00Z')).toBe(1800);
    expect(secondsSince(null, now)).toBeNull();
  });
});
