import { describe, expect, it } from 'vitest';
import { reportInput } from './reportInput';

const EMPTY = { description: '', chosenCategory: null, point: null, address: '', photoIds: [], sameAsCaseId: null };

describe('the phone report as sent', () => {
  it('a description alone: channel 随手拍, trimmed, nothing else', () => {
    expect(reportInput({ ...EMPTY, description: '  路灯不亮 ' })).toEqual({ channel: 'snap', description: '路灯不亮' });
  });

  it('everything filled in', () => {
    expect(
      reportInput({
        description: '路灯不亮',
        chosenCategory: 'C0101',
        point: { lng: 117.35, lat: 27.54 },
        address: ' 中山路12号 ',
        photoIds: ['p1', 'p2'],
        sameAsCaseId: 'case-1',
      }),
    ).toEqual({
      channel: 'snap',
      description: '路灯不亮',
      categoryCode: 'C0101',
      lng: 117.35,
      lat: 27.54,
      address: '中山路12号',
      photoIds: ['p1', 'p2'],
      sameAsCaseId: 'case-1',
    });
  });

  it('an address of spaces is left out', () => {
    expect(reportInput({ ...EMPTY, description: 'x', address: '   ' })).not.toHaveProperty('address');
  });
});
