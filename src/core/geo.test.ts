import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { bboxOf, distanceMeters, parseArea } from './geo.js';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [117.3, 27.5],
      [117.31, 27.5],
      [117.31, 27.51],
      [117.3, 27.51],
      [117.3, 27.5],
    ],
  ],
};

describe('parseArea', () => {
  it('accepts a closed polygon inside the county and computes its bbox', () => {
    expect(bboxOf(parseArea(square))).toEqual([117.3, 27.5, 117.31, 27.51]);
  });
  it.each([
    ['a point', { type: 'Point', coordinates: [117.3, 27.5] }],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [117.3, 27.5],
            [117.31, 27.5],
            [117.31, 27.51],
            [117.3, 27.51],
          ],
        ],
      },
    ],
    [
      'text coordinates',
      {
        type: 'Polygon',
        coordinates: [
          [
            ['a', 'b'],
            [1, 2],
            [3, 4],
            ['a', 'b'],
          ],
        ],
      },
    ],
    [
      'a polygon in Beijing',
      {
        type: 'Polygon',
        coordinates: [
          [
            [116.3, 39.9],
            [116.4, 39.9],
            [116.4, 40],
            [116.3, 39.9],
          ],
        ],
      },
    ],
    ['null', null],
  ])('rejects %s with INVALID_GEOJSON', (_, value) => {
    expect(() => parseArea(value)).toThrowError(AppError);
    try {
      parseArea(value);
    } catch (e) {
      expect((e as AppError).code).toBe('INVALID_GEOJSON');
    }
  });
});

describe('distanceMeters', () => {
  it('measures a degree of latitude (~111.2 km) and a degree of longitude shrinking with the latitude', () => {
    expect(distanceMeters({ lng: 117.3, lat: 27 }, { lng: 117.3, lat: 28 })).toBeCloseTo(111_195, -1);
    expect(distanceMeters({ lng: 117, lat: 27.5 }, { lng: 118, lat: 27.5 })).toBeCloseTo(
      111_195 * Math.cos((27.5 * Math.PI) / 180),
      -2,
    );
  });

  it('is zero for one point, symmetric, and tells 100 m from 600 m at a geofence’s scale', () => {
    const place = { lng: 117.3361, lat: 27.5442 };
    expect(distanceMeters(place, place)).toBe(0);
    const near = { lng: 117.3361, lat: 27.5442 + 100 / 111_195 };
    expect(distanceMeters(place, near)).toBeCloseTo(100, 0);
    expect(distanceMeters(near, place)).toBe(distanceMeters(place, near));
    expect(
      distanceMeters(place, { lng: 117.3361 + 600 / (111_195 * Math.cos((27.5442 * Math.PI) / 180)), lat: 27.5442 }),
    ).toBeCloseTo(600, 0);
  });
});
