import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Browser tests in headless Chromium against the real API with demo data, on a fresh temporary SQLite database and
 * a free port (see e2e/start-api.mjs). The browser is the system's Chromium (never downloaded): /usr/bin/chromium or
 * CRM_CHROMIUM_PATH. Without it every test skips, saying so on stdout.
 */
// CRM_CHROMIUM_PATH=bundled uses a browser installed by `npx playwright install chromium` (GitHub runners only:
// these machines download no browsers).
const bundled = process.env.CRM_CHROMIUM_PATH === 'bundled';
export const chromiumPath = bundled ? undefined : (process.env.CRM_CHROMIUM_PATH ?? '/usr/bin/chromium');
export const browserMissing =
  bundled || existsSync(chromiumPath!)
    ? null
    : `no Chromium at ${chromiumPath} (install it: apt-get install -y chromium fonts-noto-cjk, or set CRM_CHROMIUM_PATH)`;

// One free port for the whole run: chosen once in the runner and inherited by its workers through the environment.
process.env.CRM_E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
const baseURL = `http://127.0.0.1:${process.env.CRM_E2E_PORT}`;

if (browserMissing && !process.env.CRM_E2E_SKIP_NOTED) {
  process.env.CRM_E2E_SKIP_NOTED = '1';
  console.log(`\n!!! SKIPPING the browser tests: ${browserMissing}\n`);
}

export default defineConfig({
  testDir: './e2e',
  outputDir: resolve(here, '../TestResults/web/playwright'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['junit']] : [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The SPA then opens dialogs and drawers without animation, so no click lands on a dialog still zooming in.
    reducedMotion: 'reduce',
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: browserMissing
    ? undefined
    : {
        command: 'node e2e/start-api.mjs',
        url: `${baseURL}/health/ready`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      },
});
