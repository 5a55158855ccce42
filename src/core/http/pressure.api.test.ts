import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectError } from '../../../test/http.js';
import { loadConfig } from '../config.js';

/**
 * Tiny limits: a heap of 1 byte is always exceeded once the first sample (every 10 ms here) has been taken, so every
 * request but the exempt ones is refused.
 */
let ctx: TestContext;
beforeAll(async () => {
  const base = loadConfig({ NODE_ENV: 'test' }).pressure;
  ctx = await createTestContext({
    world: false,
    config: { pressure: { ...base, enabled: true, maxEventLoopDelayMs: 0, maxHeapUsedBytes: 1, sampleMs: 10 } },
  });
  await new Promise((resolve) => setTimeout(resolve, 60));
});
afterAll(async () => {
  await ctx?.close();
});

describe('under pressure', () => {
  it('answers 503 SERVER_BUSY in the API error shape, zh-CN and en, with Retry-After', async () => {
    const zh = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const body = expectError(zh, 503, 'SERVER_BUSY');
    const seconds = Number(zh.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(body.error.message).toBe(`服务器繁忙，请在 ${seconds} 秒后重试`);
    expect(body.error.details).toEqual({ retryAfterSeconds: seconds });
    const en = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en' } });
    expect(expectError(en, 503, 'SERVER_BUSY').error.message).toBe(
      `The server is overloaded; try again in ${seconds} seconds`,
    );
    // Refused before the session is looked up: an anonymous call to a private route is 503, not 401.
    expect(en.statusCode).toBe(503);
  });

  it('lets liveness and the metrics through, and refuses readiness', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    const metrics = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/lianjian_http_busy_refusals_total\{reason="heapUsedBytes"\} [1-9]/);
    expectError(await ctx.app.inject({ method: 'GET', url: '/api/health/ready' }), 503, 'SERVER_BUSY');
  });
});

describe('under pressure: the event loop stuck', () => {
  it('refuses SERVER_BUSY right after the loop was blocked past the limit, and serves again a sample later', async () => {
    const base = loadConfig({ NODE_ENV: 'test' }).pressure;
    const own = await createTestContext({
      world: false,
      config: { pressure: { ...base, enabled: true, maxEventLoopDelayMs: 300, maxHeapUsedBytes: 0, sampleMs: 100 } },
    });
    try {
      const ready = () => own.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect((await ready()).statusCode).toBe(200);
      const until = performance.now() + 900;
      while (performance.now() < until) {
        // Blocking the loop on purpose: what a long synchronous statement or computation does.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expectError(await ready(), 503, 'SERVER_BUSY');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await ready()).statusCode).toBe(200);
      const metrics = await own.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(/lianjian_http_busy_refusals_total\{reason="eventLoopDelay"\} 1\n/);
    } finally {
      await own.close();
    }
  });
});

describe('under-pressure settings', () => {
  it('are on by default outside tests, with a heap limit below V8s and nothing unchecked but RSS and utilisation', () => {
    const p = loadConfig({ NODE_ENV: 'development' }).pressure;
    expect(p).toMatchObject({ enabled: true, maxEventLoopDelayMs: 1000, maxRssBytes: 0, maxEventLoopUtilization: 0 });
    expect(p.maxHeapUsedBytes).toBeGreaterThan(100 * 1024 * 1024);
    expect(loadConfig({ NODE_ENV: 'test' }).pressure.enabled).toBe(false);
  });

  it('follow the environment, and UNDER_PRESSURE=off turns them off', () => {
    const p = loadConfig({
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '250',
      PRESSURE_MAX_HEAP_MB: '512',
      PRESSURE_MAX_RSS_MB: '1024',
      PRESSURE_MAX_EVENT_LOOP_UTILIZATION: '0.95',
      PRESSURE_SAMPLE_MS: '500',
    }).pressure;
    expect(p).toEqual({
      enabled: true,
      maxEventLoopDelayMs: 250,
      maxHeapUsedBytes: 512 * 1024 * 1024,
      maxRssBytes: 1024 * 1024 * 1024,
      maxEventLoopUtilization: 0.95,
      sampleMs: 500,
    });
    expect(loadConfig({ UNDER_PRESSURE: 'off' }).pressure.enabled).toBe(false);
    expect(() => loadConfig({ PRESSURE_MAX_EVENT_LOOP_UTILIZATION: '2' })).toThrow(
      /PRESSURE_MAX_EVENT_LOOP_UTILIZATION/,
    );
  });
});
