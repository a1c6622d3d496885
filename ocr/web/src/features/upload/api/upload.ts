import { uploadForm, type ApiClient, type UploadProgress, type XhrFactory } from '@toolocr/platform-web';
import type { Task } from '../../tasks';

export interface UploadOptions {
  lang: string;
  formats: string[];
}

/**
 * Uploads one file as one task, with the shared progress upload. Files go one request each so that
 * every file has its own progress bar and a rejected file (wrong type, too large) does not fail its
 * neighbours.
 */
export async function uploadFile(
  client: ApiClient,
  file: File,
  options: UploadOptions,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
  xhrFactory: XhrFactory = () => new XMLHttpRequest(),
): Promise<Task[]> {
  const form = () => {
    const data = new FormData();
    data.append('file', file, file.name);
    if (options.lang) data.append('lang', options.lang);
    if (options.formats.length) data.append('formats', options.formats.join(','));
    return data;
  };
  const body = await uploadForm<{ tasks: Task[] }>(client, '/api/v2/tasks', form, onProgress, signal, xhrFactory);
  return body.tasks;
}
