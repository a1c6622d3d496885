import { ApiError, NETWORK_PROBLEM, type ApiClient } from './client';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** What XMLHttpRequest needs from the page; replaced in tests. */
export type XhrFactory = () => XMLHttpRequest;

function parseProblem(xhr: XMLHttpRequest): ApiError {
  let body: Record<string, unknown> = {};
  try {
    body = xhr.responseText ? (JSON.parse(xhr.responseText) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  const retry = xhr.getResponseHeader('Retry-After');
  return new ApiError(
    xhr.status,
    typeof body.type === 'string' ? body.type : 'about:blank',
    typeof body.title === 'string' ? body.title : xhr.statusText,
    typeof body.detail === 'string' ? body.detail : '',
    retry !== null && /^\d+$/.test(retry) ? Number(retry) : undefined,
  );
}

function send(
  xhrFactory: XhrFactory,
  token: string | null,
  path: string,
  form: FormData,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<{ status: number; xhr: XMLHttpRequest }> {
  return new Promise((resolve, reject) => {
    const xhr = xhrFactory();
    xhr.open('POST', path);
    if (token) {
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    }
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress({ loaded: e.loaded, total: e.total });
      }
    };
    xhr.onload = () => resolve({ status: xhr.status, xhr });
    xhr.onerror = () => reject(new ApiError(0, NETWORK_PROBLEM, 'Network error', ''));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/**
 * POSTs a multipart form with upload progress and answers the parsed JSON. XMLHttpRequest, not
 * fetch, because only it reports upload progress. A 401 refreshes the token and repeats the upload
 * once, like every other request, and ends the session when that fails. `form` is called for each
 * attempt (a FormData is not reused).
 */
export async function uploadForm<T>(
  client: ApiClient,
  path: string,
  form: () => FormData,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
  xhrFactory: XhrFactory = () => new XMLHttpRequest(),
): Promise<T> {
  let result = await send(xhrFactory, client.accessToken, path, form(), onProgress, signal);
  if (result.status === 401) {
    const hadSession = client.user !== null;
    if (await client.refresh()) {
      result = await send(xhrFactory, client.accessToken, path, form(), onProgress, signal);
    }
    if (result.status === 401) {
      // As for any other request: back to sign-in, keeping the page.
      client.sessionRefused(hadSession);
    }
  }
  if (result.status < 200 || result.status >= 300) {
    throw parseProblem(result.xhr);
  }
  return JSON.parse(result.xhr.responseText) as T;
}

/** Runs `work` over `items` with at most `limit` running at once, preserving result order. */
export async function runLimited<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index], index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
