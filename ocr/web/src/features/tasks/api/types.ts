/** JSON shapes of the tasks API (snake_case, as on the wire). */

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
