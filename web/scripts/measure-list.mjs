// Measures, in headless Chromium, how long after pressing 登录 the customer list is usable: its first page of rows and
// the pager's total are on screen. Runs against an API that is already up (e.g. the 1M-customer benchmark database,
// see README "Performance"); it changes nothing there. Not a test: it prints figures.
//
//   node scripts/measure-list.mjs --url http://127.0.0.1:5080 [--users gm,east.manager,east.sales1] [--rounds 10]
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, users: { type: 'string' }, rounds: { type: 'string' }, password: { type: 'string' } },
});
const url = new URL(args.url ?? 'http://127.0.0.1:5080');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  console.error(`refusing ${url}: measurements target loopback addresses only`);
  process.exit(2);
}
const users = (args.users ?? 'gm,east.manager,east.sales1').split(',');
const rounds = Number(args.rounds ?? 10);
const password = args.password ?? 'Crm@demo2026';
const executablePath = process.env.CRM_CHROMIUM_PATH ?? '/usr/bin/chromium';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  console.log(`customer list after login, ${url.origin}, ${rounds} rounds per user (the first one warms caches and is not counted)`);
  console.log('user            first-page  p50 ms  p95 ms  max ms  total shown');
  for (const user of users) {
    const times = [];
    let shown = '';
    for (let round = 0; round <= rounds; round++) {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      // A deep link: the login page remembers it and opens the list right after signing in.
      await page.goto(new URL('/customers', url).href);
      await page.getByLabel('用户名').fill(user);
      await page.getByLabel('密码').fill(password);
      const started = performance.now();
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.locator('.ant-table-row').first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('.ant-pagination-total-text').waitFor({ state: 'visible', timeout: 30_000 });
      const elapsed = performance.now() - started;
      shown = (await page.locator('.ant-pagination-total-text').textContent()) ?? '';
      if (round > 0) times.push(elapsed);
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(
      `${user.padEnd(16)}${String(times.length).padStart(10)}  ${percentile(times, 50).toFixed(0).padStart(6)}  ${percentile(times, 95)
        .toFixed(0)
        .padStart(6)}  ${times[times.length - 1].toFixed(0).padStart(6)}  ${shown}`,
    );
  }
} finally {
  await browser.close();
}
