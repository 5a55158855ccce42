import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type FastRestriction, rollupKinds } from './rollup.js';

const everywhere: FastRestriction = {
  communities: null,
  gridWhere: undefined,
  gridWhole: true,
  unit: null,
  whistle: undefined,
};
const gridWorker: FastRestriction = { ...everywhere, gridWhere: sql`true`, gridWhole: true };
const unitAdmin: FastRestriction = { ...everywhere, unit: '00000000-0000-0000-0000-000000000001' };

describe('rollupKinds', () => {
  // The article's figures are read per channel for every view (figures.ts): a grid worker's and a unit admin's must be
  // answered by the rollup too, not by an aggregate over `cases` (1.3-1.5 s at a million cases before migration 0016).
  it('answers per-channel counters from geo rows for a grid worker and from unit rows for a unit admin', () => {
    expect(rollupKinds('channel', gridWorker, 2)).toEqual({ groups: 'geo', totals: 'geo' });
    expect(rollupKinds('channel', unitAdmin, 2)).toEqual({ groups: 'unit', totals: 'unit' });
    expect(rollupKinds('channel', everywhere, 2)).toEqual({ groups: 'channel', totals: 'channel' });
  });

  it('leaves to the direct path what no rollup row can answer', () => {
    expect(rollupKinds('category', gridWorker, 2)).toBeNull();
    expect(rollupKinds('channel', { ...gridWorker, gridWhole: false }, 3)).toBeNull();
    expect(rollupKinds('channel', { ...unitAdmin, communities: ['c'] }, 2)).toBeNull();
    expect(rollupKinds('grid', everywhere, 3)).toBeNull();
  });
});
