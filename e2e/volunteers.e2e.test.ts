import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { nowMs } from '../src/core/clock.js';
import { browserForFile, DESKTOP, PHONE, phoneLogin, screenshot } from './browser.js';

/**
 * 志愿服务 on a volunteer's phone (390×844): volunteer01 (a member of the 杭东 patrol team, demo seed) finds 我的志愿
 * in the tab bar, signs up for an open activity (and cancels it again, after confirming), then at the patrol running
 * today: the leader's screen shows the activity's QR code (its URL, fetched as lead01), the volunteer's phone opens it
 * with the browser's location on the spot, checks in, and a minute later, with the code then on the screen, checks
 * out; the minutes counted show, and 我的志愿 shows the hours and the star progress. Each page is also looked at as it
 * is (no 403 or 5xx, nothing wider than the phone, no raw ids).
 */
const browser = browserForFile();
const baseUrl = inject('baseUrl');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Role {
  id: string;
  name: string;
  free: number;
}
interface Mine {
  signupId: string;
  state: string;
  minutes: number | null;
}
interface Activity {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  lng: number | null;
  lat: number | null;
  roles: Role[];
  signupOpen?: boolean;
  mine: Mine | null;
}
interface MyHours {
  hours: number;
  verifiedMinutes: number;
  star: number;
  services: number;
}

/** A JSON request with the page's own session cookie (what the page itself would send). */
async function apiAs<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await page.request.fetch(`${baseUrl}/api${path}`, {
    method,
    data: body,
    headers: { origin: baseUrl, 'sec-fetch-site': 'same-origin' },
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function phone(): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser().newContext({ viewport: PHONE, locale: 'zh-CN' });
  return { page: await context.newPage(), context };
}

/** Watches a page's API answers: any 403 or 5xx is a failure of the page. */
function watchRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/') && (r.status() === 403 || r.status() >= 500))
      refused.push(`${r.status()} ${r.url()}`);
  });
  return refused;
}

/** Opens /m/<path> and checks what a user sees once it has settled; a screenshot of it too. */
async function lookAt(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/m/${path}`);
  await page.waitForLoadState('networkidle');
  const seen = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    text: document.body.innerText,
  }));
  await screenshot(page, name);
  expect(seen.overflow, path).toBeLessThanOrEqual(0);
  expect(seen.text, path).not.toMatch(UUID);
  expect(seen.text.trim().length, path).toBeGreaterThan(10);
}

/** The activity's QR code as the organiser's screen shows it: the URL the phone opens. */
async function scanUrl(lead: Page, activityId: string): Promise<string> {
  const code = await apiAs<{ url: string }>(lead, 'GET', `/volunteer-activities/${activityId}/code`);
  expect(code.url).toContain('/m/v/scan?');
  return new URL(code.url, baseUrl).toString();
}

// Concurrent: the resident's registration runs while the journey waits for its minute on site.
describe.concurrent('志愿服务 on a phone: sign up, scan in and out at the site, hours and star', () => {
  it('runs the volunteer journey on a 390×844 phone', async () => {
    const { page: vol, context } = await phone();
    const refused = watchRefusals(vol);
    await vol.goto(`${baseUrl}/m/volunteer`);
    await phoneLogin(vol, 'volunteer01');
    await vol.getByTestId('v-hours').waitFor({ timeout: 30_000 });
    await vol.getByTestId('m-tab-volunteer').waitFor();
    const before = await apiAs<MyHours>(vol, 'GET', '/volunteer-hours/me');
    await screenshot(vol, 'volunteer-home-phone');

    // An open activity with a free role that volunteer01 has not signed up for: sign up on its page, then cancel.
    const open = await apiAs<{ items: Activity[] }>(vol, 'GET', '/volunteer-activities/open');
    const target = open.items.find((a) => a.signupOpen && !a.mine && a.roles.some((r) => r.free > 0));
    if (!target) throw new Error('no open activity with a free role for volunteer01 in the demo');
    const role = target.roles.find((r) => r.free > 0) as Role;
    await vol.goto(`${baseUrl}/m/volunteer/activities/${target.id}`);
    await vol.getByTestId('v-activity-title').waitFor({ timeout: 15_000 });
    await vol.getByTestId(`v-role-${role.name}`).getByTestId('v-signup').click();
    await vol.getByTestId('v-mine-state').waitFor({ timeout: 15_000 });
    expect(await vol.getByTestId('v-mine-state').textContent()).toContain(role.name);
    await vol.getByTestId('v-deadline').waitFor();
    await screenshot(vol, 'volunteer-activity-phone');
    const signedUp = (await apiAs<{ items: Activity[] }>(vol, 'GET', '/volunteer-activities/open')).items.find(
      (a) => a.id === target.id,
    );
    expect(signedUp?.mine?.state).toBe('signed_up');
    await vol.getByTestId('v-cancel').click();
    await vol.getByTestId('v-cancel-confirm').waitFor();
    await screenshot(vol, 'volunteer-cancel-confirm-phone');
    await vol.getByTestId('v-cancel-yes').click();
    await vol.getByTestId('v-mine-state').waitFor({ state: 'detached', timeout: 15_000 });
    const afterCancel = (await apiAs<{ items: Activity[] }>(vol, 'GET', '/volunteer-activities/open')).items.find(
      (a) => a.id === target.id,
    );
    expect(afterCancel?.mine?.state ?? 'none').toMatch(/^(cancelled|none)$/);
    await vol.getByTestId(`v-role-${role.name}`).getByTestId('v-signup').waitFor();

    // The patrol running now, which volunteer01 signed up for: the leader's code, opened on the phone at the site.
    const mine = await apiAs<{ upcoming: Activity[] }>(vol, 'GET', '/volunteer-activities/mine');
    const now = nowMs();
    const running = mine.upcoming.find((a) => Date.parse(a.startsAt) <= now && Date.parse(a.endsAt) > now);
    if (!running) throw new Error('volunteer01 has no sign-up for an activity running now');
    expect(running.mine?.state).toBe('signed_up');
    const { page: lead, context: leadContext } = await phone();
    await lead.goto(`${baseUrl}/m/login`);
    await phoneLogin(lead, 'lead01');
    await lead.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 30_000 });
    // A phone that refuses the location is told so, and nothing is written.
    const { page: refusing, context: refusingContext } = await phone();
    await refusing.goto(await scanUrl(lead, running.id));
    await phoneLogin(refusing, 'volunteer01');
    await refusing.getByTestId('v-checkin').click();
    await refusing.getByTestId('v-scan-error').waitFor({ timeout: 25_000 });
    expect(await refusing.getByTestId('v-scan-error').textContent()).toMatch(/定位|位置/);
    await screenshot(refusing, 'volunteer-scan-refused-phone');
    await refusingContext.close();
    const still = await apiAs<{ upcoming: Activity[] }>(vol, 'GET', '/volunteer-activities/mine');
    expect(still.upcoming.find((a) => a.id === running.id)?.mine?.state).toBe('signed_up');

    await context.grantPermissions(['geolocation'], { origin: baseUrl });
    if (running.lng !== null && running.lat !== null)
      await context.setGeolocation({ longitude: running.lng, latitude: running.lat, accuracy: 10 });
    await vol.goto(await scanUrl(lead, running.id));
    await vol.getByTestId('v-checkin').waitFor({ timeout: 15_000 });
    expect(await vol.getByTestId('v-scan-title').textContent()).toBe(running.title);
    await screenshot(vol, 'volunteer-scan-phone');
    await vol.getByTestId('v-checkin').click();
    await vol.getByTestId('v-scan-checked-in').waitFor({ timeout: 15_000 });
    await vol.getByTestId('v-checkout').waitFor();
    await screenshot(vol, 'volunteer-checked-in-phone');
    const checkedIn = performance.now();

    // Minutes are whole: while one passes, the other pages are looked at as they are.
    await lookAt(vol, 'volunteer/activities', 'volunteer-activities-phone');
    await lookAt(vol, 'volunteer/certificates', 'volunteer-certificates-phone');
    await lookAt(vol, `volunteer/activities/${running.id}`, 'volunteer-running-phone');
    await new Promise((r) => setTimeout(r, Math.max(0, 62_000 - (performance.now() - checkedIn))));

    // Leaving: the code on the leader's screen now, scanned again.
    await vol.goto(await scanUrl(lead, running.id));
    await vol.getByTestId('v-checkout').click();
    await vol.getByTestId('v-scan-done').waitFor({ timeout: 15_000 });
    const minutesText = (await vol.getByTestId('v-scan-minutes').textContent()) ?? '';
    const minutes = Number(/(\d+)/.exec(minutesText)?.[1]);
    expect(minutes).toBeGreaterThanOrEqual(1);
    await screenshot(vol, 'volunteer-checked-out-phone');

    // 我的志愿: the hours have grown by the minutes counted, and the star progress shows.
    const after = await apiAs<MyHours>(vol, 'GET', '/volunteer-hours/me');
    expect(after.verifiedMinutes).toBe(before.verifiedMinutes + minutes);
    expect(after.services).toBe(before.services + 1);
    await lookAt(vol, 'volunteer', 'volunteer-home-after-phone');
    expect(Number(await vol.getByTestId('v-hours-value').textContent())).toBe(after.hours);
    expect(await vol.getByTestId('v-next-star').textContent()).toMatch(/\d/);
    const bar = await vol.getByTestId('v-star-bar').evaluate((el) => (el as HTMLElement).style.width);
    expect(bar).toMatch(/^\d+(\.\d+)?%$/);
    await vol.getByTestId('v-recent').getByText(running.title).first().waitFor();

    // English, and once at 1440×900.
    await vol.getByTestId('m-lang').click();
    await vol.getByText('Service hours').first().waitFor();
    await screenshot(vol, 'volunteer-home-phone-en');
    await vol.getByTestId('m-lang').click();
    await vol.setViewportSize(DESKTOP);
    await lookAt(vol, 'volunteer', 'volunteer-home-desktop');
    expect(refused).toEqual([]);
    await leadContext.close();
    await context.close();
  }, 240_000);

  it('a resident registers on 我的志愿 and then has the tab', async () => {
    const { page, context } = await phone();
    const refused = watchRefusals(page);
    await page.goto(`${baseUrl}/m/volunteer`);
    await phoneLogin(page, 'resident01');
    await page.getByTestId('v-register').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('m-tab-volunteer').count()).toBe(0);
    await page.getByTestId('v-skill').first().click();
    await page.getByTestId('v-skill-input').fill('摄影');
    await page.getByTestId('v-skill-input').press('Enter');
    await page.getByTestId('v-availability').fill('周末上午');
    await screenshot(page, 'volunteer-register-phone');
    await page.getByTestId('v-register-submit').click();
    await page.getByTestId('v-hours').waitFor({ timeout: 15_000 });
    await page.getByTestId('m-tab-volunteer').waitFor({ timeout: 15_000 });
    const me = await apiAs<{ registered: boolean; volunteer: { skills: string[]; availability: string } }>(
      page,
      'GET',
      '/volunteers/me',
    );
    expect(me.registered).toBe(true);
    expect(me.volunteer.skills).toContain('摄影');
    expect(me.volunteer.skills).toHaveLength(2);
    expect(me.volunteer.availability).toBe('周末上午');
    await lookAt(page, 'volunteer', 'volunteer-registered-phone');
    expect(refused).toEqual([]);
    await context.close();
  }, 120_000);
});
