import { expect, signIn, signOut, skipWithoutBrowser, snap, test, uniqueCreditCode } from './fixtures';

skipWithoutBrowser();
test.describe.configure({ mode: 'serial' });

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()); // yyyy-MM-dd

/** A salesperson registers a customer with its first-contact date and finds the filing deadline it owes. */
test('a salesperson creates a customer and sees its filing deadline', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const name = `宁波测试备案有限公司${Date.now() % 100000}`;
  await signIn(page, 'east.sales1');
  await page.goto('/customers/new');
  await page.getByLabel('客户名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(uniqueCreditCode());
  await page.getByLabel('地区').fill('华东·浙江');
  await page.getByLabel('首次接触日期').click();
  await page.getByLabel('首次接触日期').fill(today());
  await page.getByLabel('首次接触日期').press('Enter');
  // Enter confirms the date and, depending on timing, also submits the form: save only if no save has led to the detail page.
  const saved = await page.waitForURL(/\/customers\/\d+$/, { timeout: 8_000 }).then(() => true, () => false);
  if (!saved) await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByRole('tab', { name: '备案' }).click();
  const row = page.locator('.ant-table-row', { hasText: '客户备案' });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/剩 \d+ 个工作日/);
  await expect(row.getByRole('button', { name: new RegExp(`提交 ${name}`) })).toBeVisible();
  await snap(page, testInfo, 'customer-filing', { docs: true });

  await page.getByRole('menuitem', { name: '期限看板' }).click();
  await expect(page.getByRole('heading', { name: '期限看板' })).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  // Earliest due first: the new filing (due in a few working days) is among those not yet due, on the paged list of all deadlines.
  await page.getByRole('tab', { name: '全部期限' }).click();
  await page.getByRole('combobox', { name: '状态筛选' }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('未到期').click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await snap(page, testInfo, 'deadline-board-all');
  await signOut(page);
});

/** 市场部 starts a re-rating, watches its progress, reviews the change list and approves it. */
test('the marketing department (marketing1) runs a re-rating and approves it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'marketing1');
  await page.getByRole('menuitem', { name: '分级方案' }).click();
  await expect(page.getByRole('heading', { name: '分级方案' })).toBeVisible();
  await page.getByRole('link', { name: /编辑/ }).first().click();
  await expect(page.getByText(/修订方案/)).toBeVisible();
  await snap(page, testInfo, 'grading-scheme', { docs: true });

  await page.getByRole('menuitem', { name: /(^|\s)评级$/ }).click();
  await page.getByRole('button', { name: /发起评级/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /开\s*始/ }).click();
  await expect(page.getByRole('heading', { name: /评级 #\d+/ })).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('tab', { name: /变更清单/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('待审核').first()).toBeVisible();
  await snap(page, testInfo, 'rating-run-review', { docs: true });

  await page.getByRole('button', { name: /全部通过/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  const report = page.getByRole('dialog').filter({ hasText: '审核完成' });
  await expect(report).toContainText(/通过 \d+/);
  await report.getByRole('button', { name: /OK|知道了|确\s*定/ }).click();
  await expect(page.getByText('已通过').first()).toBeVisible();

  await page.getByRole('menuitem', { name: '评级统计' }).click();
  await expect(page.getByText('等级分布')).toBeVisible();
  await expect(page.locator('svg').first()).toBeVisible();
  await snap(page, testInfo, 'grade-statistics', { docs: true });
  await signOut(page);
});
