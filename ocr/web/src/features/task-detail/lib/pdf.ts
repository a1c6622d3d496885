import type { PDFDocumentProxy } from 'pdfjs-dist';

let pdfjsLoader: Promise<typeof import('pdfjs-dist')> | null = null;

/**
 * pdf.js is large; it is fetched the first time a page image is shown. Its worker is bundled by
 * Vite as a `.js` module worker (`?worker`): served as `.mjs` it would depend on the server
 * knowing that extension's MIME type, which module workers check strictly.
 */
export function loadPdfJs() {
  if (!pdfjsLoader) {
    pdfjsLoader = Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')]).then(
      ([pdfjs, worker]) => {
        pdfjs.GlobalWorkerOptions.workerPort = new worker.default();
        return pdfjs;
      },
    );
  }
  return pdfjsLoader;
}

export async function openPdf(data: ArrayBuffer): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({ data, isEvalSupported: false }).promise;
}
