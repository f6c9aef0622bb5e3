import { Table, type TableProps } from 'antd';
import { EmptyState, ErrorState } from './States';

/** The parts of a TanStack query of one page (`{ items, total }`) that a paged table shows. */
export interface PageQuery<T> {
  data?: { items: T[]; total: number };
  error: unknown;
  isError: boolean;
  isFetching: boolean;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * A list paged on the server: the query's error with a retry in place of the table, otherwise its page of rows with the
 * loading state, an empty state once an answer came, and the pager (`usePaging().pagination(total)`, plus any extras).
 */
export function PagedTable<T extends object>({
  query,
  pagination,
  ...table
}: { query: PageQuery<T>; pagination: (total: number | undefined) => NonNullable<TableProps<T>['pagination']> } & Omit<
  TableProps<T>,
  'dataSource' | 'loading' | 'locale' | 'pagination'
>) {
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      {...table}
      loading={query.isFetching}
      dataSource={query.data?.items ?? []}
      locale={{ emptyText: query.isPending ? ' ' : <EmptyState /> }}
      pagination={pagination(query.data?.total)}
    />
  );
}
