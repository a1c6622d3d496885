/**
 * The files waiting under the composer. Each is checked before it goes (size, count), uploads on its
 * own with its own progress bar, and is attached to the next message once uploaded; a failed one
 * stays with its reason until removed or retried.
 */
export type UploadState = 'queued' | 'uploading' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  file: File;
  state: UploadState;
  /** 0…1 */
  progress: number;
  /** The server's file id once uploaded. */
  fileId?: string;
  error?: string;
  /** An object URL for an image's preview; revoked when the item goes. */
  previewUrl?: string;
}

/** INCIDENT-SPEC section 6: 50 MiB by default; the server has the last word. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_FILES = 10;

const IMAGE = /^image\/(png|jpeg|gif|webp|bmp|tiff)$/;

export function isPreviewable(file: Pick<File, 'type'>): boolean {
  return IMAGE.test(file.type);
}

let counter = 0;

/** Adds files to the queue; those over the size or count limit come back as refused. */
export function addFiles(
  queue: UploadItem[],
  files: File[],
  makePreview: (f: File) => string | undefined = () => undefined,
): { queue: UploadItem[]; refused: { file: File; reason: 'too-large' | 'too-many' | 'empty' }[] } {
  const refused: { file: File; reason: 'too-large' | 'too-many' | 'empty' }[] = [];
  const next = [...queue];
  for (const file of files) {
    if (file.size === 0) refused.push({ file, reason: 'empty' });
    else if (file.size > MAX_FILE_BYTES) refused.push({ file, reason: 'too-large' });
    else if (next.length >= MAX_FILES) refused.push({ file, reason: 'too-many' });
    else
      next.push({
        key: `u${++counter}`,
        file,
        state: 'queued',
        progress: 0,
        previewUrl: isPreviewable(file) ? makePreview(file) : undefined,
      });
  }
  return { queue: next, refused };
}

export function update(queue: UploadItem[], key: string, change: Partial<UploadItem>): UploadItem[] {
  return queue.map((i) => (i.key === key ? { ...i, ...change } : i));
}

export function remove(queue: UploadItem[], key: string): UploadItem[] {
  return queue.filter((i) => i.key !== key);
}

/** A message may go when nothing is still uploading; failed files are left out of it. */
export function readyToSend(queue: UploadItem[]): boolean {
  return !queue.some((i) => i.state === 'queued' || i.state === 'uploading');
}

export function attachmentIds(queue: UploadItem[]): string[] {
  return queue.filter((i) => i.state === 'done' && i.fileId).map((i) => i.fileId!);
}

/** Overall progress of the uploads in the queue, weighted by size. */
export function totalProgress(queue: UploadItem[]): number {
  const total = queue.reduce((s, i) => s + i.file.size, 0);
  if (total === 0) return 0;
  return queue.reduce((s, i) => s + i.file.size * (i.state === 'done' ? 1 : i.progress), 0) / total;
}

/** Files from a paste or a drop; pasted screenshots arrive nameless and get one. */
export function filesFromTransfer(items: DataTransferItemList | null | undefined, files: FileList | null | undefined, now = new Date()): File[] {
  const out: File[] = [];
  if (files && files.length > 0) {
    for (const f of Array.from(files)) out.push(f);
  } else if (items) {
    for (const item of Array.from(items)) {
      if (item.kind !== 'file') continue;
      const f = item.getAsFile();
      if (f) out.push(f);
    }
  }
  return out.map((f) => (f.name && f.name !== 'image.png' ? f : new File([f], pastedName(f.type, now), { type: f.type })));
}

export function pastedName(type: string, now: Date): string {
  const ext = type.split('/')[1]?.replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '') || 'bin';
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `pasted-${stamp}.${ext}`;
}
