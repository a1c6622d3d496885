import { useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SessionsPage } from '../sessions/SessionsPage';
import { SignInPage } from '../sign-in/SignInPage';
import { fakeFetch, json, problem, tokens } from '../testing/fakeServer';
import { TEST_CONFIG as config } from '../testing/testConfig';
import { renderApp, signedInClient } from '../testing/render';
import { RequireAuth } from './guards';
import { useApi } from './PlatformProvider';

function Stats() {
  const api = useApi();
  const stats = useQuery({ queryKey: ['s'], queryFn: () => api.request<{ total: number }>('/api/v2/tasks/stats') });
  return <p>{stats.data ? `total ${stats.data.total}` : 'waiting'}</p>;
}

describe('an ended session', () => {
  it('returns to sign-in keeping the page when the refresh fails, and comes back after signing in', async () => {
    let revoked = true;
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => {
        revoked = false;
        return json(tokens('second'));
      },
      'POST /api/v2/auth/refresh': () => problem(401, 'unauthenticated'),
      'GET /api/v2/tasks/stats': (r) => (!revoked && r.headers.get('Authorization') === 'Bearer second' ? json({ total: 7 }) : problem(401, 'unauthenticated')),
    });
    const client = await signedInClient(server.fetch);
    revoked = true; // e.g. revoked from another device
    renderApp(
      { '/sign-in': <SignInPage />, '/reports': <RequireAuth><Stats /></RequireAuth> },
      { client, at: '/reports?range=week', config },
    );
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/sign-in?next=%2Freports%3Frange%3Dweek'));
    expect(await screen.findByText('Your session has ended. Sign in again to continue.')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Username/), 'alice');
    await user.type(screen.getByLabelText(/^Password/), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('total 7')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/reports?range=week');
  });
});

describe('SessionsPage', () => {
  const session = (id: string, current: boolean, ua: string) => ({
    id,
    created_at: '2026-11-01T08:00:00Z',
    last_access_at: '2026-11-22T08:00:00Z',
    expires_at: '2026-12-01T08:00:00Z',
    ip_address: '10.0.0.7',
    user_agent: ua,
    current,
  });

  it('lists devices and revokes all others after confirmation', async () => {
    let sessions = [
      session('s1', true, 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'),
      session('s2', false, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'),
    ];
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('t')),
      'GET /api/v2/auth/sessions': () => json(sessions),
      'DELETE /api/v2/auth/sessions': () => {
        sessions = sessions.filter((s) => s.current);
        return json({ revoked: 1 });
      },
    });
    const client = await signedInClient(server.fetch);
    renderApp({ '/sessions': <SessionsPage /> }, { client, at: '/sessions', config });

    const rows = await screen.findAllByTestId('session-row');
    expect(rows[0]).toHaveTextContent('Firefox on Linux');
    expect(rows[0]).toHaveTextContent('This device');
    expect(rows[1]).toHaveTextContent('Safari on iOS');
    expect(rows[1]).toHaveTextContent('IP address 10.0.0.7');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sign out all other sessions' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('1 other session will be signed out');
    await user.click(within(dialog).getByRole('button', { name: 'Sign out all other sessions' }));
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(1));
    expect(server.calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/v2/auth/sessions')).toBe(true);
  });
});
