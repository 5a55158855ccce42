/**
 * The rule a new password must meet, in one place for the server (auth.service.ts, which adds the common-password
 * list) and the web's change-password form (which imports this file as a value, so it must stay free of imports).
 *
 * NIST SP 800-63B's advice: length and a block list rather than composition rules. "Too simple" is kept narrow: only
 * digits (phone numbers and dates, the commonest passwords here), fewer than 5 different characters ("abcabcabca")
 * or one straight run ("1234567890", "abcdefghij", "9876543210").
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_simple' | 'username' | 'common';

/** The first problem of a new password, leaving out the common-password list (the server checks that). */
export function passwordShapeProblem(password: string, username: string): PasswordProblem | null {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (/^\d+$/.test(password) || new Set(chars).size < 5 || isStraightRun(chars)) return 'too_simple';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'username';
  return null;
}

function isStraightRun(chars: string[]): boolean {
  const step = (chars[1].codePointAt(0) ?? 0) - (chars[0].codePointAt(0) ?? 0);
  if (Math.abs(step) !== 1) return false;
  return chars.every((c, i) => i === 0 || (c.codePointAt(0) ?? 0) - (chars[i - 1].codePointAt(0) ?? 0) === step);
}

/**
 * The forms of a password to look up in a common-password list: as typed (lower case), and without the digits and
 * symbols people add at either end ("Sunshine2026!" is "sunshine" to a guessing tool).
 */
export function commonPasswordCandidates(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+/, '').replace(/[\d\W_]+$/, '');
  return core && core !== lower ? [lower, core] : [lower];
}
