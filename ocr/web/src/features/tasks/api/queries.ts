import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import type { Task, TaskList, TaskStats } from './types';

/**
 * Every cache entry about the caller's tasks starts with `tasks`, so one invalidation after a
 * change (an upload, an action, a live status change) refreshes lists, counts and details alike.
 */
export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (apiQuery: string) => [...taskKeys.lists(), apiQuery] as const,
  stats: () => [...taskKeys.all, 'stats'] as const,
  detail: (taskId: string) => [...taskKeys.all, 'detail', taskId] as const,
  /** A result file of one completed run (`completedAt` tells runs apart after a retry). */
  result: (taskId: string, format: 'json' | 'pdf', completedAt: string | null | undefined) =>
    [...taskKeys.all, format === 'json' ? 'result' : 'pdf', taskId, completedAt] as const,
};

export const taskQueries = {
  /** One page of the caller's tasks; `apiQuery` is `taskFiltersToApiQuery(...)` as a string. */
  list: (api: ApiClient, apiQuery: string) =>
    queryOptions({
      queryKey: taskKeys.list(apiQuery),
      queryFn: () => api.request<TaskList>(`/api/v2/tasks?${apiQuery}`),
    }),
  stats: (api: ApiClient) =>
    queryOptions({
      queryKey: taskKeys.stats(),
      queryFn: () => api.request<TaskStats>('/api/v2/tasks/stats'),
    }),
  detail: (api: ApiClient, taskId: string) =>
    queryOptions({
      queryKey: taskKeys.detail(taskId),
      queryFn: () => api.request<Task>(`/api/v2/tasks/${encodeURIComponent(taskId)}`),
    }),
};

export type TaskAction = 'start' | 'cancel' | 'retry' | 'delete';

/** Runs one action on a task; the server answers 409 for one its state does not allow. */
export function runTaskAction(api: ApiClient, task: Task, action: TaskAction): Promise<unknown> {
  return action === 'delete'
    ? api.request<void>(`/api/v2/tasks/${encodeURIComponent(task.task_id)}`, { method: 'DELETE' })
    : api.request<Task>(`/api/v2/tasks/${encodeURIComponent(task.task_id)}/${action}`, { method: 'POST' });
}

/** The path of one result file of a task. */
export function downloadPath(taskId: string, format: string): string {
  return `/api/v2/tasks/${encodeURIComponent(taskId)}/download/${format}`;
}
