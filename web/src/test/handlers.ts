import { http, HttpResponse } from 'msw';
import { customerRow, meSales, problem } from './fixtures';

const paged = <T,>(items: T[], page = 1, pageSize = 20, total = items.length) => ({ items, page, pageSize, total, totalIsCapped: false });

/** What every test gets unless it overrides a route: a signed-in salesperson with a few customers. */
export const defaultHandlers = [
  http.get('*/api/v1/me', () => HttpResponse.json(meSales)),
  http.get('*/api/v1/customers', ({ request }) => {
    const url = new URL(request.url);
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    return HttpResponse.json(paged([customerRow(1), customerRow(2)], page, pageSize));
  }),
  http.get('*/api/v1/access/requests', () => HttpResponse.json(paged([]))),
  http.get('*/api/v1/access/grants', () => HttpResponse.json(paged([]))),
  http.get('*/api/v1/org/units', () =>
    HttpResponse.json([
      { id: 1, name: '示例集团有限公司', code: 'HQ', kind: 'Company', parentId: null, path: '/1/', depth: 0, isActive: true, version: 1 },
      { id: 3, name: '华东营销部', code: 'EAST', kind: 'Sales', parentId: 1, path: '/1/3/', depth: 1, isActive: true, version: 1 },
    ]),
  ),
  http.get('*/api/v1/org/staff', () => HttpResponse.json(paged([]))),
  http.get('*/api/v1/customers/:id/praises', () => HttpResponse.json(paged([]))),
  http.post('*/api/v1/auth/logout', () => new HttpResponse(null, { status: 204 })),
  http.post('*/api/v1/auth/refresh', () => HttpResponse.json(problem(401, '刷新令牌无效'), { status: 401 })),
];

export { paged };
