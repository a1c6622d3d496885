import { describe, expect, it } from 'vitest';
import { defaultPeriod, paretoRows } from './pareto';

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
