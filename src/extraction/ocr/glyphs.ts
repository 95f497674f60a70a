// One glyph looked at again where OCR confuses two shapes that the page's ink tells apart. Tesseract reads the 8 that
// opens a run of digits as B ('WC B604967-25' for WC 8604967-25), alike at every scale, so a second reading does not
// settle it. The ink does: B's left side is its stem, straight from its top row to its bottom one; an 8 is rounded at
// its top and bottom, so its first and last rows start well right of the left edge its other rows share.
import type { PageWords, Word } from '../layout/words.js';
import { INK } from './preprocess.js';
import type { GreyBitmap } from './render.js';

/**
 * How far the glyph's top two and bottom two rows start right of its stem (the left edge most of its rows share), as a
 * share of its width: at most this for a B (a scan's softened corner)…
 */
const B_MAX_CORNERS = 0.2;
/**
 * …and at least this for an 8 (rounded at top and bottom); between the two the ink does not tell. (Drawn clean at 8 to
 * 10 pt, B's read 0 to 0.06 and 8's 0.25 to 0.63; on generated scans and photos, B's in names at most 0.18, 8's
 * mostly 0.24 to 0.72.)
 */
const EIGHT_MIN_CORNERS = 0.26;
/** Type smaller than this many points tall (the form's labels) is not judged: its corners are a pixel or two. */
const MIN_GLYPH_POINTS = 5;
/** A glyph is at least this share of the word's ink height tall (a speck before the word is none). */
const MIN_GLYPH_HEIGHT = 0.6;
/** A glyph taller than this many times the word's box is joined to other ink: not judged. */
const MAX_GLYPH_HEIGHT = 1.25;
/** A blob wider than this many times the word's ink height is two glyphs run together: not judged. */
const MAX_GLYPH_WIDTH = 1.6;

type Blob = { c0: number; c1: number };

/**
 * '8' or 'B' for the first glyph of `word` on the binary page, by how many of its rows start right of its leftmost
 * column; null when the ink does not tell (no glyph found, two glyphs run together, a share between the two).
 */
export function eightOrB(binary: GreyBitmap, pixelsPerPoint: number, word: Word): '8' | 'B' | null {
  const share = cornerShare(binary, pixelsPerPoint, word);
  return share === null ? null : share <= B_MAX_CORNERS ? 'B' : share >= EIGHT_MIN_CORNERS ? '8' : null;
}

/** For the first glyph of `word` on the binary page: how far its corners start right of its stem (see B_MAX_CORNERS). */
export function cornerShare(binary: GreyBitmap, pixelsPerPoint: number, word: Word): number | null {
  const s = pixelsPerPoint;
  const x0 = Math.max(0, Math.floor(word.x * s) - 1);
  const x1 = Math.min(binary.width - 1, Math.ceil((word.x + word.width) * s) + 1);
  const y0 = Math.max(0, Math.floor(word.y * s) - 1);
  const y1 = Math.min(binary.height - 1, Math.ceil((word.y + word.height) * s) + 1);
  if (x1 <= x0 || y1 <= y0) return null;
  const ink = (x: number, y: number) => binary.data[y * binary.width + x] === INK;
  const rowsWithInk = (c0: number, c1: number): [number, number] | null => {
    let top = -1;
    let bottom = -1;
    for (let y = y0; y <= y1; y++) {
      for (let x = c0; x <= c1; x++) {
        if (!ink(x, y)) continue;
        if (top < 0) top = y;
        bottom = y;
        break;
      }
    }
    return top < 0 ? null : [top, bottom];
  };
  const word_ = rowsWithInk(x0, x1);
  if (!word_) return null;
  const height = word_[1] - word_[0] + 1;
  // the glyphs: runs of columns with ink, split at columns without
  const blobs: Blob[] = [];
  let start = -1;
  for (let x = x0; x <= x1 + 1; x++) {
    let any = false;
    if (x <= x1) for (let y = y0; y <= y1 && !any; y++) any = ink(x, y);
    if (any && start < 0) start = x;
    else if (!any && start >= 0) {
      blobs.push({ c0: start, c1: x - 1 });
      start = -1;
    }
  }
  for (const blob of blobs) {
    const rows = rowsWithInk(blob.c0, blob.c1);
    if (!rows || rows[1] - rows[0] + 1 < MIN_GLYPH_HEIGHT * height) continue;
    if (rows[1] - rows[0] + 1 < MIN_GLYPH_POINTS * pixelsPerPoint) return null;
    // (ink below or above the word joined to its first letter, a box's rule or the next line: not judged)
    if (rows[1] - rows[0] + 1 > MAX_GLYPH_HEIGHT * word.height * pixelsPerPoint) return null;
    if (blob.c1 - blob.c0 + 1 > MAX_GLYPH_WIDTH * height) return null;
    const lefts: number[] = [];
    for (let y = rows[0]; y <= rows[1]; y++) {
      let left = blob.c0;
      while (left <= blob.c1 && !ink(left, y)) left++;
      lefts.push(left - blob.c0);
    }
    if (lefts.length < 6) return null;
    // the stem: the left edge most rows share (one pixel that juts out, or a slant, moves no more than a row or two)
    const stem = mode(lefts);
    const n = lefts.length;
    const corners = (lefts[0]! + lefts[1]! + lefts[n - 2]! + lefts[n - 1]!) / 2 - 2 * stem;
    return corners / (blob.c1 - blob.c0 + 1);
  }
  return null;
}

/** The most common value (the smallest of those tied). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [v, c] of counts) if (c > counts.get(best)! || (c === counts.get(best)! && v < best)) best = v;
  return best;
}

/** A word OCR began with B before a run of digits: 'B604967-25'. */
const B_BEFORE_DIGITS = /^B(?=\d{3})/;

/** The page's words with each B that opens a run of digits made 8 where its ink shows an 8 (eightOrB). */
export function mendEightsReadAsB(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  let changed = false;
  const words = page.words.map((w) => {
    if (!B_BEFORE_DIGITS.test(w.text) || eightOrB(binary, pixelsPerPoint, w) !== '8') return w;
    changed = true;
    return { ...w, text: `8${w.text.slice(1)}` };
  });
  return changed ? { ...page, words } : page;
}
