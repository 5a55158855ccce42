import type { Polygon, Position } from 'geojson';
import type { Rng } from './rng.js';

/**
 * Demo geometry. The town is a jittered lattice of quadrilaterals that share edges; each community owns one
 * cell. Every grid inside a community is a rectangle in that cell's (u, v) parameter space, mapped to
 * [lng, lat] bilinearly. A line of constant u (or v) maps to a straight segment, so children that tile their
 * parent's parameter rectangle tile the parent polygon exactly, and their bounding boxes lie inside its box.
 */

export interface LngLat {
  lng: number;
  lat: number;
}

/** Corners counter-clockwise from the south-west: sw, se, ne, nw. */
export interface Quad {
  sw: LngLat;
  se: LngLat;
  ne: LngLat;
  nw: LngLat;
}

/** A rectangle in a quad's parameter space, 0 ≤ u0 < u1 ≤ 1 (west → east), 0 ≤ v0 < v1 ≤ 1 (south → north). */
export interface ParamRect {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
}

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** Exact at t = 0 and t = 1, so shared corners stay bit-identical. */
function lerp(a: number, b: number, t: number): number {
  return a * (1 - t) + b * t;
}

export function bilinear(q: Quad, u: number, v: number): LngLat {
  const sLng = lerp(q.sw.lng, q.se.lng, u);
  const sLat = lerp(q.sw.lat, q.se.lat, u);
  const nLng = lerp(q.nw.lng, q.ne.lng, u);
  const nLat = lerp(q.nw.lat, q.ne.lat, u);
  return { lng: lerp(sLng, nLng, v), lat: lerp(sLat, nLat, v) };
}

const KM_PER_DEG_LAT = 111.32;

/** The town: 117.34 E 27.54 N, about 5 km east–west by 4 km north–south. */
export const TOWN = { centreLng: 117.34, centreLat: 27.54, widthKm: 5, heightKm: 4 } as const;

function kmPerDegLng(lat: number): number {
  return KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
}

/** Equirectangular distance in kilometres; plenty for a 5 km town. */
export function distanceKm(a: LngLat, b: LngLat): number {
  const dx = (a.lng - b.lng) * kmPerDegLng((a.lat + b.lat) / 2);
  const dy = (a.lat - b.lat) * KM_PER_DEG_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}

/** (cols + 1) × (rows + 1) lattice points over the town, each jittered by up to 18 % of a cell. */
export function townLattice(rng: Rng, cols: number, rows: number): LngLat[][] {
  const cellLng = TOWN.widthKm / kmPerDegLng(TOWN.centreLat) / cols;
  const cellLat = TOWN.heightKm / KM_PER_DEG_LAT / rows;
  const west = TOWN.centreLng - (cellLng * cols) / 2;
  const south = TOWN.centreLat - (cellLat * rows) / 2;
  const lattice: LngLat[][] = [];
  for (let i = 0; i <= cols; i++) {
    const column: LngLat[] = [];
    for (let j = 0; j <= rows; j++) {
      column.push({
        lng: west + cellLng * (i + rng.float(-0.18, 0.18)),
        lat: south + cellLat * (j + rng.float(-0.18, 0.18)),
      });
    }
    lattice.push(column);
  }
  return lattice;
}

/** The cell (col, row) of a lattice, row 0 in the south. Neighbouring cells share their corner points. */
export function latticeCell(lattice: LngLat[][], col: number, row: number): Quad {
  return { sw: lattice[col][row], se: lattice[col + 1][row], ne: lattice[col + 1][row + 1], nw: lattice[col][row + 1] };
}

export const UNIT_RECT: ParamRect = { u0: 0, u1: 1, v0: 0, v1: 1 };

/** n + 1 cut points from `lo` to `hi` (ends exact), pieces of jittered but comparable size. */
function cuts(rng: Rng, lo: number, hi: number, n: number): number[] {
  const weights = Array.from({ length: n }, () => rng.float(0.75, 1.25));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = [lo];
  let acc = 0;
  for (let k = 0; k < n - 1; k++) {
    acc += weights[k];
    out.push(lo + ((hi - lo) * acc) / total);
  }
  out.push(hi);
  return out;
}

/**
 * Splits a parameter rectangle into n children that tile it: ⌈√n⌉-ish columns (west → east), each split into
 * rows (south → north). Children come out column by column.
 */
export function splitRect(rng: Rng, r: ParamRect, n: number): ParamRect[] {
  const cols = n <= 2 ? n : Math.round(Math.sqrt(n));
  const perCol = Array.from({ length: cols }, (_, c) => Math.floor(n / cols) + (c < n % cols ? 1 : 0));
  const us = cuts(rng, r.u0, r.u1, cols);
  const out: ParamRect[] = [];
  for (let c = 0; c < cols; c++) {
    const vs = cuts(rng, r.v0, r.v1, perCol[c]);
    for (let k = 0; k < perCol[c]; k++) out.push({ u0: us[c], u1: us[c + 1], v0: vs[k], v1: vs[k + 1] });
  }
  return out;
}

/** The GeoJSON polygon (closed, counter-clockwise ring of [lng, lat]) of a parameter rectangle. */
export function rectPolygon(q: Quad, r: ParamRect): Polygon {
  const corners = [bilinear(q, r.u0, r.v0), bilinear(q, r.u1, r.v0), bilinear(q, r.u1, r.v1), bilinear(q, r.u0, r.v1)];
  const ring: Position[] = corners.map((p) => [p.lng, p.lat]);
  ring.push([corners[0].lng, corners[0].lat]);
  return { type: 'Polygon', coordinates: [ring] };
}

export function polygonBBox(p: Polygon): BBox {
  const ring = p.coordinates[0];
  const lngs = ring.map((pos) => pos[0]);
  const lats = ring.map((pos) => pos[1]);
  return { minLng: Math.min(...lngs), minLat: Math.min(...lats), maxLng: Math.max(...lngs), maxLat: Math.max(...lats) };
}

/** A point strictly inside the rectangle, at least `margin` (as a fraction) from its sides. */
export function pointInRect(rng: Rng, q: Quad, r: ParamRect, margin = 0.15): LngLat {
  const u = r.u0 + (r.u1 - r.u0) * rng.float(margin, 1 - margin);
  const v = r.v0 + (r.v1 - r.v0) * rng.float(margin, 1 - margin);
  return bilinear(q, u, v);
}

export function rectCentre(q: Quad, r: ParamRect): LngLat {
  return bilinear(q, (r.u0 + r.u1) / 2, (r.v0 + r.v1) / 2);
}
