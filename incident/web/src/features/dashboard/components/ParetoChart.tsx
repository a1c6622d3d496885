import { Box, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { paretoGeometry } from '../lib/pareto';

const HEIGHT = 240;

/** A label under its bar: two lines when it has a space and would not fit the slot on one. */
function lines(label: string, room: number): string[] {
  const space = label.indexOf(' ');
  return space > 0 && label.length * 6.2 > room ? [label.slice(0, space), label.slice(space + 1)] : [label];
}

/**
 * The categories as a Pareto chart: bars by count, largest first, and the cumulative share as a
 * line on the right axis, with the 80 % mark. Drawn at the box's real width, so text keeps its size
 * on a phone. Hidden from screen readers: the table view holds the same figures.
 */
export function ParetoChart({ rows }: { rows: { category: string; label: string; count: number; cumulative: number }[] }) {
  const { t, i18n } = useTranslation();
  const { ref, width } = useElementSize();
  const g = width > 0 ? paretoGeometry(rows, width, HEIGHT) : null;
  const labelOf = new Map(rows.map((r) => [r.category, r.label]));
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const slot = g && g.bars.length ? (g.plot.right - g.plot.left) / g.bars.length : 0;
  return (
    <div>
      <Box ref={ref} h={HEIGHT} aria-hidden data-testid="pareto-chart" lang={i18n.language}>
        {g && (
          <svg width={g.width} height={g.height} viewBox={`0 0 ${g.width} ${g.height}`} className="pareto">
            {g.countTicks.map((tick) => (
              <g key={`c${tick.value}`}>
                <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} className="pareto-grid" />
                <text x={g.plot.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle" className="pareto-axis">
                  {tick.value}
                </text>
              </g>
            ))}
            {g.shareTicks.map((tick) => (
              <text key={`s${tick.value}`} x={g.plot.right + 6} y={tick.y} dominantBaseline="middle" className="pareto-axis">
                {pct(tick.value)}
              </text>
            ))}
            <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom - 0.8 * (g.plot.bottom - g.plot.top)} y2={g.plot.bottom - 0.8 * (g.plot.bottom - g.plot.top)} className="pareto-mark" />
            {g.bars.map((b) => (
              <g key={b.category} data-testid="pareto-bar" data-count={b.count}>
                <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={3} className="pareto-bar" />
                {/* Inside a tall bar, so that it never sits under the line's point above it. */}
                <text
                  x={b.center}
                  y={b.height > 20 ? b.y + 14 : b.y - 4}
                  textAnchor="middle"
                  className={b.height > 20 ? 'pareto-value pareto-value-inside' : 'pareto-value'}
                >
                  {b.count}
                </text>
                <text x={b.center} y={g.plot.bottom + 14} textAnchor="middle" className="pareto-axis">
                  {lines(labelOf.get(b.category) ?? b.category, slot).map((line, i) => (
                    <tspan key={i} x={b.center} dy={i === 0 ? 0 : 13}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            ))}
            <polyline points={g.line.map((p) => `${p.x},${p.y}`).join(' ')} className="pareto-line" data-testid="pareto-line" />
            {g.line.map((p, i) => (
              <circle key={i} cx={p.x} cy={p.y} r={3.5} className="pareto-point" />
            ))}
            <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} className="pareto-baseline" />
          </svg>
        )}
      </Box>
      <Group gap="md" mt={4} aria-hidden>
        <Group gap={6} wrap="nowrap">
          <span className="pareto-swatch pareto-swatch-bar" />
          <Text size="xs">{t('dashboard.count')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <span className="pareto-swatch pareto-swatch-line" />
          <Text size="xs">{t('dashboard.cumulative')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <span className="pareto-swatch pareto-swatch-mark" />
          <Text size="xs">80%</Text>
        </Group>
      </Group>
    </div>
  );
}
