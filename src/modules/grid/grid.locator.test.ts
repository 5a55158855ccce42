import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { GridLocator, type LocatableGrid } from './grid.locator.js';

function square(id: string, level: number, x0: number, y0: number, size: number): LocatableGrid {
  const boundary: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x0 + size, y0],
        [x0 + size, y0 + size],
        [x0, y0 + size],
        [x0, y0],
      ],
    ],
  };
  return { id, level, boundary, bbox: [x0, y0, x0 + size, y0 + size] };
}

describe('GridLocator', () => {
  const grids = [square('c', 1, 0, 0, 10), square('g', 2, 0, 0, 5), square('n', 3, 0, 0, 2.5), square('b', 4, 0, 0, 1)];
  const locator = new GridLocator(grids);

  it('returns the deepest grid containing the point', () => {
    expect(locator.locate(0.5, 0.5)?.id).toBe('b');
    expect(locator.locate(2, 2)?.id).toBe('n');
    expect(locator.locate(4, 4)?.id).toBe('g');
    expect(locator.locate(9, 9)?.id).toBe('c');
  });

  it('returns null outside every grid and on an empty index', () => {
    expect(locator.locate(20, 20)).toBeNull();
    expect(new GridLocator([]).locate(0, 0)).toBeNull();
  });

  it('agrees with a brute-force scan on random points and tilings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.double({ min: -1, max: 9 }), fc.double({ min: -1, max: 9 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (n, points) => {
          const tiles: LocatableGrid[] = [square('root', 1, 0, 0, 8)];
          const size = 8 / n;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) tiles.push(square(`${i}-${j}`, 2, i * size, j * size, size));
          const loc = new GridLocator(tiles);
          for (const [x, y] of points) {
            const found = loc.locate(x, y);
            const inside = (g: LocatableGrid) => x >= g.bbox[0] && x <= g.bbox[2] && y >= g.bbox[1] && y <= g.bbox[3];
            const deepest = tiles.filter(inside).sort((a, b) => b.level - a.level)[0];
            expect(found?.level ?? null).toBe(deepest?.level ?? null);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
