/**
 * The common-password block list (datasets/passwords/, see its README), read once into a Set on first use: ~10,000
 * entries, ~1 MB of memory, a few milliseconds to load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../core/paths.js';
import { commonPasswordCandidates } from './password.rules.js';

export const COMMON_PASSWORD_FILES = ['common-10k.txt', 'common-cn.txt'].map((f) =>
  path.join(ROOT_DIR, 'datasets', 'passwords', f),
);

let commonPasswords: Set<string> | null = null;

function loadCommonPasswords(): Set<string> {
  const set = new Set<string>();
  for (const file of COMMON_PASSWORD_FILES) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const word = line.trim().toLowerCase();
      if (word) set.add(word);
    }
  }
  return set;
}

/** True when the password, or its core without digits and symbols at the ends, is on the list. */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= loadCommonPasswords();
  const list = commonPasswords;
  return commonPasswordCandidates(password).some((candidate) => list.has(candidate));
}
