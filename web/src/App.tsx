import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createBrowserRouter, createMemoryRouter } from 'react-router';
import { useState } from 'react';
import { AppProviders } from './components/AppProviders';
import { routes } from './routes';
import { createAppQueryClient } from './api/queryClient';

export function App() {
  const [queryClient] = useState(createAppQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <QueryClientProvider client={queryClient}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </QueryClientProvider>
  );
}

/** The whole app at a given URL, in memory: for component tests. */
export function TestApp({ url, queryClient }: { url: string; queryClient?: ReturnType<typeof createAppQueryClient> }) {
  const [client] = useState(() => queryClient ?? createAppQueryClient());
  const [router] = useState(() => createMemoryRouter(routes, { initialEntries: [url] }));
  return (
    <QueryClientProvider client={client}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </QueryClientProvider>
  );
}
