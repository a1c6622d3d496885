import type { OcrPage, OcrWord } from '../api/types';

/** Words below this confidence (0..1, as the engine reports it) are highlighted for checking. */
export const LOW_CONFIDENCE = 0.6;

export function isLowConfidence(word: Pick<OcrWord, 'confidence'>): boolean {
  return word.confidence >= 0 && word.confidence < LOW_CONFIDENCE;
}

export interface PageSummary {
  words: number;
  lowWords: number;
  meanConfidence: number | null;
}

export function summarisePage(page: OcrPage): PageSummary {
  let words = 0;
  let low = 0;
  let sum = 0;
  for (const block of page.blocks) {
    for (const line of block.lines) {
      for (const word of line.words) {
        words++;
        sum += word.confidence;
        if (isLowConfidence(word)) low++;
      }
    }
  }
  return { words, lowWords: low, meanConfidence: words ? sum / words : null };
}

/** A word box as percentages of the page, so the overlay scales with the rendered image. */
export function boxStyle(word: Pick<OcrWord, 'bbox'>, page: Pick<OcrPage, 'width' | 'height'>) {
  const { x0, y0, x1, y1 } = word.bbox;
  const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;
  return {
    left: pct(x0, page.width),
    top: pct(y0, page.height),
    width: pct(Math.max(0, x1 - x0), page.width),
    height: pct(Math.max(0, y1 - y0), page.height),
  };
}
