import { describe, expect, it } from 'vitest';
import { countyMinute, dayCheckinPath, dayTokenOf, movedCheckinPath } from './dayCode';

const TOKEN = 'Xy3_-abcdefghijklmnopqr';

describe("the service day's QR code", () => {
  it('carries the phone page, and the token reads back from it', () => {
    const url = `https://lj.example.cn${dayCheckinPath(TOKEN)}`;
    expect(url).toBe(`https://lj.example.cn/m/service-days/checkin/${TOKEN}`);
    expect(dayTokenOf(url)).toBe(TOKEN);
    expect(dayTokenOf(` ${url}?from=print \n`)).toBe(TOKEN);
  });

  it('reads a code printed before the move (the desktop page) too', () => {
    expect(dayTokenOf(`http://192.0.2.2:3000/cobuild/service-days/checkin/${TOKEN}`)).toBe(TOKEN);
  });

  it('is not fooled by another QR code: a 报到证 scan link, a bare token, a short or odd token', () => {
    expect(dayTokenOf(`https://lj.example.cn/m/scan/${TOKEN}`)).toBeNull();
    expect(dayTokenOf(TOKEN)).toBeNull();
    expect(dayTokenOf('https://x/m/service-days/checkin/short')).toBeNull();
    expect(dayTokenOf(`https://x/m/service-days/checkin/${TOKEN}%3Cscript%3E`)).toBeNull();
  });

  it('sends the old desktop path to the phone page, and nothing else', () => {
    expect(movedCheckinPath(`/cobuild/service-days/checkin/${TOKEN}`)).toBe(`/m/service-days/checkin/${TOKEN}`);
    expect(movedCheckinPath(`/cobuild/service-days/checkin/${TOKEN}/`)).toBe(`/m/service-days/checkin/${TOKEN}`);
    expect(movedCheckinPath('/cobuild/service-days')).toBeNull();
    expect(movedCheckinPath('/cobuild/service-days/3fe5b35c-5808-4610-a996-291c80d766ae')).toBeNull();
    expect(movedCheckinPath(`/m/service-days/checkin/${TOKEN}`)).toBeNull();
  });
});

describe('times on the check-in pages', () => {
  it('are the county clock whatever the device zone', () => {
    expect(countyMinute('2027-12-31T16:30:00Z')).toBe('2028-01-01 00:30');
    expect(countyMinute('2028-02-29T08:00:00+08:00')).toBe('2028-02-29 08:00');
    expect(countyMinute('not a time')).toBe('not a time');
  });
});
