import type { TaskStatus } from '../../tasks';

/** JSON shapes of the admin statistics API (snake_case, as on the wire). */

export interface AdminStats {
  users: Record<'total' | 'active_1d' | 'active_7d' | 'active_30d', number>;
  tasks: Record<TaskStatus, number>;
  pages_processed: number;
  active_sessions: number;
  storage_bytes: number;
  processing_time_mean_ms: number | null;
  processing_time_p95_ms: number | null;
  queue_depth: number;
  daily: { day: string; tasks: number; logins: number }[];
}
