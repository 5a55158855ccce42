import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { bboxOf, parseArea } from './geo.js';

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
