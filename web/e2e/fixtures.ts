import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
import { browserMissing } from '../playwright.config';

export const PASSWORD = 'Crm@demo2026';

/**
 * The page fixture fails the test on any console error or uncaught exception. Chromium also logs every HTTP error
 * answer as "Failed to load resource"; the API's 4xx answers are expected and handled by the UI (404 view, 412 …),
 * so only those are let through.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
      problems.push(`console.error: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

/** Skips every test of the calling file, loudly, when there is no browser to run them in. */
export function skipWithoutBrowser() {
  if (browserMissing) console.log(`SKIPPED browser test file: ${browserMissing}`);
  test.skip(!!browserMissing, browserMissing ?? '');
}

export async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
}

/** Opens an entry of a menu group, expanding the group first when it is collapsed. */
export async function openMenu(page: Page, group: string | RegExp, entry: string) {
  const item = page.getByRole('menuitem', { name: entry });
  if (!(await item.isVisible())) await page.getByRole('menuitem', { name: group }).click();
  await item.click();
}

/**
 * Ticks a checkbox or radio. On a loaded machine a click can land while a dialog is still zooming in, and Playwright
 * then reports "Clicking the checkbox did not change its state" at once; the click is retried until the box holds.
 */
export async function check(box: Locator) {
  await expect(async () => {
    await box.check({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(box).toBeChecked();
}

/**
 * Attaches a screenshot to the test's report (TestResults/web/playwright); those marked `docs`, when
 * CRM_DOCS_SCREENSHOTS=1, also go to web/docs/ for the README.
 */
export async function snap(page: Page, testInfo: TestInfo, name: string, { docs = false } = {}) {
  const body = await page.screenshot({ fullPage: false });
  await testInfo.attach(name, { body, contentType: 'image/png' });
  if (docs && process.env.CRM_DOCS_SCREENSHOTS === '1') {
    const docs = resolve(here, '../docs');
    mkdirSync(docs, { recursive: true });
    await page.screenshot({ path: resolve(docs, `${name}.png`) });
  }
}

/** A valid 统一社会信用代码 (GB 32100-2015 check character) that no demo customer has. */
export function uniqueCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const serial = String(Date.now() % 1_000_000_000).padStart(9, '0');
  const first17 = `91310115${serial}`;
  const sum = [...first17].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

export { expect };
