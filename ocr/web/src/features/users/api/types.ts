import type { TaskStatus } from '../../tasks';

/** JSON shapes of the admin users API (snake_case, as on the wire). */

export interface UserInfo {
  id: string;
  email: string;
  display_name: string;
  provider: string;
  active: boolean;
  admin: boolean;
  created_at: string;
  last_login_at: string | null;
}

export interface AdminUserRow {
  user: UserInfo;
  tasks: Partial<Record<TaskStatus, number>>;
  pages: number;
  active_sessions: number;
}
