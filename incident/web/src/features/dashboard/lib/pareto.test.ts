import { describe, expect, it } from 'vitest';
import { countAxis, defaultPeriod, paretoGeometry, paretoRows } from './pareto';

describe('Pareto', () => {
  it('ranks categories and accumulates their share', () => {
    expect(paretoRows([{ category: 'quality', count: 2 }, { category: 'machine_down', count: 6 }, { category: 'safety', count: 0 }, { category: 'material', count: 2 }])).toEqual([
      { category: 'machine_down', count: 6, share: 0.6, cumulative: 0.6 },
      { category: 'material', count: 2, share: 0.2, cumulative: 0.8 },
      { category: 'quality', count: 2, share: 0.2, cumulative: 1 },
    ]);
  });

  it('opens on the last 30 days', () => {
    expect(defaultPeriod(new Date(2026, 2, 10))).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });
});

describe('Pareto chart geometry', () => {
  const rows = paretoRows([
    { category: 'quality', count: 3 },
    { category: 'machine_down', count: 6 },
    { category: 'material', count: 1 },
  ]);

  it('draws the bars largest first, left to right, each as tall as its count', () => {
    const g = paretoGeometry(rows, 400, 240);
    expect(g.bars.map((b) => b.category)).toEqual(['machine_down', 'quality', 'material']);
    const xs = g.bars.map((b) => b.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const heights = g.bars.map((b) => b.height);
    expect(heights[0]).toBeGreaterThan(heights[1]);
    expect(heights[1] / heights[0]).toBeCloseTo(0.5);
    for (const b of g.bars) expect(b.y + b.height).toBeCloseTo(g.plot.bottom);
  });

  it('the cumulative line rises over the middle of each bar and ends at 100 %', () => {
    const g = paretoGeometry(rows, 400, 240);
    expect(g.line.map((p) => p.x)).toEqual(g.bars.map((b) => b.center));
    const ys = g.line.map((p) => p.y);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
    expect(ys[ys.length - 1]).toBeCloseTo(g.plot.top);
    expect(g.shareTicks.map((t) => t.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(g.shareTicks[4].y).toBeCloseTo(g.plot.top);
  });

  it('stays inside its box at a phone width', () => {
    const g = paretoGeometry(rows, 300, 220);
    for (const b of g.bars) {
      expect(b.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(b.x + b.width).toBeLessThanOrEqual(g.plot.right);
    }
  });

  it('puts the count axis on round whole numbers', () => {
    expect(countAxis(6)).toEqual({ top: 6, ticks: [0, 2, 4, 6] });
    expect(countAxis(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countAxis(230)).toEqual({ top: 250, ticks: [0, 50, 100, 150, 200, 250] });
    expect(countAxis(12)).toEqual({ top: 15, ticks: [0, 5, 10, 15] });
  });
});
