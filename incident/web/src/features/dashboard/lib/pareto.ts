/** Categories by count, largest first, with each one's cumulative share of all incidents (0…1). */
export function paretoRows(rows: { category: string; count: number }[]): { category: string; count: number; share: number; cumulative: number }[] {
  const sorted = [...rows].filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  const total = sorted.reduce((s, r) => s + r.count, 0);
  let running = 0;
  return sorted.map((r) => {
    running += r.count;
    return { ...r, share: total ? r.count / total : 0, cumulative: total ? running / total : 0 };
  });
}

/** The period the dashboard opens with: the last 30 days up to today, as YYYY-MM-DD. */
export function defaultPeriod(today = new Date()): { from: string; to: string } {
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = new Date(today);
  from.setDate(from.getDate() - 29);
  return { from: iso(from), to: iso(today) };
}
