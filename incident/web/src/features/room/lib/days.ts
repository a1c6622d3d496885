import type { Message } from '../../../shared/api/types';

/** The local calendar day of a timestamp, as YYYY-MM-DD. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export type Row = { kind: 'day'; day: string; key: string } | { kind: 'unread'; key: string } | { kind: 'message'; message: Message; key: string };

/** The conversation's rows: a divider before each new day, and one before the first unread message. */
export function rowsOf(messages: Message[], unreadFromId: string | null): Row[] {
  const rows: Row[] = [];
  let day = '';
  for (const m of messages) {
    const d = localDay(m.created_at);
    if (d !== day) {
      rows.push({ kind: 'day', day: d, key: `day-${d}` });
      day = d;
    }
    if (m.id === unreadFromId) rows.push({ kind: 'unread', key: 'unread' });
    rows.push({ kind: 'message', message: m, key: m.id });
  }
  return rows;
}

/** "Today", "Yesterday" or the date, in the UI language. */
export function dayLabel(day: string, language: string, today: Date, words: { today: string; yesterday: string }): string {
  const [y, mo, d] = day.split('-').map(Number);
  const date = new Date(y, mo - 1, d);
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const diff = Math.round((start.getTime() - date.getTime()) / 86_400_000);
  if (diff === 0) return words.today;
  if (diff === 1) return words.yesterday;
  return date.toLocaleDateString(language, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
}

/** "Alice is typing…" / "Alice and Bob are typing…" / "3 people are typing…" */
export function typingKey(names: string[]): { key: 'room.typing1' | 'room.typing2' | 'room.typingMany'; values: Record<string, string | number> } | null {
  if (names.length === 0) return null;
  if (names.length === 1) return { key: 'room.typing1', values: { name: names[0] } };
  if (names.length === 2) return { key: 'room.typing2', values: { a: names[0], b: names[1] } };
  return { key: 'room.typingMany', values: { count: names.length } };
}
