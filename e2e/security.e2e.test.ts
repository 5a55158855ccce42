import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, DESKTOP, login, PHONE, phoneLogin } from './browser.js';

/**
 * The Content-Security-Policy (src/core/http/security.ts) is one the app really runs under: every page below is
 * loaded, its charts hovered, a photo previewed on the phone, and any violation the browser reports fails the test.
 */
const browser = browserForFile();
const baseUrl = inject('baseUrl');

interface Watched {
  page: Page;
  violations: string[];
}

async function watchedPage(
  viewport: typeof DESKTOP,
  extra: Parameters<Browser['newContext']>[0] = {},
): Promise<Watched> {
  const context: BrowserContext = await browser().newContext({ viewport, locale: 'zh-CN', ...extra });
  const violations: string[] = [];
  await context.exposeBinding('reportCsp', (_source, line: string) => {
    violations.push(line);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportCsp(l: string): Promise<void> }).reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return { page, violations };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

describe('the web app under its Content-Security-Policy', () => {
  it('renders the desktop pages, charts and maps with no violation', async () => {
    const { page, violations } = await watchedPage(DESKTOP);
    await login(page, baseUrl, 'admin');
    const res = await page.goto(`${baseUrl}/`);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res?.headers()['x-frame-options']).toBe('DENY');
    for (const path of [
      '/',
      '/cases',
      '/cases/stats',
      '/grids',
      '/people',
      '/cobuild/pairing',
      '/cobuild/needs',
      '/cobuild/meetings',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await settle(page);
      for (const canvas of (await page.locator('canvas').all()).slice(0, 3)) {
        const box = await canvas.boundingBox();
        // Chart tooltips are HTML with inline styles.
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      }
    }
    await settle(page);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('renders the phone pages and previews a photo (a blob: image) with no violation', async () => {
    const { page, violations } = await watchedPage(PHONE, { isMobile: true, hasTouch: true });
    await page.goto(`${baseUrl}/m/`);
    await phoneLogin(page, 'resident01');
    await settle(page);
    const file = page.locator('input[type=file]').first();
    await file.waitFor({ state: 'attached', timeout: 30_000 });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    await file.setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: png });
    await page.locator('img[src^="blob:"]').first().waitFor({ timeout: 15_000 });
    await settle(page);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('cannot be framed by another page', async () => {
    // The framing page on another origin (localhost vs 127.0.0.1), with a control frame of its own that does load.
    const parent = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        req.url === '/control'
          ? '<div id="root">control</div>'
          : `<iframe src="${baseUrl}/"></iframe><iframe src="/control"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => parent.listen(0, '127.0.0.1', resolve));
    const parentUrl = `http://localhost:${(parent.address() as AddressInfo).port}`;
    const { page } = await watchedPage(DESKTOP);
    try {
      await page.goto(`${parentUrl}/`);
      await page.waitForTimeout(1500);
      const hasRoot = async (prefix: string) => {
        const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(prefix));
        return frame ? frame.evaluate(() => document.querySelector('#root') !== null).catch(() => false) : false;
      };
      expect(await hasRoot(`${parentUrl}/control`)).toBe(true);
      // The browser refuses to render the app in the frame (it shows its error page instead).
      expect(await hasRoot(baseUrl)).toBe(false);
    } finally {
      await page.context().close();
      parent.close();
    }
  });
});
