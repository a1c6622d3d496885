/** JSON shapes of the REST API (snake_case, as on the wire). */

export interface User {
  id: string;
  email: string;
  display_name: string;
  is_admin: boolean;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  user: User;
}

export interface SessionView {
  id: string;
  created_at: string;
  last_access_at: string | null;
  expires_at: string;
  ip_address: string | null;
  user_agent: string | null;
  current: boolean;
}

export const TASK_STATUSES = ['pending', 'queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const RESULT_FORMATS = ['json', 'markdown', 'pdf', 'txt'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export interface TaskOptionsView {
  lang: string;
  engine: string;
  formats: ResultFormat[];
  pdf_mode: string;
}

export interface TaskFileView {
  original_name: string;
  size: number;
  mime_type: string;
  sha256: string;
}

export interface Task {
  task_id: string;
  filename: string;
  file_type: string | null;
  status: TaskStatus;
  options: TaskOptionsView;
  pages_total: number | null;
  pages_done: number;
  progress: number;
  queue_position: number | null;
  attempts: number;
  reused_from_task_id: string | null;
  error_code: string | null;
  error_message: string | null;
  processing_time_ms: number | null;
  created_at: string;
  updated_at: string;
  queued_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  file_deleted: boolean;
  downloads: ResultFormat[];
  files: TaskFileView[] | null;
}

export interface TaskList {
  tasks: Task[];
  total: number;
  page: number;
  page_size: number;
  has_more: boolean;
}

export type TaskStats = Record<'total' | TaskStatus, number>;

/** Server-sent `task` event. */
export interface TaskEvent {
  task_id: string;
  status: TaskStatus;
  pages_done: number;
  pages_total: number | null;
  error_code?: string;
}

/** Server-sent `queue` event: 0-based positions of the caller's queued tasks. */
export interface QueueEvent {
  positions: Record<string, number>;
  window: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
  has_more: boolean;
}

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

export interface Ranked {
  rank: number;
  user_id: string;
  email: string | null;
  display_name: string | null;
  value: number;
}

export interface AuditEntry {
  id: string;
  occurred_at: string;
  user_id: string | null;
  user_email: string | null;
  event_type: string;
  outcome: string;
  ip_address: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Record<string, string>;
}

/** The engine's versioned JSON result (only the parts the UI shows). */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  bbox: BBox;
  confidence: number;
}

export interface OcrLine {
  bbox: BBox;
  confidence: number;
  words: OcrWord[];
}

export interface OcrBlock {
  bbox: BBox;
  confidence: number;
  lines: OcrLine[];
}

export interface OcrPage {
  number: number;
  width: number;
  height: number;
  dpi: number;
  rotation: number;
  skew: number;
  text_source: string;
  text: string;
  blocks: OcrBlock[];
}

export interface OcrDocument {
  schema_version: string;
  source: string;
  engine: string;
  languages: string[];
  pages: OcrPage[];
}
