import { MantineProvider, type MantineColor } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import type { ApiClient } from '../api/client';
import { PlatformProvider, type PlatformConfig } from '../auth/PlatformProvider';
import { contrastVariables, createQueryClient, platformTheme } from '../ui/theme';

/**
 * The providers every platform app runs under, in their order: Mantine with the platform theme in
 * the app's colour, toasts, one query client, the router and the platform (session, API client).
 */
export function PlatformApp({ client, config, primaryColor, children }: { client: ApiClient; config: PlatformConfig; primaryColor: MantineColor; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [theme] = useState(() => platformTheme(primaryColor));
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrastVariables}>
      <Notifications position="top-right" limit={3} />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <PlatformProvider client={client} config={config}>
            {children}
          </PlatformProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
