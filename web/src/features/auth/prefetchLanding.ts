import type { QueryClient } from '@tanstack/react-query';
import { $api } from '../../api/client';
import { customerListParams, parseCustomerFilters } from '../customers/useCustomerFilters';

/**
 * Right after signing in, asks at once for what the first page needs — the person (`/me`) and, when that page is the
 * customer list, its first page — so both travel together instead of one after the other as the layout and the page
 * render. The pages then find the answers in the cache (same query keys).
 */
export function prefetchLanding(queryClient: QueryClient, target: string) {
  void queryClient.prefetchQuery($api.queryOptions('get', '/api/v1/me', {}));
  const url = new URL(target, window.location.origin);
  if (url.pathname === '/customers')
    void queryClient.prefetchQuery($api.queryOptions('get', '/api/v1/customers', customerListParams(parseCustomerFilters(url.searchParams))));
}
