import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoomStatus, Severity } from '../api/types';

export const SEVERITY_COLOR: Record<Severity, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };
const STATUS_COLOR: Record<RoomStatus, string> = {
  open: 'red',
  acknowledged: 'orange',
  in_progress: 'blue',
  resolved: 'teal',
  closed: 'gray',
  cancelled: 'gray',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOR[severity]} variant={severity === 'critical' ? 'filled' : 'light'} data-severity={severity}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: RoomStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="room-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
