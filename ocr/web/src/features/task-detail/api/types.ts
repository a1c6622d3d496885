/** The engine's versioned JSON result (only the parts the UI shows). */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  bbox: BBox;
  confidence: number;
}

export interface OcrLine {
  bbox: BBox;
  confidence: number;
  words: OcrWord[];
}

export interface OcrBlock {
  bbox: BBox;
  confidence: number;
  lines: OcrLine[];
}

export interface OcrPage {
  number: number;
  width: number;
  height: number;
  dpi: number;
  rotation: number;
  skew: number;
  text_source: string;
  text: string;
  blocks: OcrBlock[];
}

export interface OcrDocument {
  schema_version: string;
  source: string;
  engine: string;
  languages: string[];
  pages: OcrPage[];
}
