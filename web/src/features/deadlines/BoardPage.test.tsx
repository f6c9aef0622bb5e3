import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { meMarketing, obligation } from '../../test/fixtures';
import { paged } from '../../test/handlers';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { boardQuery } from './BoardPage';

const counts = (c: Partial<Record<'pending' | 'dueSoon' | 'overdue' | 'submitted' | 'metOnTime' | 'metLate', number>>) => ({
  pending: 0, dueSoon: 0, overdue: 0, submitted: 0, metOnTime: 0, metLate: 0, ...c,
});

const board = (overdueTotal: number) => ({
  asOf: '2026-11-23',
  dueSoonUntil: '2026-11-25',
  counts: counts({ pending: 7, dueSoon: 3, overdue: overdueTotal, submitted: 4, metOnTime: 11, metLate: 1 }),
  byKind: [
    { kind: 'Filing', counts: counts({ pending: 5, dueSoon: 2, overdue: overdueTotal - 1, submitted: 3, metOnTime: 9, metLate: 1 }) },
    { kind: 'ChangeReport', counts: counts({ pending: 2, dueSoon: 1, overdue: 1, submitted: 1, metOnTime: 2 }) },
  ],
  overdue: [
    obligation(1, { state: 'Overdue', workingDaysLeft: -2, customerId: 42, customerName: '上海华信贸易有限公司' }),
    obligation(2, { kind: 'ChangeReport', state: 'Overdue', workingDaysLeft: -1, customerId: 43, customerName: '南京恒通有限公司' }),
  ],
  dueSoon: [obligation(3, { customerId: 44, customerName: '杭州即将到期有限公司' })],
  metLate: [],
});

describe('deadline board', () => {
  it('reads counts and lists from GET /deadline-board and sends its filters (scope, unit, kind, list size)', async () => {
    const queries: URLSearchParams[] = [];
    const lists: URLSearchParams[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meMarketing)),
      http.get('*/api/v1/deadline-board', ({ request }) => {
        const q = new URL(request.url).searchParams;
        queries.push(q);
        return HttpResponse.json(board(q.get('unitId') ? 2 : 12));
      }),
      http.get('*/api/v1/obligations', ({ request }) => {
        lists.push(new URL(request.url).searchParams);
        return HttpResponse.json(paged([obligation(9, { state: 'Pending', workingDaysLeft: 4, customerName: '宁波未到期有限公司' })]));
      }),
    );
    renderApp('/deadlines/board');
    const user = userEvent.setup({ delay: null });

    // Counts per state, per kind, and the overdue list whose rows link to the customer.
    await waitFor(() => expect(screen.getByTestId('board-Overdue')).toHaveTextContent(/已逾期\s*12/), { timeout: 15_000 });
    expect(screen.getByTestId('board-DueSoon')).toHaveTextContent(/即将到期\s*3/);
    expect(screen.getByTestId('board-MetOnTime')).toHaveTextContent(/按时完成\s*11/);
    expect(screen.getByTestId('tab-overdue')).toHaveTextContent('已逾期 (12)');
    const byKind = screen.getByRole('table', { name: '按类型统计' });
    expect(within(byKind).getByRole('row', { name: /信息变更报告/ })).toHaveTextContent(/信息变更报告\s*1\s*1\s*0\s*2\s*1\s*2/);
    expect(screen.getByRole('link', { name: '南京恒通有限公司' })).toHaveAttribute('href', '/customers/43?tab=filings');
    expect(screen.getByText('逾期 2 个工作日')).toBeInTheDocument();
    expect(screen.getByText(/显示前 2 条，共 12 条/)).toBeInTheDocument();
    expect(screen.getByTestId('board-asof')).toHaveTextContent('2026-11-25');
    const first = queries[0];
    expect(first.get('listSize')).toBe('10');
    expect(first.has('mine')).toBe(false);
    expect(first.has('unitId')).toBe(false);

    // Mine.
    await user.click(screen.getByText('我的'));
    await waitFor(() => expect(queries.at(-1)?.get('mine')).toBe('true'));

    // A unit without its sub-units, one kind, 20 per list.
    await user.click(screen.getByText('指定单元'));
    await user.click(screen.getByRole('combobox', { name: '单元' }));
    await user.click(await screen.findByTitle('华东营销部'));
    await waitFor(() => expect(queries.at(-1)?.get('unitId')).toBe('3'));
    expect(queries.at(-1)?.get('includeSubUnits')).toBe('true');
    expect(queries.at(-1)?.has('mine')).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: /含下级/ }));
    await waitFor(() => expect(queries.at(-1)?.get('includeSubUnits')).toBe('false'));
    await user.click(screen.getByRole('combobox', { name: '类型' }));
    await user.click(await screen.findByTitle('客户备案'));
    await waitFor(() => expect(queries.at(-1)?.get('kind')).toBe('Filing'));
    await user.click(screen.getByRole('combobox', { name: '每个清单条数' }));
    await user.click(await screen.findByTitle('前 20 条'));
    await waitFor(() => expect(queries.at(-1)?.get('listSize')).toBe('20'));
    await waitFor(() => expect(screen.getByTestId('board-Overdue')).toHaveTextContent(/已逾期\s*2/));

    // Every deadline of the same scope, paged, with a state filter.
    await user.click(screen.getByRole('tab', { name: '全部期限' }));
    expect(await screen.findByText('宁波未到期有限公司')).toBeInTheDocument();
    const list = lists.at(-1)!;
    expect(list.get('unitId')).toBe('3');
    expect(list.get('includeSubUnits')).toBe('false');
    expect(list.get('kind')).toBe('Filing');
    expect(list.get('page')).toBe('1');
  }, 60_000);

  it('maps the scope to mine / staffId / unitId (+ includeSubUnits) and passes kind, due dates and list size', () => {
    const base = { includeSubUnits: true, listSize: 20, kind: 'ChangeReport' as const, dueFrom: '2026-11-01', dueTo: '2026-11-30' };
    expect(boardQuery({ ...base, scope: 'all', staffId: 5, unitId: 3 })).toEqual({
      mine: undefined, staffId: undefined, unitId: undefined, includeSubUnits: undefined, kind: 'ChangeReport', dueFrom: '2026-11-01', dueTo: '2026-11-30', listSize: 20,
    });
    expect(boardQuery({ ...base, scope: 'mine', staffId: 5 })).toMatchObject({ mine: true, staffId: undefined });
    expect(boardQuery({ ...base, scope: 'person', staffId: 5, unitId: 3 })).toMatchObject({ mine: undefined, staffId: 5, unitId: undefined });
    expect(boardQuery({ ...base, scope: 'unit', unitId: 3, includeSubUnits: false })).toMatchObject({ unitId: 3, includeSubUnits: false, staffId: undefined });
    expect(boardQuery({ ...base, scope: 'unit' })).toMatchObject({ unitId: undefined, includeSubUnits: undefined });
  });
});
