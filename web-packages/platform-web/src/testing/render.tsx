import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import i18n from 'i18next';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ApiClient } from '../api/client';
import { PlatformProvider, type PlatformConfig } from '../auth/PlatformProvider';

/** Shows the router location so tests can assert on URL state. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/**
 * Renders a page inside the real providers (Mantine, TanStack Query, router, platform) against a
 * fake fetch; `routes` maps paths to elements like the app does. The test setup must have called
 * `initI18n` (the host's, or this package's own for its tests).
 */
export function renderApp(routes: Record<string, ReactElement>, options: { client: ApiClient; at: string; config: PlatformConfig }) {
  void i18n.changeLanguage('en');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[options.at]}>
          <PlatformProvider client={options.client} config={options.config}>
            <Routes>
              {Object.entries(routes).map(([path, element]) => (
                <Route key={path} path={path} element={element} />
              ))}
            </Routes>
            <LocationProbe />
          </PlatformProvider>
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
