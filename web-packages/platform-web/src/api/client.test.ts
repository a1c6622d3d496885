import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, problem, tokens, USER } from '../testing/fakeServer';
import { ApiClient, ApiError, filenameFromDisposition, problemFrom, REFRESH_CONFLICT_RETRY_MS, refreshDelayMs } from './client';

describe('refreshDelayMs', () => {
  it('refreshes five minutes before expiry', () => {
    expect(refreshDelayMs(1800)).toBe(25 * 60 * 1000);
    expect(refreshDelayMs(3600)).toBe(55 * 60 * 1000);
  });

  it('refreshes short-lived tokens at half-life instead of immediately', () => {
    expect(refreshDelayMs(300)).toBe(150_000);
    expect(refreshDelayMs(0)).toBe(0);
  });
});

describe('ApiClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the access token in memory only and sends it as a bearer token', async () => {
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('t1')),
      'GET /api/v2/tasks/stats': () => json({ total: 3 }),
    });
    const client = new ApiClient({ fetch: server.fetch });
    const user = await client.login('alice', 'secret');

    expect(user).toEqual(USER);
    expect(server.calls[0].body).toEqual({ username: 'alice', password: 'secret' });
    expect(await client.request('/api/v2/tasks/stats')).toEqual({ total: 3 });
    expect(server.calls[1].headers.get('Authorization')).toBe('Bearer t1');
    expect(JSON.stringify({ ...localStorage })).not.toContain('t1');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('t1');
    expect(document.cookie).not.toContain('t1');
  });

  it('refreshes through the cookie five minutes before the token expires', async () => {
    let issued = 1;
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('t1', 1800)),
      'POST /api/v2/auth/refresh': () => json(tokens(`t${++issued}`, 1800)),
    });
    const client = new ApiClient({ fetch: server.fetch });
    await client.login('alice', 'secret');

    await vi.advanceTimersByTimeAsync(25 * 60 * 1000 - 1000);
    expect(server.calls.filter((c) => c.url.pathname.endsWith('/refresh'))).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    const refreshes = server.calls.filter((c) => c.url.pathname.endsWith('/refresh'));
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].method).toBe('POST');
    expect(client.accessToken).toBe('t2');

    // The next refresh is scheduled from the new token's lifetime.
    await vi.advanceTimersByTimeAsync(25 * 60 * 1000);
    expect(client.accessToken).toBe('t3');
  });

  it('retries a request once after a 401 with a refreshed token', async () => {
    let refreshed = false;
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('old')),
      'POST /api/v2/auth/refresh': () => {
        refreshed = true;
        return json(tokens('new'));
      },
      'GET /api/v2/tasks': (r) =>
        r.headers.get('Authorization') === 'Bearer new' ? json({ tasks: [] }) : problem(401, 'unauthenticated'),
    });
    const client = new ApiClient({ fetch: server.fetch });
    await client.login('alice', 'secret');

    expect(await client.request('/api/v2/tasks')).toEqual({ tasks: [] });
    expect(refreshed).toBe(true);
    const taskCalls = server.calls.filter((c) => c.url.pathname === '/api/v2/tasks');
    expect(taskCalls.map((c) => c.headers.get('Authorization'))).toEqual(['Bearer old', 'Bearer new']);
  });

  it('does not loop: a second 401 ends the session', async () => {
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('a')),
      'POST /api/v2/auth/refresh': () => json(tokens('b')),
      'GET /api/v2/tasks': () => problem(401, 'unauthenticated'),
    });
    const client = new ApiClient({ fetch: server.fetch });
    const ended = vi.fn();
    client.onSessionEnd(ended);
    await client.login('alice', 'secret');

    await expect(client.request('/api/v2/tasks')).rejects.toMatchObject({ status: 401 });
    expect(server.calls.filter((c) => c.url.pathname === '/api/v2/tasks')).toHaveLength(2);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(client.user).toBeNull();
  });

  it('ends the session when the refresh is refused', async () => {
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('a')),
      'POST /api/v2/auth/refresh': () => problem(401, 'unauthenticated'),
      'GET /api/v2/auth/sessions': () => problem(401, 'unauthenticated'),
    });
    const client = new ApiClient({ fetch: server.fetch });
    const ended = vi.fn();
    const seen: unknown[] = [];
    client.onSessionEnd(ended);
    client.subscribe((u) => seen.push(u));
    await client.login('alice', 'secret');

    await expect(client.request('/api/v2/auth/sessions')).rejects.toBeInstanceOf(ApiError);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(client.accessToken).toBeNull();
    expect(seen).toEqual([USER, null]);
  });

  it('shares one refresh between concurrent 401s (the refresh token rotates)', async () => {
    let refreshes = 0;
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('old')),
      'POST /api/v2/auth/refresh': async () => {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(tokens('new'));
      },
      'GET /api/v2/tasks/stats': (r) => (r.headers.get('Authorization') === 'Bearer new' ? json({ ok: 1 }) : problem(401, 'unauthenticated')),
    });
    const client = new ApiClient({ fetch: server.fetch });
    await client.login('alice', 'secret');

    const all = Promise.all([1, 2, 3].map(() => client.request('/api/v2/tasks/stats')));
    await vi.advanceTimersByTimeAsync(20);
    expect(await all).toEqual([{ ok: 1 }, { ok: 1 }, { ok: 1 }]);
    expect(refreshes).toBe(1);
  });

  it('restores a session after a reload from the refresh cookie alone', async () => {
    const server = fakeFetch({ 'POST /api/v2/auth/refresh': () => json(tokens('fresh')) });
    const client = new ApiClient({ fetch: server.fetch });
    expect(await client.restore()).toEqual(USER);
    expect(client.accessToken).toBe('fresh');
    expect(server.calls[0].headers.get('Authorization')).toBeNull();
  });

  it('asks again after a refresh lost a race (409), and keeps its refresh alive across a reload', async () => {
    let attempts = 0;
    const server = fakeFetch({
      'POST /api/v2/auth/refresh': () => (++attempts === 1 ? problem(409, 'refresh-conflict') : json(tokens('second'))),
    });
    const client = new ApiClient({ fetch: server.fetch });
    const restored = client.restore();
    await vi.advanceTimersByTimeAsync(REFRESH_CONFLICT_RETRY_MS[0]);
    expect(await restored).toEqual(USER);
    expect(client.accessToken).toBe('second');
    expect(attempts).toBe(2);
    expect(vi.mocked(server.fetch).mock.calls.every(([, init]) => init?.keepalive === true)).toBe(true);
  });

  it('keeps asking while the winner’s cookie is on its way, then gives up within the server’s window', async () => {
    let attempts = 0;
    const server = fakeFetch({
      'POST /api/v2/auth/refresh': () => (++attempts <= 3 ? problem(409, 'refresh-conflict') : json(tokens('late'))),
    });
    const client = new ApiClient({ fetch: server.fetch });
    const restored = client.restore();
    await vi.advanceTimersByTimeAsync(REFRESH_CONFLICT_RETRY_MS[0] + REFRESH_CONFLICT_RETRY_MS[1] + REFRESH_CONFLICT_RETRY_MS[2]);
    expect(await restored).toEqual(USER);
    expect(client.accessToken).toBe('late');

    const stuck = fakeFetch({ 'POST /api/v2/auth/refresh': () => problem(409, 'refresh-conflict') });
    const other = new ApiClient({ fetch: stuck.fetch });
    const gaveUp = other.restore();
    const total = REFRESH_CONFLICT_RETRY_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(10_000);
    await vi.advanceTimersByTimeAsync(total);
    expect(await gaveUp).toBeNull();
    expect(stuck.calls).toHaveLength(REFRESH_CONFLICT_RETRY_MS.length + 1);
  });

  it('restore answers null without a session', async () => {
    const server = fakeFetch({ 'POST /api/v2/auth/refresh': () => problem(401, 'unauthenticated') });
    const client = new ApiClient({ fetch: server.fetch });
    expect(await client.restore()).toBeNull();
  });

  it('refreshes before sending when the timer was missed (sleeping laptop)', async () => {
    let now = 0;
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('stale', 1800)),
      'POST /api/v2/auth/refresh': () => json(tokens('fresh', 1800)),
      'GET /api/v2/tasks': () => json({ tasks: [] }),
    });
    const client = new ApiClient({ fetch: server.fetch, now: () => now });
    await client.login('alice', 'secret');
    now = 31 * 60 * 1000;
    await client.request('/api/v2/tasks');
    const get = server.calls.find((c) => c.url.pathname === '/api/v2/tasks');
    expect(get?.headers.get('Authorization')).toBe('Bearer fresh');
  });

  it('turns problem+json into ApiError with type, detail and Retry-After', async () => {
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => problem(429, 'too-many-requests', 'Wait.', { 'Retry-After': '42' }),
    });
    const client = new ApiClient({ fetch: server.fetch });
    const error = await client.login('alice', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'too-many-requests', detail: 'Wait.', retryAfterSeconds: 42 });
  });

  it('reports a network failure as status 0', async () => {
    const client = new ApiClient({
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch,
    });
    await expect(client.login('a', 'b')).rejects.toMatchObject({ status: 0 });
  });

  it('logout clears the token even when the server is unreachable', async () => {
    let up = true;
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('t')),
      'POST /api/v2/auth/logout': () => {
        if (!up) throw new TypeError('down');
        return new Response(null, { status: 204 });
      },
    });
    const client = new ApiClient({ fetch: server.fetch });
    await client.login('a', 'b');
    up = false;
    await client.logout();
    expect(client.accessToken).toBeNull();
    expect(client.user).toBeNull();
  });
});

describe('a host app', () => {
  it('points the client at its own auth endpoints', async () => {
    const server = fakeFetch({
      'POST /api/v1/identity/login': () => json(tokens('t1')),
      'POST /api/v1/identity/refresh': () => json(tokens('t2')),
    });
    const client = new ApiClient({ fetch: server.fetch, authPath: '/api/v1/identity' });
    await client.login('alice', 'secret');
    expect(await client.refresh()).toBe(true);
    expect(client.accessToken).toBe('t2');
    expect(server.calls.map((c) => c.url.pathname)).toEqual(['/api/v1/identity/login', '/api/v1/identity/refresh']);
  });

  it('reads the problem code under any app’s urn base', () => {
    expect(new ApiError(409, 'urn:incident:problem:possible-duplicate', 'Duplicate', '').code).toBe('possible-duplicate');
    expect(new ApiError(400, 'about:blank', 'Bad request', '').code).toBe('about:blank');
  });
});

describe('problemFrom', () => {
  it('copes with a body that is not JSON', async () => {
    const e = await problemFrom(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(e).toMatchObject({ status: 502, title: 'Bad Gateway', type: 'about:blank' });
  });

  it('reads retry_after_seconds from the body when the header is missing', async () => {
    const e = await problemFrom(json({ type: 'urn:tool-ocr:problem:too-many-requests', retry_after_seconds: 7 }, 429));
    expect(e.retryAfterSeconds).toBe(7);
  });

  it('keeps the extension members of a problem, not its standard ones', async () => {
    const e = await problemFrom(
      json({ type: 'urn:irs:problem:possible-duplicate', title: 'Conflict', status: 409, detail: 'exists', room_id: 'r-1' }, 409),
    );
    expect(e.code).toBe('possible-duplicate');
    expect(e.properties).toEqual({ room_id: 'r-1' });
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the RFC 5987 filename*', () => {
    expect(filenameFromDisposition(`attachment; filename="report.pdf"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf`, 'x')).toBe('報告.pdf');
  });
  it('reads a quoted filename with escapes', () => {
    expect(filenameFromDisposition('attachment; filename="a \\"b\\".txt"', 'x')).toBe('a "b".txt');
  });
  it('falls back when absent or malformed', () => {
    expect(filenameFromDisposition(null, 'fallback.json')).toBe('fallback.json');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E5%ZZ", 'f.txt')).toBe('f.txt');
  });
});
