import { describe, expect, it } from 'vitest';
import type { OcrPage } from '../api/types';
import { boxStyle, isLowConfidence, summarisePage } from './ocrResult';

describe('OCR result helpers', () => {
  const page: OcrPage = {
    number: 1,
    width: 1000,
    height: 2000,
    dpi: 300,
    rotation: 0,
    skew: 0,
    text_source: 'ocr',
    text: '',
    blocks: [
      {
        bbox: { x0: 0, y0: 0, x1: 1, y1: 1 },
        confidence: 0.9,
        lines: [
          {
            bbox: { x0: 0, y0: 0, x1: 1, y1: 1 },
            confidence: 0.9,
            words: [
              { text: 'good', bbox: { x0: 100, y0: 200, x1: 300, y1: 260 }, confidence: 0.95 },
              { text: 'blurry', bbox: { x0: 320, y0: 200, x1: 400, y1: 260 }, confidence: 0.41 },
            ],
          },
        ],
      },
    ],
  };

  it('flags words under 60% confidence', () => {
    expect(isLowConfidence({ confidence: 0.59 })).toBe(true);
    expect(isLowConfidence({ confidence: 0.6 })).toBe(false);
    expect(summarisePage(page)).toMatchObject({ words: 2, lowWords: 1 });
    expect(summarisePage(page).meanConfidence).toBeCloseTo(0.68);
  });

  it('places a word box in page percentages', () => {
    expect(boxStyle(page.blocks[0].lines[0].words[0], page)).toEqual({ left: '10.000%', top: '10.000%', width: '20.000%', height: '3.000%' });
  });
});
