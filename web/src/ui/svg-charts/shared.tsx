import { useEffect, useState, type RefObject } from 'react';

export const TEXT = 'rgba(0,0,0,.65)';
export const AXIS = 'rgba(0,0,0,.45)';
export const GRID_LINE = '#eeeeee';
export const FONT = 12;

/** The element's width in pixels, followed as it changes (charts are drawn at their real size, text unscaled). */
export function useBoxWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/** About how wide a label is at 12 px: Chinese characters are square, Latin ones about half as wide. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? FONT : FONT * 0.6;
  return w;
}

/** The axis ticks ECharts would draw for 0…max: about five steps of a rounded 1, 2, 3 or 5 times a power of ten. */
export function niceTicks(max: number, wholeNumbers = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  let step = (f < 1.5 ? 1 : f < 2.5 ? 2 : f < 4 ? 3 : f < 7 ? 5 : 10) * pow;
  if (wholeNumbers) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let i = 0; i <= Math.ceil(max / step - 1e-9); i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

export interface LegendItem {
  name: string;
  color: string;
}

const ROW = 20;

/** The legend's keys in centred rows that fit the width, with their x positions. */
export function legendRows(items: LegendItem[], width: number): { item: LegendItem; x: number }[][] {
  const rows: { item: LegendItem; w: number }[][] = [[]];
  let used = 0;
  for (const item of items) {
    const w = 30 + textWidth(item.name);
    if (used > 0 && used + 10 + w > width - 16) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push({ item, w });
    used += (used > 0 ? 10 : 0) + w;
  }
  return rows.map((row) => {
    const total = row.reduce((s, k) => s + k.w, 0) + 10 * (row.length - 1);
    let x = Math.max(0, (width - total) / 2);
    return row.map((k) => {
      const at = x;
      x += k.w + 10;
      return { item: k.item, x: at };
    });
  });
}

export const legendHeight = (rows: unknown[]) => rows.length * ROW;

/** Coloured keys in centred rows from `y` down, as ECharts draws its legend. */
export function Legend({ rows, y }: { rows: { item: LegendItem; x: number }[][]; y: number }) {
  return (
    <g>
      {rows.flatMap((row, r) =>
        row.map(({ item, x }) => (
          <g key={item.name} transform={`translate(${x},${y + r * ROW})`}>
            <rect width={25} height={14} rx={4} fill={item.color} />
            <text x={30} y={11} fontSize={FONT} fill={TEXT}>
              {item.name}
            </text>
          </g>
        )),
      )}
    </g>
  );
}
