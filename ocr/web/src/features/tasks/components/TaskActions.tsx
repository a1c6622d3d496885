import { Button, Group, Menu } from '@mantine/core';
import { IconDownload, IconPlayerPlay, IconPlayerStop, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, downloadWithToken, notify, useApi } from '@toolocr/platform-web';
import { errorMessage } from '../../../shared/lib/errors';
import { downloadPath, runTaskAction, taskKeys, type TaskAction } from '../api/queries';
import { RESULT_FORMATS, type ResultFormat, type Task, type TaskStatus } from '../api/types';

/**
 * The actions the server accepts in each state (anything else answers 409). Once retention has
 * deleted a task's files there is nothing left to run, so only deleting the row remains.
 */
export function actionsFor(status: TaskStatus, fileDeleted = false): TaskAction[] {
  if (fileDeleted) {
    return status === 'processing' ? [] : ['delete'];
  }
  switch (status) {
    case 'pending':
      return ['start', 'cancel', 'delete'];
    case 'queued':
      return ['cancel', 'delete'];
    case 'processing':
      return ['cancel'];
    case 'completed':
      return ['delete'];
    case 'failed':
    case 'cancelled':
      return ['retry', 'delete'];
  }
}

/** Formats that can be downloaded now, in the fixed menu order. */
export function availableDownloads(task: Pick<Task, 'status' | 'downloads' | 'file_deleted'>): ResultFormat[] {
  if (task.status !== 'completed' || task.file_deleted) return [];
  return RESULT_FORMATS.filter((f) => task.downloads.includes(f));
}

const ICONS = { start: IconPlayerPlay, cancel: IconPlayerStop, retry: IconRefresh, delete: IconTrash };

export function useTaskAction() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: ({ task, action }: { task: Task; action: TaskAction }) => runTaskAction(api, task, action),
    onSuccess: (_data, { task, action }) => {
      notify({ color: 'teal', message: t(`actions.done.${action}`, { name: task.filename }) });
    },
    onError: (error) => notify({ color: 'red', title: t('actions.failed'), message: errorMessage(error, t) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

export function DownloadMenu({ task, compact }: { task: Task; compact?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const formats = availableDownloads(task);
  if (!formats.length) return null;
  const base = task.filename.replace(/\.[^.]+$/, '') || 'result';
  const extension: Record<ResultFormat, string> = { json: 'json', markdown: 'md', pdf: 'pdf', txt: 'txt' };
  const download = async (format: ResultFormat) => {
    try {
      await downloadWithToken(api, downloadPath(task.task_id, format), `${base}.${extension[format]}`);
    } catch (error) {
      notify({ color: 'red', title: t('actions.downloadFailed'), message: errorMessage(error, t) });
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={t('actions.downloadFor', { name: task.filename })}
        >
          {compact ? t('actions.downloadShort') : t('actions.download')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((f) => (
          <Menu.Item key={f} onClick={() => void download(f)}>
            {t(`formats.${f}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Buttons for what can be done with a task in its current state; delete asks first. */
export function TaskActions({ task, onDeleted }: { task: Task; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const mutation = useTaskAction();
  const [confirming, setConfirming] = useState(false);
  const actions = actionsFor(task.status, task.file_deleted);
  const run = (action: TaskAction) => {
    if (action === 'delete') {
      setConfirming(true);
      return;
    }
    mutation.mutate({ task, action });
  };
  return (
    <Group gap={6} wrap="wrap" justify="flex-end">
      <DownloadMenu task={task} compact />
      {actions.map((action) => {
        const Icon = ICONS[action];
        return (
          <Button
            key={action}
            size="xs"
            variant={action === 'delete' ? 'subtle' : 'default'}
            color={action === 'delete' ? 'red' : undefined}
            leftSection={<Icon size={14} aria-hidden />}
            onClick={() => run(action)}
            loading={mutation.isPending && mutation.variables?.action === action && mutation.variables.task.task_id === task.task_id}
            aria-label={t(`actions.${action}For`, { name: task.filename })}
          >
            {t(`actions.${action}`)}
          </Button>
        );
      })}
      <ConfirmDialog
        opened={confirming}
        title={t('actions.deleteTitle')}
        message={t('actions.deleteMessage', { name: task.filename })}
        confirmLabel={t('actions.delete')}
        danger
        busy={mutation.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          mutation.mutate(
            { task, action: 'delete' },
            {
              onSuccess: () => {
                setConfirming(false);
                onDeleted?.();
              },
            },
          )
        }
      />
    </Group>
  );
}
