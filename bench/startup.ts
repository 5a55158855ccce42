/**
 * Cold and warm start of the built server (`node dist/src/server.js`), timed from spawn to the first healthy
 * /api/health answer. Cold = empty DATA_DIR (initdb, migrations, full demo seed); warm = the same directory again.
 * Run: npm run build && node --import tsx bench/startup.ts [runs]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../src/core/paths.js';

const SERVER = path.join(ROOT_DIR, 'dist/src/server.js');

async function timeStart(dataDir: string, port: number): Promise<{ ms: number; reported: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = performance.now() - t0;
    return { ms, reported: /ready in (\d+ ms)/.exec(out)?.[1] ?? '?' };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  if (!existsSync(SERVER)) throw new Error('build first: npm run build');
  const runs = Number(process.argv[2] ?? 3);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lj-bench-')), 'data');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const c = await timeStart(dir, port);
    const w = await timeStart(dir, port);
    cold.push(c.ms);
    warm.push(w.ms);
    console.log(
      `run ${i + 1}: cold ${c.ms.toFixed(0)} ms (server says ${c.reported}), warm ${w.ms.toFixed(0)} ms (server says ${w.reported})`,
    );
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
  console.log(
    `cold start median ${median(cold).toFixed(0)} ms (goal < 5000); warm start median ${median(warm).toFixed(0)} ms (goal < 1500)`,
  );
}

await main();
