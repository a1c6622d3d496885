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
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RoomListPage } from '../features/rooms';
import { RoomPage } from '../features/room';
import { AppLayout } from './AppLayout';
import { INCIDENT_PLATFORM } from './platform';
import { RequireAdmin } from './RequireAdmin';

// Pages that supervisors and admins open, and only they: loaded on demand.
const DashboardPage = lazy(() => import('../features/dashboard').then((m) => ({ default: m.DashboardPage })));
const TemplatesPage = lazy(() => import('../features/templates').then((m) => ({ default: m.TemplatesPage })));

function AppRoutes() {
  return (
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
          <Route index element={<Navigate to="/rooms" replace />} />
          <Route path="rooms" element={<RoomListPage />} />
          <Route path="rooms/:roomId" element={<RoomPage />} />
          <Route path="sessions" element={<SessionsPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="templates" element={<RequireAdmin><TemplatesPage /></RequireAdmin>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App({ client }: { client: ApiClient }) {
  return (
    <PlatformApp client={client} config={INCIDENT_PLATFORM} primaryColor="indigo">
      <AppRoutes />
    </PlatformApp>
  );
}
