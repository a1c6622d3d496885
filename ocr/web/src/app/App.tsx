import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import {
  contrastVariables,
  createQueryClient,
  FullPageLoader,
  platformTheme,
  PlatformProvider,
  RequireAuth,
  SessionsPage,
  SignInPage,
  SIGN_IN_PATH,
  type ApiClient,
} from '@toolocr/platform-web';
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

const theme = platformTheme('blue');

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
