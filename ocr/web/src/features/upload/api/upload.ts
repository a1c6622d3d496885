import { ApiError, NETWORK_PROBLEM, type ApiClient } from '@toolocr/platform-web';
import type { Task } from '../../tasks';

export interface UploadOptions {
  lang: string;
  formats: string[];
}

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
  file: File,
  options: UploadOptions,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<{ status: number; xhr: XMLHttpRequest }> {
  return new Promise((resolve, reject) => {
    const xhr = xhrFactory();
    xhr.open('POST', '/api/v2/tasks');
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
    const form = new FormData();
    form.append('file', file, file.name);
    if (options.lang) form.append('lang', options.lang);
    if (options.formats.length) form.append('formats', options.formats.join(','));
    xhr.send(form);
  });
}

/**
 * Uploads one file as one task. XMLHttpRequest, not fetch, because only it reports upload
 * progress. Files go one request each so that every file has its own progress bar and a rejected
 * file (wrong type, too large) does not fail its neighbours. A 401 refreshes the token and
 * repeats the upload once, like every other request, and ends the session when that fails.
 */
export async function uploadFile(
  client: ApiClient,
  file: File,
  options: UploadOptions,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
  xhrFactory: XhrFactory = () => new XMLHttpRequest(),
): Promise<Task[]> {
  let result = await send(xhrFactory, client.accessToken, file, options, onProgress, signal);
  if (result.status === 401) {
    const hadSession = client.user !== null;
    if (await client.refresh()) {
      result = await send(xhrFactory, client.accessToken, file, options, onProgress, signal);
    }
    if (result.status === 401) {
      // As for any other request: back to sign-in, keeping the page.
      client.sessionRefused(hadSession);
    }
  }
  if (result.status < 200 || result.status >= 300) {
    throw parseProblem(result.xhr);
  }
  const body = JSON.parse(result.xhr.responseText) as { tasks: Task[] };
  return body.tasks;
}
