import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError } from './backup/errors.js';
import { claimDataDir, LOCK_FILE } from './datadir-lock.js';

describe('claimDataDir', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lj-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('claims a directory and releases it', () => {
    const dir = fresh();
    const release = claimDataDir(dir);
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses while a living process holds it, naming that process', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, LOCK_FILE), String(process.ppid));
    expect(() => claimDataDir(dir)).toThrow(BackupError);
    expect(() => claimDataDir(dir)).toThrow(new RegExp(`DATA_DIR_BUSY: .*${process.ppid}`));
  });

  it('takes over the claim of a process that is gone', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, LOCK_FILE), '4194301');
    claimDataDir(dir)();
    writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
    claimDataDir(dir)();
  });
});
