import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { inQuietHours, parseQuietHours, vacuumReason } from './maintenance.js';

describe('MAINTENANCE_HOURS', () => {
  it('reads county hours from-to, and off', () => {
    expect(parseQuietHours('2-5')).toEqual({ from: 2, to: 5 });
    expect(parseQuietHours(' 23-4 ')).toEqual({ from: 23, to: 4 });
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('')).toBeNull();
    for (const bad of ['2', '5-5', '24-3', '2-25', 'night', '2-5-6', '-1-3']) {
      expect(() => parseQuietHours(bad), bad).toThrow(RangeError);
    }
  });

  it('is read once with the configuration: 2-5 by default, off under test, a bad value refused by name', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).maintenanceHours).toEqual({ from: 2, to: 5 });
    expect(loadConfig({ NODE_ENV: 'test' }).maintenanceHours).toBeNull();
    expect(loadConfig({ NODE_ENV: 'development', MAINTENANCE_HOURS: 'off' }).maintenanceHours).toBeNull();
    expect(() => loadConfig({ MAINTENANCE_HOURS: 'nightly' })).toThrow(/MAINTENANCE_HOURS/);
  });

  it('tests the county hour (Asia/Shanghai), not UTC, and wraps past midnight', () => {
    const night = { from: 2, to: 5 };
    expect(inQuietHours(night, new Date('2027-01-01T02:00:00+08:00'))).toBe(true);
    expect(inQuietHours(night, new Date('2027-01-01T04:59:00+08:00'))).toBe(true);
    expect(inQuietHours(night, new Date('2027-01-01T05:00:00+08:00'))).toBe(false);
    expect(inQuietHours(night, new Date('2027-01-01T01:59:00+08:00'))).toBe(false);
    // 03:00 UTC is 11:00 in the county.
    expect(inQuietHours(night, new Date('2027-01-01T03:00:00Z'))).toBe(false);
    const wrapped = { from: 23, to: 4 };
    expect(inQuietHours(wrapped, new Date('2028-02-29T23:30:00+08:00'))).toBe(true);
    expect(inQuietHours(wrapped, new Date('2028-03-01T00:30:00+08:00'))).toBe(true);
    expect(inQuietHours(wrapped, new Date('2028-03-01T04:00:00+08:00'))).toBe(false);
    expect(inQuietHours(wrapped, new Date('2028-02-29T12:00:00+08:00'))).toBe(false);
  });
});

describe('which tables are vacuumed', () => {
  const quiet = { live: 10_000, dead: 0, modified: 0, inserted: 0, xidAge: 1000, vacuumed: true, bytes: 8192 };
  it("takes a table by autovacuum's default thresholds", () => {
    expect(vacuumReason(quiet)).toBeNull();
    expect(vacuumReason({ ...quiet, dead: 2050 })).toBeNull();
    expect(vacuumReason({ ...quiet, dead: 2051 })).toBe('dead');
    expect(vacuumReason({ ...quiet, modified: 1051 })).toBe('analyze');
    expect(vacuumReason({ ...quiet, inserted: 3001 })).toBe('inserts');
    expect(vacuumReason({ ...quiet, xidAge: 150_000_001 })).toBe('xid-age');
  });
  it('takes a table of 8 pages or more not vacuumed since the database was opened (its counters began then)', () => {
    expect(vacuumReason({ ...quiet, vacuumed: false, bytes: 65_536 })).toBe('since-open');
    expect(vacuumReason({ ...quiet, vacuumed: false, bytes: 57_344 })).toBeNull();
    expect(vacuumReason({ ...quiet, vacuumed: true, bytes: 1e9 })).toBeNull();
  });
});
