import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client';
import { RequireAuth } from '../auth/guards';
import { fakeFetch, json, problem, tokens } from '../testing/fakeServer';
import { TEST_CONFIG as config } from '../testing/testConfig';
import { renderApp } from '../testing/render';
import { secondsLeft, SignInPage } from './SignInPage';

const savedEnglish = structuredClone(i18n.getResourceBundle('en', 'translation') ?? {});

function setup(login: () => Response, at = '/sign-in') {
  const server = fakeFetch({
    'POST /api/v2/auth/refresh': () => problem(401, 'unauthenticated'),
    'POST /api/v2/auth/login': login,
  });
  const client = new ApiClient({ fetch: server.fetch });
  renderApp(
    { '/sign-in': <SignInPage />, '/tasks': <RequireAuth><p>task list</p></RequireAuth>, '/admin/audit': <RequireAuth><p>audit page</p></RequireAuth> },
    { client, at, config },
  );
  return server;
}

async function submit(username = 'alice', password = 'wrong') {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText(/^Username/), username);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('says when the credentials are wrong and clears the password', async () => {
    setup(() => problem(401, 'invalid-credentials', 'Invalid username or password.'));
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent('The username or password is not correct.');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
  });

  it('says how long to wait when throttled and blocks the button meanwhile', async () => {
    setup(() => problem(429, 'too-many-requests', 'wait', { 'Retry-After': '30' }));
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 30 seconds.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it('explains that the AD service is unavailable (503)', async () => {
    setup(() => problem(503, 'auth-provider-unavailable'));
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent('not reachable right now');
  });

  it('signs in with the trimmed username and goes to the intended page', async () => {
    const server = setup(() => json(tokens('t')), '/admin/audit?outcome=failure');
    // Not signed in: RequireAuth sends the visitor to sign-in, remembering the page.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/sign-in?next=%2Fadmin%2Faudit%3Foutcome%3Dfailure'));
    await submit('  alice  ', 'pw');
    expect(await screen.findByText('audit page')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/admin/audit?outcome=failure');
    expect(server.calls.find((c) => c.url.pathname.endsWith('/login'))?.body).toEqual({ username: 'alice', password: 'pw' });
  });

  it('never redirects to another site after sign-in', async () => {
    setup(() => json(tokens('t')), '/sign-in?next=//evil.example/steal');
    await submit('alice', 'pw');
    expect(await screen.findByText('task list')).toBeInTheDocument();
  });
});

describe('SignInPage in a host app', () => {
  it('names the host app in its heading and tab title, and goes to the host’s home page', async () => {
    const server = fakeFetch({
      'POST /api/v2/auth/refresh': () => problem(401, 'unauthenticated'),
      'POST /api/v2/auth/login': () => json(tokens('t')),
    });
    const client = new ApiClient({ fetch: server.fetch });
    renderApp(
      { '/sign-in': <SignInPage />, '/rooms': <RequireAuth><p>room list</p></RequireAuth> },
      { client, at: '/sign-in', config: { appName: 'Line Incident Response', homePath: '/rooms' } },
    );
    expect(await screen.findByRole('heading', { name: 'Sign in to Line Incident Response' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Sign in to Line Incident Response · Line Incident Response'));
    await submit('alice', 'pw');
    expect(await screen.findByText('room list')).toBeInTheDocument();
  });
});

describe('SignInPage in the host app’s words', () => {
  it('names the app by the host’s own app.name message when it has one', async () => {
    i18n.addResource('en', 'translation', 'app.name', 'Line Incident Response (EN)');
    try {
      setup(() => json(tokens('t')));
      expect(await screen.findByRole('heading', { name: 'Sign in to Line Incident Response (EN)' })).toBeInTheDocument();
      await waitFor(() => expect(document.title).toBe('Sign in to Line Incident Response (EN) · Line Incident Response (EN)'));
    } finally {
      i18n.removeResourceBundle('en', 'translation');
      i18n.addResourceBundle('en', 'translation', savedEnglish, true, true);
    }
  });
});

describe('secondsLeft', () => {
  it('rounds up and never goes below zero', () => {
    expect(secondsLeft(10_500, 0)).toBe(11);
    expect(secondsLeft(0, 5000)).toBe(0);
  });
});
