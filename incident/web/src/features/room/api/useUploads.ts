import { uploadForm, useApi, useErrorMessage } from '@toolocr/platform-web';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../../shared/api/types';
import { addFiles, remove, update, type UploadItem } from '../lib/uploadQueue';

/** The composer's upload queue: each file starts uploading as soon as it is added. */
export function useUploads(roomId: string, onRefused: (name: string, reason: string) => void) {
  const api = useApi();
  const errorText = useErrorMessage();
  const [queue, setQueue] = useState<UploadItem[]>([]);
  const current = useRef<UploadItem[]>([]);
  const aborts = useRef(new Map<string, AbortController>());

  const change = useCallback((next: (q: UploadItem[]) => UploadItem[]) => {
    current.current = next(current.current);
    setQueue(current.current);
  }, []);

  const start = useCallback(
    (item: UploadItem) => {
      const abort = new AbortController();
      aborts.current.set(item.key, abort);
      change((q) => update(q, item.key, { state: 'uploading', progress: 0, error: undefined }));
      uploadForm<Attachment>(
        api,
        `/api/v2/rooms/${encodeURIComponent(roomId)}/files`,
        () => {
          const form = new FormData();
          form.append('file', item.file, item.file.name);
          return form;
        },
        (p) => change((q) => update(q, item.key, { progress: p.total ? p.loaded / p.total : 0 })),
        abort.signal,
      )
        .then((a) => change((q) => update(q, item.key, { state: 'done', progress: 1, fileId: a.id })))
        .catch((e) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          change((q) => update(q, item.key, { state: 'failed', error: errorText(e) }));
        })
        .finally(() => aborts.current.delete(item.key));
    },
    [api, roomId, errorText, change],
  );

  const add = useCallback(
    (files: File[]) => {
      const before = new Set(current.current.map((i) => i.key));
      const { queue: next, refused } = addFiles(current.current, files, (f) => URL.createObjectURL(f));
      refused.forEach((r) => onRefused(r.file.name, r.reason));
      change(() => next);
      next.filter((i) => !before.has(i.key)).forEach(start);
    },
    [onRefused, change, start],
  );

  const drop = useCallback(
    (key: string) => {
      aborts.current.get(key)?.abort();
      const gone = current.current.find((i) => i.key === key);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      change((q) => remove(q, key));
    },
    [change],
  );

  const retry = useCallback(
    (key: string) => {
      const item = current.current.find((i) => i.key === key);
      if (item) start(item);
    },
    [start],
  );

  const clear = useCallback(() => {
    current.current.forEach((i) => i.previewUrl && URL.revokeObjectURL(i.previewUrl));
    change(() => []);
  }, [change]);

  // Leaving the room stops what is still uploading.
  useEffect(() => {
    const running = aborts.current;
    return () => running.forEach((a) => a.abort());
  }, []);

  return { queue, add, drop, retry, clear };
}
