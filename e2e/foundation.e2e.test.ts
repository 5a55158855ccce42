import { describe, expect, inject, it } from 'vitest';
import { browserForFile, login, newPage, PHONE, screenshot } from './browser.js';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

describe('foundation journey in Chromium', () => {
  it('shows a Chinese login page and refuses a wrong password with a clear message', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/`);
    await expect(page.getByTestId('login-submit')).toBeTruthy();
    await screenshot(page, 'login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByText('用户名或密码错误').first().waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it('logs in, opens the grid map, clicks a grid and sees its duties', async () => {
    const page = await newPage(browser());
    await login(page, baseUrl, 'admin');
    await page.getByTestId('nav-grids').click();
    const map = page.getByTestId('grid-map');
    await map.waitFor();
    // The map canvas is drawn by ECharts once the GeoJSON is registered.
    await page.locator('[data-testid="grid-map"] canvas').first().waitFor({ timeout: 30_000 });
    const box = await map.boundingBox();
    expect(box && box.width > 200 && box.height > 200).toBe(true);
    await screenshot(page, 'grid-map');
    await page.getByText('杭东社区').first().click();
    await page.getByTestId('grid-detail').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('grid-detail').textContent(), { timeout: 15_000 }).toContain('杭东');
    await screenshot(page, 'grid-detail');
    await page.context().close();
  });

  it('opens the people list, a person with masked phone, and reveals it', async () => {
    const page = await newPage(browser());
    await login(page, baseUrl, 'hangdong');
    await page.getByTestId('nav-people').click();
    const table = page.getByTestId('people-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await table.textContent()).toMatch(/1\d\d\*\*\*\*\d{4}/);
    await screenshot(page, 'people-list');
    await table.locator('tbody tr').first().click();
    const drawer = page.getByTestId('person-detail');
    await drawer.waitFor();
    await page.getByTestId('reveal-pii').click();
    await expect.poll(async () => drawer.textContent(), { timeout: 15_000 }).toMatch(/1[3-9]\d{9}/);
    await screenshot(page, 'person-detail');
    await page.context().close();
  });

  it('works at a phone viewport', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, baseUrl, 'grid01');
    await screenshot(page, 'phone-home');
    await page.context().close();
  });
});
