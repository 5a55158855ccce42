import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { nowMs } from '../src/core/clock.js';
import { decodePng } from '../test/qr.js';
import { browserForFile, login, newPage, PHONE, phoneLogin, screenshot } from './browser.js';

/**
 * 双报到 end to end, on a phone where the member is: member01 reports again (the half-yearly renewal) from the phone,
 * 杭东's admin approves on the desktop, the new 报到证's PNG decodes (jsQR) to the scan URL with its token, staff
 * scan it on a phone and the token checks member01 in at a post duty happening now, and the hours of that duty
 * appear on member01's own page.
 */
const browser = browserForFile();
const baseUrl = inject('baseUrl');

interface MyReports {
  memberId: string;
  memberName: string;
  items: { id: string; state: string }[];
  certificate: { id: string; serial: string } | null;
}

/** A JSON request made with the page's own session cookie (what the page itself would send). */
async function apiAs<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await page.request.fetch(`${baseUrl}/api${path}`, {
    method,
    data: body,
    headers: { origin: baseUrl, 'sec-fetch-site': 'same-origin' },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('双报到 on a phone: apply, approve, scan the 报到证, check in, hours', () => {
  it('runs the whole loop and the member sees the duty among their hours', async () => {
    const member = await newPage(browser(), PHONE);
    await member.goto(`${baseUrl}/m/report-duty`);
    await phoneLogin(member, 'member01');
    await member.getByTestId('m-apply').waitFor({ timeout: 30_000 });
    await member.getByTestId('m-skill-environment').check();
    await member.getByTestId('m-apply-submit').click();
    await member.getByTestId('m-my-certificate').waitFor({ timeout: 15_000 });
    const before = await apiAs<MyReports>(member, 'GET', '/member-reports/mine');
    expect(before.items.some((r) => r.state === 'pending')).toBe(true);
    await screenshot(member, 'member-applied-phone');

    // 杭东's admin approves it on the desktop.
    const staff = await newPage(browser());
    await login(staff, baseUrl, 'hangdong');
    await staff.goto(`${baseUrl}/member-reports`);
    await staff.getByTestId('reports-search').locator('input').fill(before.memberName);
    await staff.getByTestId('reports-search').locator('input').press('Enter');
    await staff.getByTestId('reports-pending').getByText(before.memberName).first().waitFor({ timeout: 15_000 });
    await staff.getByTestId('report-approve').first().click();
    await expect
      .poll(async () => (await apiAs<MyReports>(member, 'GET', '/member-reports/mine')).certificate?.id, {
        timeout: 15_000,
      })
      .not.toBe(before.certificate?.id);
    const mine = await apiAs<MyReports>(member, 'GET', '/member-reports/mine');
    await screenshot(staff, 'member-reports-desktop');

    // The new certificate's PNG carries the scan URL with its token.
    const png = await member.request.get(`${baseUrl}/api/member-certificates/${mine.certificate?.id}/card.png`);
    expect(png.status()).toBe(200);
    const scanUrl = (await decodePng(Buffer.from(await png.body()))) ?? '';
    expect(scanUrl).toMatch(/\/m\/scan\/[0-9a-f-]{36}\.[0-9a-z]+\.[\w-]+$/);
    const token = scanUrl.slice(scanUrl.lastIndexOf('/') + 1);

    // A post duty of 杭东 happening now; staff scan the card on a phone and check member01 in with the token.
    const options = await apiAs<{ postTypes: { id: string }[] }>(
      staff,
      'GET',
      `/post-activities/form-options?communityId=${await communityOf(staff)}`,
    );
    // The server runs on the test clock (test/server-process.ts), as this file does (test/clock.ts).
    const now = nowMs();
    const activity = await apiAs<{ id: string; title: string }>(staff, 'POST', '/post-activities', {
      communityId: await communityOf(staff),
      postTypeId: options.postTypes[0].id,
      title: '楼道环境整治（端到端）',
      place: '杭东社区党群服务中心',
      startsAt: new Date(now - 10 * 60_000).toISOString(),
      endsAt: new Date(now + 60 * 60_000).toISOString(),
      capacity: 10,
    });
    const scanner = await newPage(browser(), PHONE);
    await scanner.goto(`${baseUrl}/m/scan/${token}`);
    await phoneLogin(scanner, 'hangdong');
    await scanner.getByTestId('m-scan-name').waitFor({ timeout: 30_000 });
    expect(await scanner.getByTestId('m-scan-name').textContent()).toBe(before.memberName);
    await screenshot(scanner, 'member-scan-phone');
    await apiAs(staff, 'POST', `/post-activities/${activity.id}/checkins`, { token });
    const checkedIn = performance.now();
    // Hours are whole minutes between check-in and check-out: a minute on, staff check member01 out. Meanwhile the
    // member's other phone pages are looked at as they are (no 403 or 5xx, nothing wider than the phone, no raw ids).
    for (const page of MEMBER_PHONE_PAGES) await lookAt(member, page);
    await new Promise((r) => setTimeout(r, Math.max(0, 61_000 - (performance.now() - checkedIn))));
    await apiAs(staff, 'POST', `/post-activities/${activity.id}/checkouts`, { memberId: mine.memberId });

    // member01's own page lists the duty with its time.
    const home = await newPage(browser());
    await login(home, baseUrl, 'member01');
    await home.getByTestId('member-records').getByText(activity.title, { exact: false }).first().waitFor({
      timeout: 15_000,
    });
    await screenshot(home, 'member-home-desktop');
    // …and on the phone, where 我的服务 is the member's landing page.
    await member.goto(`${baseUrl}/m/`);
    await member.getByTestId('m-home-records').getByText(activity.title, { exact: false }).first().waitFor({
      timeout: 15_000,
    });
    await screenshot(member, 'member-home-phone');
    for (const p of [member, staff, scanner, home]) await p.context().close();
  }, 240_000);
});

/** The member's phone pages besides 我的服务 (web/src/mobile/MobileApp.tsx). */
const MEMBER_PHONE_PAGES = ['needs', 'service-days', 'certificate', 'ratings', 'post-activities', 'cases'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Opens /m/<path> on the member's phone and checks what a user would see once it has settled. */
async function lookAt(phone: Page, path: string): Promise<void> {
  const refused: string[] = [];
  const watch = (r: { url(): string; status(): number }) => {
    if (r.url().includes('/api/') && (r.status() === 403 || r.status() >= 500))
      refused.push(`${r.status()} ${r.url()}`);
  };
  phone.on('response', watch);
  await phone.goto(`${baseUrl}/m/${path}`);
  await phone.waitForLoadState('networkidle');
  const seen = await phone.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    text: document.body.innerText,
  }));
  phone.off('response', watch);
  await screenshot(phone, `member-phone-${path}`);
  expect(refused, path).toEqual([]);
  expect(seen.overflow, path).toBeLessThanOrEqual(0);
  expect(seen.text, path).not.toMatch(UUID);
  expect(seen.text.trim().length, path).toBeGreaterThan(10);
}

/** The community of a community admin's session (their one community). */
async function communityOf(staff: Page): Promise<string> {
  const me = await apiAs<{ roles: { scopeOrgId: string | null }[] }>(staff, 'GET', '/auth/me');
  const id = me.roles.find((b) => b.scopeOrgId)?.scopeOrgId;
  if (!id) throw new Error('the community admin has no community');
  return id;
}
