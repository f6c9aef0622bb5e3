import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { customerRow } from '../../test/fixtures';
import { paged } from '../../test/handlers';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';

/** Records the query strings the list asks the server for. */
function recordListRequests(total = 45, capped = false) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get('*/api/v1/customers', ({ request }) => {
      const params = new URL(request.url).searchParams;
      queries.push(params);
      const page = Number(params.get('page') ?? 1);
      const pageSize = Number(params.get('pageSize') ?? 20);
      const rows = Array.from({ length: Math.min(pageSize, Math.max(0, total - (page - 1) * pageSize)) }, (_, i) => customerRow((page - 1) * pageSize + i + 1));
      return HttpResponse.json({ ...paged(rows, page, pageSize, Math.min(total, 10000)), totalIsCapped: capped });
    }),
  );
  return queries;
}

describe('customer list', () => {
  it('asks the server for page 1 of 20 and shows the total', async () => {
    const queries = recordListRequests(45);
    renderApp('/customers');

    expect(await screen.findByText('上海华信贸易有限公司1')).toBeInTheDocument();
    expect(screen.getByText('共 45 条')).toBeInTheDocument();
    expect(queries[0].get('page')).toBe('1');
    expect(queries[0].get('pageSize')).toBe('20');
    expect(queries[0].get('archived')).toBe('false');
  });

  it('pages on the server', async () => {
    const queries = recordListRequests(45);
    renderApp('/customers');
    await screen.findByText('上海华信贸易有限公司1');

    await userEvent.setup({ delay: null }).click(screen.getByTitle('2'));

    expect(await screen.findByText('上海华信贸易有限公司21')).toBeInTheDocument();
    expect(queries.at(-1)!.get('page')).toBe('2');
  });

  it('searches a Chinese substring and filters by grade on the server, back on page 1', async () => {
    const queries = recordListRequests(45);
    renderApp('/customers?page=2');
    await screen.findByText('上海华信贸易有限公司21');
    const user = userEvent.setup({ delay: null });

    await user.type(screen.getByRole('searchbox', { name: '搜索' }), '华信{Enter}');
    await waitFor(() => expect(queries.at(-1)!.get('q')).toBe('华信'));
    expect(queries.at(-1)!.get('page')).toBe('1');

    await user.click(screen.getByRole('combobox', { name: '客户等级' }));
    await user.click(await screen.findByTitle('B'));
    await waitFor(() => expect(queries.at(-1)!.get('grade')).toBe('B'));
    expect(queries.at(-1)!.get('q')).toBe('华信');
  });

  it('sorts on the server when a column header is clicked', async () => {
    const queries = recordListRequests(5);
    renderApp('/customers');
    await screen.findByText('上海华信贸易有限公司1');

    await userEvent.setup({ delay: null }).click(within(screen.getByRole('columnheader', { name: /客户名称/ })).getAllByText('客户名称')[0]);

    await waitFor(() => expect(queries.at(-1)!.get('sort')).toBe('name'));
  });

  it('says when the count is capped at 10,000', async () => {
    recordListRequests(20000, true);
    renderApp('/customers');
    expect(await screen.findByText('超过 10000 条，请缩小筛选范围')).toBeInTheDocument();
  });

  it('shows an empty state that leads to the lookup when a search finds nothing', async () => {
    recordListRequests(0);
    renderApp('/customers?q=%E5%8D%8E%E5%AE%87');
    const link = await screen.findByRole('link', { name: /找不到客户/ });
    expect(link).toHaveAttribute('href', '/access/lookup?name=%E5%8D%8E%E5%AE%87');
  });

  it('shows an error with a retry when the server fails', async () => {
    server.use(http.get('*/api/v1/customers', () => HttpResponse.json({ status: 503, title: '服务繁忙', detail: '数据库繁忙，请稍后重试。' }, { status: 503 })));
    renderApp('/customers');
    expect(await screen.findByText('数据库繁忙，请稍后重试。', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeInTheDocument();
  });
});
