import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { customerDetail, problem } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

describe('customer form', () => {
  it('shows the server\'s field errors (ProblemDetails errors, camelCase) on the fields', async () => {
    const bodies: Record<string, unknown>[] = [];
    server.use(http.post('*/api/v1/customers', async ({ request }) => {
      bodies.push((await request.json()) as Record<string, unknown>);
      return HttpResponse.json(
        problem(400, '请求参数无效。', { code: 'validation', errors: { creditCode: ['统一社会信用代码校验位错误。'], region: ['地区过长。'] } }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }));
    renderApp('/customers/new');
    const user = userEvent.setup({ delay: null });

    await user.type(await screen.findByLabelText('客户名称'), '杭州测试贸易有限公司');
    await user.type(screen.getByLabelText('统一社会信用代码'), '91330100MA2XXXXXX1');
    await user.type(screen.getByLabelText('地区'), '浙江');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    expect(await screen.findByText('统一社会信用代码校验位错误。')).toBeInTheDocument();
    expect(screen.getByText('地区过长。')).toBeInTheDocument();
    expect(screen.getByText('请检查标红的字段')).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({ name: '杭州测试贸易有限公司', creditCode: '91330100MA2XXXXXX1', region: '浙江', category: 'EndUser' });
    expect(bodies[0]).not.toHaveProperty('ownerId'); // a salesperson may not assign: ownership is left to the server
  });

  it('edits with If-Match and shows "已被他人修改" with a reload on 412', async () => {
    let version = 3;
    const ifMatch: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/customers/:id', () =>
        HttpResponse.json(customerDetail(42, { version, name: version === 3 ? '上海华信贸易有限公司' : '上海华信贸易（集团）有限公司' }), { headers: { ETag: `"${version}"` } }),
      ),
      http.put('*/api/v1/customers/:id', ({ request }) => {
        ifMatch.push(request.headers.get('If-Match'));
        version = 4; // someone else saved in between
        return HttpResponse.json(problem(412, '客户已被他人修改，请重新加载后再改。', { code: 'preconditionFailed' }), { status: 412 });
      }),
    );
    renderApp('/customers/42/edit');
    const user = userEvent.setup({ delay: null });

    const address = await screen.findByLabelText('地址');
    await waitFor(() => expect(address).toHaveValue('上海市浦东新区张江路 100 号'));
    await user.clear(address);
    await user.type(address, '上海市徐汇区漕溪北路 88 号');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    expect(await screen.findByText('已被他人修改')).toBeInTheDocument();
    expect(ifMatch).toEqual(['"3"']);

    await user.click(screen.getByRole('button', { name: /重新加载/ }));
    await waitFor(() => expect(screen.getByLabelText('客户名称')).toHaveValue('上海华信贸易（集团）有限公司'));
  });

  it('a customer the person may not see shows the not-found view, from which access can be requested', async () => {
    const requests: unknown[] = [];
    server.use(
      http.get('*/api/v1/customers/:id', () => HttpResponse.json(problem(404, '客户不存在。'), { status: 404 })),
      http.post('*/api/v1/access/requests', async ({ request }) => {
        requests.push(await request.json());
        return HttpResponse.json({ id: 1, approver: { id: 1, name: '王建国' } }, { status: 201 });
      }),
    );
    renderApp('/customers/77');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('客户不存在或无权查阅')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '申请查阅' }));
    await user.type(await screen.findByLabelText('查阅理由'), '联合投标需要了解采购情况');
    await user.click(screen.getByRole('button', { name: '提交申请' }));

    expect(await screen.findByText('查阅申请已提交，审批人：王建国')).toBeInTheDocument();
    expect(requests).toEqual([{ customerId: 77, reason: '联合投标需要了解采购情况', days: 3 }]);
  });
});
