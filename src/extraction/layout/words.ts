// Positioned words of a page: what the text-layer reader (pdfjs) and the OCR reader (tesseract) both produce, and
// what the layout mappers (ACORD 25 by its printed labels, generic carrier certificates) read. Coordinates are in
// PDF points with the origin at the page's TOP-left, so that both sources agree; y grows downwards.

export type Word = {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0..1: 1 for a PDF text layer, tesseract's word confidence for OCR */
  confidence: number;
};

export type PageWords = {
  /** 1-based page number in the file */
  page: number;
  width: number;
  height: number;
  source: 'text' | 'ocr';
  words: Word[];
};

/** A box on a page, for provenance ("where did this value come from"). */
export type Box = { page: number; x: number; y: number; width: number; height: number };
