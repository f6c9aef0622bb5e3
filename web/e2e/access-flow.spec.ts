import { expect, signIn, signOut, skipWithoutBrowser, snap, test, uniqueCreditCode } from './fixtures';

skipWithoutBrowser();
test.describe.configure({ mode: 'serial' });

/**
 * The path people walk: a salesperson registers a customer; a salesperson of another department cannot see it and
 * asks for access; the general manager approves; the requester reads it.
 */
const customerName = `杭州测试精密机械有限公司${Date.now() % 100000}`;
let customerPath = '';

test('east.sales1 creates a customer and finds it in the list', async ({ page }, testInfo) => {
  await signIn(page, 'east.sales1');
  await snap(page, testInfo, 'dashboard');

  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await expect(page.getByRole('heading', { name: '客户档案' })).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await snap(page, testInfo, 'customer-list', { docs: true });

  await page.getByRole('button', { name: /新建客户/ }).click();
  await expect(page.getByRole('heading', { name: '新建客户' })).toBeVisible();
  await page.getByLabel('客户名称').fill(customerName);
  // A wrong check character first: the server's field error shows on the field.
  await page.getByLabel('统一社会信用代码').fill('91330100MA2XXXXXX1');
  await page.getByLabel('地区').fill('华东·浙江');
  await page.getByLabel('地址').fill('杭州市滨江区江南大道 1 号');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('#customer_creditCode_help')).toBeVisible();
  await snap(page, testInfo, 'customer-form-errors', { docs: true });

  await page.getByLabel('统一社会信用代码').fill(uniqueCreditCode());
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('heading', { name: customerName })).toBeVisible();
  await expect(page.getByRole('button', { name: /编\s*辑/ })).toBeVisible(); // the owner may edit
  customerPath = new URL(page.url()).pathname;
  expect(customerPath).toMatch(/^\/customers\/\d+$/);
  await snap(page, testInfo, 'customer-detail', { docs: true });

  // The deep link survives a reload: the refresh token brings the session back.
  await page.reload();
  await expect(page.getByRole('heading', { name: customerName })).toBeVisible();

  await page.goto('/customers');
  await page.getByRole('searchbox', { name: '搜索' }).fill(customerName.slice(2, 8));
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await expect(page.getByRole('link', { name: customerName })).toBeVisible();
  await signOut(page);
});

test('south.sales1 cannot find it, gets the not-found view and requests access', async ({ page }, testInfo) => {
  expect(customerPath).not.toBe('');
  await signIn(page, 'south.sales1');
  await page.goto('/customers');
  await page.getByRole('searchbox', { name: '搜索' }).fill(customerName);
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await expect(page.getByRole('link', { name: /找不到客户/ })).toBeVisible();

  await page.goto(customerPath);
  await expect(page.getByText('客户不存在或无权查阅')).toBeVisible();
  await snap(page, testInfo, 'customer-not-found');
  await page.getByRole('button', { name: '申请查阅' }).click();
  await page.getByLabel('查阅理由').fill('华南区联合投标，需要了解该客户的采购情况');
  await page.getByLabel('查阅天数').fill('2');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText(/查阅申请已提交，审批人：/)).toBeVisible();

  await page.getByRole('menuitem', { name: '我的查阅申请' }).click();
  await expect(page.getByRole('row', { name: new RegExp(customerName) })).toContainText('待审批');
  await signOut(page);
});

test('the general manager approves it in the inbox', async ({ page }, testInfo) => {
  await signIn(page, 'gm');
  await page.getByRole('menuitem', { name: '审批查阅申请' }).click();
  const row = page.getByRole('row', { name: new RegExp(customerName) });
  await expect(row).toBeVisible();
  await snap(page, testInfo, 'access-inbox', { docs: true });
  await row.getByRole('button', { name: /批\s*准/ }).click();
  await page.getByLabel('审批意见').fill('同意，两天内有效。');
  await page.getByRole('dialog').getByRole('button', { name: /批\s*准/ }).click();
  await expect(page.getByText('已批准').first()).toBeVisible();
  await expect(row).toHaveCount(0);
  await signOut(page);
});

test('south.sales1 now reads the archive through the grant', async ({ page }, testInfo) => {
  await signIn(page, 'south.sales1');
  await page.getByRole('menuitem', { name: '我的查阅授权' }).click();
  const grant = page.getByRole('row', { name: new RegExp(customerName) });
  await expect(grant).toContainText('有效');
  await snap(page, testInfo, 'access-grants');
  await grant.getByRole('link', { name: customerName }).click();
  await expect(page.getByRole('heading', { name: customerName })).toBeVisible();
  await expect(page.getByText('您正通过查阅授权只读查看此档案')).toBeVisible();
  await expect(page.getByRole('button', { name: /编\s*辑/ })).toHaveCount(0); // read-only: no edit
  await page.getByRole('tab', { name: '变更历史' }).click();
  await expect(page.getByRole('cell', { name: '建档' }).first()).toBeVisible();
});
