import { useRef } from 'react';
import { formatNumber } from '../format';
import { AXIS, FONT, GRID_LINE, Legend, legendHeight, legendRows, niceTicks, TEXT, useBoxWidth } from './shared';

export interface BarSeries {
  name: string;
  values: number[];
  color: string;
  /** 0: the left axis; 1: the right one (a second scale, e.g. counts of a different size). */
  axis: 0 | 1;
}

interface Props {
  categories: string[];
  series: BarSeries[];
  /** Whole-number steps on the right axis (counts of things). */
  rightWholeNumbers?: boolean;
  height?: number;
  testId?: string;
}

const M = { left: 56, right: 48, top: 28, bottom: 72 };

/**
 * Grouped bars over categories with up to two value axes, drawn as plain SVG. For the home page, which would
 * otherwise download ECharts (~150 KB compressed) for two small charts; the statistics page keeps ECharts.
 */
export function BarChart({ categories, series, rightWholeNumbers = false, height = 320, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(ref);
  const legend = legendRows(series, width);
  // Room for the legend rows and the axis names above the plot.
  const top = M.top + legendHeight(legend);
  const plotW = Math.max(0, width - M.left - M.right);
  const plotH = height - top - M.bottom;
  const axisMax = (axis: 0 | 1) => Math.max(0, ...series.filter((s) => s.axis === axis).flatMap((s) => s.values));
  const ticks = [niceTicks(axisMax(0)), niceTicks(axisMax(1), rightWholeNumbers)];
  const highest = (axis: 0 | 1) => ticks[axis][ticks[axis].length - 1];
  const y = (v: number, axis: 0 | 1) => top + plotH - (v / highest(axis)) * plotH;
  const band = categories.length ? plotW / categories.length : 0;
  const barW = Math.min(40, (band * 0.7) / Math.max(1, series.length));
  const hasRight = series.some((s) => s.axis === 1);

  return (
    <div ref={ref} className="chart-box" data-testid={testId}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={series.map((s) => s.name).join(' / ')}>
          <Legend rows={legend} y={4} />
          <text x={M.left} y={top - 12} fontSize={FONT} fill={AXIS} textAnchor="middle">
            {series.find((s) => s.axis === 0)?.name}
          </text>
          {hasRight && (
            <text x={M.left + plotW} y={top - 12} fontSize={FONT} fill={AXIS} textAnchor="middle">
              {series.find((s) => s.axis === 1)?.name}
            </text>
          )}
          {ticks[0].map((v) => (
            <g key={`l${v}`}>
              <line x1={M.left} x2={M.left + plotW} y1={y(v, 0)} y2={y(v, 0)} stroke={GRID_LINE} />
              <text x={M.left - 8} y={y(v, 0) + 4} fontSize={FONT} fill={AXIS} textAnchor="end">
                {formatNumber(v)}
              </text>
            </g>
          ))}
          {hasRight &&
            ticks[1].map((v) => (
              <text key={`r${v}`} x={M.left + plotW + 8} y={y(v, 1) + 4} fontSize={FONT} fill={AXIS}>
                {formatNumber(v)}
              </text>
            ))}
          <line x1={M.left} x2={M.left + plotW} y1={top + plotH} y2={top + plotH} stroke={AXIS} />
          {categories.map((c, i) => {
            const x0 = M.left + band * i + (band - barW * series.length) / 2;
            const labelX = M.left + band * (i + 0.5);
            return (
              <g key={`${c}-${i}`}>
                <title>{[c, ...series.map((s) => `${s.name}: ${formatNumber(s.values[i] ?? 0)}`)].join('\n')}</title>
                <rect x={M.left + band * i} y={top} width={band} height={plotH} fill="transparent" />
                {series.map((s, k) => (
                  <rect
                    key={s.name}
                    x={x0 + barW * k}
                    y={y(s.values[i] ?? 0, s.axis)}
                    width={barW}
                    height={top + plotH - y(s.values[i] ?? 0, s.axis)}
                    fill={s.color}
                  />
                ))}
                <text
                  fontSize={FONT}
                  fill={TEXT}
                  textAnchor="end"
                  transform={`translate(${labelX},${top + plotH + 14}) rotate(-30)`}
                >
                  {c}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
