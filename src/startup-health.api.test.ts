import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer, tempDataDir } from '../test/server-process.js';
import { listenWhileStarting } from './core/startup-listener.js';

const running: ServerProcess[] = [];
afterEach(() => {
  for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

interface Seen {
  live: number;
  ready: number;
  readyCode?: string;
  other: number;
  retryAfter: string | null;
}

/** Once the child says where it is starting, asks live, ready and an API route until `done()` is true. */
function probeWhileStarting(child: ChildProcess, done: () => boolean): Promise<Seen[]> {
  return new Promise((resolve) => {
    let out = '';
    const seen: Seen[] = [];
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /is starting at (http:\/\/\S+?)\/ /.exec(out)?.[1].replace('localhost', '127.0.0.1');
      if (!url) return;
      child.stdout!.off('data', onData);
      void (async () => {
        while (!done()) {
          const ask = (path: string) => fetch(`${url}${path}`, { headers: { 'accept-language': 'en' } });
          try {
            const [live, ready, other] = await Promise.all([
              ask('/api/health/live'),
              ask('/api/health/ready'),
              ask('/api/organisations'),
            ]);
            const body = (await ready.json()) as { error?: { code: string } };
            seen.push({
              live: live.status,
              ready: ready.status,
              readyCode: body.error?.code,
              other: other.status,
              retryAfter: other.headers.get('retry-after'),
            });
          } catch {
            // The moment between the start-up listener closing and the app listening.
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        resolve(seen);
      })();
    };
    child.stdout!.on('data', onData);
  });
}

// A first start on the embedded database, whatever the suite's database: the PostgreSQL run skips it.
const embeddedOnly = it.skipIf(Boolean(process.env.TEST_DATABASE_URL));

describe('health while the server starts', () => {
  embeddedOnly(
    'answers live 200 and ready 503 STARTING while a first start seeds the demo, then ready 200 on the same port',
    async () => {
      let started = false;
      let probing: Promise<Seen[]> = Promise.resolve([]);
      const server = await startServer({ DATA_DIR: tempDataDir() }, 90_000, (child) => {
        probing = probeWhileStarting(child, () => started);
      });
      running.push(server);
      started = true;
      const seen = await probing;
      const starting = seen.filter((s) => s.ready === 503);
      expect(starting.length, JSON.stringify(seen)).toBeGreaterThan(0);
      for (const s of starting) {
        expect(s).toMatchObject({ live: 200, readyCode: 'STARTING', other: 503, retryAfter: '5' });
      }
      // The app took over the port the start-up listener held.
      const ready = await fetch(`${server.url}/api/health/ready`);
      expect(ready.status).toBe(200);
      expect(server.output()).toContain(`is starting at ${server.url}/`);
    },
    120_000,
  );

  it('refuses to start when the port is taken, before opening any database', async () => {
    const first = await listenWhileStarting({ port: 0, host: '127.0.0.1' });
    try {
      await expect(listenWhileStarting({ port: first.port, host: '127.0.0.1' })).rejects.toThrow(/EADDRINUSE/);
      const head = await fetch(`http://127.0.0.1:${first.port}/api/health/live`, { method: 'HEAD' });
      expect(head.status).toBe(200);
    } finally {
      await first.close();
    }
  });
});
