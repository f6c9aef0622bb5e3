import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { meGm } from '../../test/fixtures';
import { paged } from '../../test/handlers';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const staff = (id: number, displayName: string) => ({
  id, username: `u${id}`, displayName, unitId: 3, unitName: '华东营销部', positions: ['AccountManager'], isActive: true, roles: [], version: 1,
});

describe('handover wizard', () => {
  it('shows what the leaver holds, then hands everything to the successor in one request', async () => {
    const posted: unknown[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json({ ...meGm, permissions: [...meGm.permissions, 'customers.handover'] })),
      http.get('*/api/v1/org/staff', ({ request }) => {
        const q = new URL(request.url).searchParams.get('q') ?? '';
        return HttpResponse.json(paged([staff(5, '张伟'), staff(6, '李娜')].filter((s) => s.displayName.includes(q))));
      }),
      http.get('*/api/v1/org/staff/:id/customers/summary', () => HttpResponse.json({ owned: 42, coServed: 7, archived: 3 })),
      http.get('*/api/v1/handovers', () => HttpResponse.json(paged([]))),
      http.post('*/api/v1/handovers', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json({ id: 1, customerCount: 45, coServedCount: 7, to: { id: 6, name: '李娜' } }, { status: 201 });
      }),
    );
    renderApp('/admin/handover');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('combobox', { name: '离任人员（移交方）' }));
    await user.click(await screen.findByTitle('张伟（华东营销部）'));
    expect(await screen.findByText('可见范围内：负责 42 个客户，协同服务 7 个，已归档 3 个')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /下一步/ }));

    await user.click(await screen.findByRole('combobox', { name: '接任人员（接收方）' }));
    await user.click(await screen.findByTitle('李娜（华东营销部）'));
    await user.type(screen.getByLabelText('交接原因'), '张伟调离');
    await user.click(screen.getByRole('button', { name: /下一步/ }));
    await user.click(await screen.findByRole('button', { name: /确认交接/ }));

    await waitFor(() => expect(posted).toEqual([{ fromStaffId: 5, toStaffId: 6, reason: '张伟调离', disableLeaver: false, moveCoServing: true }]));
    expect(await screen.findByText('交接完成：45 个客户已移交给 李娜')).toBeInTheDocument();
  });
});
