import { vi } from 'vitest';

export type Handler = (request: { method: string; url: URL; headers: Headers; body: unknown }) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, slug: string, detail = '', headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: `urn:tool-ocr:problem:${slug}`, title: 'Error', status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/**
 * A fetch double that routes "METHOD /path" to handlers and records every call, so tests assert on
 * what the client really sent (headers, query, body).
 */
export function fakeFetch(routes: Record<string, Handler>) {
  const calls: { method: string; url: URL; headers: Headers; body: unknown }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    let body: unknown = init?.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        // keep the raw string
      }
    }
    const call = { method, url, headers, body };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) {
      return problem(404, 'not-found', `no fake route for ${method} ${url.pathname}`);
    }
    return handler(call);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

export const USER = { id: 'u1', email: 'alice@example.com', display_name: 'Alice Wang', is_admin: false };
export const ADMIN = { ...USER, id: 'a1', email: 'root@example.com', display_name: 'Root Admin', is_admin: true };

export function tokens(token: string, expiresIn = 1800, user = USER) {
  return { access_token: token, token_type: 'bearer', expires_in: expiresIn, user };
}
