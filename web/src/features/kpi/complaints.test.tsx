import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { customerDetail, problem } from '../../test/fixtures';
import { paged } from '../../test/handlers';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { complaint, meKpi } from './kpiFixtures';

/** The modal whose title is `title` (the drawer is a dialog too). */
const modal = async (title: string) => (await screen.findByText(title, { selector: '.ant-modal-title' })).closest<HTMLElement>('.ant-modal')!;
const moveButtons = () => within(screen.getByTestId('complaint-moves')).queryAllByRole('button').map((b) => b.textContent?.replace(/\s/g, ''));

describe('complaints on the customer page', () => {
  it('a salesperson registers a complaint and sees it, without any handling buttons', async () => {
    const posted: unknown[] = [];
    let list = [] as ReturnType<typeof complaint>[];
    server.use(
      http.get('*/api/v1/customers/42', () => HttpResponse.json(customerDetail(42))),
      http.get('*/api/v1/customers/42/complaints', () => HttpResponse.json(list)),
      http.post('*/api/v1/customers/42/complaints', async ({ request }) => {
        posted.push(await request.json());
        list = [complaint(7)];
        return HttpResponse.json(list[0], { status: 201 });
      }),
      http.get('*/api/v1/customers/42/complaints/7', () => HttpResponse.json(complaint(7))),
    );
    renderApp('/customers/42?tab=complaints');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: /登记投诉/ }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请填写投诉主题')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('投诉主题'), '交货延误两周');
    await user.type(within(dialog).getByLabelText('投诉内容'), '十月订单延误两周交货');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ subject: '交货延误两周', description: '十月订单延误两周交货' });
    // The new complaint opens; a salesperson (no complaints.manage) sees its state but no transitions.
    expect(await screen.findByText('投诉详情')).toBeInTheDocument();
    expect(await screen.findByTestId('complaint-moves')).toBeInTheDocument();
    expect(moveButtons()).toEqual([]);
    expect(screen.getAllByText('已受理').length).toBeGreaterThan(0);
  }, 60_000);

  it('offers only the moves allowed from the current state, asks for the fields a move needs, and shows a 409 with reload', async () => {
    let reads = 0;
    const moves: unknown[] = [];
    const replied = complaint(7, {
      status: 'Replied',
      substantiated: true,
      finding: '仓库排产失误',
      responsibleUnit: { id: 3, name: '华东营销部' },
      history: [
        { to: 'Received', note: null, at: '2026-11-20T02:00:00+00:00', by: { id: 5, name: '张伟' } },
        { from: 'Received', to: 'Investigating', note: '转技术部', at: '2026-11-20T03:00:00+00:00', by: { id: 3, name: '赵敏' } },
        { from: 'Investigating', to: 'Replied', note: '已电话答复', at: '2026-11-21T03:00:00+00:00', by: { id: 3, name: '赵敏' } },
      ],
    });
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/customers/42', () => HttpResponse.json(customerDetail(42))),
      http.get('*/api/v1/customers/42/complaints', () => HttpResponse.json([replied])),
      http.get('*/api/v1/customers/42/complaints/7', () => {
        reads += 1;
        return HttpResponse.json(reads <= 1 ? replied : { ...replied, status: 'Archived', allowed: [], archivedOn: '2026-11-22' });
      }),
      http.post('*/api/v1/customers/42/complaints/7/transitions', async ({ request }) => {
        moves.push(await request.json());
        return HttpResponse.json(
          problem(409, '投诉不能从“已归档”（Archived）转到“已归档”（Archived）；可转到：无。', { code: 'illegalTransition' }),
          { status: 409 },
        );
      }),
    );
    renderApp('/customers/42?tab=complaints');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: '交货延误两周' }, { timeout: 15_000 }));
    await screen.findByTestId('complaint-moves');
    expect(moveButtons()).toEqual(['客户不满意，退回处理', '客户满意，归档']);
    expect(screen.getByText('已电话答复')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '客户满意，归档' }));
    const dialog = await modal('客户满意，归档');
    // A substantiated complaint needs a corrective action and its review before archiving.
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('属实的投诉归档前须登记整改措施')).toBeInTheDocument();
    expect(within(dialog).getByText('请填写对整改措施的复查意见')).toBeInTheDocument();
    expect(moves).toEqual([]);
    await user.type(within(dialog).getByLabelText('整改措施'), '调整排产流程');
    await user.type(within(dialog).getByLabelText('复查意见'), '已落实');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));

    await waitFor(() => expect(moves).toEqual([{ to: 'Archived', note: null, substantiated: null, finding: null, responsibleUnitId: null, responsibleStaffId: null, correctiveAction: '调整排产流程', review: '已落实' }]));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('该投诉的状态已变化，此操作不再允许');
    expect(alert).toHaveTextContent('可转到：无');
    await user.click(within(alert).getByRole('button', { name: /重新加载/ }));
    await waitFor(() => expect(reads).toBe(2));
    expect(await screen.findByText('投诉已归档，处理结束。')).toBeInTheDocument();
    expect(moveButtons()).toEqual([]);
  }, 60_000);

  it('ending the investigation asks whether it holds, and a substantiated one for its responsible unit', async () => {
    const moves: Record<string, unknown>[] = [];
    const investigating = complaint(7, { status: 'Investigating' });
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/customers/42', () => HttpResponse.json(customerDetail(42))),
      http.get('*/api/v1/customers/42/complaints', () => HttpResponse.json([investigating])),
      http.get('*/api/v1/customers/42/complaints/7', () => HttpResponse.json(investigating)),
      http.post('*/api/v1/customers/42/complaints/7/transitions', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        moves.push(body);
        return HttpResponse.json(complaint(7, { status: 'Replied', substantiated: false, finding: String(body.finding) }));
      }),
    );
    renderApp('/customers/42?tab=complaints');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: '交货延误两周' }, { timeout: 15_000 }));
    await screen.findByTestId('complaint-moves');
    expect(moveButtons()).toEqual(['转返工整改', '答复客户']);
    await user.click(screen.getByRole('button', { name: '答复客户' }));
    const dialog = await modal('答复客户');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请认定投诉是否属实')).toBeInTheDocument();
    expect(within(dialog).getByText('请填写调查结论')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: '属实' }));
    expect((await within(dialog).findAllByText('责任单位')).length).toBeGreaterThan(0);
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('属实的投诉须指明责任单位')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: '不属实' }));
    await waitFor(() => expect(within(dialog).queryAllByText('责任单位')).toEqual([]));
    await user.type(within(dialog).getByLabelText('调查结论'), '客户自身原因，已解释');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(moves).toHaveLength(1));
    expect(moves[0]).toMatchObject({ to: 'Replied', substantiated: false, finding: '客户自身原因，已解释', responsibleUnitId: null });
  }, 60_000);
});

describe('company-wide complaints', () => {
  it('sends the filters and the page to the server', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meKpi)),
      http.get('*/api/v1/complaints', ({ request }) => {
        const q = new URL(request.url).searchParams;
        queries.push(q);
        return HttpResponse.json(paged([complaint(7), complaint(8, { subject: '包装破损', status: 'Archived', substantiated: true })], Number(q.get('page')), 20, 45));
      }),
    );
    renderApp('/kpi/complaints');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('包装破损', {}, { timeout: 15_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: '按状态筛选' }));
    await user.click(await screen.findByTitle('已归档'));
    await waitFor(() => expect(queries.at(-1)?.get('status')).toBe('Archived'));
    await waitFor(() => expect(document.querySelector('.ant-table .ant-spin-spinning')).toBeNull());
    await user.click(screen.getByRole('listitem', { name: '3' }));
    await waitFor(() => expect(queries.at(-1)?.get('page')).toBe('3'));
    expect(queries.at(-1)?.get('status')).toBe('Archived');
  }, 60_000);
});
