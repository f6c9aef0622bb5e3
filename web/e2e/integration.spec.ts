import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { check, expect, openMenu, signIn, signOut, skipWithoutBrowser, snap, test } from './fixtures';

skipWithoutBrowser();
test.describe.configure({ mode: 'serial' });

/** Opens an entry of the 集成 menu group. */
const openIntegration = (page: Page, entry: string) => openMenu(page, '集成', entry);

/** An administrator registers the ERP as an API client: the secret is shown once, then never again; and subscribes to events. */
test('an administrator creates an API client and sees its secret once', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const name = `ERP 系统 ${Date.now() % 100000}`;
  await signIn(page, 'admin');
  await openIntegration(page, '接口客户端');
  await expect(page.getByRole('heading', { name: '接口客户端' })).toBeVisible();

  await page.getByRole('button', { name: /新建客户端/ }).click();
  const form = page.getByRole('dialog').filter({ hasText: '新建客户端' });
  await form.getByLabel('名称').fill(name);
  await form.getByLabel('授权范围').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(/^customers:read/).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(/^facts:write/).click();
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: /新\s*建/ }).click();

  const secretDialog = page.getByRole('dialog').filter({ hasText: '仅显示这一次' });
  await expect(secretDialog).toBeVisible();
  const secret = await secretDialog.getByTestId('one-time-secret').inputValue();
  expect(secret).toMatch(/^crs_/);
  await expect(secretDialog).toContainText('关闭后无法再次查看');
  await snap(page, testInfo, 'api-clients', { docs: true });
  await secretDialog.getByRole('button', { name: /我已保存，关闭/ }).click();
  await expect(secretDialog).toBeHidden();

  // The list and the detail never show it again.
  const row = page.locator('.ant-table-row', { hasText: name });
  await expect(row).toContainText('启用');
  await expect(page.locator('body')).not.toContainText(secret);
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('customers:read')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(secret);

  // A webhook subscription: its signing secret is also shown once.
  await openIntegration(page, '事件订阅');
  await expect(page.getByRole('heading', { name: '事件订阅' })).toBeVisible();
  await page.getByRole('button', { name: /新建订阅/ }).click();
  const hook = page.getByRole('dialog').filter({ hasText: '新建订阅' });
  await hook.getByLabel('接收地址').fill('https://93.184.215.14/crm-events');
  await check(hook.getByRole('checkbox', { name: /customer\.created/ }));
  await check(hook.getByRole('checkbox', { name: /customer\.graded/ }));
  await hook.getByLabel('说明').fill('ERP 同步');
  await hook.getByRole('button', { name: /新\s*建/ }).click();
  const hookSecret = page.getByRole('dialog').filter({ hasText: '签名密钥（仅显示这一次）' });
  await expect(hookSecret.getByTestId('one-time-secret')).not.toHaveValue('');
  await hookSecret.getByRole('button', { name: /我已保存，关闭/ }).click();
  const subscription = page.locator('.ant-table-row', { hasText: 'https://93.184.215.14/crm-events' }).first();
  await expect(subscription).toContainText('生效中');
  await snap(page, testInfo, 'webhooks', { docs: true });
  await subscription.getByRole('link', { name: '投递记录' }).click();
  await expect(page.getByRole('heading', { name: /投递记录：https:\/\/93\.184\.215\.14/ })).toBeVisible();

  // Stopped again, so the later tests' customers are not sent to an address this machine cannot reach.
  await openIntegration(page, '事件订阅');
  await subscription.getByRole('button', { name: /停用/ }).click();
  await page.locator('.ant-popover:visible').getByRole('button', { name: /确\s*定|确\s*认/ }).click();
  await expect(subscription).toContainText('已停用');
  await signOut(page);
});

/** 市场部 imports a month of facts; one row is wrong: the others are written and the error report downloads. */
test('the customer-management department imports a facts CSV with one bad row and downloads the error report', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, 'marketing1');
  // A customer to report facts for: the first one of the list.
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.locator('.ant-table-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/customers\/\d+/);
  const customerId = /\/customers\/(\d+)/.exec(page.url())![1];

  await openIntegration(page, '批量导入');
  await expect(page.getByRole('heading', { name: '批量导入' })).toBeVisible();
  await check(page.getByRole('radio', { name: '月度经营数据' }));
  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: /下载模板/ }).click();
  const templateFile = await (await template).path();
  expect(readFileSync(templateFile, 'utf8')).toContain('客户ID,外部编号,统一社会信用代码,月份');

  const csv = `客户ID,月份,订单金额,销量,计量单位\n${customerId},2026-09,120000,40,吨\n${customerId},2026-13,98000,33,吨\n${customerId},2026-10,99000,35,吨\n`;
  await page.getByLabel('文件').setInputFiles({ name: '经营数据-2026Q3.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: /开始导入/ }).click();

  await expect(page.getByRole('heading', { name: /导入 #\d+/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /导入 #\d+/ })).toContainText('部分成功', { timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  const errorRow = page.locator('.ant-table-row').first();
  await expect(errorRow).toContainText('3');
  await expect(errorRow).toContainText('month');
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, testInfo, 'import', { docs: true });

  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: /下载错误报告（CSV）/ }).click();
  const file = await report;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toContain('行号');
  expect(text).toMatch(/\n3,/);

  await openIntegration(page, '批量导入');
  await expect(page.locator('.ant-table-row', { hasText: '经营数据-2026Q3.csv' }).first()).toContainText('部分成功');
  await signOut(page);
});

/** A unit manager looks at the deadlines of his unit and its sub-units. */
test('east.manager sees the deadline board of his unit', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, 'east.manager');
  await page.getByRole('menuitem', { name: '期限看板' }).click();
  await expect(page.getByRole('heading', { name: '期限看板' })).toBeVisible();
  await page.getByText('指定单元', { exact: true }).click();
  await page.getByRole('combobox', { name: '单元' }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('华东营销部').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('board-Overdue')).toBeVisible();
  await expect(page.getByTestId('board-asof')).toContainText('业务日期');
  await expect(page.getByTestId('board-Pending')).toContainText(/\d+/);
  await expect(page.getByRole('tab', { name: /已逾期 \(\d+\)/ })).toBeVisible();
  await page.getByRole('tab', { name: '全部期限' }).click();
  await expect(page.getByRole('tabpanel').locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByRole('tabpanel').locator('.ant-table-row').first()).toContainText('华东');
  await page.getByRole('tab', { name: /已逾期/ }).click();
  await snap(page, testInfo, 'deadline-board', { docs: true });
  await signOut(page);
});
