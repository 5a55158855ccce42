import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { samplePhoto } from '../test/photos.js';
import { apiAs as apiAsAt, DESKTOP, launchBrowser, login, PHONE, screenshot } from './browser.js';

/**
 * The case journey of DESIGN §1 in Chromium: a resident reports on the phone page (photo, location), the grid worker
 * accepts, the community whistles a unit in, the unit reports (报到) and resolves, the community verifies, and the
 * resident rates on the phone page, which closes the case (no 办结 by the community in between).
 */
let browser: Browser;
const baseUrl = inject('baseUrl');
const PASSWORD = 'lianjian2026';

interface Ring {
  coordinates: number[][];
}

const apiAs = (username: string) => apiAsAt(baseUrl, username);

/** A point inside grid01's level-2 grid of 杭东社区, taken from GET /api/grids/geojson and checked with /grids/locate. */
async function pointInGrid01(): Promise<{ lng: number; lat: number }> {
  const grid01 = await apiAs('grid01');
  const me = await grid01<{ roles: { scopeGridId: string | null }[] }>('/auth/me');
  const gridId = me.roles[0].scopeGridId;
  expect(gridId).toBeTruthy();
  const geo = await grid01<{
    features: { properties: { id: string; code: string }; geometry: { type: string; coordinates: unknown } }[];
  }>('/grids/geojson?level=2');
  const feature = geo.features.find((f) => f.properties.id === gridId);
  expect(feature).toBeTruthy();
  const g = feature!.geometry;
  const ring = (
    g.type === 'Polygon' ? (g.coordinates as number[][][])[0] : (g.coordinates as number[][][][])[0][0]
  ) as Ring['coordinates'];
  const cx = ring.reduce((a, p) => a + p[0], 0) / ring.length;
  const cy = ring.reduce((a, p) => a + p[1], 0) / ring.length;
  // The centroid of a convex-ish grid; otherwise walk from it towards each corner until the point is inside.
  const candidates = [[cx, cy], ...ring.map(([x, y]) => [cx + (x - cx) * 0.3, cy + (y - cy) * 0.3])];
  for (const [lng, lat] of candidates) {
    const at = await grid01<{ grid: { code: string } }>(
      `/grids/locate?lng=${lng.toFixed(6)}&lat=${lat.toFixed(6)}`,
    ).catch(() => null);
    if (at?.grid.code.startsWith(feature!.properties.code))
      return { lng: Number(lng.toFixed(6)), lat: Number(lat.toFixed(6)) };
  }
  throw new Error("no point inside grid01's grid");
}

async function desktop(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const page = await context.newPage();
  await login(page, baseUrl, username);
  return page;
}

async function caseStatus(page: Page): Promise<string | null> {
  return page.getByTestId('case-status').getAttribute('data-status');
}

/** Presses one action on the case page, confirms its dialog (filling the note/reason), and waits for the new status. */
async function act(page: Page, action: string, to: string, fill?: (p: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`case-action-${action}`).click();
  if (fill) await fill(page);
  await page.getByTestId('case-action-submit').click();
  // The dialog's own error (a 409, a refused field) ends the wait at once and is what the failure shows.
  const error = page.getByTestId('case-action-error');
  await expect
    .poll(async () => ((await error.isVisible()) ? `error: ${await error.textContent()}` : await caseStatus(page)), {
      timeout: 20_000,
    })
    .toBe(to);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a case from the phone page to a rating', () => {
  let phone: BrowserContext;
  let caseId = '';
  let caseNumber = '';

  it("a resident reports on the phone page with a photo and the phone's location", async () => {
    const point = await pointInGrid01();
    phone = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      geolocation: { longitude: point.lng, latitude: point.lat, accuracy: 10 },
      permissions: ['geolocation'],
    });
    const page = await phone.newPage();
    await page.goto(`${baseUrl}/m/`);
    await page.getByTestId('m-login-username').fill('resident01');
    await page.getByTestId('m-login-password').fill(PASSWORD);
    await screenshot(page, 'm-login');
    await page.getByTestId('m-login-submit').click();
    await page.getByTestId('m-report').waitFor({ timeout: 30_000 });

    await page.getByTestId('m-description').fill('东门口的路灯坏了一个多星期，晚上很黑，老人出门容易摔倒，请尽快修理');
    await expect
      .poll(() => page.getByTestId('m-suggested-category').textContent(), { timeout: 15_000 })
      .toContain('路灯');
    await page
      .getByTestId('m-photo-input')
      .setInputFiles({ name: 'streetlight.jpg', mimeType: 'image/jpeg', buffer: await samplePhoto() });
    await page.locator('[data-testid="m-photo"][data-status="done"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('m-locate').click();
    await page.getByTestId('m-located').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('m-located').textContent(), { timeout: 15_000 }).toContain('属于');
    await screenshot(page, 'm-report');

    await page.getByTestId('m-submit').click();
    await page.getByTestId('m-case').waitFor({ timeout: 30_000 });
    caseId = page.url().split('/m/cases/')[1] ?? '';
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    caseNumber = (await page.getByTestId('m-case-number').textContent()) ?? '';
    expect(caseNumber).toMatch(/^GZ\d{4}-\d{6}$/);
    expect(await page.getByTestId('m-case-status').textContent()).toContain('已上报');
    await screenshot(page, 'm-case-reported');

    await page.getByTestId('m-tab-cases').click();
    await page.getByTestId(`m-case-${caseId}`).waitFor();
    await screenshot(page, 'm-my-cases');
  });

  it('the grid worker sees it in the inbox with its clocks and accepts it', async () => {
    const page = await desktop('grid01');
    await expect
      .poll(async () => Number(await page.getByTestId('bell-count').textContent()), { timeout: 45_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('nav-cases').click();
    const row = page.getByTestId(`case-row-${caseId}`);
    await row.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId(`case-sla-${caseId}`).textContent()).toMatch(/响应/);
    await screenshot(page, 'cases-inbox');
    await row.click();
    await page.getByTestId('case-page').waitFor();
    expect(await page.getByTestId('case-photos').locator('img').count()).toBe(1);
    await act(page, 'accept', 'accepted');
    await page.getByTestId('case-timeline').getByText('受理').first().waitFor();
    await screenshot(page, 'case-accepted');
    await page.context().close();
  });

  it("the community whistles unit01's unit in (吹哨)", async () => {
    const unit = await (await apiAs('unit01'))<{ roles: { scopeOrgId: string; scopeOrgName: string }[] }>('/auth/me');
    const { scopeOrgId: unitId, scopeOrgName: unitName } = unit.roles[0];
    const page = await desktop('hangdong');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await page.getByTestId('case-action-dispatch').click();
    const dialog = page.getByTestId('whistle-dialog');
    await dialog.waitFor();
    await page.getByTestId('whistle-unit-search').locator('input').fill(unitName.slice(0, 4));
    await page.getByTestId(`whistle-unit-${unitId}`).click();
    await page.getByTestId('whistle-instructions').fill('请今天下午到场查看路灯线路');
    // A unit outside the community's pairing (跨社区吹哨) asks for the reason before it can be sent.
    await page.waitForLoadState('networkidle');
    if (await page.getByTestId('whistle-reason').isVisible()) {
      await page.getByTestId('whistle-reason').fill('该单位有路灯线路的专业力量');
    }
    await screenshot(page, 'whistle-dialog');
    await page.getByTestId('whistle-submit').click();
    await expect.poll(() => caseStatus(page), { timeout: 20_000 }).toBe('dispatched');
    await page.getByTestId('case-dispatches').getByText(unitName).waitFor();
    await page.context().close();
  });

  it('the unit reports (报到) in its inbox and resolves the case with a note and a photo', async () => {
    const page = await desktop('unit01');
    await page.getByTestId('nav-unitInbox').click();
    const row = page.getByTestId('unit-inbox').locator('[data-testid^="dispatch-row-"]', { hasText: caseNumber });
    await row.waitFor({ timeout: 30_000 });
    await screenshot(page, 'unit-inbox');
    await row.locator('[data-testid^="dispatch-ack-"]').click();
    await row.locator('[data-testid^="dispatch-arrive-"]').waitFor({ timeout: 20_000 });

    await page.goto(`${baseUrl}/cases/${caseId}`);
    await expect.poll(() => caseStatus(page), { timeout: 20_000 }).toBe('acknowledged');
    await act(page, 'resolve', 'resolved', async (p) => {
      await p.getByTestId('case-action-note').fill('已更换灯泡并检修线路，路灯恢复照明');
      await p
        .getByTestId('resolve-photos')
        .locator('input[type=file]')
        .setInputFiles({
          name: 'fixed.jpg',
          mimeType: 'image/jpeg',
          buffer: await samplePhoto({ width: 480, height: 640 }),
        });
      await p.getByTestId('resolve-photos').locator('.ant-upload-list-item-done').waitFor({ timeout: 30_000 });
    });
    await screenshot(page, 'case-resolved');
    await page.context().close();
  });

  it('the community verifies it; with a resident who can rate, there is no 办结 to press', async () => {
    const page = await desktop('hangdong');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await act(page, 'verify', 'verified');
    expect(await page.getByTestId('case-action-close').count()).toBe(0);
    expect(await page.getByTestId('case-photos').locator('img').count()).toBe(1);
    expect(await page.getByTestId('case-resolution-photos').locator('img').count()).toBe(1);
    await screenshot(page, 'case-verified');
    await page.context().close();
  });

  it('the resident, told it was verified, rates it on the phone page (390×844), and that closes it', async () => {
    const page = await phone.newPage();
    const bell = await (await apiAs('resident01'))<{ items: { kind: string; entityId: string }[] }>(
      '/notifications?pageSize=50',
    );
    expect(bell.items.filter((n) => n.entityId === caseId).map((n) => n.kind)).toContain('case.verified');
    await page.goto(`${baseUrl}/m/cases/${caseId}`);
    await page.getByTestId('m-rate').waitFor({ timeout: 30_000 });
    await page.getByTestId('m-rate-satisfied').click();
    await page.getByTestId('m-rate-comment').fill('修得很快，谢谢！');
    await screenshot(page, 'm-rate');
    await page.getByTestId('m-rate-submit').click();
    await page.getByTestId('m-rating').waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => page.getByTestId('m-case-status').locator('[data-status]').getAttribute('data-status'), {
        timeout: 15_000,
      })
      .toBe('rated');
    expect(await page.getByTestId('m-timeline').textContent()).toContain('评价');
    await screenshot(page, 'm-rated');
    await phone.close();
  });
});
