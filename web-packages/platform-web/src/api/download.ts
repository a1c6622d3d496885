import { filenameFromDisposition, type ApiClient } from './client';

/**
 * Downloads with the bearer token. A plain link cannot carry the Authorization header and the
 * token must not appear in a URL, so the file is fetched, held as a blob and handed to the
 * browser's save dialog through a temporary object URL.
 */
export async function downloadWithToken(client: ApiClient, path: string, fallbackName: string): Promise<string> {
  const response = await client.fetch(path, { headers: { Accept: '*/*' } });
  const name = filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Revoking at once can cancel the download in some browsers; give it a moment.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
