import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { JOB_NAMES } from '../src/modules/operations/operations.enums.js';
import { browserForFile, login, newPage, PHONE, screenshot } from './browser.js';

/**
 * 后台任务 (the background jobs page) in Chromium: the county admin finds it in the menu and sees every job with its
 * state, on a desktop and a phone; a community admin is not offered it. The e2e server runs on PGlite with
 * BACKUP_EVERY_HOURS=0 (test/server-process.ts), so the backup and the PostgreSQL-only jobs are off.
 */
const browser = browserForFile();
const baseUrl = inject('baseUrl');

const stateOf = (page: Page, job: string) => page.getByTestId(`job-state-${job}`).first().textContent();
const overflow = (page: Page) =>
  page.evaluate(() => ({
    body: document.documentElement.scrollWidth - window.innerWidth,
    tables: [...document.querySelectorAll('.ant-table-content, .ant-table-body')].map(
      (el) => el.scrollWidth - el.clientWidth,
    ),
  }));

describe('后台任务 in Chromium', () => {
  it('the county admin opens it from the menu: every job, its state, a refresh; it fits 1440 px', async () => {
    const page = await newPage(browser());
    await login(page, baseUrl, 'admin');
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('job-runs-table').waitFor({ timeout: 30_000 });
    for (const job of JOB_NAMES) await page.getByTestId(`job-state-${job}`).waitFor();
    // The proposer runs as the server starts; the backup is off by its setting, the fold runs on PostgreSQL only.
    await expect.poll(() => stateOf(page, 'meetings-propose'), { timeout: 15_000 }).toBe('正常');
    expect(await stateOf(page, 'backup')).toBe('未启用');
    expect(await stateOf(page, 'case-stats-fold')).toBe('未启用');
    const asked = page.waitForResponse((r) => r.url().endsWith('/api/job-runs') && r.status() === 200);
    await page.getByTestId('job-runs-refresh').click();
    await asked;
    expect(await overflow(page)).toEqual({ body: 0, tables: [0] });
    await screenshot(page, 'job-runs');
    await page.context().close();
  });

  it('on a phone each job is a card and nothing is wider than 390 px', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/job-runs`);
    await page.getByTestId('job-card-case-sweep').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid^="job-card-"]').count()).toBe(JOB_NAMES.length);
    expect((await overflow(page)).body).toBe(0);
    await screenshot(page, 'job-runs-phone');
    await page.context().close();
  });

  it('a community admin is not offered it, and the address alone shows no data', async () => {
    const page = await newPage(browser());
    await login(page, baseUrl, 'hangdong');
    expect(await page.getByTestId('nav-jobs').count()).toBe(0);
    await page.goto(`${baseUrl}/job-runs`);
    await page.locator('.ant-result-403').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('job-runs-table').count()).toBe(0);
    await page.context().close();
  });
});
