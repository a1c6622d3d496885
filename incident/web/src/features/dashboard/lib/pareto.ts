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

/** A round top for a count axis (1, 2 or 5 times a power of ten) and its ticks, 0 included. */
export function countAxis(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [0.1, 0.2, 0.5, 1, 2, 5, 10].map((m) => m * magnitude).find((s) => Math.ceil(max / s) <= 5) ?? 10 * magnitude;
  // Counts are whole: never a tick at 0.5.
  const whole = Math.max(1, Math.round(step));
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += whole) ticks.push(v);
  return { top, ticks };
}

export interface ParetoGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: { category: string; count: number; cumulative: number; x: number; y: number; width: number; height: number; center: number }[];
  /** The cumulative share's points, one over the middle of each bar. */
  line: { x: number; y: number }[];
  countTicks: { value: number; y: number }[];
  shareTicks: { value: number; y: number }[];
}

/**
 * Where everything of the Pareto chart goes in a box of the given size (px): bars largest first on
 * the count axis (left), the cumulative share as a line on the percentage axis (right).
 */
export function paretoGeometry(rows: { category: string; count: number; cumulative: number }[], width: number, height: number): ParetoGeometry {
  const plot = { left: 36, right: width - 40, top: 12, bottom: height - 40 };
  const plotHeight = plot.bottom - plot.top;
  const slot = rows.length ? (plot.right - plot.left) / rows.length : 0;
  const axis = countAxis(Math.max(0, ...rows.map((r) => r.count)));
  const yOfCount = (v: number) => plot.bottom - (v / axis.top) * plotHeight;
  const yOfShare = (v: number) => plot.bottom - v * plotHeight;
  const bars = rows.map((r, i) => {
    const center = plot.left + slot * (i + 0.5);
    const barWidth = Math.min(slot * 0.64, 72);
    const y = yOfCount(r.count);
    return { category: r.category, count: r.count, cumulative: r.cumulative, x: center - barWidth / 2, y, width: barWidth, height: plot.bottom - y, center };
  });
  return {
    width,
    height,
    plot,
    bars,
    line: bars.map((b) => ({ x: b.center, y: yOfShare(b.cumulative) })),
    countTicks: axis.ticks.map((value) => ({ value, y: yOfCount(value) })),
    shareTicks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, y: yOfShare(value) })),
  };
}
