import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { customerDetail, problem } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const expense = (id: number, reimbursable: boolean, reason: string | null = null) => ({
  id,
  customerId: 42,
  spentOn: '2026-11-10',
  category: 'Entertainment' as const,
  amount: 860.5,
  description: '商务宴请',
  reimbursable,
  reason,
  recordedBy: { id: 5, name: '张伟' },
  createdAt: '2026-11-10T10:00:00+00:00',
});

describe('expenses on the customer page', () => {
  it('tags each expense and gives the reason when it is not reimbursable; the form shows the server\'s field errors', async () => {
    const posted: Record<string, unknown>[] = [];
    server.use(
      http.get('*/api/v1/customers/42', () => HttpResponse.json(customerDetail(42))),
      http.get('*/api/v1/customers/42/expenses', () =>
        HttpResponse.json([expense(1, false, '客户尚未完成备案（备案通过日期晚于费用发生日期），招待、差旅、礼品费用不予报销。'), { ...expense(2, true), category: 'Travel', amount: 1200, description: '上门拜访' }]),
      ),
      http.post('*/api/v1/customers/42/expenses', async ({ request }) => {
        posted.push((await request.json()) as Record<string, unknown>);
        return HttpResponse.json(problem(400, '输入有误。', { errors: { amount: ['金额须大于 0。'] } }), { status: 400 });
      }),
    );
    renderApp('/customers/42?tab=expenses');
    const user = userEvent.setup({ delay: null });

    const refused = (await screen.findByText('商务宴请', {}, { timeout: 15_000 })).closest('tr')!;
    expect(within(refused).getByText('不予报销')).toBeInTheDocument();
    expect(within(refused).getByText(/客户尚未完成备案/)).toBeInTheDocument();
    expect(within(refused).getByText('招待费')).toBeInTheDocument();
    const ok = screen.getByText('差旅费').closest('tr')!;
    expect(within(ok).getByText('可报销')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /登记费用/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请填写金额')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('金额（元）'), '0');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ category: 'Entertainment', amount: 0 });
    expect(await within(dialog).findByText('金额须大于 0。')).toBeInTheDocument();
  }, 60_000);

  it('somebody who may not maintain the customer gets no record button', async () => {
    server.use(
      http.get('*/api/v1/customers/42', () => HttpResponse.json(customerDetail(42, { owner: { id: 77, name: '李娜' } }))),
      http.get('*/api/v1/customers/42/expenses', () => HttpResponse.json([])),
    );
    renderApp('/customers/42?tab=expenses');
    expect(await screen.findByText(/客户备案通过/, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect((await screen.findAllByText('暂无数据')).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /登记费用/ })).not.toBeInTheDocument();
  }, 60_000);
});
