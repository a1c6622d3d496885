import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { task } from '../testing';
import { applyTaskEvent, handleTaskEvent } from './liveEvents';
import type { TaskList } from './types';

describe('live task events', () => {
  const running = task({ task_id: 'a', status: 'processing', pages_done: 1, pages_total: 4, progress: 0.25, downloads: [] });

  it('moves progress and status of the matching task only', () => {
    expect(applyTaskEvent(running, { task_id: 'a', status: 'processing', pages_done: 3, pages_total: 4 })).toMatchObject({ pages_done: 3, progress: 0.75 });
    expect(applyTaskEvent(running, { task_id: 'b', status: 'failed', pages_done: 0, pages_total: 1 })).toBe(running);
    expect(applyTaskEvent(running, { task_id: 'a', status: 'completed', pages_done: 4, pages_total: 4 }).progress).toBe(1);
  });

  it('updates every cached list and refetches when the status changes', async () => {
    const qc = new QueryClient();
    const list: TaskList = { tasks: [running], total: 1, page: 1, page_size: 20, has_more: false };
    qc.setQueryData(['tasks', 'list', 'q1'], list);
    qc.setQueryData(['tasks', 'list', 'q2'], list);
    handleTaskEvent(qc, { task_id: 'a', status: 'processing', pages_done: 2, pages_total: 4 });
    expect(qc.getQueryData<TaskList>(['tasks', 'list', 'q2'])!.tasks[0].pages_done).toBe(2);
    expect(qc.getQueryState(['tasks', 'list', 'q1'])!.isInvalidated).toBe(false);
    handleTaskEvent(qc, { task_id: 'a', status: 'completed', pages_done: 4, pages_total: 4 });
    expect(qc.getQueryData<TaskList>(['tasks', 'list', 'q1'])!.tasks[0].status).toBe('completed');
    expect(qc.getQueryState(['tasks', 'list', 'q1'])!.isInvalidated).toBe(true);
  });
});
