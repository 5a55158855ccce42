import { describe, expect, it } from 'vitest';
import { toCreateCase } from './newCaseForm';

const filled = {
  channel: 'hall' as const,
  description: '  楼道灯坏了  ',
  categoryCode: 'facility.light',
  address: '  ',
  reporterPersonId: 'p-1',
  reporterName: ' 张三 ',
  reporterPhone: '',
};

describe('the new-case request', () => {
  it('trims texts, drops a blank address and rounds the point to six decimals', () => {
    const input = toCreateCase(filled, { lng: 117.3456789, lat: 27.5432101 }, 'person', []);
    expect(input).toEqual({
      channel: 'hall',
      description: '楼道灯坏了',
      categoryCode: 'facility.light',
      address: undefined,
      lng: 117.345679,
      lat: 27.54321,
      reporterPersonId: 'p-1',
    });
  });

  it('sends only the reporter fields of the chosen mode, and photos only when there are some', () => {
    const input = toCreateCase(filled, null, 'typed', ['ph-1']);
    expect(input).not.toHaveProperty('reporterPersonId');
    expect(input).not.toHaveProperty('lng');
    expect(input).toMatchObject({ reporterName: '张三', reporterPhone: undefined, photoIds: ['ph-1'] });
  });
});
