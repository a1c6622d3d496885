import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, FullPageLoader, PlatformProvider, RequireAuth, SessionsPage, SignInPage, SIGN_IN_PATH, type ApiClient } from '@toolocr/platform-web';
import { TasksPage } from '../features/tasks';
import { UploadPage } from '../features/upload';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { OCR_PLATFORM } from './platform';
import { RequireAdmin } from './RequireAdmin';

// Pages most people never open (admin) or that pull in a PDF renderer (detail) load on demand.
const TaskDetailPage = lazy(() => import('../features/task-detail').then((m) => ({ default: m.TaskDetailPage })));
const AdminDashboardPage = lazy(() => import('../features/admin-dashboard').then((m) => ({ default: m.AdminDashboardPage })));
const AdminUsersPage = lazy(() => import('../features/users').then((m) => ({ default: m.AdminUsersPage })));
const AdminLeaderboardPage = lazy(() => import('../features/leaderboard').then((m) => ({ default: m.AdminLeaderboardPage })));
const AdminAuditPage = lazy(() => import('../features/audit').then((m) => ({ default: m.AdminAuditPage })));

const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades than Mantine's default 6, so white text on filled buttons and coloured text on
  // white meet WCAG AA contrast (checked by axe-core in the browser tests).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif',
  headings: { fontWeight: '700' },
});

/**
 * Contrast: Mantine's dimmed and placeholder greys and the text colours of light badges and buttons
 * fall below WCAG AA (4.5:1) for small text, on white and on their own tinted backgrounds (axe-core
 * checks this in the browser tests). Darker shades of the same hues; where Mantine's darkest shade
 * is still too light on its tint (teal, orange, yellow), a darker hex of that hue.
 */
const LIGHT_TEXT: Record<string, string> = {
  blue: 'var(--mantine-color-blue-9)',
  indigo: 'var(--mantine-color-indigo-9)',
  violet: 'var(--mantine-color-violet-9)',
  red: '#a51d1d', // red-9 falls under 4.5:1 on a light-red badge over a striped row
  gray: 'var(--mantine-color-gray-8)',
  teal: '#06644a',
  orange: '#a33a0c',
  yellow: '#7a4a00',
};
export const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([c, v]) => [`--mantine-color-${c}-light-color`, v])),
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([c, v]) => [`--mantine-color-${c}-text`, v])),
  },
  dark: {},
});

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not get better by asking again; network hiccups and 5xx might.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
        staleTime: 5_000,
      },
    },
  });
}

function AppRoutes() {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'zh-TW' ? 'zh-tw' : 'en', firstDayOfWeek: 0 }}>
      <Suspense fallback={<FullPageLoader />}>
        <Routes>
          <Route path={SIGN_IN_PATH} element={<SignInPage />} />
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route index element={<Navigate to="/tasks" replace />} />
            <Route path="upload" element={<UploadPage />} />
            <Route path="tasks" element={<TasksPage />} />
            <Route path="tasks/:taskId" element={<TaskDetailPage />} />
            <Route path="sessions" element={<SessionsPage />} />
            <Route path="admin" element={<RequireAdmin><AdminDashboardPage /></RequireAdmin>} />
            <Route path="admin/users" element={<RequireAdmin><AdminUsersPage /></RequireAdmin>} />
            <Route path="admin/leaderboard" element={<RequireAdmin><AdminLeaderboardPage /></RequireAdmin>} />
            <Route path="admin/audit" element={<RequireAdmin><AdminAuditPage /></RequireAdmin>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </DatesProvider>
  );
}

export function App({ client }: { client: ApiClient }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrastVariables}>
      <Notifications position="top-right" limit={3} />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <PlatformProvider client={client} config={OCR_PLATFORM}>
            <AppRoutes />
          </PlatformProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
