import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../../shared/lib/failure';
import { useLiveTasks } from '../api/liveEvents';
import type { Task } from '../api/types';
import { StatusBadge } from './StatusBadge';

/**
 * Status word plus, while it runs, a live progress bar (or the queue position while queued). A
 * failed task's reason is shown too unless the page shows it elsewhere (`withError={false}`).
 */
export function TaskProgress({ task, withError = true }: { task: Task; withError?: boolean }) {
  const { t, i18n } = useTranslation();
  const reason = failureText(task.error_code, task.error_message, t, i18n.language);
  const { positions } = useLiveTasks();
  const position = positions[task.task_id] ?? task.queue_position;
  const percent = Math.round((task.progress ?? 0) * 100);
  return (
    <Stack gap={4} miw={120}>
      <div>
        <StatusBadge status={task.status} />
      </div>
      {task.status === 'processing' && (
        <>
          <Progress
            value={percent}
            size="sm"
            animated
            aria-label={t('tasks.progressLabel', { name: task.filename })}
            aria-valuetext={t('tasks.pagesProgress', { done: task.pages_done, total: task.pages_total ?? '?' })}
          />
          <Text size="xs" c="dimmed">
            {t('tasks.pagesProgress', { done: task.pages_done, total: task.pages_total ?? '?' })}
          </Text>
        </>
      )}
      {task.status === 'queued' && position !== null && position !== undefined && (
        <Text size="xs" c="dimmed">
          {position === 0 ? t('tasks.nextInQueue') : t('tasks.queuePosition', { position: position + 1 })}
        </Text>
      )}
      {withError && task.status === 'failed' && reason && (
        <Text size="xs" c="red" lineClamp={2} title={task.error_message ?? undefined}>
          {reason}
        </Text>
      )}
    </Stack>
  );
}
