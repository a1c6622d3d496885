import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { OcrPage, TaskList } from '../api/types';
import { actionsFor, availableDownloads } from '../components/TaskActions';
import { statCards } from '../components/StatCards';
import { orderSessions } from '../pages/SessionsPage';
import { task } from '../test/fixtures';
import { auditFiltersToParams, parseAuditFilters } from './auditFilters';
import { formatBytes, formatDurationMs, formatRelative } from './format';
import { boxStyle, isLowConfidence, summarisePage } from './ocrResult';
import { applyTaskEvent, handleTaskEvent } from './taskEvents';
import { describeUserAgent } from './userAgent';

describe('actions per status', () => {
  it('offers what the server allows', () => {
    expect(actionsFor('pending')).toEqual(['start', 'cancel', 'delete']);
    expect(actionsFor('queued')).toEqual(['cancel', 'delete']);
    expect(actionsFor('processing')).toEqual(['cancel']);
    expect(actionsFor('completed')).toEqual(['delete']);
    expect(actionsFor('failed')).toEqual(['retry', 'delete']);
    expect(actionsFor('cancelled')).toEqual(['retry', 'delete']);
    expect(actionsFor('failed', true)).toEqual(['delete']);
    expect(actionsFor('pending', true)).toEqual(['delete']);
  });

  it('offers downloads only for completed tasks whose files still exist, in a fixed order', () => {
    expect(availableDownloads({ status: 'completed', downloads: ['txt', 'json'], file_deleted: false })).toEqual(['json', 'txt']);
    expect(availableDownloads({ status: 'completed', downloads: ['txt'], file_deleted: true })).toEqual([]);
    expect(availableDownloads({ status: 'failed', downloads: ['txt'], file_deleted: false })).toEqual([]);
  });
});

describe('stat cards', () => {
  it('adds pending and queued together', () => {
    const cards = statCards({ total: 10, pending: 2, queued: 3, processing: 1, completed: 3, failed: 1, cancelled: 0 });
    expect(cards.map((c) => [c.key, c.value])).toEqual([
      ['total', 10],
      ['waiting', 5],
      ['processing', 1],
      ['completed', 3],
      ['failed', 1],
    ]);
  });
});

describe('live task events', () => {
  const running = task({ task_id: 'a', status: 'processing', pages_done: 1, pages_total: 4, progress: 0.25, downloads: [] });

  it('moves progress and status of the matching task only', () => {
    expect(applyTaskEvent(running, { task_id: 'a', status: 'processing', pages_done: 3, pages_total: 4 })).toMatchObject({ pages_done: 3, progress: 0.75 });
    expect(applyTaskEvent(running, { task_id: 'b', status: 'failed', pages_done: 0, pages_total: 1 })).toBe(running);
    expect(applyTaskEvent(running, { task_id: 'a', status: 'completed', pages_done: 4, pages_total: 4 }).progress).toBe(1);
  });

  it('updates every cached list and refetches when the status changes', async () => {
    const qc = new QueryClient();
    const list: TaskList = { tasks: [running], total: 1, page: 1, page_size: 20, has_more: false };
    qc.setQueryData(['tasks', 'list', 'q1'], list);
    qc.setQueryData(['tasks', 'list', 'q2'], list);
    handleTaskEvent(qc, { task_id: 'a', status: 'processing', pages_done: 2, pages_total: 4 });
    expect(qc.getQueryData<TaskList>(['tasks', 'list', 'q2'])!.tasks[0].pages_done).toBe(2);
    expect(qc.getQueryState(['tasks', 'list', 'q1'])!.isInvalidated).toBe(false);
    handleTaskEvent(qc, { task_id: 'a', status: 'completed', pages_done: 4, pages_total: 4 });
    expect(qc.getQueryData<TaskList>(['tasks', 'list', 'q1'])!.tasks[0].status).toBe('completed');
    expect(qc.getQueryState(['tasks', 'list', 'q1'])!.isInvalidated).toBe(true);
  });
});

describe('user agents', () => {
  it('names browser, system and phones', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0')).toEqual({ browser: 'Edge', os: 'Windows', mobile: false });
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toEqual({ browser: 'Safari', os: 'iOS', mobile: true });
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toEqual({ browser: 'Firefox', os: 'Linux', mobile: false });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null, mobile: false });
  });
});

describe('sessions order', () => {
  it('puts the current session first, then the most recently active', () => {
    const s = (id: string, at: string, current = false) => ({ id, created_at: at, last_access_at: at, expires_at: at, ip_address: null, user_agent: null, current });
    expect(orderSessions([s('old', '2026-01-01T00:00:00Z'), s('me', '2025-01-01T00:00:00Z', true), s('new', '2026-06-01T00:00:00Z')]).map((x) => x.id)).toEqual(['me', 'new', 'old']);
  });
});

describe('OCR result helpers', () => {
  const page: OcrPage = {
    number: 1,
    width: 1000,
    height: 2000,
    dpi: 300,
    rotation: 0,
    skew: 0,
    text_source: 'ocr',
    text: '',
    blocks: [
      {
        bbox: { x0: 0, y0: 0, x1: 1, y1: 1 },
        confidence: 0.9,
        lines: [
          {
            bbox: { x0: 0, y0: 0, x1: 1, y1: 1 },
            confidence: 0.9,
            words: [
              { text: 'good', bbox: { x0: 100, y0: 200, x1: 300, y1: 260 }, confidence: 0.95 },
              { text: 'blurry', bbox: { x0: 320, y0: 200, x1: 400, y1: 260 }, confidence: 0.41 },
            ],
          },
        ],
      },
    ],
  };

  it('flags words under 60% confidence', () => {
    expect(isLowConfidence({ confidence: 0.59 })).toBe(true);
    expect(isLowConfidence({ confidence: 0.6 })).toBe(false);
    expect(summarisePage(page)).toMatchObject({ words: 2, lowWords: 1 });
    expect(summarisePage(page).meanConfidence).toBeCloseTo(0.68);
  });

  it('places a word box in page percentages', () => {
    expect(boxStyle(page.blocks[0].lines[0].words[0], page)).toEqual({ left: '10.000%', top: '10.000%', width: '20.000%', height: '3.000%' });
  });
});

describe('audit filters', () => {
  it('round-trips through the URL and drops junk', () => {
    const f = parseAuditFilters(new URLSearchParams('email=a@b.c&event_type=login_failure&outcome=failure&date_from=2026-01-01&page=3'));
    expect(f).toEqual({ email: 'a@b.c', eventType: 'login_failure', outcome: 'failure', dateFrom: '2026-01-01', dateTo: null, page: 3 });
    expect(auditFiltersToParams(f).toString()).toBe('email=a%40b.c&event_type=login_failure&outcome=failure&date_from=2026-01-01&page=3');
    expect(parseAuditFilters(new URLSearchParams('event_type=DROP TABLE&outcome=maybe'))).toMatchObject({ eventType: null, outcome: null });
  });
});

describe('formatting', () => {
  it('formats sizes, durations and relative times', () => {
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(-1, 'en')).toBe('—');
    expect(formatDurationMs(850, 'en')).toBe('850 ms');
    expect(formatDurationMs(95_000, 'en')).toBe('1 min 35 sec');
    expect(formatDurationMs(119_600, 'en')).toBe('2 min 0 sec');
    expect(formatDurationMs(1_500, 'zh-TW')).toBe('1.5 秒');
    expect(formatDurationMs(95_000, 'zh-TW')).toBe('1 分鐘 35 秒');
    expect(formatRelative('2026-01-01T00:00:00Z', 'en', Date.parse('2026-01-01T00:05:00Z'))).toBe('5 minutes ago');
  });
});

