/**
 * Candidate (need, resource) pairs for a matching run: a resource of the same compatibility class within
 * maxDistanceKm of the need, at most k per need (the nearest). Resources sit in a uniform grid of cells a third of the
 * distance wide, one grid per class; a need visits the cells around it nearest first and stops once its k nearest
 * so far are closer than the next cell can be, so building the candidates is close to linear in their number.
 */
export interface PointSet {
  lng: Float64Array;
  lat: Float64Array;
  /** Compatibility class (e.g. the unit of measure); -1 leaves the point out. */
  group: Int32Array;
}

/** Edges grouped by need (CSR): need i's edges are edgeStart[i] … edgeStart[i+1]-1, nearest first. */
export interface CandidateEdges {
  edgeStart: Int32Array;
  edgeResource: Int32Array;
  edgeDistanceKm: Float64Array;
}

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LNG_EQUATOR = 111.32;

/** A local equirectangular projection to km: well under 0.1 % error over a few kilometres in a county. */
export function projector(refLat: number): (lng: number, lat: number) => [number, number] {
  const kx = KM_PER_DEG_LNG_EQUATOR * Math.cos((refLat * Math.PI) / 180);
  return (lng, lat) => [lng * kx, lat * KM_PER_DEG_LAT];
}

/** Great-circle distance in km (haversine), for a single pair shown to users. */
export function distanceKm(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Grid {
  minX: number;
  minY: number;
  cols: number;
  rows: number;
  cell: number;
  cellStart: Int32Array;
  items: Int32Array;
  x: Float64Array;
  y: Float64Array;
}

function meanLat(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (const v of a) s += v;
  for (const v of b) s += v;
  return a.length + b.length ? s / (a.length + b.length) : 0;
}

/** Counting-sorts the resources into cells keyed by (class, row, column). */
function buildGrid(
  res: PointSet,
  project: (lng: number, lat: number) => [number, number],
  cell: number,
  groups: number,
): Grid {
  const m = res.lng.length;
  const x = new Float64Array(m),
    y = new Float64Array(m);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let j = 0; j < m; j++) {
    [x[j], y[j]] = project(res.lng[j], res.lat[j]);
    minX = Math.min(minX, x[j]);
    minY = Math.min(minY, y[j]);
    maxX = Math.max(maxX, x[j]);
    maxY = Math.max(maxY, y[j]);
  }
  if (!m) {
    minX = minY = 0;
    maxX = maxY = 0;
  }
  const cols = Math.floor((maxX - minX) / cell) + 1,
    rows = Math.floor((maxY - minY) / cell) + 1;
  const keyOf = (j: number) =>
    (res.group[j] * rows + Math.floor((y[j] - minY) / cell)) * cols + Math.floor((x[j] - minX) / cell);
  const cellStart = new Int32Array(groups * rows * cols + 1);
  for (let j = 0; j < m; j++) if (res.group[j] >= 0) cellStart[keyOf(j) + 1]++;
  for (let c = 0; c < cellStart.length - 1; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, -1);
  const items = new Int32Array(cellStart[cellStart.length - 1]);
  for (let j = 0; j < m; j++) if (res.group[j] >= 0) items[fill[keyOf(j)]++] = j;
  return { minX, minY, cols, rows, cell, cellStart, items, x, y };
}

/** Inserts (d, j) into the first `count` entries of the sorted buffers, keeping at most k; returns the new count. */
function insertNearest(bufD: Float64Array, bufJ: Int32Array, count: number, k: number, d: number, j: number): number {
  if (count === k && d >= bufD[k - 1]) return count;
  let p = count < k ? count : k - 1;
  while (p > 0 && bufD[p - 1] > d) {
    bufD[p] = bufD[p - 1];
    bufJ[p] = bufJ[p - 1];
    p--;
  }
  bufD[p] = d;
  bufJ[p] = j;
  return count < k ? count + 1 : k;
}

/** Cells per search radius: smaller cells let a need stop early once its k nearest are closer than the next cell. */
const CELLS_PER_RADIUS = 3;

/** Cell offsets around a point's cell, by the least distance (in cells) any point of that cell can be from it. */
function ringOffsets(): { dx: number; dy: number; minCells2: number }[] {
  const reach = CELLS_PER_RADIUS + 1;
  const out: { dx: number; dy: number; minCells2: number }[] = [];
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      const minCells2 = Math.max(0, Math.abs(dx) - 1) ** 2 + Math.max(0, Math.abs(dy) - 1) ** 2;
      if (minCells2 <= CELLS_PER_RADIUS ** 2) out.push({ dx, dy, minCells2 });
    }
  }
  return out.sort((a, b) => a.minCells2 - b.minCells2);
}
const OFFSETS = ringOffsets();

/**
 * Visits the same-class resources within r of the point, nearer cells first; visit(j, d²) returns the squared
 * distance beyond which nothing more is wanted (r² to see everything, the k-th nearest so far to stop early).
 */
function scanNear(
  grid: Grid,
  g: number,
  px: number,
  py: number,
  r: number,
  visit: (j: number, d2: number) => number,
): void {
  let limit2 = r * r;
  const cx = Math.floor((px - grid.minX) / grid.cell),
    cy = Math.floor((py - grid.minY) / grid.cell);
  for (const o of OFFSETS) {
    if (o.minCells2 * grid.cell * grid.cell > limit2) break;
    const xx = cx + o.dx,
      yy = cy + o.dy;
    if (xx < 0 || yy < 0 || xx >= grid.cols || yy >= grid.rows) continue;
    const c = (g * grid.rows + yy) * grid.cols + xx;
    for (let p = grid.cellStart[c]; p < grid.cellStart[c + 1]; p++) {
      const j = grid.items[p];
      const dx = grid.x[j] - px,
        dy = grid.y[j] - py,
        d2 = dx * dx + dy * dy;
      if (d2 <= limit2) limit2 = Math.min(limit2, visit(j, d2));
    }
  }
}

/** Growable output arrays for the edges. */
class EdgeSink {
  j = new Int32Array(1024);
  d = new Float64Array(1024);
  length = 0;
  push(j: number, d: number): void {
    if (this.length === this.j.length) {
      const j2 = new Int32Array(this.j.length * 2);
      j2.set(this.j);
      this.j = j2;
      const d2 = new Float64Array(this.d.length * 2);
      d2.set(this.d);
      this.d = d2;
    }
    this.j[this.length] = j;
    this.d[this.length++] = d;
  }
}

/**
 * The candidate edges: per need, the k nearest same-class resources within maxDistanceKm, nearest first; without k,
 * every such resource (in no particular order — used to check a bound against all pairs within the distance).
 */
export function buildCandidates(opts: {
  needs: PointSet;
  resources: PointSet;
  maxDistanceKm: number;
  k?: number;
}): CandidateEdges {
  const { needs, resources, maxDistanceKm: r, k } = opts;
  const n = needs.lng.length;
  let groups = 0;
  for (const g of resources.group) groups = Math.max(groups, g + 1);
  const project = projector(meanLat(needs.lat, resources.lat));
  const grid = buildGrid(resources, project, r / CELLS_PER_RADIUS, Math.max(groups, 1));
  const r2 = r * r;
  const limit = k ?? 0;
  const bufD = new Float64Array(limit),
    bufJ = new Int32Array(limit);
  let count = 0;
  const keep =
    k === undefined
      ? (j: number, d2: number) => {
          out.push(j, Math.sqrt(d2));
          return r2;
        }
      : (j: number, d2: number) => {
          count = insertNearest(bufD, bufJ, count, limit, d2, j);
          return count === limit ? bufD[limit - 1] : r2;
        };
  const edgeStart = new Int32Array(n + 1);
  const out = new EdgeSink();
  for (let i = 0; i < n; i++) {
    count = 0;
    const g = needs.group[i];
    if (g >= 0 && g < groups && (k === undefined || limit > 0)) {
      const [px, py] = project(needs.lng[i], needs.lat[i]);
      scanNear(grid, g, px, py, r, keep);
    }
    for (let p = 0; p < count; p++) out.push(bufJ[p], Math.sqrt(bufD[p]));
    edgeStart[i + 1] = out.length;
  }
  return { edgeStart, edgeResource: out.j.slice(0, out.length), edgeDistanceKm: out.d.slice(0, out.length) };
}
