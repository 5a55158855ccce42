/**
 * What a first visit downloads: the JavaScript bytes on the wire (compressed, as Chromium received them) for the
 * desktop login page, the county admin's home after login, and the resident's phone report page (/m/), each in a
 * fresh browser context with the cache off, counted through CDP until the network is quiet (lazy chunks included):
 * "JS bodies" = Network.loadingFinished encodedDataLength minus the response headers (the figure the budgets are
 * about), "with headers" = all of it. "all as br" fetches the same files again with `Accept-Encoding: br` and sums
 * their Content-Length, a cross-check that does not depend on what Chromium offers.
 * Run: npm run build:web && node --import tsx bench/assets.ts [--dist=dist/web] [--files] [--screenshots]
 * (--files lists every JS file; --screenshots saves the pages, also at the other size, to .cache/screenshots.)
 * Needs Debian Chromium (apt-get install -y chromium fonts-noto-cjk).
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../e2e/browser.js';
import { ROOT_DIR } from '../src/core/paths.js';
import { loginCookie, startServer, tempDataDir } from '../test/server-process.js';

/** The demo seed's password (src/seed/demo.ts); not imported, so the bench does not load the seed itself. */
const DEMO_PASSWORD = 'lianjian2026';

interface Loaded {
  url: string;
  mime: string;
  encoding: string;
  /** Bytes on the wire: response headers and (compressed) body. */
  transferred: number;
  /** The body alone, as sent (compressed). */
  body: number;
  decoded: number;
}

interface PageFigures {
  name: string;
  js: Loaded[];
  brBytes: number;
}

interface Recording {
  finished(): Loaded[];
  /** Resolves once no request has been open or finished for `quietMs`. */
  quiet(quietMs?: number): Promise<void>;
}

/** Records every response of one page load through CDP. */
async function recordNetwork(context: BrowserContext, page: Page): Promise<Recording> {
  const cdp = await context.newCDPSession(page);
  const open = new Set<string>();
  let lastActivity = Date.now();
  const touch = () => {
    lastActivity = Date.now();
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    open.add(e.requestId);
    touch();
  });
  cdp.on('Network.loadingFailed', (e) => {
    open.delete(e.requestId);
    touch();
  });
  const seen = new Map<string, Omit<Loaded, 'transferred' | 'body' | 'decoded'> & { headerBytes: number }>();
  const done: Loaded[] = [];
  const decoded = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    // At this point encodedDataLength counts the response headers only.
    seen.set(e.requestId, {
      url: e.response.url,
      mime: e.response.mimeType,
      encoding: h['content-encoding'] ?? 'identity',
      headerBytes: e.response.encodedDataLength,
    });
  });
  cdp.on('Network.dataReceived', (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on('Network.loadingFinished', (e) => {
    open.delete(e.requestId);
    touch();
    const r = seen.get(e.requestId);
    if (!r) return;
    const { headerBytes, ...rest } = r;
    done.push({
      ...rest,
      transferred: e.encodedDataLength,
      body: e.encodedDataLength - headerBytes,
      decoded: decoded.get(e.requestId) ?? 0,
    });
  });
  await cdp.send('Network.enable');
  // No cache across loads: every figure is a first visit.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    finished: () => done,
    async quiet(quietMs = 1000) {
      while (open.size > 0 || Date.now() - lastActivity < quietMs) await new Promise((r) => setTimeout(r, 100));
    },
  };
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
    const recording = await recordNetwork(context, page);
    await open(page);
    // Lazy chunks (charts, pages) arrive after the data they draw: wait until the network has been quiet for 1 s.
    await recording.quiet();
    if (process.argv.includes('--screenshots'))
      await screenshot(page, `assets-${name.replace(/\W+/g, '-')}-${opts.viewport.width}`);
    const js = recording.finished().filter((r) => r.mime.includes('javascript') || r.url.endsWith('.js'));
    return { name, js, brBytes: await brotliBytes(js.map((r) => r.url)) };
  } finally {
    await browser.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function report(f: PageFigures): void {
  const transferred = f.js.reduce((s, r) => s + r.transferred, 0);
  const body = f.js.reduce((s, r) => s + r.body, 0);
  const decoded = f.js.reduce((s, r) => s + r.decoded, 0);
  const encodings = [...new Set(f.js.map((r) => r.encoding))].join(', ');
  console.log(
    `${f.name.padEnd(28)} ${String(f.js.length).padStart(3)} JS files  JS bodies ${kb(body).padStart(7)} (${encodings})` +
      `  with headers ${kb(transferred).padStart(7)}  all as br ${kb(f.brBytes).padStart(7)}  uncompressed ${kb(decoded).padStart(8)}`,
  );
  if (process.argv.includes('--files')) {
    for (const r of [...f.js].sort((a, b) => b.body - a.body)) {
      console.log(`    ${kb(r.body).padStart(7)}  ${new URL(r.url).pathname}`);
    }
  }
}

interface Visit {
  name: string;
  path: string;
  /** Shown once the page has drawn. */
  testId: string;
  user?: string;
  viewport: { width: number; height: number };
}

const VISITS: Visit[] = [
  { name: 'desktop /login', path: '/login', testId: 'login-username', viewport: DESKTOP },
  { name: 'desktop home (admin)', path: '/', testId: 'overview', user: 'admin', viewport: DESKTOP },
  { name: 'phone /m/ report (resident)', path: '/m/', testId: 'm-report', user: 'resident01', viewport: PHONE },
];

/** With --screenshots: the home and the phone page also at the other size, to look at (.cache/screenshots). */
const OTHER_SIZES: Visit[] = [
  { ...VISITS[1], name: 'desktop home at phone size', viewport: PHONE },
  { ...VISITS[2], name: 'phone page at desktop size', viewport: DESKTOP },
];

async function main(): Promise<void> {
  const distArg = process.argv.find((a) => a.startsWith('--dist='));
  const dist = path.resolve(ROOT_DIR, distArg ? distArg.slice(7) : 'dist/web');
  const server = await startServer({ DATA_DIR: tempDataDir(), WEB_DIST_DIR: dist, LOG_LEVEL: 'error' }, 120_000);
  try {
    const baseUrl = server.url;
    console.log(`serving ${dist} at ${baseUrl}`);
    const visits = process.argv.includes('--screenshots') ? [...VISITS, ...OTHER_SIZES] : VISITS;
    const figures: PageFigures[] = [];
    for (const v of visits) {
      const cookie = v.user ? await loginCookie(baseUrl, v.user, DEMO_PASSWORD) : undefined;
      figures.push(
        await measure(
          v.name,
          async (page) => {
            await page.goto(`${baseUrl}${v.path}`);
            await page.getByTestId(v.testId).waitFor({ timeout: 60_000 });
          },
          { baseUrl, viewport: v.viewport, cookie },
        ),
      );
    }
    for (const f of figures) report(f);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

await main();
