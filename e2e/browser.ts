import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT_DIR } from '../src/core/paths.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

export const SCREENSHOT_DIR = path.join(ROOT_DIR, '.cache', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The one Chromium of a test file: call this at the file's top level; it launches before the file's tests and closes
 * after them. The function it returns gives the running browser inside a test.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is used before beforeAll launched it');
    return browser;
  };
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** A page in a new context of its own (no cookies shared with other tests), in Chinese, at a viewport. */
export async function newPage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  return context.newPage();
}

export async function login(page: Page, baseUrl: string, username: string, password = 'lianjian2026'): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor({ timeout: 30_000 });
}

/** Fills and sends the phone app's login form, which the page must already show (/m/login, or /m/ without a session). */
export async function phoneLogin(page: Page, username: string, password = 'lianjian2026'): Promise<void> {
  await page.getByTestId('m-login-username').fill(username);
  await page.getByTestId('m-login-password').fill(password);
  await page.getByTestId('m-login-submit').click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** A logged-in API session for setting the scene and checking what the pages wrote: GET a path, expect 200. */
export async function apiAs(baseUrl: string, username: string, password = 'lianjian2026') {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return async <T>(path: string): Promise<T> => {
    const r = await fetch(`${baseUrl}/api${path}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}
