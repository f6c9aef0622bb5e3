import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { vi } from 'vitest';
import { meAdmin, meGm, meMarketing } from '../../test/fixtures';
import { paged } from '../../test/handlers';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { templateCsv } from './templates';

const meIntegration = { ...meAdmin, permissions: [...meAdmin.permissions, 'integration.clients', 'integration.webhooks'] };

/** The open dialog with this title (antd names its dialogs by an id that jsdom does not resolve to a name). */
const findDialog = (title: string) =>
  waitFor(() => {
    const dialog = screen.getAllByRole('dialog').find((d) => within(d).queryByText(title));
    if (!dialog) throw new Error(`no dialog "${title}"`);
    return dialog;
  });

/** Saved files: the anchor clicks of saveBlob (jsdom cannot navigate to a blob: URL). */
function captureDownloads() {
  const saved: string[] = [];
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:test'), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return saved;
}

const exportJob = (status: string, done: number) => ({
  id: 31, status, format: 'Xlsx', direct: false, total: 12000, done, percent: Math.floor((done / 12000) * 100),
  fileName: '客户清单-20261123-0930.xlsx', createdAt: '2026-11-23T01:30:00+00:00', finishedAt: status === 'Succeeded' ? '2026-11-23T01:31:00+00:00' : null, error: null,
});

const importJob = (status: string, done: number, failed = 0) => ({
  id: 12, kind: 'Facts', format: 'Csv', mode: 'BestEffort', status, fileName: '十月经营数据.csv', total: 3, done,
  percent: status === 'Running' ? Math.floor((done / 3) * 100) : 100, etaSeconds: status === 'Running' ? 4 : null,
  created: status === 'Running' ? 0 : 2, updated: 0, failed, error: null,
  createdAt: '2026-11-23T02:00:00+00:00', startedAt: '2026-11-23T02:00:01+00:00', finishedAt: status === 'Running' ? null : '2026-11-23T02:00:09+00:00',
});

const apiClient = (overrides = {}) => ({
  id: 4, name: 'ERP 系统', clientId: 'crm_erp01', scopes: ['customers:read', 'facts:write'], dataScope: 'All', unitId: 1, unitName: '示例集团有限公司',
  staffId: 77, roleId: 12, isEnabled: true, createdAt: '2026-11-23T01:00:00+00:00', secretRotatedAt: '2026-11-23T01:00:00+00:00', lastUsedAt: null, version: 1,
  ...overrides,
});

describe('customer export', () => {
  it('downloads the filtered list with the bearer token, and falls back to an export job with progress when it is too large', async () => {
    const saved = captureDownloads();
    const direct: { query: URLSearchParams; auth: string | null }[] = [];
    const started: unknown[] = [];
    let polls = 0;
    let fileAuth: string | null = null;
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meGm)),
      http.get('*/api/v1/customers/export', ({ request }) => {
        const query = new URL(request.url).searchParams;
        direct.push({ query, auth: request.headers.get('Authorization') });
        if (query.get('format') === 'csv')
          return new HttpResponse('\uFEFF客户编码,客户名称\r\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': "attachment; filename=\"x.csv\"; filename*=UTF-8''%E5%AE%A2%E6%88%B7%E6%B8%85%E5%8D%95-20261123-0930.csv" } });
        return HttpResponse.json({ status: 409, code: 'exportTooLargeForDirectDownload', detail: '超过 5000 行，请使用导出任务' }, { status: 409 });
      }),
      http.post('*/api/v1/customers/exports', async ({ request }) => {
        started.push(await request.json());
        return HttpResponse.json(exportJob('Queued', 0), { status: 202 });
      }),
      http.get('*/api/v1/customers/exports/31', () => {
        polls += 1;
        return HttpResponse.json(polls === 1 ? exportJob('Running', 6000) : exportJob('Succeeded', 12000));
      }),
      http.get('*/api/v1/customers/exports/31/file', ({ request }) => {
        fileAuth = request.headers.get('Authorization');
        return new HttpResponse('xlsx', { headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="export-31.xlsx"' } });
      }),
    );
    renderApp('/customers?grade=A&unitId=3');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: /导\s*出/ }, { timeout: 15_000 }));
    await user.click(await screen.findByText('导出 CSV'));
    await waitFor(() => expect(saved).toEqual(['客户清单-20261123-0930.csv']));
    expect(direct[0].query.get('grade')).toBe('A');
    expect(direct[0].query.get('unitId')).toBe('3');
    expect(direct[0].query.get('archived')).toBe('false');
    expect(direct[0].query.has('page')).toBe(false);
    expect(direct[0].auth).toMatch(/^Bearer /);

    await user.click(screen.getByRole('button', { name: /导\s*出/ }));
    await user.click(await screen.findByText('导出 Excel（XLSX）'));
    await waitFor(() => expect(started).toEqual([{ format: 'xlsx', grade: 'A', unitId: 3, archived: false }]));
    const dialog = await findDialog('导出任务 #31');
    expect(await within(dialog).findByText('已导出 6000 / 12000 条')).toBeInTheDocument();
    await waitFor(() => expect(saved).toEqual(['客户清单-20261123-0930.csv', 'export-31.xlsx']), { timeout: 5000 });
    expect(fileAuth).toMatch(/^Bearer /);
    expect(within(dialog).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  }, 60_000);

  it('lists my exports; a finished job\'s file downloads again, a direct download has none', async () => {
    const saved = captureDownloads();
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meGm)),
      http.get('*/api/v1/customers/exports', () =>
        HttpResponse.json([exportJob('Succeeded', 12000), { ...exportJob('Succeeded', 20), id: 30, direct: true, total: 20, fileName: '客户清单-20261123-0900.csv', format: 'Csv' }]),
      ),
      http.get('*/api/v1/customers/exports/31/file', () => new HttpResponse('xlsx', { headers: { 'Content-Disposition': 'attachment; filename="export-31.xlsx"' } })),
    );
    renderApp('/integration/exports');
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText('客户清单-20261123-0900.csv', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /0900/ })).toHaveTextContent('直接下载');
    expect(screen.getAllByRole('button', { name: /下载文件/ })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: '下载文件 客户清单-20261123-0930.xlsx' }));
    await waitFor(() => expect(saved).toEqual(['export-31.xlsx']));
  }, 30_000);

  it('hides the export button without customers.export', async () => {
    renderApp('/customers');
    expect(await screen.findByText('上海华信贸易有限公司1', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /导\s*出/ })).not.toBeInTheDocument();
  }, 30_000);
});

describe('bulk import', () => {
  it('shows a running import with its progress (polled), then the counts and the row errors, downloadable as CSV', async () => {
    const saved = captureDownloads();
    let reads = 0;
    const errorQueries: URLSearchParams[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meMarketing)),
      http.get('*/api/v1/imports/12', () => {
        reads += 1;
        return HttpResponse.json(reads === 1 ? importJob('Running', 1) : importJob('PartiallySucceeded', 3, 1));
      }),
      http.get('*/api/v1/imports/12/errors', ({ request }) => {
        const q = new URL(request.url).searchParams;
        errorQueries.push(q);
        if (q.get('format') === 'csv') return new HttpResponse('\uFEFF行号,字段,列名,错误信息\r\n3,month,月份,月份格式无效\r\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="import-12-errors.csv"' } });
        return HttpResponse.json(paged([{ row: 3, field: 'month', message: '月份格式无效，应为 yyyy-MM' }]));
      }),
    );
    renderApp('/integration/imports/12');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText(/已处理 1 \/ 3 行/, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(/预计还需 4 秒/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '33');
    expect(screen.queryByText('错误明细')).not.toBeInTheDocument();

    expect(await screen.findByText('月份格式无效，应为 yyyy-MM')).toBeInTheDocument();
    expect(screen.getByText('部分成功')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    const row = screen.getByRole('row', { name: /月份格式无效/ });
    expect(row).toHaveTextContent(/3\s*month/);
    expect(errorQueries[0].get('page')).toBe('1');

    await user.click(screen.getByRole('button', { name: /下载错误报告（CSV）/ }));
    await waitFor(() => expect(saved).toEqual(['import-12-errors.csv']));
    expect(errorQueries.at(-1)?.get('format')).toBe('csv');
  }, 60_000);

  it('uploads the chosen file with kind and mode, then opens the import; the template has the documented header', async () => {
    let upload: { kind: string | null; mode: string | null; file: boolean } | undefined;
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meMarketing)),
      http.get('*/api/v1/imports', () => HttpResponse.json([importJob('Succeeded', 3)])),
      http.post('*/api/v1/imports', async ({ request }) => {
        const form = await request.formData();
        const file = form.get('file');
        upload = { kind: form.get('kind') as string | null, mode: form.get('mode') as string | null, file: typeof file === 'object' && file !== null };
        return HttpResponse.json(importJob('Succeeded', 3), { status: 201 });
      }),
      http.get('*/api/v1/imports/12', () => HttpResponse.json(importJob('Succeeded', 3))),
      http.get('*/api/v1/imports/12/errors', () => HttpResponse.json(paged([]))),
    );
    renderApp('/integration/imports');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByRole('link', { name: '十月经营数据.csv' }, { timeout: 15_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /开始导入/ }));
    expect(await screen.findByText('请选择要导入的文件')).toBeInTheDocument();
    expect(upload).toBeUndefined();

    await user.click(screen.getByRole('radio', { name: '月度经营数据' }));
    await user.click(screen.getByRole('radio', { name: /全部成功才导入/ }));
    await user.upload(screen.getByLabelText('文件'), new File(['客户ID,月份\n1,2026-10\n'], 'facts.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: /开始导入/ }));
    expect(await screen.findByRole('heading', { name: /导入 #12/ })).toBeInTheDocument();
    expect(upload).toEqual({ kind: 'facts', mode: 'allOrNothing', file: true });
    expect(await screen.findByText('没有错误行')).toBeInTheDocument();

    expect(templateCsv('Facts').split('\r\n')[0]).toBe('\uFEFF客户ID,外部编号,统一社会信用代码,月份,订单金额,销量,计量单位,利润贡献,逾期天数,按时回款比例,采购份额,转介绍数,不良信用,来源');
    expect(templateCsv('Customers').split('\r\n')[0]).toContain('客户名称,统一社会信用代码,企业性质');
  }, 60_000);
});

describe('API clients', () => {
  it('creates a client and shows its secret once, with a copy button; the list never shows it', async () => {
    let created: unknown;
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meIntegration)),
      http.get('*/api/v1/integration/clients', () => HttpResponse.json(paged(created ? [apiClient()] : [], 1, 20, created ? 1 : 0))),
      http.get('*/api/v1/integration/scopes', () =>
        HttpResponse.json([
          { scope: 'customers:read', description: '读取客户', permissions: ['customers.read'] },
          { scope: 'facts:write', description: '写入经营数据', permissions: ['customers.write'] },
        ]),
      ),
      http.post('*/api/v1/integration/clients', async ({ request }) => {
        created = await request.json();
        return HttpResponse.json({ client: apiClient(), clientSecret: 'crs_SECRET_ONCE_123' }, { status: 201 });
      }),
    );
    renderApp('/integration/clients');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: /新建客户端/ }, { timeout: 15_000 }));
    const form = await findDialog('新建客户端');
    await user.click(within(form).getByRole('button', { name: /新\s*建/ }));
    expect(await within(form).findByText('请填写名称')).toBeInTheDocument();
    expect(created).toBeUndefined();

    await user.type(within(form).getByLabelText('名称'), 'ERP 系统');
    await user.click(within(form).getByLabelText('授权范围'));
    await user.click(await screen.findByTitle('customers:read — 读取客户'));
    await user.click(await screen.findByTitle('facts:write — 写入经营数据'));
    await user.click(within(form).getByRole('button', { name: /新\s*建/ }));

    const secret = await findDialog('客户端密钥（仅显示这一次）');
    expect(created).toEqual({ name: 'ERP 系统', scopes: ['customers:read', 'facts:write'], dataScope: 'All', unitId: null });
    expect(within(secret).getByTestId('one-time-secret')).toHaveValue('crs_SECRET_ONCE_123');
    expect(within(secret).getByText(/关闭后无法再次查看/)).toBeInTheDocument();
    expect(within(secret).getByText('crm_erp01')).toBeInTheDocument();
    await user.click(within(secret).getByRole('button', { name: '复制 客户端密钥' }));
    expect(await screen.findByText('已复制')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('crs_SECRET_ONCE_123'); // user-event's clipboard
    await user.click(within(secret).getByRole('button', { name: /我已保存，关闭/ }));

    await waitFor(() => expect(screen.queryByTestId('one-time-secret')).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: 'ERP 系统' })).toBeInTheDocument();
    expect(screen.queryByText('crs_SECRET_ONCE_123')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('crs_SECRET_ONCE_123');
  }, 60_000);

  it('shows server field errors on the fields', async () => {
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meIntegration)),
      http.get('*/api/v1/integration/clients', () => HttpResponse.json(paged([], 1, 20, 0))),
      http.get('*/api/v1/integration/scopes', () => HttpResponse.json([{ scope: 'customers:read', description: '读取客户', permissions: ['customers.read'] }])),
      http.post('*/api/v1/integration/clients', () =>
        HttpResponse.json({ status: 400, title: 'Validation', errors: { name: ['名称已被其他客户端使用'] } }, { status: 400 }),
      ),
    );
    renderApp('/integration/clients');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /新建客户端/ }, { timeout: 15_000 }));
    const form = await findDialog('新建客户端');
    await user.type(within(form).getByLabelText('名称'), 'ERP 系统');
    await user.click(within(form).getByLabelText('授权范围'));
    await user.click(await screen.findByTitle('customers:read — 读取客户'));
    await user.click(within(form).getByRole('button', { name: /新\s*建/ }));
    expect(await within(form).findByText('名称已被其他客户端使用')).toBeInTheDocument();
    expect(screen.queryByTestId('one-time-secret')).not.toBeInTheDocument();
  }, 60_000);

  it('is refused without integration.clients', async () => {
    server.use(http.get('*/api/v1/me', () => HttpResponse.json(meAdmin)));
    renderApp('/integration/clients');
    expect(await screen.findByText('无权访问', {}, { timeout: 15_000 })).toBeInTheDocument();
  }, 30_000);
});

describe('webhooks', () => {
  it('lists a subscription\'s deliveries (paged, status filter) and redelivers one', async () => {
    const redelivered: string[] = [];
    const queries: URLSearchParams[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meIntegration)),
      http.get('*/api/v1/webhooks/subscriptions/5', () =>
        HttpResponse.json({ id: 5, url: 'https://erp.example.com/crm-events', eventTypes: ['customer.created'], description: 'ERP', isActive: true, createdAt: '2026-11-23T01:00:00+00:00' }),
      ),
      http.get('*/api/v1/webhooks/subscriptions/5/deliveries', ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json(
          paged([
            {
              id: 88, subscriptionId: 5, eventId: '0b6f7a2e-4f7e-4a52-9c1e-2f1f1e0d9a11', eventType: 'customer.created', occurredAt: '2026-11-23T01:05:00+00:00',
              status: 'Failed', attempts: 8, nextAttemptAt: null, lastStatusCode: 500, lastError: '服务器错误', lastAttemptAt: '2026-11-23T03:05:00+00:00', deliveredAt: null,
            },
          ], 1, 20, 41),
        );
      }),
      http.post('*/api/v1/webhooks/subscriptions/5/deliveries/:deliveryId/redeliver', ({ params }) => {
        redelivered.push(String(params.deliveryId));
        return HttpResponse.json({}, { status: 202 });
      }),
    );
    renderApp('/integration/webhooks/5');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByRole('heading', { name: /投递记录：https:\/\/erp.example.com\/crm-events/ }, { timeout: 15_000 })).toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /customer.created/ });
    expect(row).toHaveTextContent('失败');
    expect(row).toHaveTextContent('HTTP 500 · 服务器错误');
    expect(row).toHaveTextContent('失败8HTTP 500');
    expect(screen.getByTitle('3')).toBeInTheDocument(); // 41 deliveries, 20 a page

    await user.click(within(row).getByRole('button', { name: /重新投递/ }));
    await waitFor(() => expect(redelivered).toEqual(['88']));
    expect(await screen.findByText('已安排立即重新投递')).toBeInTheDocument();
    await waitFor(() => expect(queries.length).toBeGreaterThan(1)); // the log is read again

    await user.click(screen.getByRole('combobox', { name: '状态' }));
    await user.click(await screen.findByTitle('失败'));
    await waitFor(() => expect(queries.at(-1)?.get('status')).toBe('Failed'));
  }, 60_000);
});
