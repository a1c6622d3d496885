import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, signedInClient, tokens } from '@toolocr/platform-web/testing';
import { renderApp } from '../../../test/render';
import type { Task, TaskList } from '../api/types';
import { task } from '../testing';
import { TasksPage } from './TasksPage';

const STATS = { total: 9, pending: 1, queued: 2, processing: 1, completed: 4, failed: 1, cancelled: 0 };

async function setup(at: string, tasks: Task[]) {
  const deleted: string[] = [];
  const server = fakeFetch({
    'POST /api/v2/auth/login': () => json(tokens('t')),
    'GET /api/v2/tasks': (r) =>
      json({ tasks: tasks.filter((x) => !deleted.includes(x.task_id)), total: 45, page: Number(r.url.searchParams.get('page')), page_size: 20, has_more: true } satisfies TaskList),
    'GET /api/v2/tasks/stats': () => json(STATS),
    'GET /api/v2/tasks/events': () => new Response('', { status: 204 }),
    'POST /api/v2/tasks/id-9/retry': () => json(task({ task_id: 'id-9', status: 'queued' })),
    'DELETE /api/v2/tasks/id-1': () => {
      deleted.push('id-1');
      return new Response(null, { status: 204 });
    },
  });
  const client = await signedInClient(server.fetch);
  renderApp({ '/tasks': <TasksPage /> }, { client, at });
  return server;
}

const listCalls = (server: Awaited<ReturnType<typeof setup>>) => server.calls.filter((c) => c.url.pathname === '/api/v2/tasks');

describe('TasksPage', () => {
  it('shows the five stat cards', async () => {
    await setup('/tasks', []);
    expect(await screen.findByTestId('stat-total')).toHaveTextContent('9');
    expect(screen.getByTestId('stat-waiting')).toHaveTextContent('Pending / queued3');
    expect(screen.getByTestId('stat-processing')).toHaveTextContent('1');
    expect(screen.getByTestId('stat-completed')).toHaveTextContent('4');
    expect(screen.getByTestId('stat-failed')).toHaveTextContent('1');
  });

  it('requests what the URL says and writes sorting and paging back to the URL', async () => {
    const server = await setup('/tasks?status=failed&filename=inv&page=2', [task({ task_id: 'id-9', status: 'failed', error_message: 'Corrupt PDF' })]);
    await screen.findByText('scan.pdf');
    const first = listCalls(server)[0].url.searchParams;
    expect(Object.fromEntries(first)).toMatchObject({ status: 'failed', filename: 'inv', page: '2', sort_by: 'created_at', order_desc: 'true' });

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^File/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/tasks?status=failed&filename=inv&sort_by=filename&order=asc'));
    expect(screen.getByRole('columnheader', { name: /^File/ })).toHaveAttribute('aria-sort', 'ascending');
    await waitFor(() => expect(listCalls(server).at(-1)!.url.searchParams.get('sort_by')).toBe('filename'));
    expect(listCalls(server).at(-1)!.url.searchParams.get('page')).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('page=3'));
  });

  it('shows status words and only the actions valid for each status', async () => {
    await setup('/tasks', [
      task({ task_id: 'id-1', filename: 'done.pdf', status: 'completed' }),
      task({ task_id: 'id-9', filename: 'broken.pdf', status: 'failed', downloads: [], error_message: 'Corrupt PDF' }),
      task({ task_id: 'id-5', filename: 'running.png', status: 'processing', pages_done: 1, pages_total: 4, progress: 0.25, downloads: [] }),
    ]);
    const rows = await screen.findAllByTestId('task-row');
    const [done, failed, running] = rows;
    expect(within(done).getByText('Completed')).toBeInTheDocument();
    expect(within(done).getByRole('button', { name: 'Download results of done.pdf' })).toBeInTheDocument();
    expect(within(done).queryByRole('button', { name: /Retry/ })).toBeNull();
    expect(within(failed).getByText('Failed')).toBeInTheDocument();
    expect(within(failed).getByText('Corrupt PDF')).toBeInTheDocument();
    expect(within(failed).getByRole('button', { name: 'Retry broken.pdf' })).toBeInTheDocument();
    expect(within(running).getByText('Processing')).toBeInTheDocument();
    expect(within(running).getByText('Page 1 of 4')).toBeInTheDocument();
    expect(within(running).getByRole('button', { name: 'Cancel running.png' })).toBeInTheDocument();
    expect(within(running).queryByRole('button', { name: /Delete/ })).toBeNull();
  });

  it('retries through the API', async () => {
    const server = await setup('/tasks', [task({ task_id: 'id-9', filename: 'broken.pdf', status: 'failed', downloads: [] })]);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Retry broken.pdf' }));
    await waitFor(() => expect(server.calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/v2/tasks/id-9/retry')).toBe(true));
  });

  it('deletes only after confirmation', async () => {
    const server = await setup('/tasks', [task({ task_id: 'id-1', filename: 'old.pdf' })]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete old.pdf' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('old.pdf and all its results will be deleted');
    expect(server.calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(server.calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete old.pdf' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(server.calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/v2/tasks/id-1')).toBe(true));
    await waitFor(() => expect(screen.queryByText('old.pdf')).toBeNull());
  });
});
