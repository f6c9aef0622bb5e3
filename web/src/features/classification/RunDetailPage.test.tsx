import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { meMarketing } from '../../test/fixtures';
import { paged } from '../../test/handlers';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

const run = (status: string, done: number, counts = { changes: 2, unchanged: 997, overridden: 1, approved: 0, rejected: 0, pending: 2 }) => ({
  id: 7,
  scheme: { code: 'manufacturer', version: 1, name: '制造业客户分级' },
  asOf: '2026-11-23',
  filter: { includeSubUnits: true },
  status,
  total: 1000,
  done,
  percent: done / 10,
  etaSeconds: status === 'Running' ? 12 : null,
  counts,
  createdBy: { id: 3, name: '赵敏' },
  createdAt: '2026-11-23T06:00:00+00:00',
});

const proposal = (customerId: number, name: string, from: string, to: string, kind = 'Change') => ({
  id: customerId,
  customerId,
  customerCode: `KH${customerId}`,
  customerName: name,
  owner: { id: 5, name: '张伟' },
  owningUnitId: 3,
  fromGrade: from,
  toGrade: to,
  direction: from < to ? 'Downgrade' : 'Upgrade',
  kind,
  decision: 'Pending',
  explanation: {
    grade: to,
    basis: 'Rule',
    rule: { ruleId: 'jv', ruleName: '合资企业', match: 'All', conditions: [{ field: 'enterpriseNature', operator: 'In', expected: ['JointVenture'], actual: 'JointVenture', held: true }] },
  },
});

describe('rating run', () => {
  it('shows a progress bar while running (polling), then the change list to approve some lines; overridden customers apart', async () => {
    let reads = 0;
    const decisions: unknown[] = [];
    const kinds: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meMarketing)),
      http.get('*/api/v1/grading/runs/7', () => {
        reads += 1;
        return HttpResponse.json(reads === 1 ? run('Running', 400) : run('Reviewing', 1000));
      }),
      http.get('*/api/v1/grading/runs/7/proposals', ({ request }) => {
        const kind = new URL(request.url).searchParams.get('kind');
        kinds.push(kind);
        return HttpResponse.json(
          paged(kind === 'Overridden' ? [proposal(103, '杭州人工调整有限公司', 'B', 'A', 'Overridden')] : [proposal(101, '上海合资贸易有限公司', 'B', 'A'), proposal(102, '南京降级有限公司', 'A', 'C')]),
        );
      }),
      http.post('*/api/v1/grading/runs/7/decisions', async ({ request }) => {
        decisions.push(await request.json());
        return HttpResponse.json({ approved: 1, rejected: 0, stale: 0, notFound: [], run: run('Reviewing', 1000) });
      }),
    );
    renderApp('/classification/runs/7');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText(/已评 400 \/ 1000/, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(/预计还需 12 秒/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');

    // The next poll finds it under review.
    expect(await screen.findByText('上海合资贸易有限公司')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(screen.queryByText('杭州人工调整有限公司')).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: '上海合资贸易有限公司' }));
    await user.click(screen.getByRole('button', { name: /通过所选（1）/ }));
    await waitFor(() => expect(decisions).toEqual([{ decision: 'Approve', all: false, customerIds: [101], includeOverridden: false, note: null }]));
    const done = await screen.findByRole('dialog');
    expect(within(done).getByText(/通过 1，驳回 0/)).toBeInTheDocument();
    await user.click(within(done).getByRole('button', { name: /OK|知道了|确\s*定/ }));

    await user.click(screen.getByRole('tab', { name: /人工调整的客户/ }));
    expect(await screen.findByText('杭州人工调整有限公司')).toBeInTheDocument();
    expect(kinds).toContain('Overridden');
  }, 60_000);
});
