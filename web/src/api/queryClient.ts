import { QueryClient } from '@tanstack/react-query';
import { problemStatus } from './problem';

export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers are verdicts, not hiccups: retry only network trouble and 5xx, once.
        retry: (failureCount, error) => {
          const status = problemStatus(error);
          if (status !== undefined && status < 500) return false;
          return failureCount < 1;
        },
      },
      mutations: { retry: false },
    },
  });
}
