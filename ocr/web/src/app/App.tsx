import { DatesProvider } from '@mantine/dates';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import {
  FullPageLoader,
  NotFoundPage,
  PlatformApp,
  RequireAuth,
  SessionsPage,
  SignInPage,
  SIGN_IN_PATH,
  type ApiClient,
} from '@toolocr/platform-web';
import { TasksPage } from '../features/tasks';
import { UploadPage } from '../features/upload';
import { AppLayout } from './AppLayout';
import { OCR_PLATFORM } from './platform';
import { RequireAdmin } from './RequireAdmin';

// Pages most people never open (admin) or that pull in a PDF renderer (detail) load on demand.
const TaskDetailPage = lazy(() => import('../features/task-detail').then((m) => ({ default: m.TaskDetailPage })));
const AdminDashboardPage = lazy(() => import('../features/admin-dashboard').then((m) => ({ default: m.AdminDashboardPage })));
const AdminUsersPage = lazy(() => import('../features/users').then((m) => ({ default: m.AdminUsersPage })));
const AdminLeaderboardPage = lazy(() => import('../features/leaderboard').then((m) => ({ default: m.AdminLeaderboardPage })));
const AdminAuditPage = lazy(() => import('../features/audit').then((m) => ({ default: m.AdminAuditPage })));

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
  return (
    <PlatformApp client={client} config={OCR_PLATFORM} primaryColor="blue">
      <AppRoutes />
    </PlatformApp>
  );
}
