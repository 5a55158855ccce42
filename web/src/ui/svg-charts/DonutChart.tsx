import { useRef } from 'react';
import { formatNumber } from '../format';
import { FONT, Legend, legendHeight, legendRows, useBoxWidth, type LegendItem } from './shared';

export interface Slice extends LegendItem {
  value: number;
}

/** The point at `angle` (radians, 0 = 12 o'clock, clockwise) on a circle of radius r around (cx, cy). */
const at = (cx: number, cy: number, r: number, angle: number) =>
  [cx + r * Math.sin(angle), cy - r * Math.cos(angle)] as const;

function arc(cx: number, cy: number, r0: number, r1: number, a0: number, a1: number): string {
  // A full ring cannot be one arc (start = end): draw it as two halves.
  if (a1 - a0 >= 2 * Math.PI - 1e-6)
    return `${arc(cx, cy, r0, r1, 0, Math.PI)} ${arc(cx, cy, r0, r1, Math.PI, 2 * Math.PI)}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const [x0, y0] = at(cx, cy, r1, a0);
  const [x1, y1] = at(cx, cy, r1, a1);
  const [x2, y2] = at(cx, cy, r0, a1);
  const [x3, y3] = at(cx, cy, r0, a0);
  return `M${x0} ${y0}A${r1} ${r1} 0 ${large} 1 ${x1} ${y1}L${x2} ${y2}A${r0} ${r0} 0 ${large} 0 ${x3} ${y3}Z`;
}

/**
 * A ring of shares with each value written inside its slice and a legend below, drawn as plain SVG (see BarChart
 * for why not ECharts). Zero slices stay in the legend.
 */
export function DonutChart({ slices, height = 320, testId }: { slices: Slice[]; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(ref);
  const total = slices.reduce((s, x) => s + x.value, 0);
  const legend = legendRows(slices, width);
  const half = Math.min(width, height) / 2;
  const [cx, cy, r0, r1] = [width / 2, height * 0.44, half * 0.38, half * 0.66];
  let start = 0;
  return (
    <div ref={ref} className="chart-box" data-testid={testId}>
      {width > 0 && total > 0 && (
        <svg width={width} height={height} role="img" aria-label={slices.map((s) => `${s.name} ${s.value}`).join(', ')}>
          {slices
            .filter((s) => s.value > 0)
            .map((s) => {
              const a0 = start;
              const a1 = (start += (s.value / total) * 2 * Math.PI);
              const [lx, ly] = at(cx, cy, (r0 + r1) / 2, (a0 + a1) / 2);
              return (
                <g key={s.name}>
                  <title>{`${s.name}: ${formatNumber(s.value)}`}</title>
                  <path d={arc(cx, cy, r0, r1, a0, a1)} fill={s.color} stroke="#fff" strokeWidth={1} />
                  <text x={lx} y={ly + 4} fontSize={FONT} fontWeight="bold" fill="#fff" textAnchor="middle">
                    {s.value}
                  </text>
                </g>
              );
            })}
          <Legend rows={legend} y={height - legendHeight(legend)} />
        </svg>
      )}
    </div>
  );
}
