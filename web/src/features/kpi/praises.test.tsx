import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { customerDetail, problem } from '../../test/fixtures';
import { paged } from '../../test/handlers';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const praise = (id: number, content: string) => ({
  id,
  customerId: 42,
  unit: { id: 3, name: '华东营销部' },
  praisedStaff: null,
  receivedOn: '2026-11-20',
  content,
  createdAt: '2026-11-20T02:00:00Z',
  createdBy: { id: 5, name: '张伟' },
});

describe('praises on the customer page', () => {
  it('records a praise, shows the server field error on its field, and lists it', async () => {
    const posted: Record<string, unknown>[] = [];
    let items: ReturnType<typeof praise>[] = [];
    server.use(
      http.get('*/api/v1/customers/42', () => HttpResponse.json(customerDetail(42))),
      http.get('*/api/v1/customers/42/complaints', () => HttpResponse.json([])),
      http.get('*/api/v1/customers/42/praises', () => HttpResponse.json(paged(items))),
      http.post('*/api/v1/customers/42/praises', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        posted.push(body);
        if (posted.length === 1)
          return HttpResponse.json({ ...problem(400, '请求有误'), errors: { receivedOn: ['表扬日期不能晚于今天。'] } }, { status: 400 });
        items = [praise(9, String(body.content))];
        return HttpResponse.json(items[0], { status: 201 });
      }),
    );
    renderApp('/customers/42?tab=complaints');
    const user = userEvent.setup({ delay: null });

    const section = await screen.findByRole('region', { name: '客户表扬' }, { timeout: 15_000 });
    await user.click(within(section).getByRole('button', { name: /登记表扬/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请填写表扬内容')).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('表扬内容'), '  送货及时  ');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('表扬日期不能晚于今天。')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toMatchObject({ content: '送货及时', praisedStaffId: null });
    expect(await within(section).findByText('送货及时')).toBeInTheDocument();
  }, 30_000);

  it('offers no recording to someone who may not maintain the customer', async () => {
    server.use(
      http.get('*/api/v1/customers/42', () => HttpResponse.json({ ...customerDetail(42), archived: true })),
      http.get('*/api/v1/customers/42/complaints', () => HttpResponse.json([])),
      http.get('*/api/v1/customers/42/praises', () => HttpResponse.json(paged([praise(1, '服务周到')]))),
    );
    renderApp('/customers/42?tab=complaints');
    const section = await screen.findByRole('region', { name: '客户表扬' }, { timeout: 15_000 });
    expect(await within(section).findByText('服务周到')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: /登记表扬/ })).toBeNull();
  }, 30_000);
});
