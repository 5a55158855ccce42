import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { AppError } from './errors.js';

export type Area = Polygon | MultiPolygon;
export type Bbox = [number, number, number, number];

/** Guangze County's extent (with a margin); points and boundaries outside it are rejected. */
export const COUNTY_BBOX: Bbox = [117.0, 27.2, 117.8, 28.0];

function fail(reason: string): never {
  throw new AppError('INVALID_GEOJSON', { reason });
}

function checkPosition(p: unknown): asserts p is Position {
  if (
    !Array.isArray(p) ||
    p.length < 2 ||
    p.length > 3 ||
    !p.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    fail('a position must be [lng, lat]');
  }
  const [lng, lat] = p as number[];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) fail('coordinates out of range');
}

function checkRing(ring: unknown): void {
  if (!Array.isArray(ring) || ring.length < 4) fail('a ring needs at least 4 positions');
  for (const p of ring) checkPosition(p);
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) fail('a ring must be closed (first position = last position)');
}

function checkPolygonCoords(coords: unknown): void {
  if (!Array.isArray(coords) || coords.length === 0) fail('a polygon needs at least one ring');
  for (const ring of coords) checkRing(ring);
}

/** Validates a GeoJSON Polygon or MultiPolygon (closed rings, valid positions, inside the county). */
export function parseArea(value: unknown): Area {
  if (typeof value !== 'object' || value === null) fail('not a GeoJSON object');
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') checkPolygonCoords(g.coordinates);
  else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) fail('a multipolygon needs polygons');
    for (const poly of g.coordinates) checkPolygonCoords(poly);
  } else fail('type must be Polygon or MultiPolygon');
  const area = { type: g.type, coordinates: g.coordinates } as Area;
  const [minLng, minLat, maxLng, maxLat] = bboxOf(area);
  if (minLng < COUNTY_BBOX[0] || minLat < COUNTY_BBOX[1] || maxLng > COUNTY_BBOX[2] || maxLat > COUNTY_BBOX[3]) {
    fail('the boundary lies outside Guangze County');
  }
  return area;
}

export function bboxOf(g: Geometry): Bbox {
  let minLng = Infinity,
    minLat = Infinity,
    maxLng = -Infinity,
    maxLat = -Infinity;
  const visit = (p: Position) => {
    if (p[0] < minLng) minLng = p[0];
    if (p[0] > maxLng) maxLng = p[0];
    if (p[1] < minLat) minLat = p[1];
    if (p[1] > maxLat) maxLat = p[1];
  };
  if (g.type === 'Polygon') g.coordinates.forEach((r) => r.forEach(visit));
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((poly) => poly.forEach((r) => r.forEach(visit)));
  else if (g.type === 'Point') visit(g.coordinates);
  return [minLng, minLat, maxLng, maxLat];
}

export function insideCounty(lng: number, lat: number): boolean {
  return lng >= COUNTY_BBOX[0] && lng <= COUNTY_BBOX[2] && lat >= COUNTY_BBOX[1] && lat <= COUNTY_BBOX[3];
}

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * Great-circle distance in metres between two [lng, lat] points (haversine): a geofence of tens to hundreds of metres
 * needs nothing more exact. New code uses this one; older copies live in some modules.
 */
export function distanceMeters(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
