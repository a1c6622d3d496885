import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ApiClient } from '../api/client';
import { AuthProvider } from '../auth/AuthContext';
import '../i18n';
import i18n from '../i18n';

/** Shows the router location so tests can assert on URL state. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/**
 * Renders a page inside the real providers (Mantine, TanStack Query, router, auth) against a fake
 * fetch; `routes` maps paths to elements like the app does.
 */
export function renderApp(routes: Record<string, ReactElement>, options: { client: ApiClient; at: string }) {
  void i18n.changeLanguage('en');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[options.at]}>
          <AuthProvider client={options.client}>
            <Routes>
              {Object.entries(routes).map(([path, element]) => (
                <Route key={path} path={path} element={element} />
              ))}
            </Routes>
            <LocationProbe />
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

export async function signedInClient(fetchImpl: typeof fetch): Promise<ApiClient> {
  const client = new ApiClient({ fetch: fetchImpl });
  await client.login('alice', 'pw');
  return client;
}
