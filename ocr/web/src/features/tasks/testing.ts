import type { Task } from './api/types';

/** A completed task; tests override what matters to them. */
export function task(over: Partial<Task>): Task {
  return {
    task_id: 'id-1',
    filename: 'scan.pdf',
    file_type: 'pdf',
    status: 'completed',
    options: { lang: 'eng', engine: 'auto', formats: ['json', 'markdown', 'pdf', 'txt'], pdf_mode: 'skip' },
    pages_total: 2,
    pages_done: 2,
    progress: 1,
    queue_position: null,
    attempts: 1,
    reused_from_task_id: null,
    error_code: null,
    error_message: null,
    processing_time_ms: 1200,
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:01:00Z',
    queued_at: null,
    started_at: null,
    completed_at: '2026-11-20T10:01:00Z',
    file_deleted: false,
    downloads: ['json', 'markdown', 'pdf', 'txt'],
    files: null,
    ...over,
  };
}
