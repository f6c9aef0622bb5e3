import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { meAdmin, meGm, meSales } from '../test/fixtures';
import { renderApp } from '../test/render';
import { server } from '../test/server';
import { visibleNavigation, type NavItem } from './navigation';

const flat = (items: NavItem[]): string[] => items.flatMap((i) => (i.children ? flat(i.children) : [i.key]));

describe('navigation by permissions', () => {
  it('a salesperson sees customers and their own access pages, no approvals, no administration', () => {
    const keys = flat(visibleNavigation(meSales));
    expect(keys).toEqual([
      '/', '/customers', '/classification/statistics',
      '/deadlines/board', '/deadlines/reminders', '/deadlines/quotas', '/follow-up/reminders', '/follow-up/contact-duties', '/follow-up/care',
      '/kpi/complaints', '/kpi/indicators',
      '/access/lookup', '/access/requests', '/access/grants',
      '/integration/imports',
    ]);
  });

  it('integration: imports with customers.write, exports with customers.export, API clients and webhooks for their administrators', () => {
    const admin = { ...meAdmin, permissions: [...meAdmin.permissions, 'integration.clients', 'integration.webhooks'] };
    expect(flat(visibleNavigation(admin))).toEqual(expect.arrayContaining(['/integration/clients', '/integration/webhooks']));
    expect(flat(visibleNavigation(admin))).not.toContain('/integration/imports');
    expect(flat(visibleNavigation(meGm))).toEqual(expect.arrayContaining(['/integration/imports', '/integration/exports']));
    expect(flat(visibleNavigation(meGm))).not.toContain('/integration/clients');
    expect(flat(visibleNavigation(meSales))).not.toContain('/integration/exports');
  });

  it('the customer-management department gets schemes and rating runs; only calendar administrators the calendar', () => {
    const marketing = { ...meGm, permissions: [...meGm.permissions, 'classification.run', 'classification.approve', 'classification.schemes', 'deadlines.manage'] };
    expect(flat(visibleNavigation(marketing))).toEqual(expect.arrayContaining(['/classification/schemes', '/classification/runs']));
    expect(flat(visibleNavigation(marketing))).not.toContain('/admin/calendar');
    expect(flat(visibleNavigation(meSales))).not.toContain('/classification/runs');
    expect(flat(visibleNavigation(meAdmin))).toContain('/admin/calendar');
  });

  it('the general manager also approves requests and reads the read log', () => {
    expect(flat(visibleNavigation(meGm))).toEqual(expect.arrayContaining(['/access/inbox', '/access/read-log']));
    expect(flat(visibleNavigation(meGm))).not.toContain('/admin/roles');
  });

  it('an administrator gets the administration menu', () => {
    expect(flat(visibleNavigation(meAdmin))).toEqual(expect.arrayContaining(['/admin/org', '/admin/staff', '/admin/roles']));
  });

  it('nobody sees a menu without the permission: no /me, no menu', () => {
    expect(flat(visibleNavigation(undefined))).toEqual(['/', '/access/lookup', '/access/requests', '/access/grants']);
  });

  it('renders the menu from GET /api/v1/me', async () => {
    server.use(http.get('*/api/v1/me', () => HttpResponse.json(meGm)));
    renderApp('/');
    const menu = await screen.findByRole('menu', { name: 'main' });
    expect(await within(menu).findByText('审批查阅申请')).toBeInTheDocument();
    expect(within(menu).queryByText('角色与权限')).not.toBeInTheDocument();
  });

  it('a page the person may not use shows "no access" instead of its content', async () => {
    renderApp('/admin/roles');
    expect(await screen.findByText('无权访问')).toBeInTheDocument();
  });
});
