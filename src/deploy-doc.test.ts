import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMIT } from './app.js';
import { trustsPeer } from './core/http/proxy.js';
import { ROOT_DIR } from './core/paths.js';

/**
 * docs/DEPLOY.md and deploy/ are what a county's IT office follows; src/ is what the server does. This keeps the cheap
 * parts equal: every variable the server reads is in the guide's table (and nothing the server does not read), the
 * example env file sets only known variables, the files the guide names exist, and the unit, the env file and the
 * nginx site agree with each other and with the code (paths, ports, trusted proxy, upload limit, stop deadline).
 */

const read = (rel: string) => readFileSync(path.join(ROOT_DIR, rel), 'utf8');
const NAME = '[A-Z][A-Z0-9_]*';

/** The keys of config.ts's ZEnv (its top-level `  NAME: …` lines): what loadConfig reads. */
function configVariables(): string[] {
  const source = read('src/core/config.ts');
  const start = source.indexOf('const ZEnv = z.object({');
  const end = source.indexOf('\n});', start);
  if (start < 0 || end < 0) throw new Error('config.ts: ZEnv = z.object({ … }) not found; update deploy-doc.test.ts');
  return [...source.slice(start, end).matchAll(new RegExp(`^ {2}(${NAME}):`, 'gm'))].map((m) => m[1]);
}

/** `process.env.NAME` read anywhere else in the server's code (tests excluded). */
function directReads(): string[] {
  const files = readdirSync(path.join(ROOT_DIR, 'src'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const names = files.flatMap((f) =>
    [...read(path.join('src', f)).matchAll(new RegExp(`process\\.env\\.(${NAME})`, 'g'))].map((m) => m[1]),
  );
  return [...new Set(names)];
}

/** The first column of the table under "### Environment variables" in docs/DEPLOY.md. */
function documentedVariables(): string[] {
  const doc = read('docs/DEPLOY.md');
  const start = doc.indexOf('### Environment variables');
  const end = doc.indexOf('\n## ', start);
  expect(start, 'docs/DEPLOY.md has a "### Environment variables" section').toBeGreaterThan(-1);
  return [...doc.slice(start, end).matchAll(new RegExp(`^\\| \`(${NAME})\` \\|`, 'gm'))].map((m) => m[1]);
}

/** NAME=value lines of a systemd environment file, commented-out examples (`#NAME=`) included. */
function envFile(rel: string): Map<string, string> {
  const lines = read(rel).matchAll(new RegExp(`^#?(${NAME})=(.*)$`, 'gm'));
  return new Map([...lines].map((m) => [m[1], m[2]]));
}

/** `Key=value` settings of the unit file; a key given twice keeps the last. */
function unitSettings(): Map<string, string> {
  const lines = read('deploy/lianjian.service').matchAll(/^([A-Za-z]+)=(.*)$/gm);
  return new Map([...lines].map((m) => [m[1], m[2].trim()]));
}

const nginx = () => read('deploy/nginx/lianjian.conf');

/** GitHub's anchors for a markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
    m[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replaceAll(' ', '-'),
  );
}

describe('docs/DEPLOY.md and deploy/ against the code', () => {
  it('lists every environment variable the server reads, and none it does not', () => {
    const used = [...new Set([...configVariables(), ...directReads()])];
    const documented = documentedVariables();
    expect(
      used.filter((v) => !documented.includes(v)),
      'add these to the table in docs/DEPLOY.md "Environment variables" (meaning and default)',
    ).toEqual([]);
    expect(
      documented.filter((v) => !used.includes(v)),
      'docs/DEPLOY.md documents variables the server no longer reads',
    ).toEqual([]);
    expect(documented.length, 'each variable once').toBe(new Set(documented).size);
  });

  it('the example env file sets only variables config.ts knows, and what production needs', () => {
    const known = configVariables();
    const env = envFile('deploy/lianjian.env.example');
    expect([...env.keys()].filter((v) => !known.includes(v))).toEqual([]);
    for (const needed of ['HOST', 'PORT', 'DATABASE_URL', 'DATA_DIR', 'SESSION_SECRET', 'TRUST_PROXY', 'BACKUP_DIR']) {
      expect(env.has(needed), needed).toBe(true);
    }
  });

  it('links only to sections that exist, here and in OPERATIONS.md', () => {
    const doc = read('docs/DEPLOY.md');
    const links = [...doc.matchAll(/\]\((OPERATIONS\.md)?#([\w-]+)\)/g)].map((m) => ({
      file: m[1] ? 'docs/OPERATIONS.md' : 'docs/DEPLOY.md',
      anchor: m[2],
    }));
    expect(links.length).toBeGreaterThan(3);
    for (const { file, anchor } of links) expect(headingAnchors(read(file)), `${file}#${anchor}`).toContain(anchor);
  });

  it('names only deploy/ files that exist', () => {
    const named = new Set([...read('docs/DEPLOY.md').matchAll(/\bdeploy\/[\w./-]*\w/g)].map((m) => m[0]));
    expect(named.size).toBeGreaterThan(2);
    for (const file of named) expect(existsSync(path.join(ROOT_DIR, file)), file).toBe(true);
  });

  it('the unit runs what npm start runs, with the env file, and may write DATA_DIR and BACKUP_DIR', () => {
    const unit = unitSettings();
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    const dir = unit.get('WorkingDirectory');
    expect(unit.get('ExecStart')).toBe(`/usr/bin/${start.replace(/^node dist/, `node ${dir}/dist`)}`);
    expect(unit.get('EnvironmentFile')).toBe('/etc/lianjian/lianjian.env');
    expect(unit.get('Environment')).toBe('NODE_ENV=production');
    const env = envFile('deploy/lianjian.env.example');
    const writable = (unit.get('ReadWritePaths') ?? '').split(/\s+/).map((p) => p.replace(/^-/, ''));
    expect(writable).toContain(env.get('DATA_DIR'));
    expect(writable).toContain(env.get('BACKUP_DIR'));
    expect(`/var/lib/${unit.get('StateDirectory')}`).toBe(env.get('DATA_DIR'));
  });

  it("the unit waits longer than the app's own stop deadline before SIGKILL", () => {
    const unit = unitSettings();
    const serverDeadline = /process\.exit\(1\), ([\d_]+)\)/.exec(read('src/server.ts'))?.[1];
    const clusterDeadline = /STOP_WITHIN_MS = ([\d_]+)/.exec(read('src/cluster.ts'))?.[1];
    const ms = [serverDeadline, clusterDeadline].map((v) => Number(v?.replaceAll('_', '')));
    expect(
      ms.every((v) => v > 0),
      'the shutdown deadlines in server.ts/cluster.ts were not found',
    ).toBe(true);
    expect(unit.get('KillSignal')).toBe('SIGTERM');
    expect(Number(unit.get('TimeoutStopSec')) * 1000).toBeGreaterThan(Math.max(...ms));
  });

  it('nginx proxies to the env file HOST:PORT, from an address TRUST_PROXY believes', () => {
    const env = envFile('deploy/lianjian.env.example');
    const upstream = /upstream lianjian_app \{[^}]*?server ([\d.]+):(\d+);/.exec(nginx());
    expect(upstream?.slice(1)).toEqual([env.get('HOST'), env.get('PORT')]);
    expect(trustsPeer(env.get('TRUST_PROXY') ?? 'false')('127.0.0.1')).toBe(true);
    for (const header of ['X-Forwarded-For', 'X-Forwarded-Proto', 'X-Forwarded-Host', 'X-Request-Id']) {
      expect(nginx(), header).toContain(`proxy_set_header ${header} `);
    }
  });

  it("nginx accepts the app's largest upload, and not much more", () => {
    const mb = Number(/client_max_body_size (\d+)m;/.exec(nginx())?.[1]);
    const limitMb = UPLOAD_LIMIT / 1024 / 1024;
    expect(mb).toBeGreaterThanOrEqual(limitMb);
    expect(mb).toBeLessThanOrEqual(limitMb + 2);
  });
});
