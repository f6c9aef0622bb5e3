import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { vi } from 'vitest';
import { meGm, meSales } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { visibleNavigation, type NavItem } from '../../components/navigation';
import { meKpi, scorecard, scorecardItems } from './kpiFixtures';

const flat = (items: NavItem[]): string[] => items.flatMap((i) => (i.children ? flat(i.children) : [i.key]));

const leaders = (reward: number, leader: number, deputy: number) => [
  { staff: { id: 11, name: '刘强' }, role: 'UnitManager', reward, deduction: leader },
  { staff: { id: 12, name: '陈静' }, role: 'DeputyManager', reward: 0, deduction: deputy },
];

describe('annual unit scorecard', () => {
  it('shows each unit\'s total, band and money, disqualification, the chart, and saves entered scores', async () => {
    const puts: unknown[] = [];
    const years: string[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/kpi/scorecards/:year', ({ params }) => {
        years.push(String(params.year));
        return HttpResponse.json([
          scorecard(3, '华东营销部', {
            items: scorecardItems([20, 20, 30, 12, 10]), total: 92, complete: true,
            outcome: { score: 92, band: 'Reward', pointsBelow: 0, reward: 500, leaderDeduction: 0, deputyDeduction: 0, disqualified: false },
            leadership: leaders(500, 0, 0),
          }),
          scorecard(4, '华南营销部', {
            items: scorecardItems([16, 18, 24, 10, 8]), total: 76, complete: true,
            outcome: { score: 76, band: 'Penalty', pointsBelow: 4, reward: 0, leaderDeduction: 200, deputyDeduction: 160, disqualified: true },
            substantiatedComplaints: 3, disqualified: true, disqualifiedStaff: [{ id: 21, name: '周杰' }],
            leadership: leaders(0, 200, 160),
          }),
          scorecard(5, '华北营销部', {
            items: scorecardItems([18, 18, 26, 12, 11]), total: 85, complete: true,
            outcome: { score: 85, band: 'Pass', pointsBelow: 0, reward: 0, leaderDeduction: 0, deputyDeduction: 0, disqualified: false },
          }),
          scorecard(6, '客户服务中心'),
        ]);
      }),
      http.put('*/api/v1/kpi/scorecards/:year/units/6', async ({ request }) => {
        puts.push(await request.json());
        return HttpResponse.json(scorecard(6, '客户服务中心'));
      }),
    );
    const { container } = renderApp('/kpi/scorecards');
    const user = userEvent.setup({ delay: null });

    const east = (await screen.findByRole('cell', { name: '华东营销部' }, { timeout: 15_000 })).closest('tr')!;
    expect(within(east).getByText('≥90 奖励')).toBeInTheDocument();
    expect(within(east).getByText('领导班子奖励 500 元')).toBeInTheDocument();

    const south = screen.getByRole('cell', { name: '华南营销部' }).closest('tr')!;
    expect(within(south).getByText('<80 扣减')).toBeInTheDocument();
    expect(within(south).getByText('低于合格线 4 分：主要领导扣 200 元，副职各扣 160 元')).toBeInTheDocument();
    expect(within(south).getByText('扣减 160 元', { exact: false })).toBeInTheDocument();
    expect(within(south).getByText('取消评先评优')).toBeInTheDocument();
    expect(within(south).getByText(/周杰/)).toBeInTheDocument();

    const north = screen.getByRole('cell', { name: '华北营销部' }).closest('tr')!;
    expect(within(north).getByText('80–90 合格')).toBeInTheDocument();
    expect(within(north).getByText('不奖不罚')).toBeInTheDocument();
    const service = screen.getByRole('cell', { name: '客户服务中心' }).closest('tr')!;
    expect(within(service).getByText('未评完')).toBeInTheDocument();

    // The chart: one bar per unit and the 80 / 90 lines.
    await waitFor(() => expect(container.querySelector('svg')).not.toBeNull());
    expect(await screen.findByText('奖励线 90')).toBeInTheDocument();
    expect(screen.getByText('合格线 80')).toBeInTheDocument();
    expect(years).toContain(String(new Date().getFullYear()));

    await user.click(within(service).getByRole('button', { name: /展开行|Expand row/ }));
    await user.type(await screen.findByRole('spinbutton', { name: '客户服务中心 服务质量' }), '13.5');
    await user.click(screen.getByRole('button', { name: /保存评分/ }));
    await waitFor(() => expect(puts).toEqual([{ items: { service: 13.5 } }]));
  }, 60_000);

  it('shows the server\'s error for an item beside that item\'s input', async () => {
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/kpi/scorecards/:year', () => HttpResponse.json([scorecard(6, '客户服务中心')])),
      http.put('*/api/v1/kpi/scorecards/:year/units/6', () =>
        HttpResponse.json({ status: 400, title: 'Validation', errors: { 'items.service': ['评分项“service”的得分须在 0 到 12 之间。'] } }, { status: 400 }),
      ),
    );
    renderApp('/kpi/scorecards');
    const user = userEvent.setup({ delay: null });
    const service = (await screen.findByRole('cell', { name: '客户服务中心' }, { timeout: 15_000 })).closest('tr')!;
    await user.click(within(service).getByRole('button', { name: /展开行|Expand row/ }));
    const input = await screen.findByRole('spinbutton', { name: '客户服务中心 服务质量' });
    await user.type(input, '13');
    await user.click(screen.getByRole('button', { name: /保存评分/ }));
    const message = await screen.findByText('评分项“service”的得分须在 0 到 12 之间。');
    expect(message.closest('.ant-form-item')).toContainElement(input);
  }, 60_000);

  it('the KPI menu follows the permissions', () => {
    expect(flat(visibleNavigation(meKpi))).toEqual(expect.arrayContaining(['/kpi/complaints', '/kpi/periods', '/kpi/scorecards', '/kpi/indicators']));
    expect(flat(visibleNavigation(meSales))).toEqual(expect.arrayContaining(['/kpi/complaints', '/kpi/indicators']));
    expect(flat(visibleNavigation(meSales))).not.toContain('/kpi/periods');
    expect(flat(visibleNavigation(meGm))).not.toContain('/kpi/scorecards');
  });
});

describe('account-manager indicators', () => {
  it('lists the indicators of the half year and downloads them as Excel with the bearer token', async () => {
    const queries: URLSearchParams[] = [];
    const exports: { auth: string | null; query: URLSearchParams }[] = [];
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    server.use(
      http.get('*/api/v1/kpi/indicators', ({ request }) => {
        const q = new URL(request.url).searchParams;
        queries.push(q);
        return HttpResponse.json({
          from: q.get('from'), to: q.get('to'),
          rows: [{
            staff: { id: 5, name: '张伟' }, unitId: 3, customers: 40, newCustomers: 6, lostCustomers: 2, spend: 1250000, purchaseMonths: 96,
            upgrades: 3, downgrades: 1, complaints: 1, customersAtStart: 36, keyCustomerSpend: 600000, keyCustomerSpendBefore: 500000,
            keyCustomerRevenueGrowth: 0.2, developmentRate: 0.1667, churnRate: 0.0556,
          }],
        });
      }),
      http.get('*/api/v1/kpi/indicators/export', ({ request }) => {
        exports.push({ auth: request.headers.get('Authorization'), query: new URL(request.url).searchParams });
        return new HttpResponse(new Uint8Array([80, 75, 3, 4]), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
      }),
    );
    renderApp('/kpi/indicators');
    const user = userEvent.setup({ delay: null });

    const row = (await screen.findByRole('cell', { name: '张伟' }, { timeout: 15_000 })).closest('tr')!;
    expect(within(row).getByText('1,250,000')).toBeInTheDocument();
    expect(within(row).getByText('20.00%')).toBeInTheDocument();
    expect(within(row).getByText('16.67%')).toBeInTheDocument();
    expect(within(row).getByText('5.56%')).toBeInTheDocument();
    const from = queries[0].get('from')!;
    expect(from).toMatch(/^\d{4}-(01|07)$/);

    await user.click(screen.getByRole('button', { name: /下载 Excel/ }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(exports[0].auth).toBe('Bearer access-1');
    expect(exports[0].query.get('format')).toBe('xlsx');
    expect(exports[0].query.get('from')).toBe(from);
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe(`indicators-${from}-${queries[0].get('to')}.xlsx`);
  }, 60_000);
});
