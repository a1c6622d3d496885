import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@toolocr/platform-web';
import { downloadPath, taskKeys } from '../../tasks';
import { openPdf } from '../lib/pdf';
import type { OcrDocument } from './types';

/**
 * A run's result files do not change, so they are fetched once per run (`completedAt` changes when a
 * retry completes) and kept; under the `tasks` key they are dropped with the task.
 */
export const resultQueries = {
  json: (api: ApiClient, taskId: string, completedAt: string | null | undefined) =>
    queryOptions({
      queryKey: taskKeys.result(taskId, 'json', completedAt),
      staleTime: Infinity,
      queryFn: async () => (await api.fetch(downloadPath(taskId, 'json'))).json() as Promise<OcrDocument>,
    }),
  /** The searchable PDF, opened with pdf.js: its pages are the images the text came from. */
  pdf: (api: ApiClient, taskId: string, completedAt: string | null | undefined) =>
    queryOptions({
      queryKey: taskKeys.result(taskId, 'pdf', completedAt),
      staleTime: Infinity,
      gcTime: 60_000,
      queryFn: async () => openPdf(await (await api.fetch(downloadPath(taskId, 'pdf'), { headers: { Accept: 'application/pdf' } })).arrayBuffer()),
    }),
};
