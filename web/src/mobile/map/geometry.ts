import type { GridFeature } from '../../api/contracts';

export interface Point {
  lng: number;
  lat: number;
}

/** A rectangle in map units (the SVG viewBox). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Guangze lies near 27.5° N: x = lng·cos(27.5°), y = −lat keeps the grids' real shape. */
const K = Math.cos((27.5 * Math.PI) / 180);
export const toXY = (lng: number, lat: number): [number, number] => [lng * K, -lat];
/** The inverse of toXY, rounded to the six decimals the server stores. */
export const toPoint = ([x, y]: [number, number]): Point => ({
  lng: Number((x / K).toFixed(6)),
  lat: Number((-y).toFixed(6)),
});

type Ring = number[][];
export function ringsOf(geometry: unknown): Ring[] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g?.coordinates) return [];
  if (g.type === 'Polygon') return g.coordinates as Ring[];
  if (g.type === 'MultiPolygon') return (g.coordinates as Ring[][]).flat();
  return [];
}

export function pathOf(f: GridFeature): string {
  return ringsOf(f.geometry)
    .map(
      (ring) =>
        ring
          .map(([lng, lat], i) => {
            const [x, y] = toXY(lng, lat);
            return `${i ? 'L' : 'M'}${x.toFixed(6)} ${y.toFixed(6)}`;
          })
          .join('') + 'Z',
    )
    .join('');
}

/** Every grid in view with a 4 % margin, or null when there is nothing to draw. */
export function boundsOf(features: GridFeature[]): Box | null {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const f of features)
    for (const ring of ringsOf(f.geometry))
      for (const [lng, lat] of ring) {
        const [x, y] = toXY(lng, lat);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (!Number.isFinite(minX)) return null;
  const padX = (maxX - minX) * 0.04,
    padY = (maxY - minY) * 0.04;
  return { x: minX - padX, y: minY - padY, w: maxX - minX + 2 * padX, h: maxY - minY + 2 * padY };
}

/** Where a grid's name goes: the mean of its first ring's points, or null for a grid without a shape. */
export function labelAt(f: GridFeature): [number, number] | null {
  const ring = ringsOf(f.geometry)[0] ?? [];
  if (!ring.length) return null;
  const [sx, sy] = ring.reduce(([ax, ay], [lng, lat]) => [ax + lng, ay + lat], [0, 0]);
  return toXY(sx / ring.length, sy / ring.length);
}
