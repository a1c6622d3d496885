import { describe, expect, it } from 'vitest';
import { msg } from '../../../test/fixtures';
import { dayLabel, rowsOf, typingKey } from './days';

describe('conversation rows', () => {
  it('puts a divider before each day and the unread divider before its message', () => {
    const a = msg(1, { created_at: new Date(2026, 0, 5, 23, 50).toISOString() });
    const b = msg(2, { created_at: new Date(2026, 0, 6, 0, 10).toISOString() });
    const c = msg(3, { created_at: new Date(2026, 0, 6, 0, 20).toISOString() });
    expect(rowsOf([a, b, c], 'm3').map((r) => r.kind)).toEqual(['day', 'message', 'day', 'message', 'unread', 'message']);
  });

  it('says today and yesterday, otherwise the date', () => {
    const today = new Date(2026, 0, 6, 12);
    const words = { today: 'Today', yesterday: 'Yesterday' };
    expect(dayLabel('2026-01-06', 'en', today, words)).toBe('Today');
    expect(dayLabel('2026-01-05', 'en', today, words)).toBe('Yesterday');
    expect(dayLabel('2026-01-01', 'en', today, words)).toContain('2026');
  });

  it('names who is typing', () => {
    expect(typingKey([])).toBeNull();
    expect(typingKey(['Alice'])).toEqual({ key: 'room.typing1', values: { name: 'Alice' } });
    expect(typingKey(['Alice', 'Bob'])?.key).toBe('room.typing2');
    expect(typingKey(['A', 'B', 'C'])).toEqual({ key: 'room.typingMany', values: { count: 3 } });
  });
});
