import type { TokenResponse, User } from './types';

/** An RFC 9457 problem answered by the server, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  /** Seconds to wait before trying again (429), from Retry-After or the problem body. */
  readonly retryAfterSeconds?: number;
  /** The problem's extension members (RFC 9457 section 3.2), e.g. the `room_id` of a duplicate. */
  readonly properties: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    type: string,
    title: string,
    detail: string,
    retryAfterSeconds?: number,
    properties: Record<string, unknown> = {},
  ) {
    super(detail || title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
    this.properties = properties;
  }

  /**
   * The last part of the problem type, e.g. `invalid-credentials` of
   * `urn:tool-ocr:problem:invalid-credentials`. Any app's `urn:<app>:problem:` base is taken off,
   * so one client serves every server of the platform.
   */
  get code(): string {
    const base = PROBLEM_BASE.exec(this.type);
    return base ? this.type.slice(base[0].length) : this.type;
  }
}

const PROBLEM_BASE = /^urn:[a-z0-9-]+:problem:/i;

/** The type of the problem this client makes up when no answer came (status 0). */
export const NETWORK_PROBLEM = 'urn:platform:problem:network';

/** The members every problem has; the rest of a problem body are its extensions. */
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance']);

/** Builds an ApiError from any non-2xx response, whether or not it carries problem+json. */
export async function problemFrom(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const text = await response.text();
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  const header = response.headers.get('Retry-After');
  const fromHeader = header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
  const fromBody = typeof body.retry_after_seconds === 'number' ? body.retry_after_seconds : undefined;
  return new ApiError(
    response.status,
    typeof body.type === 'string' ? body.type : 'about:blank',
    typeof body.title === 'string' ? body.title : response.statusText,
    typeof body.detail === 'string' ? body.detail : '',
    fromHeader ?? fromBody,
    Object.fromEntries(Object.entries(body).filter(([k]) => !PROBLEM_MEMBERS.has(k))),
  );
}

export function networkError(cause: unknown): ApiError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, NETWORK_PROBLEM, 'Network error', message);
}

/**
 * Waits before asking again after a refresh lost a race with another (409): the winner's answer,
 * which carries the new cookie, may reach the browser later than ours. The server accepts such
 * retries for 10 seconds after the race; these add up to well under that.
 */
export const REFRESH_CONFLICT_RETRY_MS = [300, 1000, 2000, 3500] as const;

/** Refresh this long before the access token expires (SPEC 4.3). */
export const REFRESH_AHEAD_MS = 5 * 60 * 1000;

/**
 * When to refresh a token that lives `expiresInSeconds`. Normally five minutes before expiry; a
 * token shorter-lived than ten minutes (a deployment's choice) is refreshed at half its life
 * instead, so the client never refreshes in a tight loop.
 */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lifetime = Math.max(0, expiresInSeconds * 1000);
  return lifetime > 2 * REFRESH_AHEAD_MS ? lifetime - REFRESH_AHEAD_MS : lifetime / 2;
}

export interface ApiClientOptions {
  /** Prefix of every request path, e.g. `https://ocr.example.com` when the API is on another origin. */
  baseUrl?: string;
  /** Where the server's auth endpoints are (login, refresh, logout); `/api/v2/auth` by default. */
  authPath?: string;
  /**
   * Name of the browser lock that serialises refreshes across tabs. Two apps on one origin must use
   * different names only if they keep separate sessions (they then have separate cookies too).
   */
  lockName?: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Serialises refreshes across browser tabs; absent in tests and old browsers. */
  locks?: Pick<LockManager, 'request'>;
}

type Json = Record<string, unknown> | unknown[];

export interface RequestOptions extends Omit<RequestInit, 'body'> {
  json?: Json;
  body?: BodyInit | null;
}

/**
 * The only holder of the access token: it lives in this object's memory, never in storage, so a
 * script injected into the page after a reload finds nothing to steal. The refresh token is an
 * HttpOnly cookie the browser sends only to the auth path.
 */
export class ApiClient {
  private token: string | null = null;
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflightRefresh: Promise<boolean> | null = null;
  private readonly listeners = new Set<(user: User | null) => void>();
  private readonly tokenListeners = new Set<() => void>();
  private currentUser: User | null = null;
  private readonly baseUrl: string;
  private readonly authPath: string;
  private readonly lockName: string;
  private readonly doFetch: typeof fetch;
  private readonly now: () => number;
  private readonly locks?: Pick<LockManager, 'request'>;

  private readonly sessionEndListeners = new Set<() => void>();

  /** True after a session ended under the user (revoked, expired) until the next sign-in. */
  sessionEnded = false;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.authPath = options.authPath ?? '/api/v2/auth';
    this.lockName = options.lockName ?? 'platform-refresh';
    this.doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? (() => Date.now());
    this.locks = options.locks;
  }

  get user(): User | null {
    return this.currentUser;
  }

  /** Where the auth endpoints are (the sessions list too). */
  get authBasePath(): string {
    return this.authPath;
  }

  get accessToken(): string | null {
    return this.token;
  }

  /** Subscribes to sign-in/sign-out; returns the unsubscribe function. */
  subscribe(listener: (user: User | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Subscribes to the end of a session under the user: a request needed a refresh that failed.
   * Returns the unsubscribe function.
   */
  onSessionEnd(listener: () => void): () => void {
    this.sessionEndListeners.add(listener);
    return () => this.sessionEndListeners.delete(listener);
  }

  /** Subscribes to new access tokens (the event stream reconnects with the new one). */
  onToken(listener: () => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  async login(username: string, password: string): Promise<User> {
    const response = await this.send(`${this.authPath}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
      credentials: 'same-origin',
    });
    if (!response.ok) {
      throw await problemFrom(response);
    }
    const tokens = (await response.json()) as TokenResponse;
    this.accept(tokens);
    return tokens.user;
  }

  /**
   * Resumes a session after a page load from the refresh cookie; null when there is none. The
   * token is in memory only, so every load starts here.
   */
  async restore(): Promise<User | null> {
    return (await this.refresh()) ? this.currentUser : null;
  }

  async logout(): Promise<void> {
    try {
      const headers: Record<string, string> = {};
      if (this.token) {
        headers.Authorization = `Bearer ${this.token}`;
      }
      await this.send(`${this.authPath}/logout`, { method: 'POST', headers, credentials: 'same-origin' });
    } catch {
      // Signing out locally must succeed even when the server cannot be reached.
    } finally {
      this.clear();
    }
  }

  /**
   * Gets a new access token with the refresh cookie. Concurrent callers share one request: the
   * server rotates the refresh token, and a second request with the old cookie would be refused.
   */
  refresh(): Promise<boolean> {
    if (!this.inflightRefresh) {
      const run = () => this.doRefresh();
      const attempt = this.locks ? this.locks.request(this.lockName, run) : run();
      this.inflightRefresh = (attempt as Promise<boolean>).finally(() => {
        this.inflightRefresh = null;
      });
    }
    return this.inflightRefresh;
  }

  private async doRefresh(): Promise<boolean> {
    let response: Response;
    try {
      response = await this.sendRefresh();
      // Another refresh of this session (this tab's before a reload, say) rotated the token while
      // ours was on its way; the browser has the newer cookie once that one answers.
      for (const wait of REFRESH_CONFLICT_RETRY_MS) {
        if (response.status !== 409) break;
        await new Promise((r) => setTimeout(r, wait));
        response = await this.sendRefresh();
      }
    } catch {
      return false;
    }
    if (!response.ok) {
      if (response.status === 401 || response.status === 403) {
        this.clear();
      }
      return false;
    }
    this.accept((await response.json()) as TokenResponse);
    return true;
  }

  /**
   * keepalive: a page reloaded while its refresh is on the way must not drop the answer, because
   * the server has rotated the token by then and only that answer carries the new cookie.
   */
  private sendRefresh(): Promise<Response> {
    return this.send(`${this.authPath}/refresh`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      keepalive: true,
    });
  }

  /** JSON request with the bearer token; answers the parsed body (undefined for 204). */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.fetch(path, options);
    if (response.status === 204) {
      return undefined as T;
    }
    const type = response.headers.get('Content-Type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  }

  /**
   * A request with the bearer token that answers the raw response when it succeeded. After a 401
   * it refreshes once and repeats the request once; if the refresh fails the session is over.
   */
  async fetch(path: string, options: RequestOptions = {}): Promise<Response> {
    const hadSession = this.currentUser !== null;
    if (this.token && this.now() >= this.expiresAt) {
      // A sleeping laptop can miss the refresh timer; do not send a token known to be stale.
      await this.refresh();
    }
    let response = await this.authorised(path, options);
    if (response.status === 401) {
      const refreshed = await this.refresh();
      if (!refreshed) {
        this.endSession(hadSession);
        throw await problemFrom(response);
      }
      response = await this.authorised(path, options);
      if (response.status === 401) {
        this.endSession(hadSession);
      }
    }
    if (!response.ok) {
      throw await problemFrom(response);
    }
    return response;
  }

  private async authorised(path: string, options: RequestOptions): Promise<Response> {
    const { json, headers, body, ...rest } = options;
    const merged = new Headers(headers);
    if (this.token) {
      merged.set('Authorization', `Bearer ${this.token}`);
    }
    if (!merged.has('Accept')) {
      merged.set('Accept', 'application/json, application/problem+json');
    }
    let payload: BodyInit | null | undefined = body;
    if (json !== undefined) {
      merged.set('Content-Type', 'application/json');
      payload = JSON.stringify(json);
    }
    return this.send(path, { ...rest, headers: merged, body: payload });
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await this.doFetch(this.baseUrl + path, init);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        throw e;
      }
      throw networkError(e);
    }
  }

  private accept(tokens: TokenResponse) {
    this.token = tokens.access_token;
    this.sessionEnded = false;
    this.expiresAt = this.now() + tokens.expires_in * 1000;
    this.currentUser = tokens.user;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      const hadSession = this.currentUser !== null;
      void this.refresh().then((ok) => {
        if (!ok && this.token === null) {
          this.endSession(hadSession);
        }
      });
    }, refreshDelayMs(tokens.expires_in));
    this.listeners.forEach((l) => l(this.currentUser));
    this.tokenListeners.forEach((l) => l());
  }

  /**
   * A request sent outside `fetch` (an XHR upload) was refused even after a refresh: the session is
   * over. `hadSession`: whether the user was signed in when that request went out.
   */
  sessionRefused(hadSession: boolean): void {
    this.endSession(hadSession);
  }

  private endSession(hadSession: boolean) {
    this.sessionEnded = hadSession;
    this.clear();
    if (hadSession) {
      this.sessionEndListeners.forEach((l) => l());
    }
  }

  private clear() {
    const hadUser = this.currentUser !== null;
    this.token = null;
    this.expiresAt = 0;
    this.currentUser = null;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (hadUser) {
      this.listeners.forEach((l) => l(null));
    }
  }
}

/** Reads the file name from an RFC 6266 Content-Disposition header (filename* wins). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) {
    return fallback;
  }
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // Malformed percent-encoding: fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("((?:\\.|[^"\\])*)"|[^;]+)/i.exec(header);
  if (plain) {
    const value = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1].trim();
    if (value) {
      return value;
    }
  }
  return fallback;
}
