/**
 * The filters keep calendar days ('2026-11-22') in the URL, but the API reads a bare day as a UTC
 * day; a reader in Taipei means their own day, so requests carry its local bounds as timestamps.
 */
function localMidnight(day: string, offsetDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + offsetDays);
}

/** The first instant of the local day, as an ISO timestamp. */
export function startOfLocalDay(day: string): string {
  return localMidnight(day).toISOString();
}

/** The last millisecond of the local day, as an ISO timestamp (the API's end is inclusive for timestamps). */
export function endOfLocalDay(day: string): string {
  return new Date(localMidnight(day, 1).getTime() - 1).toISOString();
}
