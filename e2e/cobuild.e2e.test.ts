import { clock } from '../src/core/clock.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs as apiAsAt, DESKTOP, launchBrowser, login, PHONE, screenshot } from './browser.js';

/**
 * The co-building journey of issue 5 in Chromium: the organisation department runs the pairing optimiser for next
 * year and adopts the plan, opens the co-building project list, and a community records a resolution at its
 * quarter's joint meeting.
 */
let browser: Browser;
const baseUrl = inject('baseUrl');
/** The server runs on the suite's business time (CLOCK_START = TEST_CLOCK), which test/clock.ts pins here too. */
const NEXT_YEAR = clock.year() + 1;

const apiAs = (username: string) => apiAsAt(baseUrl, username);

async function pageAs(username: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await login(page, baseUrl, username);
  return page;
}

/** Picks an option of an antd Select by its visible text. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('co-building in the browser', () => {
  it('the county runs the pairing optimiser for next year, sees the objective and adopts the plan', async () => {
    const page = await pageAs('admin');
    await page.goto(`${baseUrl}/cobuild/pairing`);
    await choose(page, 'pairing-year', String(NEXT_YEAR));
    await page.getByRole('tab', { name: '结对方案' }).click();
    await page.getByTestId('open-run').click();
    await page.getByTestId('run-optimiser').click();
    await page.getByTestId('objective-cards').waitFor({ timeout: 30_000 });
    await page.getByTestId('run-optimiser').waitFor({ state: 'detached' });
    await screenshot(page, 'cobuild-pairing-proposal');
    await page.getByTestId('adopt-plan').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary, .ant-popconfirm .ant-btn-primary').first().click();
    // Adopting writes the year's pairings and the 大党委 rows: on a loaded CI machine that once took over 15 s.
    await page.locator('.ant-tag').filter({ hasText: '已采纳' }).first().waitFor({ timeout: 45_000 });

    const admin = await apiAs('admin');
    const pairs = await admin<{ total: number; items: { unitId: string }[] }>(
      `/pairings?year=${NEXT_YEAR}&pageSize=200`,
    );
    const units = await admin<{ total: number }>('/organisations?kind=unit&pageSize=1');
    expect(pairs.total).toBeGreaterThanOrEqual(units.total);
    expect(new Set(pairs.items.map((p) => p.unitId)).size).toBe(units.total);
    await page.context().close();
  });

  it('the county opens the co-building project list with progress and filters', async () => {
    const page = await pageAs('admin');
    await page.goto(`${baseUrl}/cobuild/projects`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    await expect(page.locator('.ant-progress').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'cobuild-projects');
    await page.context().close();
  });

  it("杭东社区 records a resolution at its quarter's joint meeting, with an owner unit and a deadline", async () => {
    const hangdong = await apiAs('hangdong');
    // The demo holds each quarter's meeting once its day has passed and schedules 杭东's next one: take the latest.
    const meetings = await hangdong<{ items: { id: string; status: string; meetingDate: string }[] }>(
      '/joint-meetings?pageSize=50',
    );
    const meeting = meetings.items
      .filter((m) => m.status === 'scheduled' || m.status === 'held')
      .sort((a, b) => b.meetingDate.localeCompare(a.meetingDate))[0];
    expect(meeting, 'a held or scheduled meeting of 杭东社区').toBeTruthy();

    const page = await pageAs('hangdong', PHONE);
    await page.goto(`${baseUrl}/cobuild/meetings/${meeting!.id}`);
    await page.getByTestId('meeting-detail').waitFor();
    const before = await page.getByTestId('meeting-resolutions').locator('.ant-table-row').count();
    await page.getByTestId('resolution-add').click();
    await page.getByTestId('resolution-content').fill('协调县住建局对杭东路积水点进行管网改造');
    await page.getByTestId('resolution-owner').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('resolution-deadline').click();
    await page.keyboard.type(`${NEXT_YEAR}-12-31`);
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('meeting-resolutions').getByText('协调县住建局对杭东路积水点进行管网改造').waitFor();
    await page.getByTestId('resolution-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('meeting-resolutions').locator('.ant-table-row').count()).toBe(before + 1);
    await screenshot(page, 'cobuild-meeting-resolution-phone');

    const tasks = await hangdong<{ items: { content: string; status: string; deadline: string }[] }>(
      `/meeting-tasks?meetingId=${meeting!.id}&pageSize=100`,
    );
    expect(tasks.items.find((t) => t.content === '协调县住建局对杭东路积水点进行管网改造')).toMatchObject({
      status: 'open',
      deadline: `${NEXT_YEAR}-12-31`,
    });
    await page.context().close();
  });
});
