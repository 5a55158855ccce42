/**
 * What a first visit downloads: the JavaScript bytes on the wire (compressed, as Chromium received them) for the
 * desktop login page, the county admin's home after login, and the resident's phone report page (/m/), each in a
 * fresh browser context (empty cache), counted from CDP Network.loadingFinished (encodedDataLength = the bytes
 * transferred). Also fetches every JS file seen again with `Accept-Encoding: br` and sums the Content-Length, because
 * Chromium offers brotli only over HTTPS and this bench talks plain HTTP to 127.0.0.1.
 * Run: npm run build:web && node --import tsx bench/assets.ts [--dist=dist/web]
 * Needs Debian Chromium (apt-get install -y chromium fonts-noto-cjk).
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE } from '../e2e/browser.js';
import { ROOT_DIR } from '../src/core/paths.js';
import { loginCookie, startServer, tempDataDir } from '../test/server-process.js';

/** The demo seed's password (src/seed/demo.ts); not imported, so the bench does not load the seed itself. */
const DEMO_PASSWORD = 'lianjian2026';

interface Loaded {
  url: string;
  mime: string;
  encoding: string;
  transferred: number;
  decoded: number;
}

interface PageFigures {
  name: string;
  js: Loaded[];
  brBytes: number;
}

/** Records every response of one page load through CDP; `finish()` returns those that completed. */
async function recordNetwork(context: BrowserContext, page: Page): Promise<() => Loaded[]> {
  const cdp = await context.newCDPSession(page);
  const seen = new Map<string, Omit<Loaded, 'transferred' | 'decoded'>>();
  const done: Loaded[] = [];
  const decoded = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    seen.set(e.requestId, { url: e.response.url, mime: e.response.mimeType, encoding: h['content-encoding'] ?? 'identity' });
  });
  cdp.on('Network.dataReceived', (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (r) done.push({ ...r, transferred: e.encodedDataLength, decoded: decoded.get(e.requestId) ?? 0 });
  });
  await cdp.send('Network.enable');
  // No cache across loads: every figure is a first visit.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return () => done;
}

/** The same files, asked for with brotli only: the size a browser on HTTPS would download. */
async function brotliBytes(urls: string[]): Promise<number> {
  let sum = 0;
  for (const url of urls) {
    const res = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    const body = await res.arrayBuffer();
    sum += Number(res.headers.get('content-length') ?? body.byteLength);
  }
  return sum;
}

async function measure(
  name: string,
  open: (page: Page) => Promise<void>,
  opts: { baseUrl: string; viewport: { width: number; height: number }; cookie?: string },
): Promise<PageFigures> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: opts.viewport });
    if (opts.cookie) {
      const cookies = opts.cookie.split('; ').map((c) => {
        const [cname, ...rest] = c.split('=');
        return { name: cname, value: rest.join('='), url: opts.baseUrl };
      });
      await context.addCookies(cookies);
    }
    const page = await context.newPage();
    const finish = await recordNetwork(context, page);
    await open(page);
    // Lazy chunks (charts, pages) arrive after the data they draw: wait until the network is quiet.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const js = finish().filter((r) => r.mime.includes('javascript') || r.url.endsWith('.js'));
    return { name, js, brBytes: await brotliBytes(js.map((r) => r.url)) };
  } finally {
    await browser.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function report(f: PageFigures): void {
  const transferred = f.js.reduce((s, r) => s + r.transferred, 0);
  const decoded = f.js.reduce((s, r) => s + r.decoded, 0);
  const encodings = [...new Set(f.js.map((r) => r.encoding))].join(', ');
  console.log(
    `${f.name.padEnd(28)} ${String(f.js.length).padStart(3)} JS files  transferred ${kb(transferred).padStart(8)}` +
    ` (${encodings})  as br ${kb(f.brBytes).padStart(7)}  uncompressed ${kb(decoded).padStart(8)}`,
  );
  if (process.argv.includes('--files')) {
    for (const r of [...f.js].sort((a, b) => b.transferred - a.transferred)) {
      console.log(`    ${kb(r.transferred).padStart(7)}  ${new URL(r.url).pathname}`);
    }
  }
}

async function main(): Promise<void> {
  const distArg = process.argv.find((a) => a.startsWith('--dist='));
  const dist = path.resolve(ROOT_DIR, distArg ? distArg.slice(7) : 'dist/web');
  const server = await startServer({ DATA_DIR: tempDataDir(), WEB_DIST_DIR: dist, LOG_LEVEL: 'error' }, 120_000);
  try {
    const baseUrl = server.url;
    console.log(`serving ${dist} at ${baseUrl}`);
    const loginPage = await measure('desktop /login', async (page) => {
      await page.goto(`${baseUrl}/login`);
      await page.getByTestId('login-username').waitFor();
    }, { baseUrl, viewport: DESKTOP });
    const home = await measure('desktop home (admin)', async (page) => {
      await page.goto(`${baseUrl}/`);
      await page.getByTestId('overview').waitFor({ timeout: 60_000 });
    }, { baseUrl, viewport: DESKTOP, cookie: await loginCookie(baseUrl, 'admin', DEMO_PASSWORD) });
    const phone = await measure('phone /m/ report (resident)', async (page) => {
      await page.goto(`${baseUrl}/m/`);
      await page.getByTestId('m-report').waitFor({ timeout: 60_000 });
    }, { baseUrl, viewport: PHONE, cookie: await loginCookie(baseUrl, 'resident01', DEMO_PASSWORD) });
    for (const f of [loginPage, home, phone]) report(f);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

await main();
