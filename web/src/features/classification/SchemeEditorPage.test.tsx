import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { meMarketing, problem } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/server';
import { toNamePath } from './SchemeEditorPage';

const scheme = {
  code: 'logistics',
  version: 2,
  name: '物流客户分级',
  description: null,
  effectiveFrom: '2026-01-01',
  comment: null,
  createdAt: '2026-01-01T00:00:00+00:00',
  createdBy: null,
  grades: [
    { code: 'A', name: '关键', order: 1 },
    { code: 'B', name: '普通', order: 2 },
    { code: 'C', name: '一般', order: 3 },
    { code: 'D', name: '潜在', order: 4 },
  ],
  rules: [{ id: 'big', name: '年订货额 ≥ 200 万', grade: 'A', match: 'All', conditions: [{ field: 'annualOrderAmount', operator: 'Gte', values: ['abc'] }] }],
  defaultGrade: 'C',
  score: null,
};

describe('grading scheme editor', () => {
  it('maps JSON paths to form name paths', () => {
    expect(toNamePath('rules[2].conditions[0].field')).toEqual(['rules', 2, 'conditions', 0, 'field']);
    expect(toNamePath('score.bands[1]')).toEqual(['score', 'bands', 1]);
    expect(toNamePath('name')).toEqual(['name']);
  }, 60_000);

  it('revises with If-Match and shows the server\'s 400 errors on the fields they name', async () => {
    const sent: { ifMatch: string | null; body: Record<string, unknown> }[] = [];
    server.use(
      http.get('*/api/v1/me', () => HttpResponse.json(meMarketing)),
      http.get('*/api/v1/grading/fields', () =>
        HttpResponse.json([{ name: 'annualOrderAmount', label: '年订货额', type: 'Number', values: [], operators: ['Gte', 'Gt', 'Lte', 'Lt', 'Between'] }]),
      ),
      http.get('*/api/v1/grading/schemes', () =>
        HttpResponse.json([{ code: 'logistics', name: '物流客户分级', versions: 2, isDefault: true, latest: { version: 2, name: '物流客户分级', effectiveFrom: '2026-01-01', createdAt: '2026-01-01T00:00:00+00:00', inForce: true } }]),
      ),
      http.get('*/api/v1/grading/schemes/logistics', () => HttpResponse.json(scheme, { headers: { ETag: '"2"' } })),
      http.put('*/api/v1/grading/schemes/logistics', async ({ request }) => {
        sent.push({ ifMatch: request.headers.get('If-Match'), body: (await request.json()) as Record<string, unknown> });
        return HttpResponse.json(
          problem(400, '请求参数无效。', {
            code: 'validation',
            errors: { 'rules[0].conditions[0].values': ['“abc” 不是数字。'], 'grades[3]': ['没有规则、分档或默认等级能产生等级 D。'] },
          }),
          { status: 400 },
        );
      }),
    );
    renderApp('/classification/schemes/logistics');
    const user = userEvent.setup({ delay: null });

    const name = await screen.findByLabelText('名称', { selector: '#scheme_name' });
    await waitFor(() => expect(name).toHaveValue('物流客户分级'));
    await user.click(screen.getByRole('button', { name: /保存为新版本/ }));

    expect(await screen.findByText('方案有误，请检查标红的字段')).toBeInTheDocument();
    const fieldErrors = await screen.findAllByText('“abc” 不是数字。');
    expect(fieldErrors.some((e) => e.closest('.ant-form-item-explain-error'))).toBe(true);
    expect(screen.getAllByText('没有规则、分档或默认等级能产生等级 D。').some((e) => e.getAttribute('role') === 'alert')).toBe(true);
    expect(sent[0].ifMatch).toBe('"2"');
    expect(sent[0].body).toMatchObject({ name: '物流客户分级', defaultGrade: 'C', rules: [{ id: 'big', conditions: [{ field: 'annualOrderAmount', values: ['abc'] }] }], score: null });
  }, 60_000);
});
