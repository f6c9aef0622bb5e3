import { useState } from 'react';
import { PAGE_SIZES } from '../../api/types';

/** Server-side paging state for a table: page, pageSize and antd pagination props. */
export function usePaging(initialSize = 20) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  return {
    page,
    pageSize,
    reset: () => setPage(1),
    pagination: (total: number | undefined) => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZES,
      onChange: (p: number, s: number) => {
        setPage(s !== pageSize ? 1 : p);
        setPageSize(s);
      },
    }),
  };
}
