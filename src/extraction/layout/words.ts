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
  /**
   * Other readings of the same word by another OCR pass (the whole-page pass under a date cell read again): where the
   * reading kept is no date, the layout reader may take one of these that its row confirms.
   */
  readings?: string[];
  /**
   * On OCR, for a word of digits and commas: how wide (points) its glyphs' ink spans on the page, from the first glyph
   * to the last of the word's height. OCR's box may take in a speck beside the word; this does not.
   */
  inkWidth?: number;
};

export type PageWords = {
  /** 1-based page number in the file */
  page: number;
  width: number;
  height: number;
  source: 'text' | 'ocr';
  words: Word[];
  /**
   * Set by OCR when its first pass found the page to be an ACORD 25 and read its cells again by that grid: the words
   * the second pass gave may show fewer of the grid's labels than the first pass did, and the page stays an ACORD 25.
   */
  acord25?: true;
  /**
   * Set by OCR when it read the page turned this many quarter turns clockwise (a sheet scanned sideways or upside
   * down): the words' boxes, width and height are the upright page's.
   */
  turned?: 1 | 2 | 3;
};

/** A box on a page, for provenance ("where did this value come from"). */
export type Box = { page: number; x: number; y: number; width: number; height: number };

/** A position or size in points as words carry it: to the hundredth of a point (OCR's pixels, mapped to points). */
export function roundPoints(n: number): number {
  return Math.round(n * 100) / 100;
}
