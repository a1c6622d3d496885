import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem, signedInClient, tokens } from '@toolocr/platform-web/testing';
import { renderApp } from '../../../test/render';
import { task } from '../../tasks/testing';
import TaskDetailPage from './TaskDetailPage';

async function open(routes: Parameters<typeof fakeFetch>[0]) {
  const server = fakeFetch({ 'POST /api/v2/auth/login': () => json(tokens('t')), ...routes });
  const client = await signedInClient(server.fetch);
  renderApp({ '/tasks/:taskId': <TaskDetailPage /> }, { client, at: '/tasks/id-7' });
  return server;
}

describe('TaskDetailPage', () => {
  it('explains why a task failed and offers a retry, without asking for results it has not got', async () => {
    const server = await open({
      'GET /api/v2/tasks/id-7': () =>
        json(
          task({
            task_id: 'id-7',
            filename: 'cut.pdf',
            status: 'failed',
            completed_at: null,
            downloads: [],
            error_code: 'corrupt_file',
            error_message: 'Page 1 draws an image that is missing from the file; the PDF is damaged or truncated.',
          }),
        ),
    });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Recognition failed')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Page 1 draws an image that is missing from the file');
    expect(alert).toHaveTextContent('Error code: corrupt_file');
    expect(screen.getAllByText(/draws an image that is missing/)).toHaveLength(1); // once, in the alert
    expect(screen.getByRole('button', { name: 'Retry cut.pdf' })).toBeInTheDocument();
    expect(server.calls.some((c) => c.url.pathname.includes('/download/'))).toBe(false);
  });

  it('says a task that is not the caller’s does not exist', async () => {
    await open({ 'GET /api/v2/tasks/id-7': () => problem(404, 'not-found') });

    expect(await screen.findByRole('alert')).toHaveTextContent('This item does not exist or is not yours.');
    expect(screen.getByRole('link', { name: /back/i })).toHaveAttribute('href', '/tasks');
  });
});
