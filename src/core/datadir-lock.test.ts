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
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^${process.pid}( |$)`));
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses while a living process holds it, naming that process', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, LOCK_FILE), String(process.ppid));
    expect(() => claimDataDir(dir)).toThrow(BackupError);
    expect(() => claimDataDir(dir)).toThrow(new RegExp(`DATA_DIR_BUSY: .*${process.ppid}`));
  });

  it('refuses while the very process that wrote the claim lives', () => {
    const dir = fresh();
    const parent = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const started = parent.slice(parent.lastIndexOf(') ') + 2).split(' ')[19];
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    writeFileSync(path.join(dir, LOCK_FILE), `${process.ppid} ${boot}:${started}`);
    expect(() => claimDataDir(dir)).toThrow(new RegExp(`DATA_DIR_BUSY: .*${process.ppid}`));
  });

  it('takes over a claim whose pid now belongs to another process (after a reboot or a later start)', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, LOCK_FILE), `${process.ppid} another-boot:12345`);
    claimDataDir(dir)();
  });

  it('takes over the claim of a process that is gone', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, LOCK_FILE), '4194301');
    claimDataDir(dir)();
    writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
    claimDataDir(dir)();
  });
});
