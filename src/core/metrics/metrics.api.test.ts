import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectError } from '../../../test/http.js';
import { countJobRun } from '../periodic.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const scrape = async (headers: Record<string, string> = {}, remoteAddress?: string) =>
  ctx.app.inject({ method: 'GET', url: '/metrics', headers, ...(remoteAddress ? { remoteAddress } : {}) });

/** The value of one sample line, e.g. `lianjian_job_runs_total{job="case-sweep"}`; null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('counts requests by route template, never the raw URL with its id', async () => {
    const cookie = await ctx.cookieFor('hangdong');
    const id = '00000000-0000-4000-8000-000000000000';
    const series =
      'lianjian_http_request_duration_seconds_count{method="GET",route="/api/cases/:id",status_class="4xx"}';
    const before = sample((await scrape()).body, series) ?? 0;
    for (let i = 0; i < 3; i++) {
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: { cookie } });
    }
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(res.body, series)).toBe(before + 3);
    expect(res.body).not.toContain(id);
    // The process's own: event-loop lag, heap, GC (prom-client's default metrics).
    for (const name of [
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
      'process_cpu_seconds_total',
    ]) {
      expect(res.body).toContain(`# TYPE ${name}`);
    }
    expect(res.body).toContain(`lianjian_database_info{kind="${ctx.database.kind}"} 1`);
    // The pool's gauges on PostgreSQL; PGlite has no pool.
    expect(/lianjian_db_pool_connections\{state="total"\} \d+/.test(res.body)).toBe(ctx.database.kind === 'postgres');
  });

  it('counts intake batches and the cases they carried', async () => {
    const before = (await scrape()).body;
    const cookie = await ctx.cookieFor('hangdong');
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: { cookie },
          payload: { channel: 'hall', description: `指标测试第${i}处路灯不亮`, lng: 117.331, lat: 27.541 },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(5).fill(201));
    const after = (await scrape()).body;
    const cases = 'lianjian_intake_batch_cases_total{result="ok"}';
    const batches = 'lianjian_intake_batches_total{result="ok"}';
    expect((sample(after, cases) ?? 0) - (sample(before, cases) ?? 0)).toBe(5);
    const moreBatches = (sample(after, batches) ?? 0) - (sample(before, batches) ?? 0);
    expect(moreBatches).toBeGreaterThanOrEqual(1);
    expect(moreBatches).toBeLessThanOrEqual(5);
    expect(sample(after, 'lianjian_intake_batch_duration_seconds_count')).toBeGreaterThanOrEqual(moreBatches);
  });

  it('shows the background jobs as job_runs has them, failures included', async () => {
    await countJobRun(ctx.database.db, 'metrics-probe', { ok: true, durationMs: 12 });
    await countJobRun(ctx.database.db, 'metrics-probe', { ok: false, durationMs: 250, error: new Error('boom') });
    const text = (await scrape()).body;
    expect(sample(text, 'lianjian_job_runs_total{job="metrics-probe"}')).toBe(2);
    expect(sample(text, 'lianjian_job_failures_total{job="metrics-probe"}')).toBe(1);
    expect(sample(text, 'lianjian_job_last_ok{job="metrics-probe"}')).toBe(0);
    expect(sample(text, 'lianjian_job_last_duration_seconds{job="metrics-probe"}')).toBe(0.25);
    expect(sample(text, 'lianjian_job_last_run_timestamp_seconds{job="metrics-probe"}')).toBeGreaterThan(1.7e9);
  });

  it('refuses a caller from another address, or one behind a proxy on this machine, 403 METRICS_FORBIDDEN', async () => {
    const far = await scrape({ 'accept-language': 'en' }, '10.2.3.4');
    expect(expectError(far, 403, 'METRICS_FORBIDDEN').error.message).toContain('METRICS_TOKEN');
    expectError(await scrape({ 'x-forwarded-for': '203.0.113.9' }), 403, 'METRICS_FORBIDDEN');
    expect((await scrape({}, '::1')).statusCode).toBe(200);
  });
});

describe('GET /metrics with METRICS_TOKEN, and METRICS=off', () => {
  it('wants the bearer token from any address (401 METRICS_UNAUTHORIZED), and takes it from anywhere', async () => {
    const token = 'a-long-random-metrics-token-0123456789';
    const own = await createTestContext({ world: false, config: { metrics: { enabled: true, token } } });
    try {
      const get = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
        own.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
      const none = await get({});
      expectError(none, 401, 'METRICS_UNAUTHORIZED');
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expectError(await get({ authorization: 'Bearer wrong' }), 401, 'METRICS_UNAUTHORIZED');
      expect((await get({ authorization: `Bearer ${token}` }, '10.2.3.4')).statusCode).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('has no /metrics and no hooks when off', async () => {
    const off = await createTestContext({ world: false, config: { metrics: { enabled: false, token: null } } });
    try {
      expectError(await off.app.inject({ method: 'GET', url: '/metrics' }), 404, 'NOT_FOUND');
    } finally {
      await off.close();
    }
  });
});
