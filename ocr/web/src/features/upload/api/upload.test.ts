import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '@toolocr/platform-web';
import { fakeFetch, json, problem, tokens } from '@toolocr/platform-web/testing';
import { langParam, nextLanguages, runLimited } from '../lib/uploadQueue';
import { uploadFile } from './upload';

/** Scripted XMLHttpRequest: reports upload progress, then answers with the next scripted status. */
class FakeXhr {
  static answers: { status: number; body: unknown }[] = [];
  static sent: { headers: Record<string, string>; form: FormData }[] = [];
  headers: Record<string, string> = {};
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open() {}
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return null;
  }
  abort() {
    this.onabort?.();
  }
  send(form: FormData) {
    FakeXhr.sent.push({ headers: this.headers, form });
    const answer = FakeXhr.answers.shift()!;
    queueMicrotask(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
      this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
      this.status = answer.status;
      this.responseText = JSON.stringify(answer.body);
      this.onload?.();
    });
  }
}

async function signedIn(token = 'tok') {
  const server = fakeFetch({
    'POST /api/v2/auth/login': () => json(tokens(token)),
    'POST /api/v2/auth/refresh': () => json(tokens('renewed')),
  });
  const client = new ApiClient({ fetch: server.fetch });
  await client.login('a', 'b');
  return client;
}

const file = new File(['%PDF-1.4'], 'scan.pdf', { type: 'application/pdf' });
const factory = () => new FakeXhr() as unknown as XMLHttpRequest;

describe('uploadFile', () => {
  it('sends the file, language and formats with the bearer token and reports progress', async () => {
    FakeXhr.answers = [{ status: 201, body: { tasks: [{ task_id: 't1' }] } }];
    FakeXhr.sent = [];
    const progress: number[] = [];
    const tasks = await uploadFile(await signedIn(), file, { lang: 'eng+chi_tra', formats: ['json', 'pdf'] }, (p) => progress.push(p.loaded / p.total), undefined, factory);

    expect(tasks).toEqual([{ task_id: 't1' }]);
    expect(progress).toEqual([0.5, 1]);
    const sent = FakeXhr.sent[0];
    expect(sent.headers.Authorization).toBe('Bearer tok');
    expect((sent.form.get('file') as File).name).toBe('scan.pdf');
    expect(sent.form.get('lang')).toBe('eng+chi_tra');
    expect(sent.form.get('formats')).toBe('json,pdf');
  });

  it('refreshes and repeats the upload once after a 401', async () => {
    FakeXhr.answers = [
      { status: 401, body: { type: 'urn:tool-ocr:problem:unauthenticated' } },
      { status: 201, body: { tasks: [{ task_id: 't2' }] } },
    ];
    FakeXhr.sent = [];
    const tasks = await uploadFile(await signedIn('old'), file, { lang: 'eng', formats: [] }, () => {}, undefined, factory);
    expect(tasks).toEqual([{ task_id: 't2' }]);
    expect(FakeXhr.sent.map((s) => s.headers.Authorization)).toEqual(['Bearer old', 'Bearer renewed']);
    expect(FakeXhr.sent[1].form.get('formats')).toBeNull();
  });

  it('ends the session (back to sign-in) when the refresh after a 401 fails', async () => {
    FakeXhr.answers = [{ status: 401, body: { type: 'urn:tool-ocr:problem:unauthenticated' } }];
    FakeXhr.sent = [];
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('tok')),
      'POST /api/v2/auth/refresh': () => problem(401, 'unauthenticated'),
    });
    const client = new ApiClient({ fetch: server.fetch });
    await client.login('a', 'b');
    let ended = 0;
    client.onSessionEnd(() => ended++);

    const error = await uploadFile(client, file, { lang: 'eng', formats: [] }, () => {}, undefined, factory).catch((e) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(ended).toBe(1);
    expect(client.accessToken).toBeNull();
    expect(FakeXhr.sent).toHaveLength(1);
  });

  it('turns a rejected upload into an ApiError with the server detail', async () => {
    FakeXhr.answers = [{ status: 415, body: { type: 'urn:tool-ocr:problem:unsupported-file-type', title: 'Unsupported', detail: 'Not an image or PDF.' } }];
    const error = await uploadFile(await signedIn(), file, { lang: 'eng', formats: [] }, () => {}, undefined, factory).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 415, detail: 'Not an image or PDF.' });
  });
});

describe('upload helpers', () => {
  it('orders languages the same way whatever the click order', () => {
    expect(langParam(['chi_tra', 'eng'])).toBe('eng+chi_tra');
    expect(langParam([])).toBe('');
    expect(langParam(['auto'])).toBe('auto');
  });

  it('keeps auto alone: ticking it clears the named languages, ticking one clears auto', () => {
    expect(nextLanguages(['eng', 'chi_tra'], ['eng', 'chi_tra', 'auto'])).toEqual(['auto']);
    expect(nextLanguages(['auto'], ['auto', 'chi_tra'])).toEqual(['chi_tra']);
    expect(nextLanguages(['eng', 'chi_tra'], ['chi_tra'])).toEqual(['chi_tra']);
  });

  it('runs at most `limit` uploads at once and keeps results in order', async () => {
    let running = 0;
    let peak = 0;
    const results = await runLimited([30, 10, 20, 5], 2, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      if (i === 2) throw new Error('bad file');
      return i;
    });
    expect(peak).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results[3]).toEqual({ status: 'fulfilled', value: 3 });
  });
});
