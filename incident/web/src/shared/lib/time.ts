import { useEffect, useState } from 'react';

/** "3 h 12 min" / "45 s": a compact elapsed time for timers and durations. */
export function formatElapsed(seconds: number | null | undefined, t: (key: 'time.d' | 'time.h' | 'time.min' | 'time.s', o: { n: number }) => string): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${t('time.d', { n: d })} ${t('time.h', { n: h })}`;
  if (h > 0) return `${t('time.h', { n: h })} ${t('time.min', { n: m })}`;
  if (m > 0) return `${t('time.min', { n: m })} ${t('time.s', { n: s % 60 })}`;
  return t('time.s', { n: s });
}

/** Seconds from `iso` to now (or to `until`); null when `iso` is missing. */
export function secondsSince(iso: string | null | undefined, now: number, until?: string | null): number | null {
  if (!iso) return null;
  const from = new Date(iso).getTime();
  const to = until ? new Date(until).getTime() : now;
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.max(0, (to - from) / 1000);
}

/** The current time, renewed every `everyMs`, for live timers. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
