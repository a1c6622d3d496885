import { describe, expect, it } from 'vitest';
import { addFiles, attachmentIds, filesFromTransfer, MAX_FILE_BYTES, MAX_FILES, pastedName, readyToSend, remove, totalProgress, update } from './uploadQueue';

const file = (name: string, size: number, type = 'image/jpeg') => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('upload queue', () => {
  it('refuses empty, too large and too many files, and previews only images', () => {
    const many = Array.from({ length: MAX_FILES + 1 }, (_, i) => file(`p${i}.jpg`, 10));
    const { queue, refused } = addFiles([], [file('empty.jpg', 0), file('huge.jpg', MAX_FILE_BYTES + 1), file('notes.pdf', 10, 'application/pdf'), ...many], () => 'blob:x');
    expect(queue).toHaveLength(MAX_FILES);
    expect(refused.map((r) => r.reason)).toEqual(['empty', 'too-large', 'too-many', 'too-many']);
    expect(queue[0].previewUrl).toBeUndefined();
    expect(queue[1].previewUrl).toBe('blob:x');
  });

  it('holds the message until uploads finish, and attaches only the uploaded files', () => {
    let { queue } = addFiles([], [file('a.jpg', 100), file('b.jpg', 300)]);
    const [a, b] = queue;
    queue = update(queue, a.key, { state: 'uploading', progress: 0.5 });
    expect(readyToSend(queue)).toBe(false);
    expect(totalProgress(queue)).toBeCloseTo(50 / 400);
    queue = update(queue, a.key, { state: 'done', fileId: 'f-a' });
    queue = update(queue, b.key, { state: 'failed', error: 'too large' });
    expect(readyToSend(queue)).toBe(true);
    expect(attachmentIds(queue)).toEqual(['f-a']);
    expect(remove(queue, b.key)).toHaveLength(1);
  });

  it('names pasted screenshots', () => {
    const pasted = new File(['x'], 'image.png', { type: 'image/png' });
    const items = [{ kind: 'file', getAsFile: () => pasted }, { kind: 'string', getAsFile: () => null }] as unknown as DataTransferItemList;
    const out = filesFromTransfer(items, null, new Date(Date.UTC(2026, 0, 5, 8, 30, 0)));
    expect(out.map((f) => f.name)).toEqual(['pasted-20260105-083000.png']);
    expect(pastedName('image/jpeg', new Date(Date.UTC(2026, 0, 5)))).toBe('pasted-20260105-000000.jpg');
  });
});
