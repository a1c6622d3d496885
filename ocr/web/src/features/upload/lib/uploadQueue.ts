export { runLimited } from '@toolocr/platform-web';

/** `auto` lets the server detect each page's script; it stands alone, the others combine. */
export const OCR_LANGUAGES = ['auto', 'eng', 'chi_tra', 'chi_sim'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/** The `lang` parameter: `auto`, or Tesseract codes joined by '+', English first when chosen. */
export function langParam(selected: string[]): string {
  if (selected.includes('auto')) return 'auto';
  const ordered = OCR_LANGUAGES.filter((l) => selected.includes(l));
  return ordered.join('+');
}

/**
 * The next checkbox selection: ticking `auto` clears the named languages, ticking a named language
 * clears `auto`, so the form never shows a choice the server would refuse.
 */
export function nextLanguages(previous: string[], next: string[]): string[] {
  const added = next.filter((l) => !previous.includes(l));
  if (added.includes('auto')) return ['auto'];
  if (added.length > 0) return next.filter((l) => l !== 'auto');
  return next;
}

/** File types the server accepts (it checks content, this only guides the file picker). */
export const ACCEPTED_TYPES: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/tiff': ['.tif', '.tiff'],
  'image/bmp': ['.bmp'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
};
