import { describe, expect, it } from 'vitest';
import { statCards } from './StatCards';
import { actionsFor, availableDownloads } from './TaskActions';

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
