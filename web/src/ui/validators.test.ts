import { describe, expect, it } from 'vitest';
import { isValidIdNumber as serverIdCheck, PHONE_PATTERN as SERVER_PHONE } from '../../../src/core/idcard';
import { isValidIdNumber, PHONE_PATTERN } from './validators';

// 11010519491231002X is the example of GB 11643 itself.
const VALID = ['11010519491231002X'];

describe("forms' validation rules mirror the server's", () => {
  it('accepts a resident ID number with a real date and the right check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber(' 11010519491231002x ')).toBe(true);
  });

  it('refuses a wrong check character, an impossible date, a short or lettered number', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519490231002X')).toBe(false);
    expect(isValidIdNumber('11010518001231002X')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(isValidIdNumber('1101051949123100AX')).toBe(false);
  });

  it('agrees with the server on ID numbers and phone numbers', () => {
    const ids = [...VALID, '110105194912310021', '11010519490229002X', '440304200002290017', '44030420000229001X'];
    for (const id of ids) expect(isValidIdNumber(id), id).toBe(serverIdCheck(id));
    expect(PHONE_PATTERN.source).toBe(SERVER_PHONE.source);
    for (const phone of ['13800138000', '12800138000', '1380013800', '19912345678'])
      expect(PHONE_PATTERN.test(phone), phone).toBe(SERVER_PHONE.test(phone));
  });
});
