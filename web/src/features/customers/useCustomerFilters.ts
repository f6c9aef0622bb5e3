import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CustomerCategory, CustomerStatus } from '../../api/types';

/** The list's filters, sort and page live in the URL, so a filtered list is a link that can be shared or reloaded. */
export interface CustomerFilters {
  q?: string;
  grade?: string;
  status?: CustomerStatus;
  category?: CustomerCategory;
  ownerId?: number;
  unitId?: number;
  region?: string;
  tag?: string;
  archived?: boolean;
  sort?: string;
  page: number;
  pageSize: number;
}

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
const str = (v: string | null) => (v ? v : undefined);

/** The filters a list URL's search parameters hold (missing ones left out, page 1 and 20 a page by default). */
export function parseCustomerFilters(params: URLSearchParams): CustomerFilters {
  return {
    q: str(params.get('q')),
    grade: str(params.get('grade')),
    status: str(params.get('status')) as CustomerStatus | undefined,
    category: str(params.get('category')) as CustomerCategory | undefined,
    ownerId: num(params.get('ownerId')),
    unitId: num(params.get('unitId')),
    region: str(params.get('region')),
    tag: str(params.get('tag')),
    archived: params.get('archived') === 'true' ? true : undefined,
    sort: str(params.get('sort')),
    page: num(params.get('page')) ?? 1,
    pageSize: num(params.get('pageSize')) ?? 20,
  };
}

/** The GET /api/v1/customers parameters for the filters: the list and the prefetch after signing in ask the same. */
export const customerListParams = (filters: CustomerFilters) => ({ params: { query: { ...filters, archived: filters.archived ?? false } } });

export function useCustomerFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<CustomerFilters>(() => parseCustomerFilters(params), [params]);

  /** Changes some filters; any change other than the page itself goes back to page 1. */
  const update = useCallback(
    (patch: Partial<CustomerFilters>) => {
      const next: CustomerFilters = { ...filters, ...patch };
      if (!('page' in patch)) next.page = 1;
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === null || value === '' || value === false) continue;
        if (key === 'page' && value === 1) continue;
        if (key === 'pageSize' && value === 20) continue;
        search.set(key, String(value));
      }
      setParams(search);
    },
    [filters, setParams],
  );

  return { filters, update, reset: () => setParams(new URLSearchParams()) };
}
