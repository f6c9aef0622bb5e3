import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { meMarketing, obligation } from '../../test/fixtures';
import { paged } from '../../test/handlers';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

describe('deadline board', () => {
  it('counts due soon / overdue / met late and sends the filters to the server', async () => {
    const lists: URLSearchParams[] = [];
    const totals: Record<string, number> = { DueSoon: 3, Overdue: 2, MetLate: 1 };
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meMarketing)),
      http.get('*/api/v1/obligations', ({ request }) => {
        const q = new URL(request.url).searchParams;
        if (q.get('pageSize') === '1') return HttpResponse.json(paged([], 1, 1, totals[q.get('state') ?? ''] ?? 0));
        lists.push(q);
        return HttpResponse.json(paged([obligation(1, { state: 'Overdue', workingDaysLeft: -2 }), obligation(2, { kind: 'ChangeReport', customerName: '南京恒通有限公司' })]));
      }),
    );
    renderApp('/deadlines/board');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('南京恒通有限公司', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText('逾期 2 个工作日')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('board-DueSoon')).toHaveTextContent(/即将到期\s*3/));
    expect(screen.getByTestId('board-Overdue')).toHaveTextContent(/已逾期\s*2/);
    expect(screen.getByTestId('board-MetLate')).toHaveTextContent(/逾期完成\s*1/);

    await user.click(screen.getByRole('combobox', { name: '类型' }));
    await user.click(await screen.findByTitle('客户备案'));
    await waitFor(() => expect(lists.at(-1)?.get('kind')).toBe('Filing'));

    await user.click(screen.getByTestId('board-Overdue'));
    await waitFor(() => expect(lists.at(-1)?.get('state')).toBe('Overdue'));
    expect(lists.at(-1)?.get('kind')).toBe('Filing');
    expect(lists.at(-1)?.get('includeSubUnits')).toBe('true');
    expect(lists.at(-1)?.get('page')).toBe('1');
  }, 60_000);
});
