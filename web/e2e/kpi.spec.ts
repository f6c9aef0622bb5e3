import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { check, expect, openMenu, signIn, signOut, skipWithoutBrowser, snap, test } from './fixtures';

skipWithoutBrowser();

/** Opens an entry of the 考核 menu group. */
const kpiMenu = (page: Page, entry: string) => openMenu(page, /(^|\s)考核$/, entry);

test.describe.configure({ mode: 'serial' });

/** 市场部 (kpi.manage) runs last month's KPI, downloads the ledger with its token, closes the month and opens the scorecard. */
test('the customer-management department runs the month-end KPI, closes the period and downloads the ledger', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'marketing1');
  await kpiMenu(page, '月度考核');
  await expect(page.getByRole('heading', { name: '月度考核' })).toBeVisible();

  // The month picker defaults to last month, which is over.
  await page.getByRole('button', { name: /月末考核/ }).click();
  const report = page.locator('.ant-modal-confirm').filter({ hasText: '月度考核已完成' });
  await expect(report).toContainText(/共 \d+ 条记录/);
  await report.getByRole('button', { name: /OK|知道了|确\s*定/ }).click();
  await expect(page).toHaveURL(/\/kpi\/periods\/\d{4}-\d{2}$/);
  const month = /\/kpi\/periods\/(\d{4}-\d{2})$/.exec(page.url())![1];
  await expect(page.getByRole('heading', { name: new RegExp(`月度考核 · ${month}`) })).toBeVisible();
  await expect(page.getByText('未关账')).toBeVisible();

  // Running it again replaces the computed entries: the count stays the same.
  const entries = await page.locator('.ant-statistic').filter({ hasText: '记录数' }).locator('.ant-statistic-content').innerText();
  await page.getByRole('button', { name: /重新计算/ }).click();
  const again = page.locator('.ant-modal-confirm').filter({ hasText: '第 2 次计算' });
  await expect(again).toContainText(`共 ${entries.trim()} 条记录`);
  await again.getByRole('button', { name: /OK|知道了|确\s*定/ }).click();
  await snap(page, testInfo, 'kpi-period', { docs: true });

  // The ledger as CSV, fetched with the bearer token and saved from a Blob.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`${month}.*\\.csv$`));
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('月份');
  expect(csv).toContain('规则');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 Excel/ }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByRole('button', { name: /关\s*账/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText(/本月已于 .* 关账/)).toBeVisible();
  await expect(page.getByText('已关账').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /重新计算/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /关\s*账/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /登记调整/ })).toBeVisible();

  await kpiMenu(page, '年度百分考核');
  await expect(page.getByRole('heading', { name: /年度百分考核/ })).toBeVisible();
  await expect(page.getByText('奖励线 90')).toBeVisible();
  await expect(page.getByText('合格线 80')).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  // 服务质量 is scored by hand: once entered, the card is complete and shows its band and money.
  for (const [unit, points] of [['华东营销部', '12'], ['客户服务中心', '14']] as const) {
    const row = page.locator('.ant-table-row', { hasText: unit });
    await row.getByRole('button', { name: /展开行/ }).click();
    await page.getByRole('spinbutton', { name: `${unit} 服务质量与投诉处理` }).fill(points);
    await page.locator('form', { has: page.getByRole('spinbutton', { name: `${unit} 服务质量与投诉处理` }) }).getByRole('button', { name: /保存评分/ }).click();
    await expect(row.locator('.ant-tag').first()).not.toHaveText('未评完');
    await row.locator('.ant-table-row-expand-icon').click(); // collapse it again
  }
  await expect(page.locator('.ant-table-row', { hasText: '华东营销部' })).toContainText(/奖励|合格|扣/);
  await page.getByRole('heading', { name: /年度百分考核/ }).scrollIntoViewIfNeeded();
  await snap(page, testInfo, 'scorecard', { docs: true });
  await signOut(page);
});

/** A salesperson registers a complaint on their customer; 市场部 (complaints.manage) investigates, replies and archives it. */
test('a salesperson registers a complaint and it is handled to archived', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const subject = `交货延误 ${Date.now() % 100000}`;
  await signIn(page, 'east.sales1');
  await page.getByRole('menuitem', { name: '客户档案' }).click();
  await page.locator('.ant-table-row a').first().click();
  await expect(page.getByRole('tab', { name: '投诉' })).toBeVisible();
  const customer = (await page.getByRole('heading', { level: 3 }).innerText()).trim();
  await page.getByRole('tab', { name: '投诉' }).click();
  await page.getByRole('button', { name: /登记投诉/ }).click();
  const register = page.locator('.ant-modal').filter({ hasText: '登记投诉' });
  await register.getByLabel('投诉主题').fill(subject);
  await register.getByLabel('投诉内容').fill('十月订单晚到两周，影响客户工程进度。');
  await register.getByRole('button', { name: /保\s*存/ }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByRole('heading', { name: subject })).toBeVisible();
  // A salesperson registers but does not handle.
  await expect(drawer.getByTestId('complaint-moves').getByRole('button')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await signOut(page);

  await signIn(page, 'marketing1');
  await kpiMenu(page, '客户投诉');
  await expect(page.getByRole('heading', { name: '客户投诉' })).toBeVisible();
  await page.getByRole('button', { name: subject }).click();
  const moves = drawer.getByTestId('complaint-moves');
  await expect(moves.getByRole('button')).toHaveText(['开始调查定责']);

  const move = async (action: string, fill?: () => Promise<void>) => {
    await moves.getByRole('button', { name: action }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: action });
    await expect(dialog).toBeVisible();
    if (fill) await fill();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
  };
  await move('开始调查定责');
  await expect(moves.getByRole('button')).toHaveText(['转返工整改', '答复客户']);

  await move('答复客户', async () => {
    const dialog = page.locator('.ant-modal').filter({ hasText: '答复客户' });
    await check(dialog.getByRole('radio', { name: '属实', exact: true }));
    await dialog.getByLabel('调查结论').fill('仓库排产失误，确属我方责任');
    await dialog.getByLabel('责任单位').click();
    await page.locator('.ant-select-tree-node-content-wrapper[title="华东营销部"]').click();
  });
  await expect(moves.getByRole('button')).toHaveText(['客户不满意，退回处理', '客户满意，归档']);

  await move('客户满意，归档', async () => {
    const dialog = page.locator('.ant-modal').filter({ hasText: '客户满意，归档' });
    await dialog.getByLabel('整改措施').fill('调整排产流程，每周核对交期');
    await dialog.getByLabel('复查意见').fill('已落实，十一月交货准时');
  });
  await expect(drawer.getByText('投诉已归档，处理结束。')).toBeVisible();
  await expect(drawer.locator('.ant-timeline-item')).toHaveCount(4);
  await expect(drawer.getByText(customer)).toBeVisible();
  await snap(page, testInfo, 'complaint', { docs: true });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await signOut(page);
});
