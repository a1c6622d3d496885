import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../api/types';

export const STATUS_COLORS: Record<TaskStatus, string> = {
  pending: 'gray',
  queued: 'indigo',
  processing: 'blue',
  completed: 'teal',
  failed: 'red',
  cancelled: 'orange',
};

/** The status as a word, coloured only as a second cue (colour alone is not accessible). */
export function StatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" style={{ textTransform: 'none' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
