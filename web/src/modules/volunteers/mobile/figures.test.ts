import { describe, expect, it } from 'vitest';
import { countyMinute, scanTargetOf, spanOf, starFigures } from './figures';

const NATIONAL = [100, 300, 600, 1000, 1500];

describe('volunteer phone figures', () => {
  it('writes instants on the county clock (UTC+8), whatever the zone they come in', () => {
    expect(countyMinute('2026-12-07T16:30:00.000Z')).toBe('2026-12-08 00:30');
    expect(countyMinute('2026-12-08T00:30:00+08:00')).toBe('2026-12-08 00:30');
    expect(countyMinute('not a date')).toBe('not a date');
  });

  it('spans an activity on one day, or says the end day when it runs past midnight', () => {
    expect(spanOf({ startsAt: '2026-12-07T00:00:00Z', endsAt: '2026-12-07T12:00:00Z' })).toBe('12-07 08:00–20:00');
    expect(spanOf({ startsAt: '2026-12-07T12:00:00Z', endsAt: '2026-12-07T17:00:00Z' })).toBe(
      '12-07 20:00–12-08 01:00',
    );
  });

  it('puts the hours between the last star reached and the next', () => {
    expect(starFigures(0, NATIONAL)).toEqual({ star: 0, next: 100, toGo: 100, percent: 0 });
    expect(starFigures(427.2, NATIONAL)).toEqual({ star: 2, next: 600, toGo: 172.8, percent: 42.4 });
    expect(starFigures(300, NATIONAL)).toEqual({ star: 2, next: 600, toGo: 300, percent: 0 });
    expect(starFigures(1500, NATIONAL)).toEqual({ star: 5, next: null, toGo: null, percent: 100 });
  });

  it('reads the activity and code from the link an activity QR code carries, and nothing else', () => {
    const origin = 'https://lianjian.example';
    expect(scanTargetOf('https://lianjian.example/m/v/scan?a=abc&c=x.y-z', origin)).toEqual({ a: 'abc', c: 'x.y-z' });
    expect(scanTargetOf(' /m/v/scan?a=abc&c=code ', origin)).toEqual({ a: 'abc', c: 'code' });
    expect(scanTargetOf('/m/v/scan?a=abc', origin)).toBeNull();
    expect(scanTargetOf('/m/scan/token', origin)).toBeNull();
    expect(scanTargetOf('http://[bad', origin)).toBeNull();
  });
});
