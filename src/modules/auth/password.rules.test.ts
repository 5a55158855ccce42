import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { TEST_PASSWORD } from '../../../test/world.js';
import { newPasswordProblem } from './auth.service.js';
import { isCommonPassword } from './common-passwords.js';
import { commonPasswordCandidates, passwordShapeProblem } from './password.rules.js';

describe('the password rule', () => {
  it('wants 10 characters, counted as characters rather than bytes', () => {
    expect(passwordShapeProblem('x7#Kd9!pQ', 'someone')).toBe('too_short');
    expect(passwordShapeProblem('x7#Kd9!pQz', 'someone')).toBeNull();
    expect(passwordShapeProblem('联建共治很安全的密码', 'someone')).toBeNull();
  });

  it('refuses only digits, few different characters and straight runs', () => {
    for (const p of [
      '13812345678',
      '2026120720',
      'aaaaaaaaaaaa',
      'abababababab',
      'abcabcabca',
      '1234567890',
      'abcdefghij',
      'jihgfedcba',
    ]) {
      expect(passwordShapeProblem(p, 'someone'), p).toBe('too_simple');
    }
    expect(passwordShapeProblem('correct horse battery', 'someone')).toBeNull();
  });

  it('refuses a password that contains the username, in any case', () => {
    expect(passwordShapeProblem('Hangdong-2026!', 'hangdong')).toBe('username');
    expect(passwordShapeProblem('my-ab-password', 'ab')).toBeNull();
  });

  it('refuses the common passwords, also with digits and symbols at the ends', () => {
    expect(commonPasswordCandidates('Sunshine2026!')).toEqual(['sunshine2026!', 'sunshine']);
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('Password123!')).toBe(true);
    expect(isCommonPassword('woaini1314')).toBe(true);
    expect(newPasswordProblem('qwertyuiop', 'someone')).toBe('common');
    expect(newPasswordProblem('lantern river 42', 'someone')).toBeNull();
  });

  it('would accept the demo and test passwords', () => {
    expect(newPasswordProblem(DEMO_PASSWORD, 'admin')).toBeNull();
    expect(newPasswordProblem(TEST_PASSWORD, 'admin')).toBeNull();
  });
});
