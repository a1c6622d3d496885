import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Pagination,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { downloadWithToken, formatBytes, formatDateTime, formatDurationMs, notify, useApi, usePageTitle } from '@toolocr/platform-web';
import { errorMessage } from '../../../shared/lib/errors';
import { failureText, readsServerLanguage } from '../../../shared/lib/failure';
import { availableDownloads, downloadPath, TaskActions, TaskProgress, taskQueries, type ResultFormat } from '../../tasks';
import { resultQueries } from '../api/queries';
import type { OcrDocument, OcrPage } from '../api/types';
import { boxStyle, isLowConfidence, LOW_CONFIDENCE, summarisePage } from '../lib/ocrResult';
import type { openPdf } from '../lib/pdf';
import { PdfPageImage } from './PdfPageImage';

const EXT: Record<ResultFormat, string> = { json: 'json', markdown: 'md', pdf: 'pdf', txt: 'txt' };

export default function TaskDetailPage() {
  const { taskId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const task = useQuery(taskQueries.detail(api, taskId));
  usePageTitle(task.data?.filename ?? t('detail.title'));

  const downloads = task.data ? availableDownloads(task.data) : [];
  const result = useQuery({ ...resultQueries.json(api, taskId, task.data?.completed_at), enabled: downloads.includes('json') });
  const pdf = useQuery({ ...resultQueries.pdf(api, taskId, task.data?.completed_at), enabled: downloads.includes('pdf') });

  if (task.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  if (task.isError) {
    return (
      <Stack>
        <Title order={1}>{t('detail.title')}</Title>
        <Alert color="red" role="alert">
          {errorMessage(task.error, t)}
        </Alert>
        <Anchor component={Link} to="/tasks">
          {t('detail.back')}
        </Anchor>
      </Stack>
    );
  }
  const data = task.data;
  const base = data.filename.replace(/\.[^.]+$/, '') || 'result';
  const file = data.files?.[0];

  const download = async (format: ResultFormat) => {
    try {
      await downloadWithToken(api, downloadPath(data.task_id, format), `${base}.${EXT[format]}`);
    } catch (error) {
      notify({ color: 'red', title: t('actions.downloadFailed'), message: errorMessage(error, t) });
    }
  };

  // "JSON、Markdown 和 PDF" in 繁體中文, "JSON, Markdown, and PDF" in English.
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const facts: [string, string][] = [
    [t('detail.pages'), data.pages_total === null ? '—' : String(data.pages_total)],
    [t('detail.languages'), list.format(data.options.lang.split('+').map((l) => (['auto', 'eng', 'chi_tra', 'chi_sim'].includes(l) ? t(`languages.${l as 'eng'}`) : l)))],
    [t('detail.formats'), list.format(data.options.formats.map((f) => t(`formats.${f}`)))],
    [t('detail.fileSize'), formatBytes(file?.size, i18n.language)],
    [t('detail.created'), formatDateTime(data.created_at, i18n.language)],
    [t('detail.started'), formatDateTime(data.started_at, i18n.language)],
    [t('detail.completed'), formatDateTime(data.completed_at, i18n.language)],
    [t('detail.processingTime'), formatDurationMs(data.processing_time_ms, i18n.language)],
  ];

  return (
    <Stack>
      <Breadcrumbs aria-label={t('detail.breadcrumbs')}>
        <Anchor component={Link} to="/tasks">
          {t('nav.tasks')}
        </Anchor>
        <Text span className="break-anywhere">{data.filename}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Title order={1} className="break-anywhere">
            {data.filename}
          </Title>
          <TaskProgress task={data} withError={false} />
        </Stack>
        <TaskActions task={data} onDeleted={() => navigate('/tasks', { replace: true })} />
      </Group>

      {data.status === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('detail.failedTitle')} role="alert">
          <Text className="break-anywhere">
            {failureText(data.error_code, data.error_message, t, i18n.language) ?? t('detail.noErrorText')}
          </Text>
          {data.error_message && !readsServerLanguage(i18n.language) && (
            <Text size="sm" c="dimmed" mt={4} className="break-anywhere" lang="en">
              {t('detail.serverMessage', { message: data.error_message })}
            </Text>
          )}
          {data.error_code && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('detail.errorCode', { code: data.error_code })}
            </Text>
          )}
        </Alert>
      )}
      {data.file_deleted && <Alert color="gray">{t('detail.fileDeleted')}</Alert>}

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" component="dl" style={{ margin: 0 }}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed" fw={700} tt="uppercase">
                {label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      {downloads.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('actions.download')}>
          {downloads.map((f) => (
            <Button key={f} variant="light" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download(f)}>
              {t(`formats.${f}`)}
            </Button>
          ))}
        </Group>
      )}

      {data.status === 'completed' && !downloads.includes('json') && !data.file_deleted && (
        <Text c="dimmed">{t('detail.noJson')}</Text>
      )}
      {result.isError && (
        <Alert color="red" role="alert">
          {errorMessage(result.error, t)}
        </Alert>
      )}
      {result.isLoading && <Loader aria-label={t('common.loading')} />}
      {result.data && (
        <ResultViewer
          document={result.data}
          pdf={pdf.data ?? null}
          pdfState={downloads.includes('pdf') ? (pdf.isError ? 'failed' : pdf.isPending ? 'loading' : 'ready') : 'absent'}
        />
      )}
    </Stack>
  );
}

function ResultViewer({
  document: doc,
  pdf,
  pdfState,
}: {
  document: OcrDocument;
  pdf: Awaited<ReturnType<typeof openPdf>> | null;
  pdfState: 'absent' | 'loading' | 'failed' | 'ready';
}) {
  const { t, i18n } = useTranslation();
  const [pageIndex, setPageIndex] = useState(0);
  const [hovered, setHovered] = useState<string | null>(null);
  const page: OcrPage | undefined = doc.pages[pageIndex];
  const summary = useMemo(() => (page ? summarisePage(page) : null), [page]);
  if (!page || !summary) {
    return <Text c="dimmed">{t('detail.noPages')}</Text>;
  }
  const words = page.blocks.flatMap((b, bi) => b.lines.flatMap((l, li) => l.words.map((w, wi) => ({ w, id: `${bi}-${li}-${wi}` }))));

  return (
    <Stack component="section" aria-label={t('detail.resultLabel')}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          {t('detail.pageTitle', { page: page.number, total: doc.pages.length })}
        </Title>
        {doc.pages.length > 1 && (
          <Pagination
            total={doc.pages.length}
            value={pageIndex + 1}
            onChange={(p) => setPageIndex(p - 1)}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': t(`tasks.pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('detail.goToPage', { page: p }) })}
          />
        )}
      </Group>
      <Group gap="xs">
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {page.text_source === 'pdf_text' ? t('detail.sourcePdfText') : t('detail.sourceOcr')}
        </Badge>
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('detail.wordCount', { count: summary.words })}
        </Badge>
        {summary.meanConfidence !== null && (
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t('detail.meanConfidence', { value: Math.round(summary.meanConfidence * 100) })}
          </Badge>
        )}
        <Badge variant="light" color={summary.lowWords ? 'yellow' : 'teal'} style={{ textTransform: 'none' }}>
          {t('detail.lowWords', { count: summary.lowWords, threshold: Math.round(LOW_CONFIDENCE * 100) })}
        </Badge>
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="md" p="xs" className="sticky-md">
            {pdfState === 'ready' && pdf ? (
              <div className="page-viewer">
                <PdfPageImage pdf={pdf} pageNumber={page.number} alt={t('detail.pageImage', { page: page.number })} />
                {words
                  .filter(({ w, id }) => isLowConfidence(w) || hovered === id)
                  .map(({ w, id }) => (
                    <span key={id} className={`word-box ${hovered === id ? 'active' : 'low'}`} style={boxStyle(w, page)} aria-hidden />
                  ))}
              </div>
            ) : pdfState === 'loading' ? (
              <Loader aria-label={t('common.loading')} />
            ) : (
              <Text c="dimmed" size="sm">
                {pdfState === 'failed' ? t('detail.imageFailed') : t('detail.noPdf')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="md" p="md" h="100%">
            <Text size="xs" c="dimmed" mb="sm">
              {t('detail.legend', { threshold: Math.round(LOW_CONFIDENCE * 100) })}
            </Text>
            <div className="ocr-text" lang={doc.languages.some((l) => l.startsWith('chi')) ? 'zh' : undefined} data-testid="ocr-text">
              {page.blocks.length === 0 && <Text c="dimmed">{t('detail.noText')}</Text>}
              {page.blocks.map((block, bi) => (
                <p key={bi} style={{ marginTop: 0 }}>
                  {block.lines.map((line, li) => (
                    <span key={li} style={{ display: 'block' }}>
                      {line.words.map((word, wi) => {
                        const id = `${bi}-${li}-${wi}`;
                        const low = isLowConfidence(word);
                        const confidence = t('detail.confidence', { value: Math.round(word.confidence * 100) });
                        const props = {
                          className: `ocr-word${low ? ' low' : ''}`,
                          title: confidence,
                          onMouseEnter: () => setHovered(id),
                          onMouseLeave: () => setHovered(null),
                        };
                        // Words to check are keyboard stops too: focus outlines the word on the image,
                        // and the title (its confidence) becomes its description.
                        return (
                          <span key={wi}>
                            {wi > 0 && ' '}
                            {low ? (
                              <mark {...props} tabIndex={0} onFocus={() => setHovered(id)} onBlur={() => setHovered(null)}>
                                {word.text}
                              </mark>
                            ) : (
                              <span {...props}>{word.text}</span>
                            )}
                          </span>
                        );
                      })}
                    </span>
                  ))}
                </p>
              ))}
            </div>
            <Text size="xs" c="dimmed" mt="sm">
              {t('detail.engineInfo', {
                engine: doc.engine,
                languages: doc.languages.join(' + '),
                dpi: page.dpi.toLocaleString(i18n.language),
              })}
            </Text>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
