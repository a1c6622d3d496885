import { fetchEventSource, type EventSourceMessage } from '@microsoft/fetch-event-source';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, useAuth } from '@toolocr/platform-web';
import { taskKeys } from './queries';
import type { QueueEvent, Task, TaskEvent, TaskList } from './types';

export interface LiveState {
  /** 0-based queue positions of the user's queued tasks, from the latest `queue` event. */
  positions: Record<string, number>;
  connected: boolean;
}

const LiveContext = createContext<LiveState>({ positions: {}, connected: false });

/** Copies a task event into one cached task, if it concerns it. */
export function applyTaskEvent(task: Task, event: TaskEvent): Task {
  if (task.task_id !== event.task_id) {
    return task;
  }
  const pagesTotal = event.pages_total ?? task.pages_total;
  const progress =
    event.status === 'completed' ? 1 : pagesTotal ? Math.min(1, event.pages_done / pagesTotal) : task.progress;
  return { ...task, status: event.status, pages_done: event.pages_done, pages_total: pagesTotal, progress };
}

/**
 * Puts a live event into every cached task list and detail at once, so progress bars move without
 * polling. A status change also changes counts and may move the task in or out of a filtered list,
 * so those queries are refetched.
 */
export function handleTaskEvent(queryClient: QueryClient, event: TaskEvent) {
  let statusChanged = false;
  queryClient.setQueriesData<TaskList>({ queryKey: taskKeys.lists() }, (list) => {
    if (!list) return list;
    return {
      ...list,
      tasks: list.tasks.map((t) => {
        if (t.task_id === event.task_id && t.status !== event.status) statusChanged = true;
        return applyTaskEvent(t, event);
      }),
    };
  });
  queryClient.setQueryData<Task>(taskKeys.detail(event.task_id), (task) => {
    if (!task) return task;
    if (task.status !== event.status) statusChanged = true;
    return applyTaskEvent(task, event);
  });
  const terminal = event.status === 'completed' || event.status === 'failed' || event.status === 'cancelled';
  if (statusChanged || terminal) {
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
  }
}

/**
 * Opens `GET /api/v2/tasks/events` while the user is signed in. EventSource cannot send an
 * Authorization header, so the stream is read with fetch; the fetch is wrapped so that every
 * reconnect carries the client's current access token, not the one the stream was opened with.
 */
export function TaskEventsProvider({ children }: { children: ReactNode }) {
  const { client, user } = useAuth();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>({ positions: {}, connected: false });

  useEffect(() => {
    if (!user) return;
    const controller = new AbortController();
    const authorisedFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      const token = client.accessToken;
      if (token) headers.set('Authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    void fetchEventSource('/api/v2/tasks/events', {
      signal: controller.signal,
      fetch: authorisedFetch,
      headers: { Accept: 'text/event-stream' },
      openWhenHidden: true,
      async onopen(response) {
        if (response.ok) {
          setState((s) => ({ ...s, connected: true }));
          return;
        }
        if (response.status === 401 && (await client.refresh())) {
          throw new ApiError(401, 'retry', 'retry', 'token refreshed');
        }
        throw new ApiError(response.status, 'fatal', 'fatal', 'event stream refused');
      },
      onmessage(message: EventSourceMessage) {
        if (message.event === 'task') {
          handleTaskEvent(queryClient, JSON.parse(message.data) as TaskEvent);
        } else if (message.event === 'queue') {
          const queue = JSON.parse(message.data) as QueueEvent;
          setState((s) => ({ ...s, positions: queue.positions }));
        }
      },
      onclose() {
        setState((s) => ({ ...s, connected: false }));
        // The server ended the stream (restart, shutdown): reconnect through onerror's back-off.
        throw new ApiError(0, 'retry', 'retry', 'stream closed');
      },
      onerror(err) {
        setState((s) => ({ ...s, connected: false }));
        if (err instanceof ApiError && err.type === 'fatal') {
          throw err;
        }
        return 3000;
      },
    }).catch(() => {
      // Stream given up (signed out, refused): the lists still refresh on their own interval.
    });
    return () => controller.abort();
  }, [user, queryClient, client]);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}

export function useLiveTasks(): LiveState {
  return useContext(LiveContext);
}
