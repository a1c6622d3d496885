import { useAuth } from '@toolocr/platform-web';
import type { ReactNode } from 'react';
import { Forbidden } from './Forbidden';

/** Admin pages; the server enforces the same rule (403), this only avoids showing a broken page. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  if (!user?.is_admin) {
    return <Forbidden />;
  }
  return <>{children}</>;
}
