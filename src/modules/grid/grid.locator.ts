import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Area } from '../../core/geo.js';

export interface LocatableGrid {
  id: string;
  level: number;
  boundary: Area;
  bbox: [number, number, number, number];
}

/**
 * A static R-tree (Flatbush) over grid bounding boxes: a lookup tests only the few polygons whose boxes contain
 * the point, then returns the deepest grid whose polygon does.
 */
export class GridLocator {
  private readonly index: Flatbush | null;
  readonly grids: readonly LocatableGrid[];

  constructor(grids: LocatableGrid[]) {
    this.grids = grids;
    if (grids.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(grids.length);
    for (const g of grids) index.add(g.bbox[0], g.bbox[1], g.bbox[2], g.bbox[3]);
    index.finish();
    this.index = index;
  }

  get size(): number {
    return this.grids.length;
  }

  /** The deepest grid containing the point, or null. */
  locate(lng: number, lat: number): LocatableGrid | null {
    if (!this.index) return null;
    let best: LocatableGrid | null = null;
    for (const i of this.index.search(lng, lat, lng, lat)) {
      const g = this.grids[i];
      if (best && g.level <= best.level) continue;
      if (booleanPointInPolygon([lng, lat], g.boundary)) best = g;
    }
    return best;
  }
}
