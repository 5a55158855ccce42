import type { Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { browserForFile, DESKTOP, login, PHONE, phoneLogin } from './browser.js';

/**
 * Every menu entry, opened as each demo login: the page loads its data without a 403 (the menu offers a page only
 * with the permissions its requests need: web/src/app/menu.ts) and fits the window at 1440 px (no horizontal scroll
 * of the page, and no table wider than its box, which would cut its last columns).
 */
const browser = browserForFile();
const baseUrl = inject('baseUrl');

interface Problem {
  where: string;
  what: string;
}

/** 403s (a menu entry the user should not have been offered) and server errors while the page was open. */
function watchRefusals(page: Page, problems: Problem[], where: () => string): void {
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && (r.status() === 403 || r.status() >= 500))
      problems.push({ where: where(), what: `${r.status()} ${r.request().method()} ${url.pathname}${url.search}` });
  });
}

/** The page's width beyond the window, and each table's content beyond its box (px). */
async function overflow(page: Page): Promise<{ body: number; tables: number[] }> {
  return page.evaluate(() => ({
    body: document.documentElement.scrollWidth - window.innerWidth,
    tables: [...document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.scrollWidth - el.clientWidth),
  }));
}

/**
 * Requests of the page under way, and when the last one started or ended: a page has settled when none has been
 * under way for QUIET_MS (its lazy chunk, then the requests that chunk starts, then a list's next page).
 */
const QUIET_MS = 400;
const inFlight = new WeakMap<Page, { count: number; since: number }>();
function trackRequests(page: Page): void {
  const state = { count: 0, since: performance.now() };
  inFlight.set(page, state);
  const change = (by: number) => () => {
    state.count += by;
    state.since = performance.now();
  };
  page.on('request', change(1));
  page.on('requestfinished', change(-1));
  page.on('requestfailed', change(-1));
}

async function settle(page: Page): Promise<void> {
  const state = inFlight.get(page);
  if (!state) throw new Error('trackRequests(page) first');
  const quiet = () => state.count <= 0 && performance.now() - state.since >= QUIET_MS;
  await page.waitForLoadState('load');
  // A chart that waits to be scrolled into view may keep its own placeholder: not waited for past 20 s.
  const until = performance.now() + 20_000;
  while (performance.now() < until) {
    if (quiet() && !(await page.$('.ant-spin-spinning'))) break;
    await page.waitForTimeout(100);
  }
}

/**
 * Opens a menu entry the way its link does, inside the running app (the router hears the history change), so each
 * page costs its own requests only, not a reload of the whole app.
 */
async function open(page: Page, path: string): Promise<void> {
  // Quiet is counted from the navigation on: the new page's requests start a moment after the history changes.
  const state = inFlight.get(page);
  if (state) state.since = performance.now();
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => url.pathname === path);
}

async function menuPaths(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('[data-testid^="nav-"][href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => h.startsWith('/') && !h.startsWith('/m/'));
}

// The logins run side by side (describe.concurrent, each in its own browser context; the e2e config lets all seven
// run at once): a page's time is mostly waiting for the network to go quiet (the suite alone used 39 % of one core),
// so seven at once take about as long as the longest alone, not the sum.
describe.concurrent('menus from permissions, pages that fit 1440 px', () => {
  for (const user of ['admin', 'hangdong', 'grid01', 'unit01', 'member01']) {
    it(`${user}: every menu entry loads without a 403 and fits 1440 px`, async ({ expect }) => {
      const context = await browser().newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const page = await context.newPage();
      trackRequests(page);
      const problems: Problem[] = [];
      let at = '/';
      watchRefusals(page, problems, () => at);
      await login(page, baseUrl, user);
      const paths = await menuPaths(page);
      expect(paths.length).toBeGreaterThan(1);
      for (const path of paths) {
        at = path;
        await open(page, path);
        await settle(page);
        const o = await overflow(page);
        if (o.body > 0) problems.push({ where: path, what: `page ${o.body}px wider than the window` });
        for (const t of o.tables.filter((x) => x > 1))
          problems.push({ where: path, what: `a table ${t}px wider than its box` });
      }
      expect(problems).toEqual([]);
      await context.close();
    }, 300_000);
  }
});

describe.concurrent('phone pages that fit 390 px', () => {
  it('resident01 on the phone: the tabs the phone app offers load without a 403 and fit 390 px', async ({ expect }) => {
    const context = await browser().newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    trackRequests(page);
    const problems: Problem[] = [];
    let at = '/m/';
    watchRefusals(page, problems, () => at);
    await page.goto(`${baseUrl}/m/login`);
    await phoneLogin(page, 'resident01');
    await page.getByTestId('m-tab-cases').waitFor({ timeout: 30_000 });
    for (const tab of ['m-tab-report', 'm-tab-cases']) {
      at = tab;
      await page.getByTestId(tab).click();
      await settle(page);
      const o = await overflow(page);
      if (o.body > 0) problems.push({ where: tab, what: `page ${o.body}px wider than the window` });
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a community admin on the phone: every menu entry fits 390 px', async ({ expect }) => {
    const context = await browser().newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    trackRequests(page);
    await login(page, baseUrl, 'hangdong');
    await page.getByTestId('nav-open').click();
    const paths = await menuPaths(page);
    const wide: Problem[] = [];
    for (const path of paths) {
      await open(page, path);
      await settle(page);
      const o = await overflow(page);
      if (o.body > 0) wide.push({ where: path, what: `page ${o.body}px wider than the window` });
    }
    expect(wide).toEqual([]);
    await context.close();
  }, 240_000);
});
