import { describe, expect, it } from 'vitest';
import { missingLoginField } from './useLogin';

describe('login form', () => {
  it('names the first empty field; a username of spaces is empty, a password of spaces is not', () => {
    expect(missingLoginField('', '')).toBe('username');
    expect(missingLoginField('   ', 'secret')).toBe('username');
    expect(missingLoginField('admin', '')).toBe('password');
    expect(missingLoginField('admin', '   ')).toBeNull();
    expect(missingLoginField(' admin ', 'x')).toBeNull();
  });
});
