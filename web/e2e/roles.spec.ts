import { expect, signIn, signOut, skipWithoutBrowser, snap, test } from './fixtures';

skipWithoutBrowser();
test.describe.configure({ mode: 'serial' });

/** An administrator takes access.approve away from the unit-manager role; a unit manager loses the approval menu. */
test('an admin changes a role\'s permission and the affected user loses a menu', async ({ page }, testInfo) => {
  await signIn(page, 'east.manager');
  await expect(page.getByRole('menuitem', { name: '审批查阅申请' })).toBeVisible();
  await signOut(page);

  await signIn(page, 'admin');
  await page.getByRole('menuitem', { name: '角色与权限' }).click();
  const cell = page.getByRole('combobox', { name: 'unit-manager access.approve' });
  await expect(cell).toBeVisible();
  await snap(page, testInfo, 'roles-matrix', { docs: true });
  await cell.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('—').click();
  await page.getByRole('button', { name: /保存 部门经理/ }).click();
  await expect(page.getByText(/已保存/)).toBeVisible();
  await signOut(page);

  await signIn(page, 'east.manager');
  await expect(page.getByRole('menuitem', { name: '客户档案' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '审批查阅申请' })).toHaveCount(0);
  await page.goto('/access/inbox');
  await expect(page.getByText('无权访问')).toBeVisible();
});
