import { Center, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';

interface Props {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  alt: string;
}

/**
 * Draws one page of the searchable PDF: the engine keeps each page's original appearance there, so
 * it is the page image the recognised text came from.
 */
export function PdfPageImage({ pdf, pageNumber, alt }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  // How the drawing of which page ended; any other page (a new one, or a new PDF) is still loading.
  const [drawn, setDrawn] = useState<{ pdf: PDFDocumentProxy; pageNumber: number; state: 'done' | 'failed' } | null>(null);
  const state = drawn && drawn.pdf === pdf && drawn.pageNumber === pageNumber ? drawn.state : 'loading';

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    (async () => {
      try {
        const page = await pdf.getPage(pageNumber);
        if (cancelled || !canvas.current) return;
        const base = page.getViewport({ scale: 1 });
        // Sharp on high-density screens without drawing megapixels nobody sees.
        const scale = Math.min(3, (1400 / base.width) * Math.min(2, window.devicePixelRatio || 1));
        const viewport = page.getViewport({ scale });
        const el = canvas.current;
        el.width = Math.floor(viewport.width);
        el.height = Math.floor(viewport.height);
        const context = el.getContext('2d');
        if (!context) throw new Error('no canvas');
        task = page.render({ canvas: el, canvasContext: context, viewport });
        await task.promise;
        if (!cancelled) setDrawn({ pdf, pageNumber, state: 'done' });
      } catch {
        if (!cancelled) setDrawn({ pdf, pageNumber, state: 'failed' });
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, pageNumber]);

  return (
    <>
      <canvas ref={canvas} role="img" aria-label={alt} style={{ display: state === 'failed' ? 'none' : undefined }} />
      {state === 'loading' && (
        <Center pos="absolute" inset={0}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {state === 'failed' && <Text c="red">{t('detail.imageFailed')}</Text>}
    </>
  );
}
