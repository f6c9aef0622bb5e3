import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { vi } from 'vitest';
import { meMarketing } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { entry, ledger, meKpi, period } from './kpiFixtures';

describe('month-end KPI period', () => {
  it('runs the month (showing the counts), closes it after a confirmation, and then offers no more run, close or removal', async () => {
    let status: 'Open' | 'Closed' = 'Open';
    let runs = 1;
    const calls: string[] = [];
    const current = () =>
      ledger(
        period('2026-10', { status, runs, ...(status === 'Closed' ? { closedAt: '2026-11-03T02:00:00+00:00', closedBy: { id: 3, name: '赵敏' } } : {}) }),
        [
          entry(1),
          entry(2, { staff: undefined, rule: 'customerLost', points: -5, evidence: ['customer:8,complaint:3'] }),
          entry(3, { kind: 'Adjustment', rule: 'adjustment', points: 1, amount: 100, evidence: [], reason: '备案系统故障，酌情返还', approvedBy: { id: 1, name: '王建国' } }),
        ],
      );
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/kpi/periods/2026-10', () => HttpResponse.json(current())),
      http.post('*/api/v1/kpi/periods/2026-10/run', () => {
        calls.push('run');
        runs += 1;
        return HttpResponse.json(period('2026-10', { runs, entries: 3, points: -6, amount: 100 }));
      }),
      http.post('*/api/v1/kpi/periods/2026-10/close', () => {
        calls.push('close');
        status = 'Closed';
        return HttpResponse.json(current().period);
      }),
    );
    renderApp('/kpi/periods/2026-10');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('备案系统故障，酌情返还', { exact: false }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '客户 #8' })).toHaveAttribute('href', '/customers/8');
    expect(screen.getByText('备案义务 #12')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '删除调整' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /重新计算/ }));
    const done = await screen.findByText(/2026-10 月度考核已完成：共 3 条记录，合计 -6 分、100 元（第 2 次计算）/);
    await user.click(within(done.closest('.ant-modal') as HTMLElement).getByRole('button', { name: /OK|知道了|确\s*定/ }));

    await user.click(screen.getByRole('button', { name: /关\s*账/ }));
    expect(await screen.findByText(/关账后本月考核不能再重算/)).toBeInTheDocument();
    expect(calls).toEqual(['run']);
    await user.click(within(document.querySelector('.ant-popconfirm') as HTMLElement).getByRole('button', { name: /确\s*定/ }));

    await waitFor(() => expect(calls).toEqual(['run', 'close']));
    expect(await screen.findByText(/本月已于 .* 由 赵敏 关账/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /重新计算/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /关\s*账/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '删除调整' })).not.toBeInTheDocument();
    // Corrections stay possible beside a closed ledger.
    expect(screen.getByRole('button', { name: /登记调整/ })).toBeInTheDocument();
  }, 60_000);

  it('downloads the ledger with the bearer token, with the filters, and saves the file under the server\'s name', async () => {
    const seen: { auth: string | null; query: URLSearchParams }[] = [];
    const create = vi.fn((blob: Blob) => { void blob; return 'blob:kpi'; });
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/kpi/periods/2026-10', () => HttpResponse.json(ledger(period('2026-10'), [entry(1)]))),
      http.get('*/api/v1/kpi/periods/2026-10/export', ({ request }) => {
        seen.push({ auth: request.headers.get('Authorization'), query: new URL(request.url).searchParams });
        return new HttpResponse('\uFEFF月份,单位\n2026-10,华东营销部\n', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': "attachment; filename=kpi.csv; filename*=UTF-8''%E8%80%83%E6%A0%B8-2026-10.csv" },
        });
      }),
    );
    renderApp('/kpi/periods/2026-10');
    const user = userEvent.setup({ delay: null });

    await screen.findByText('备案义务 #12', {}, { timeout: 15_000 });
    await user.click(screen.getByRole('combobox', { name: '按类型筛选' }));
    await user.click(await screen.findByTitle('人工调整'));
    await user.click(screen.getByRole('button', { name: /下载 CSV/ }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(seen).toHaveLength(1);
    expect(seen[0].auth).toBe('Bearer access-1');
    expect(seen[0].query.get('format')).toBe('csv');
    expect(seen[0].query.get('kind')).toBe('Adjustment');
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0][0]).toMatchObject({ type: 'text/csv' });
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('考核-2026-10.csv');
    expect(await screen.findByText('已下载 考核-2026-10.csv')).toBeInTheDocument();
  }, 60_000);

  it('pages the ledger on the server and starts again at page one when a filter changes', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/kpi/periods/2026-10', ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push(query);
        const page = Number(query.get('page') ?? 1);
        const pageSize = Number(query.get('pageSize') ?? 20);
        const items = Array.from({ length: page === 3 ? 5 : pageSize }, (_, i) => entry((page - 1) * pageSize + i + 1, { reason: `第 ${page} 页第 ${i + 1} 条` }));
        return HttpResponse.json(ledger(period('2026-10', { entries: 45 }), items, { page, pageSize, total: 45 }));
      }),
    );
    renderApp('/kpi/periods/2026-10');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('第 1 页第 1 条', { exact: false }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText('共 45 条')).toBeInTheDocument();
    await user.click(screen.getByRole('listitem', { name: '3' }));
    expect(await screen.findByText('第 3 页第 5 条', { exact: false })).toBeInTheDocument();
    expect(asked.at(-1)?.get('page')).toBe('3');
    expect(asked.at(-1)?.get('pageSize')).toBe('20');

    await user.click(screen.getByRole('combobox', { name: '按类型筛选' }));
    await user.click(await screen.findByTitle('人工调整'));
    await waitFor(() => expect(asked.at(-1)?.get('kind')).toBe('Adjustment'));
    expect(asked.at(-1)?.get('page')).toBe('1');
  }, 60_000);

  it('kpi.manage for one unit tree reads the ledger and corrects it but is offered no run or close, which cover the company', async () => {
    const unitKeeper = { ...meKpi, permissionScopes: { ...meKpi.permissionScopes, 'kpi.manage': 'UnitSubtree' as const } };
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(unitKeeper)),
      http.get('*/api/v1/kpi/periods/2026-10', () => HttpResponse.json(ledger(period('2026-10'), [entry(1)]))),
      http.get('*/api/v1/kpi/periods', () => HttpResponse.json([period('2026-10')])),
    );
    const { unmount } = renderApp('/kpi/periods/2026-10');
    expect(await screen.findByRole('button', { name: /登记调整/ }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /重新计算/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /关\s*账/ })).not.toBeInTheDocument();
    unmount();

    renderApp('/kpi/periods');
    expect(await screen.findByRole('link', { name: '2026-10' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /月末考核/ })).not.toBeInTheDocument();
  }, 60_000);

  it('a month not run yet offers the run; without kpi.manage the page is refused', async () => {
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/kpi/periods/2026-09', () => HttpResponse.json({ type: 'about:blank', title: 'Not Found', status: 404, detail: '考核期间不存在。' }, { status: 404 })),
    );
    const { unmount } = renderApp('/kpi/periods/2026-09');
    expect(await screen.findByText('2026-09 尚未进行月度考核', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /月末考核/ })).toBeInTheDocument();
    unmount();

    server.use(http.get('*/api/v1/me', () => HttpResponse.json(meMarketing)));
    renderApp('/kpi/periods/2026-09');
    expect(await screen.findByText('无权访问', {}, { timeout: 15_000 })).toBeInTheDocument();
  }, 60_000);
});
