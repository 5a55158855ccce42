import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig, WORKERS_NEED_POSTGRES } from './config.js';

const production = (secret?: string) => () =>
  loadConfig({ NODE_ENV: 'production', ...(secret === undefined ? {} : { SESSION_SECRET: secret }) });

describe('loadConfig: SESSION_SECRET in production', () => {
  it('refuses a missing or default secret', () => {
    expect(production()).toThrow('SESSION_SECRET: must be set to a non-default value in production');
    expect(production('lianjian-dev-secret-change-me')).toThrow('non-default');
  });

  it('refuses a secret shorter than 32 bytes, saying how long it is', () => {
    expect(production('aaaaaaaaaaaaaaaa')).toThrow(
      'SESSION_SECRET: must be at least 32 bytes in production (this one is 16)',
    );
    expect(production(randomBytes(15).toString('hex'))).toThrow('this one is 30');
  });

  it('refuses long secrets that do not look random', () => {
    for (const secret of [
      'a'.repeat(40),
      'abababababababababababababababab',
      'abcdefghijklmnopqrstuvwxyz0123456789',
      'passwordpasswordpasswordpassword',
    ]) {
      expect(production(secret), secret).toThrow(/SESSION_SECRET: does not look random \(\d+ different characters/);
    }
  });

  it('accepts random secrets in the usual encodings', () => {
    for (let i = 0; i < 50; i++) {
      for (const secret of [
        randomBytes(16).toString('hex'),
        randomBytes(32).toString('base64'),
        randomBytes(32).toString('base64url'),
      ]) {
        expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret }).sessionSecret).toBe(secret);
      }
    }
  });

  it('leaves development alone, and reads the session lifetimes', () => {
    const dev = loadConfig({ NODE_ENV: 'development', SESSION_SECRET: 'aaaaaaaaaaaaaaaa' });
    expect(dev.sessionSecret).toBe('aaaaaaaaaaaaaaaa');
    expect([dev.sessionIdleMinutes, dev.sessionMaxHours]).toEqual([480, 168]);
    const set = loadConfig({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '12' });
    expect([set.sessionIdleMinutes, set.sessionMaxHours]).toEqual([15, 12]);
  });
});

describe('loadConfig: WORKERS', () => {
  it('defaults to one process and takes up to 64 on PostgreSQL', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: '4', DATABASE_URL: 'postgres://db/lianjian' }).workers).toBe(4);
    expect(() => loadConfig({ WORKERS: '0', DATABASE_URL: 'postgres://db/lianjian' })).toThrow(/WORKERS/);
  });

  it('refuses more than one on the embedded database, in Chinese and English', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(`WORKERS: ${WORKERS_NEED_POSTGRES}`);
    expect(WORKERS_NEED_POSTGRES).toMatch(/需要 PostgreSQL.* \/ WORKERS > 1 needs PostgreSQL/);
  });
});

describe('loadConfig: scheduled backups', () => {
  it('backs up every 24 hours into DATA_DIR/backups, keeping 7, unless told otherwise', () => {
    const c = loadConfig({ DATA_DIR: '/srv/lj' }, '/');
    expect([c.backupDir, c.backupEveryHours, c.backupKeep]).toEqual(['/srv/lj/backups', 24, 7]);
    const d = loadConfig(
      { DATA_DIR: '/srv/lj', BACKUP_DIR: '/mnt/b', BACKUP_EVERY_HOURS: '0', BACKUP_KEEP: '30' },
      '/',
    );
    expect([d.backupDir, d.backupEveryHours, d.backupKeep]).toEqual(['/mnt/b', 0, 30]);
    expect(loadConfig({ NODE_ENV: 'test' }).backupEveryHours).toBe(0);
  });

  it('names each bad backup setting', () => {
    expect(() => loadConfig({ BACKUP_EVERY_HOURS: '-1' })).toThrow(/BACKUP_EVERY_HOURS: /);
    expect(() => loadConfig({ BACKUP_EVERY_HOURS: 'daily' })).toThrow(/BACKUP_EVERY_HOURS: /);
    expect(() => loadConfig({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP: /);
    expect(() => loadConfig({ BACKUP_KEEP: '2.5' })).toThrow(/BACKUP_KEEP: /);
  });
});
