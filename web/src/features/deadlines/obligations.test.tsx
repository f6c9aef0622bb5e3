import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { customerDetail, meMarketing, obligation, problem } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

describe('filing on the customer page', () => {
  it('the owner submits; an incomplete archive lists what is missing, then a complete one is submitted', async () => {
    let status: 'Open' | 'Submitted' = 'Open';
    let attempts = 0;
    server.use(
      http.get('*/api/v1/customers/42', () => HttpResponse.json(customerDetail(42))),
      http.get('*/api/v1/customers/42/obligations', () =>
        HttpResponse.json([obligation(1, { status, state: status === 'Open' ? 'DueSoon' : 'Submitted' })]),
      ),
      http.post('*/api/v1/customers/42/filing/submit', () => {
        attempts += 1;
        if (attempts === 1) {
          return HttpResponse.json(
            problem(400, '备案所需信息不完整。', { code: 'filingIncomplete', errors: { industry: ['请填写所属行业。'], keyPersonWithPhone: ['至少一位关键人员须有电话。'] } }),
            { status: 400 },
          );
        }
        status = 'Submitted';
        return HttpResponse.json(obligation(1, { status: 'Submitted', state: 'Submitted' }));
      }),
    );
    renderApp('/customers/42?tab=filings');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: /提交 上海华信贸易有限公司/ }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('请填写所属行业。')).toBeInTheDocument();
    expect(within(dialog).getByText('至少一位关键人员须有电话。')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /OK|知道了|确\s*定/ }));

    await user.click(screen.getByRole('button', { name: /提交 上海华信贸易有限公司/ }));
    expect(await screen.findByText('待审核')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /提交 上海华信贸易有限公司/ })).not.toBeInTheDocument();
    // A salesperson does not decide.
    expect(screen.queryByRole('button', { name: /通\s*过/ })).not.toBeInTheDocument();
  }, 60_000);

  it('the customer-management department returns a submitted filing with a reason, and accepts the resubmission', async () => {
    let status: 'Submitted' | 'Returned' | 'Met' = 'Submitted';
    const returned: unknown[] = [];
    let accepted = 0;
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meMarketing)),
      http.get('*/api/v1/customers/42', () => HttpResponse.json(customerDetail(42))),
      http.get('*/api/v1/customers/42/obligations', () =>
        HttpResponse.json([
          obligation(1, {
            status,
            state: status === 'Met' ? 'MetOnTime' : status === 'Returned' ? 'DueSoon' : 'Submitted',
            returnedReason: status === 'Returned' ? '地址不完整' : null,
          }),
        ]),
      ),
      http.post('*/api/v1/customers/42/filing/return', async ({ request }) => {
        returned.push(await request.json());
        status = 'Returned';
        return HttpResponse.json(obligation(1, { status: 'Returned' }));
      }),
      http.post('*/api/v1/customers/42/filing/submit', () => {
        status = 'Submitted';
        return HttpResponse.json(obligation(1, { status: 'Submitted', state: 'Submitted' }));
      }),
      http.post('*/api/v1/customers/42/filing/accept', () => {
        accepted += 1;
        status = 'Met';
        return HttpResponse.json(obligation(1, { status: 'Met', state: 'MetOnTime' }));
      }),
    );
    renderApp('/customers/42?tab=filings');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: /退\s*回/ }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /退\s*回/ }));
    expect(await within(dialog).findByText('请填写退回原因')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('退回原因'), '地址不完整');
    await user.click(within(dialog).getByRole('button', { name: /退\s*回/ }));
    await waitFor(() => expect(returned).toEqual([{ reason: '地址不完整' }]));

    await user.click(await screen.findByRole('button', { name: /提交 上海华信贸易有限公司/ }));
    await user.click(await screen.findByRole('button', { name: /通\s*过/ }));
    expect(await screen.findByText('按时完成')).toBeInTheDocument();
    expect(accepted).toBe(1);
  }, 60_000);
});
