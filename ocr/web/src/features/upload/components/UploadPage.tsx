import { Alert, Button, Checkbox, CloseButton, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconCloudUpload, IconFile, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatBytes, notify, useApi, usePageTitle } from '@toolocr/platform-web';
import { errorMessage } from '../../../shared/lib/errors';
import { RESULT_FORMATS, taskKeys, type ResultFormat } from '../../tasks';
import { uploadFile } from '../api/upload';
import { ACCEPTED_TYPES, langParam, nextLanguages, OCR_LANGUAGES, runLimited } from '../lib/uploadQueue';

interface Item {
  key: string;
  file: File;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  loaded: number;
  error?: string;
}

const MAX_BYTES = 200 * 1024 * 1024;

export function UploadPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<Item[]>([]);
  const [languages, setLanguages] = useState<string[]>(['auto']);
  const [formats, setFormats] = useState<string[]>([...RESULT_FORMATS]);
  const [busy, setBusy] = useState(false);
  const [rejected, setRejected] = useState<string[]>([]);
  usePageTitle(t('upload.title'));

  const add = (files: File[]) => {
    setRejected([]);
    setItems((current) => [
      ...current.filter((i) => i.state !== 'done'),
      ...files.map((file, n) => ({ key: `${Date.now()}-${n}-${file.name}`, file, state: 'waiting' as const, loaded: 0 })),
    ]);
  };

  const onReject = (rejections: FileRejection[]) =>
    setRejected(rejections.map((r) => t('upload.rejected', { name: r.file.name })));

  const patch = (key: string, change: Partial<Item>) =>
    setItems((current) => current.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const start = async () => {
    const pending = items.filter((i) => i.state === 'waiting' || i.state === 'failed');
    if (!pending.length) return;
    setBusy(true);
    const options = { lang: langParam(languages), formats: formats as ResultFormat[] };
    const results = await runLimited(pending, 2, async (item) => {
      patch(item.key, { state: 'uploading', loaded: 0, error: undefined });
      try {
        const tasks = await uploadFile(api, item.file, options, (p) => patch(item.key, { loaded: p.loaded / p.total }));
        patch(item.key, { state: 'done', loaded: 1 });
        return tasks;
      } catch (e) {
        patch(item.key, { state: 'failed', error: errorMessage(e, t) });
        throw e;
      }
    });
    setBusy(false);
    await queryClient.invalidateQueries({ queryKey: taskKeys.all });
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const failed = results.length - ok;
    if (failed === 0) {
      notify({ color: 'teal', message: t('upload.done', { count: ok }) });
      navigate('/tasks');
    } else if (ok > 0) {
      notify({ color: 'orange', message: t('upload.partial', { ok, failed }) });
    }
  };

  const canStart = !busy && languages.length > 0 && formats.length > 0 && items.some((i) => i.state === 'waiting' || i.state === 'failed');

  return (
    <Stack maw={900}>
      <Title order={1}>{t('upload.title')}</Title>
      <Text c="dimmed">{t('upload.intro')}</Text>
      <Dropzone
        onDrop={add}
        onReject={onReject}
        accept={ACCEPTED_TYPES}
        maxSize={MAX_BYTES}
        multiple
        disabled={busy}
        inputProps={{ 'aria-label': t('upload.dropLabel') }}
        radius="lg"
      >
        <Group justify="center" gap="lg" mih={150} style={{ pointerEvents: 'none' }} wrap="nowrap">
          <Dropzone.Accept>
            <IconCloudUpload size={48} stroke={1.4} color="var(--mantine-color-blue-6)" aria-hidden />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={48} stroke={1.4} color="var(--mantine-color-red-6)" aria-hidden />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconCloudUpload size={48} stroke={1.4} color="var(--mantine-color-dimmed)" aria-hidden />
          </Dropzone.Idle>
          <div>
            <Text size="lg" fw={600}>
              {t('upload.dropTitle')}
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              {t('upload.dropHint', { size: formatBytes(MAX_BYTES, i18n.language) })}
            </Text>
          </div>
        </Group>
      </Dropzone>
      {rejected.length > 0 && (
        <Alert color="red" role="alert">
          {rejected.map((r) => (
            <div key={r}>{r}</div>
          ))}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Checkbox.Group label={t('upload.languages')} description={t('upload.languagesHint')} value={languages} onChange={(next) => setLanguages((previous) => nextLanguages(previous, next))}>
          <Stack gap={6} mt="xs">
            {OCR_LANGUAGES.map((l) => (
              <Checkbox key={l} value={l} label={t(`languages.${l}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group label={t('upload.formats')} description={t('upload.formatsHint')} value={formats} onChange={setFormats}>
          <Stack gap={6} mt="xs">
            {RESULT_FORMATS.map((f) => (
              <Checkbox key={f} value={f} label={t(`formats.${f}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      </SimpleGrid>

      {items.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Text fw={600} mb="sm" id="upload-list-title">
            {t('upload.files', { count: items.length })}
          </Text>
          <Stack gap="sm" component="ul" aria-labelledby="upload-list-title" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((item) => (
              <li key={item.key}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <IconFile size={18} aria-hidden style={{ flexShrink: 0 }} />
                    <Text size="sm" truncate="end" title={item.file.name}>
                      {item.file.name}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {formatBytes(item.file.size, i18n.language)}
                    </Text>
                  </Group>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="xs" c={item.state === 'failed' ? 'red' : 'dimmed'}>
                      {t(`upload.state.${item.state}`)}
                    </Text>
                    {!busy && item.state !== 'done' && (
                      <CloseButton
                        size="sm"
                        aria-label={t('upload.remove', { name: item.file.name })}
                        onClick={() => setItems((c) => c.filter((i) => i.key !== item.key))}
                      />
                    )}
                  </Group>
                </Group>
                <Progress
                  value={Math.round(item.loaded * 100)}
                  color={item.state === 'failed' ? 'red' : item.state === 'done' ? 'teal' : 'blue'}
                  size="sm"
                  mt={6}
                  aria-label={t('upload.progress', { name: item.file.name })}
                  animated={item.state === 'uploading'}
                />
                {item.error && (
                  <Text size="xs" c="red" mt={4} role="alert">
                    {item.error}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        </Paper>
      )}

      <Group>
        <Button size="md" onClick={start} disabled={!canStart} loading={busy} leftSection={<IconCloudUpload size={18} aria-hidden />}>
          {t('upload.start')}
        </Button>
        {items.some((i) => i.state === 'done') && (
          <Button variant="default" onClick={() => navigate('/tasks')}>
            {t('upload.toHistory')}
          </Button>
        )}
      </Group>
      {languages.length === 0 && <Text size="sm" c="red">{t('upload.needLanguage')}</Text>}
      {formats.length === 0 && <Text size="sm" c="red">{t('upload.needFormat')}</Text>}
    </Stack>
  );
}
