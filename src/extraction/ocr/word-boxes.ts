// Word boxes trimmed to their glyphs. Tesseract boxes a speck standing a few points above or below a word together
// with it: on a fax, 'Certificate' under two noise specks came out 18.5 pt tall for 7.5 pt type, its top 9 points
// above the line's. The layout readers measure lines from their words' tops (a label's value is looked for so far
// under the label's line), so the name under that heading was taken for too far away, and lost. The ink in each box
// tells the glyphs from such a speck: a band of rows with little ink, parted from the rest by blank rows.
import { roundPoints, type PageWords, type Word } from '../layout/words.js';
import { INK } from './preprocess.js';
import type { GreyBitmap } from './render.js';

/** A band of a word's box holding at most this share of the box's ink is a speck's (or a few specks'), not glyphs'. */
const SPECK_INK_SHARE = 0.1;
/**
 * Blank rows at least this high (points) part a speck from the glyphs, and at least SPECK_GAP_SHARE of the glyphs'
 * height: an i's or a j's dot stands under a point over its stem, an accent as close over its letter.
 */
const SPECK_GAP_PT = 1.5;
const SPECK_GAP_SHARE = 0.3;

/**
 * The page's words, each box cut down to its glyphs where it also takes in specks above or below them, apart from the
 * glyphs by blank rows (`ink`: the page's black-and-white glyphs, rules out, as the words' boxes stand on it).
 */
export function trimSpecksFromBoxes(page: PageWords, ink: GreyBitmap, pixelsPerPoint: number): PageWords {
  let changed = false;
  const words = page.words.map((w) => {
    const t = trimmedBox(w, ink, pixelsPerPoint);
    if (t === null) return w;
    changed = true;
    return t;
  });
  return changed ? { ...page, words } : page;
}

/** The word with its box trimmed to its glyphs, or null when nothing is to be trimmed. */
export function trimmedBox(word: Word, ink: GreyBitmap, pixelsPerPoint: number): Word | null {
  const s = pixelsPerPoint;
  const x0 = Math.max(0, Math.floor(word.x * s));
  const x1 = Math.min(ink.width, Math.ceil((word.x + word.width) * s));
  const y0 = Math.max(0, Math.floor(word.y * s));
  const y1 = Math.min(ink.height, Math.ceil((word.y + word.height) * s));
  if (x1 <= x0 || y1 - y0 < 3) return null;
  // the box's bands: runs of rows with ink, with the blank rows between them
  const bands: { top: number; bottom: number; ink: number }[] = [];
  let total = 0;
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let i = y * ink.width + x0, end = y * ink.width + x1; i < end; i++) if (ink.data[i] === INK) n++;
    if (n === 0) continue;
    total += n;
    const last = bands[bands.length - 1];
    if (last && last.bottom === y - 1) {
      last.bottom = y;
      last.ink += n;
    } else bands.push({ top: y, bottom: y, ink: n });
  }
  if (bands.length < 2) return null;
  // the glyphs: the inkiest band, grown over every band near it or with ink enough to be glyphs
  const main = bands.indexOf(bands.reduce((a, b) => (b.ink > a.ink ? b : a)));
  let first = main;
  let last = main;
  const parted = (gap: number) => gap >= Math.max(SPECK_GAP_PT * s, SPECK_GAP_SHARE * (bands[last]!.bottom - bands[first]!.top + 1));
  const speck = (k: number) => bands[k]!.ink <= SPECK_INK_SHARE * total;
  for (let grown = true; grown; ) {
    grown = false;
    if (first > 0 && !(speck(first - 1) && parted(bands[first]!.top - bands[first - 1]!.bottom - 1))) {
      first--;
      grown = true;
    }
    if (last < bands.length - 1 && !(speck(last + 1) && parted(bands[last + 1]!.top - bands[last]!.bottom - 1))) {
      last++;
      grown = true;
    }
  }
  if (first === 0 && last === bands.length - 1) return null;
  const top = bands[first]!.top;
  const bottom = bands[last]!.bottom + 1;
  return { ...word, y: roundPoints(top / s), height: roundPoints((bottom - top) / s) };
}

