// One glyph looked at again where OCR confuses two shapes that the page's ink tells apart. Tesseract reads the 8 that
// opens a run of digits as B ('WC B604967-25' for WC 8604967-25), alike at every scale, so a second reading does not
// settle it. The ink does: B's left side is its stem, straight from its top row to its bottom one; an 8 is rounded at
// its top and bottom, so its first and last rows start well right of the left edge its other rows share.
import type { PageWords, Word } from '../layout/words.js';
import { INK } from './preprocess.js';
import type { GreyBitmap } from './render.js';
import { median } from '../text/lines.js';

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

/**
 * '8' or 'B' for the first glyph of `word` on the binary page, by how far its top and bottom rows start right of its
 * stem (cornerShare); null when the ink does not tell (no glyph found, two glyphs run together, a share between the
 * two).
 */
export function eightOrB(binary: GreyBitmap, pixelsPerPoint: number, word: Word): '8' | 'B' | null {
  const share = cornerShare(binary, pixelsPerPoint, word);
  return share === null ? null : share <= B_MAX_CORNERS ? 'B' : share >= EIGHT_MIN_CORNERS ? '8' : null;
}

/** A glyph's box on the page bitmap (pixels, inclusive). */
type Glyph = { c0: number; c1: number; r0: number; r1: number };

/**
 * The glyphs of `word` on the binary page, left to right: runs of columns with ink, split at columns without, each with
 * the rows its ink spans; and the word's ink height. Null when the word's box holds no ink.
 */
function wordGlyphs(binary: GreyBitmap, pixelsPerPoint: number, word: Word): { glyphs: Glyph[]; height: number } | null {
  const s = pixelsPerPoint;
  const x0 = Math.max(0, Math.floor(word.x * s) - 1);
  const x1 = Math.min(binary.width - 1, Math.ceil((word.x + word.width) * s) + 1);
  const { width, data } = binary;
  // (the box's rows narrowed to its line of type: the tallest band of rows with ink, without what lies in the box
  // apart from it, above or below a blank row, a rule's broken pieces under the digits that would join their glyphs)
  const band = inkBand(binary, x0, x1, Math.max(0, Math.floor(word.y * s) - 1), Math.min(binary.height - 1, Math.ceil((word.y + word.height) * s) + 1));
  if (!band || x1 <= x0) return null;
  const [y0, y1] = band;
  const rowsWithInk = (c0: number, c1: number): [number, number] | null => {
    let top = -1;
    let bottom = -1;
    for (let y = y0; y <= y1; y++) {
      const row = y * width;
      for (let x = c0; x <= c1; x++) {
        if (data[row + x] !== INK) continue;
        if (top < 0) top = y;
        bottom = y;
        break;
      }
    }
    return top < 0 ? null : [top, bottom];
  };
  const all = rowsWithInk(x0, x1);
  if (!all) return null;
  const glyphs: Glyph[] = [];
  let start = -1;
  for (let x = x0; x <= x1 + 1; x++) {
    let any = false;
    if (x <= x1) for (let y = y0; y <= y1 && !any; y++) any = data[y * width + x] === INK;
    if (any && start < 0) start = x;
    else if (!any && start >= 0) {
      const rows = rowsWithInk(start, x - 1)!;
      glyphs.push({ c0: start, c1: x - 1, r0: rows[0], r1: rows[1] });
      start = -1;
    }
  }
  return { glyphs, height: all[1] - all[0] + 1 };
}

/** wordGlyphs of a word whose ink stands as tall as typed glyphs: no speck's, nor a box taller than the word's. */
function typedWordGlyphs(binary: GreyBitmap, pixelsPerPoint: number, word: Word): { glyphs: Glyph[]; height: number } | null {
  const found = wordGlyphs(binary, pixelsPerPoint, word);
  if (!found || found.height < MIN_GLYPH_POINTS * pixelsPerPoint || found.height > MAX_GLYPH_HEIGHT * word.height * pixelsPerPoint) return null;
  return found;
}

/**
 * Each word of four digits or more (and commas) with its inkWidth: from its first glyph to its last at least
 * MIN_GLYPH_HEIGHT of its ink's height, so a speck or a rule's piece OCR boxed with it (a photo's) is left out. By
 * it the layout reader counts an amount's digits (a zero OCR lost between two that touch: acord25/layout.ts).
 */
export function measureDigitInk(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  const words = page.words.map((w) => {
    if (!/^[\d,]+$/.test(w.text) || digitCount(w.text) < 4) return w;
    const found = wordGlyphs(binary, pixelsPerPoint, w);
    const tall = found?.glyphs.filter((g) => g.r1 - g.r0 + 1 >= MIN_GLYPH_HEIGHT * found.height) ?? [];
    if (tall.length === 0) return w;
    return { ...w, inkWidth: (tall[tall.length - 1]!.c1 + 1 - tall[0]!.c0) / pixelsPerPoint };
  });
  return { ...page, words };
}

/** The tallest run of rows [y0, y1] with ink between columns x0 and x1 (inclusive); null when none has ink. */
function inkBand(binary: GreyBitmap, x0: number, x1: number, y0: number, y1: number): [number, number] | null {
  let best: [number, number] | null = null;
  let start = -1;
  for (let y = y0; y <= y1 + 1; y++) {
    let any = false;
    if (y <= y1) for (let x = x0, row = y * binary.width; x <= x1 && !any; x++) any = binary.data[row + x] === INK;
    if (any && start < 0) start = y;
    else if (!any && start >= 0) {
      if (!best || y - 1 - start > best[1] - best[0]) best = [start, y - 1];
      start = -1;
    }
  }
  return best;
}

/** For the first glyph of `word` on the binary page: how far its corners start right of its stem (see B_MAX_CORNERS). */
function cornerShare(binary: GreyBitmap, pixelsPerPoint: number, word: Word): number | null {
  const found = wordGlyphs(binary, pixelsPerPoint, word);
  if (!found) return null;
  const { height } = found;
  for (const glyph of found.glyphs) {
    const tall = glyph.r1 - glyph.r0 + 1;
    if (tall < MIN_GLYPH_HEIGHT * height) continue;
    return glyphCornerShare(binary, pixelsPerPoint, word, glyph, height);
  }
  return null;
}

/** cornerShare of one glyph of `word`, whose ink is `height` rows tall; null when the glyph is not judged. */
function glyphCornerShare(binary: GreyBitmap, pixelsPerPoint: number, word: Word, glyph: Glyph, height: number): number | null {
  const tall = glyph.r1 - glyph.r0 + 1;
  if (tall < MIN_GLYPH_POINTS * pixelsPerPoint) return null;
  // (ink below or above the word joined to its first letter, a box's rule or the next line: not judged)
  if (tall > MAX_GLYPH_HEIGHT * word.height * pixelsPerPoint) return null;
  if (glyph.c1 - glyph.c0 + 1 > MAX_GLYPH_WIDTH * height) return null;
  const lefts: number[] = [];
  for (let y = glyph.r0; y <= glyph.r1; y++) {
    let left = glyph.c0;
    while (left <= glyph.c1 && binary.data[y * binary.width + left] !== INK) left++;
    lefts.push(left - glyph.c0);
  }
  if (lefts.length < 6) return null;
  // the stem: the left edge most rows share (one pixel that juts out, or a slant, moves no more than a row or two)
  const stem = mode(lefts);
  const n = lefts.length;
  const corners = (lefts[0]! + lefts[1]! + lefts[n - 2]! + lefts[n - 1]!) / 2 - 2 * stem;
  return corners / (glyph.c1 - glyph.c0 + 1);
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
/** A policy number whose prefix's letters OCR ran on with a B before its digits: 'LLB78595253' for LL878595253. */
const B_AFTER_PREFIX = /^([A-Z]{1,4})B(?=\d{3})/;

/**
 * The page's words with each B that opens a run of digits made 8 where its ink shows an 8 (eightOrB); and so a B
 * between a policy number's prefix and its digits, where the word's ink is one glyph a character (the glyph judged is
 * then the B's).
 */
export function mendEightsReadAsB(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  let changed = false;
  const words = page.words.map((w) => {
    if (B_BEFORE_DIGITS.test(w.text)) {
      if (eightOrB(binary, pixelsPerPoint, w) !== '8') return w;
      changed = true;
      return { ...w, text: `8${w.text.slice(1)}` };
    }
    const prefixed = B_AFTER_PREFIX.exec(w.text);
    if (!prefixed) return w;
    const at = prefixed[1]!.length;
    const found = typedWordGlyphs(binary, pixelsPerPoint, w);
    if (!found || found.glyphs.length !== w.text.length) return w;
    const share = glyphCornerShare(binary, pixelsPerPoint, w, found.glyphs[at]!, found.height);
    if (share === null || share < EIGHT_MIN_CORNERS) return w;
    changed = true;
    return { ...w, text: `${w.text.slice(0, at)}8${w.text.slice(at + 1)}` };
  });
  return changed ? { ...page, words } : page;
}

/** A policy number whose prefix's last L OCR read as a 1 before its digits: 'L1878595253' for LL878595253. */
const ONE_AFTER_PREFIX = /^([A-Z]{1,3})1(?=\d{3})/;
/**
 * An L's stem is at its glyph's left: the middle rows' ink is centred within this share of its width from the left (a
 * 1's stem stands in the middle, or right of it under its flag)…
 */
const L_STEM = 0.3;
/** …and its foot spans at least this share of its width (a sans-serif 1 has none; a serif 1's foot is centred). */
const L_FOOT = 0.6;

/** Whether a glyph is an L's: its stem at its left (L_STEM), its foot reaching right (L_FOOT). */
function isL(binary: GreyBitmap, glyph: Glyph): boolean {
  const width = glyph.c1 - glyph.c0 + 1;
  const height = glyph.r1 - glyph.r0 + 1;
  const centres: number[] = [];
  for (let y = glyph.r0 + Math.round(0.3 * height); y <= glyph.r0 + Math.round(0.7 * height); y++) {
    let [sum, n] = [0, 0];
    for (let x = glyph.c0; x <= glyph.c1; x++) if (binary.data[y * binary.width + x] === INK) [sum, n] = [sum + x - glyph.c0, n + 1];
    if (n > 0) centres.push(sum / n);
  }
  return centres.length > 0 && median(centres) + 0.5 < L_STEM * width && baseShare(binary, glyph) >= L_FOOT;
}

/**
 * The page's words with a policy number's prefix's last L, read as a 1 before its digits, made L again where its ink
 * shows an L (isL) and the word's ink is one glyph a character.
 */
export function mendLsReadAsOnes(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  let changed = false;
  const words = page.words.map((w) => {
    const m = ONE_AFTER_PREFIX.exec(w.text);
    if (!m) return w;
    const glyphs = glyphsByCharacter(binary, pixelsPerPoint, w);
    const at = m[1]!.length;
    if (!glyphs || !isL(binary, glyphs[at]!)) return w;
    changed = true;
    return { ...w, text: `${w.text.slice(0, at)}L${w.text.slice(at + 1)}` };
  });
  return changed ? { ...page, words } : page;
}

/**
 * A 2 stands on a base as wide as itself, a 7 on the narrow end of its stem. The share of a glyph's width that the ink
 * of its lowest rows spans (its bottom eighth, two rows at least): a 2's at least TWO_BASE. Tesseract reads a scan's 2
 * in a serif type as 7 now and then ('42739' read '47739', '2026' read '7026'); a 7's foot spans a quarter of it.
 */
const TWO_BASE = 0.6;

/** How much of a glyph's width the ink of its bottom rows spans (0..1). */
function baseShare(binary: GreyBitmap, glyph: Glyph): number {
  const rows = Math.max(2, Math.round((glyph.r1 - glyph.r0 + 1) / 8));
  let lo = Infinity;
  let hi = -1;
  for (let y = Math.max(glyph.r0, glyph.r1 - rows + 1); y <= glyph.r1; y++) {
    for (let x = glyph.c0; x <= glyph.c1; x++) {
      if (binary.data[y * binary.width + x] !== INK) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  return hi < 0 ? 0 : (hi - lo + 1) / (glyph.c1 - glyph.c0 + 1);
}

/**
 * The page's words with each 7 of a run of digits (amounts, dates, codes, policy numbers: three digits or more) made 2
 * where its glyph stands on a base as wide as a 2's (baseShare); a word whose ink does not split into one glyph a
 * character is left as read, and so is a glyph taller or shorter than the word's digits (a rule's piece joined to it).
 */
export function mendTwosReadAsSevens(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  let changed = false;
  const words = page.words.map((w) => {
    if (!w.text.includes('7') || !NUMERIC_RUN.test(w.text) || digitCount(w.text) < 3) return w;
    const glyphs = glyphsByCharacter(binary, pixelsPerPoint, w);
    // (as many glyphs as characters by chance is no lining up: a photo's 0 broken into two arcs beside two digits run
    // together, '8072942', its 7 taken for the 0's right arc, which stands on a base as wide as itself)
    if (!glyphs || !digitsLineUp(w.text, glyphs)) return w;
    const height = median(glyphs.filter((_, i) => /\d/.test(w.text[i]!)).map((g) => g.r1 - g.r0 + 1));
    let text = w.text;
    glyphs.forEach((g, i) => {
      if (text[i] === '7' && sameHeight(g, height) && baseShare(binary, g) >= TWO_BASE) text = `${text.slice(0, i)}2${text.slice(i + 1)}`;
    });
    if (text === w.text) return w;
    changed = true;
    return { ...w, text };
  });
  return changed ? { ...page, words } : page;
}

/** A word of digits and the punctuation of amounts, dates and codes, letters of a policy number's prefix allowed. */
const NUMERIC_RUN = /^[A-Z]{0,4}[\d,./-]*\d[\d,./-]*$/;

/**
 * A 0's oval is closed all round; a 9's lower left is open (its stem is on the right), a 6's upper right. How far a
 * glyph's rows start right of its left edge from 55% to 80% of its height, and end left of its right edge from 20% to
 * 45%, as shares of its width: on generated scans and photos (1,200 zeros, 110 nines, 170 sixes) a 0 gapes at most 0.15
 * on either side, a 9 at least 0.24 low on the left, a 6 (all but a few) at least 0.28 high on the right.
 */
const OPEN_GAP = 0.22;
const CLOSED_GAP = 0.15;

/** Whether a glyph's ink shows a 0, or a 9 or 6 tesseract read as one (its side open); null when it does not tell. */
function zeroShape(binary: GreyBitmap, glyph: Glyph): '0' | '9' | '6' | null {
  const w = glyph.c1 - glyph.c0 + 1;
  const h = glyph.r1 - glyph.r0 + 1;
  const gap = (f0: number, f1: number, side: 'left' | 'right'): number => {
    let sum = 0;
    let n = 0;
    for (let y = glyph.r0 + Math.round(f0 * h); y <= glyph.r0 + Math.round(f1 * h); y++) {
      const row = y * binary.width;
      let x = side === 'left' ? glyph.c0 : glyph.c1;
      const step = side === 'left' ? 1 : -1;
      while (x >= glyph.c0 && x <= glyph.c1 && binary.data[row + x] !== INK) x += step;
      sum += Math.abs(x - (side === 'left' ? glyph.c0 : glyph.c1)) / w;
      n++;
    }
    return n > 0 ? sum / n : 0;
  };
  const lowLeft = gap(0.55, 0.8, 'left');
  const highRight = gap(0.2, 0.45, 'right');
  if (lowLeft <= CLOSED_GAP && highRight <= CLOSED_GAP) return '0';
  if (lowLeft >= OPEN_GAP && highRight <= CLOSED_GAP) return '9';
  if (highRight >= OPEN_GAP && lowLeft <= CLOSED_GAP) return '6';
  return null;
}

/**
 * An amount of one significant digit ('300,000', '1000000'): a limit as certificates print them. Its zeros are not
 * judged: a worn 0 of a print photo's '300,000' gaped low on its left as a 9 does, and made 390,000, a limit no
 * certificate carries.
 */
const ROUND_AMOUNT = /^[1-9]0{0,2}(?:,?000)+$/;

/**
 * The page's words with each 0 of a number whose ink shows a 9 or a 6 made that digit ('BA 3005347-24' for
 * 3095347-24: tesseract closes a 9's tail into an oval now and then, however sure it is). Only where the word's glyphs
 * line up one to a character, each of the values' height (no label's small type), and not in a round amount
 * (ROUND_AMOUNT).
 */
export function mendOpenZeros(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  let changed = false;
  const words = page.words.map((w) => {
    if (!/0/.test(w.text) || !/^[\d,./-]+$/.test(w.text) || ROUND_AMOUNT.test(w.text)) return w;
    const found = wordGlyphs(binary, pixelsPerPoint, w);
    if (!found) return w;
    // (where fewer glyphs than characters were found, two of them touching, those before the first glyph as wide as
    // two are the word's first characters one to one: 'WCP 0544122-24', a Times '44' touching, whose 9 read 0)
    const glyphs = found.glyphs.length === w.text.length ? found.glyphs : found.glyphs.slice(0, beforeTouching(found.glyphs));
    if (found.glyphs.length > w.text.length || glyphs.length === 0 || !digitsLineUp(w.text, glyphs)) return w;
    let text = w.text;
    // (a glyph taller or shorter than the word's digits has other ink joined to it, a rule's piece under it, that
    // opens or closes its sides: not judged)
    const tall = median(glyphs.filter((_, i) => /\d/.test(w.text[i]!)).map((g) => g.r1 - g.r0 + 1));
    glyphs.forEach((glyph, i) => {
      if (w.text[i] !== '0' || glyph.r1 - glyph.r0 + 1 < MIN_GLYPH_POINTS * pixelsPerPoint || !sameHeight(glyph, tall)) return;
      const shape = zeroShape(binary, glyph);
      if (shape === '9' || shape === '6') text = text.slice(0, i) + shape + text.slice(i + 1);
    });
    if (text === w.text) return w;
    changed = true;
    return { ...w, text };
  });
  return changed ? { ...page, words } : page;
}

/**
 * How many of a word's glyphs come before the first as wide as two touching characters: one and a half times the
 * median glyph's width and more.
 */
function beforeTouching(glyphs: readonly Glyph[]): number {
  const wide = 1.5 * median(glyphs.map((g) => g.c1 - g.c0 + 1));
  const k = glyphs.findIndex((g) => g.c1 - g.c0 + 1 >= wide);
  return k < 0 ? 0 : k;
}

/**
 * Whether the glyphs found for a word's characters are its digits one to one: each digit's glyph as tall as the word's
 * digits (3/4 of their median height at least) and, but for a 1, at least 0.4 as wide as it is tall. A rule's piece or
 * a speck counted as a glyph (on a photo: '02/25/2024' boxed with a stroke before it) shifts every glyph after it.
 */
function digitsLineUp(text: string, glyphs: readonly Glyph[]): boolean {
  const digits = glyphs.filter((_, i) => /\d/.test(text[i]!));
  if (digits.length === 0) return false;
  const tall = median(digits.map((g) => g.r1 - g.r0 + 1));
  return glyphs.every((g, i) => {
    const ch = text[i]!;
    if (!/\d/.test(ch)) return true;
    const h = g.r1 - g.r0 + 1;
    return h >= 0.75 * tall && (ch === '1' || g.c1 - g.c0 + 1 >= 0.4 * h);
  });
}

/** A glyph's ink is compared on a grid this many cells wide and high (each cell: the share of its pixels inked). */
const GRID_W = 8;
const GRID_H = 12;

/** The glyph's ink resampled on the GRID_W × GRID_H grid. */
function sampleGlyph(binary: GreyBitmap, g: Glyph): Float32Array {
  const out = new Float32Array(GRID_W * GRID_H);
  const w = g.c1 - g.c0 + 1;
  const h = g.r1 - g.r0 + 1;
  const counts = new Float32Array(GRID_W * GRID_H);
  for (let y = g.r0; y <= g.r1; y++) {
    const gy = Math.min(GRID_H - 1, Math.floor(((y - g.r0) * GRID_H) / h));
    for (let x = g.c0; x <= g.c1; x++) {
      const gx = Math.min(GRID_W - 1, Math.floor(((x - g.c0) * GRID_W) / w));
      counts[gy * GRID_W + gx]!++;
      if (binary.data[y * binary.width + x] === INK) out[gy * GRID_W + gx]!++;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = counts[i]! > 0 ? out[i]! / counts[i]! : 0;
  return out;
}

const NONE: ReadonlySet<Float32Array> = new Set();

function digitCount(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}

/** `f` remembering its result for each argument it was called with. */
function memo<A, R>(f: (a: A) => R): (a: A) => R {
  const seen = new Map<A, R>();
  return (a) => {
    if (!seen.has(a)) seen.set(a, f(a));
    return seen.get(a)!;
  };
}

function distance(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += (a[i]! - b[i]!) ** 2;
  return d;
}

/** The page's own digits: each digit's glyphs, resampled, from words OCR read surely; and their median height (pixels). */
type DigitTemplates = {
  digits: Map<string, Float32Array[]>;
  height: number;
  widths: Map<string, number>;
  /** The templates each word gave (a word is compared with the page's other words' glyphs only). */
  byWord: Map<Word, Set<Float32Array>>;
  /** The slashes of the dates OCR read surely, resampled. */
  slashes: Float32Array[];
};

/** Words the templates are taken from: digits and the punctuation of amounts and dates only, read this surely. */
const TEMPLATE_CONFIDENCE = 0.9;
const NUMERIC = /^[\d,./-]*\d[\d,./-]*$/;
/** At most this many glyphs of one digit are kept (comparing each with every other costs their count squared). */
const MAX_TEMPLATES = 40;
/** Glyphs more than this share taller or shorter than the page's typed digits are other type (the form's own). */
const HEIGHT_TOLERANCE = 0.15;

/** A word's glyphs one per character, when its ink splits into as many glyphs as it has characters; else null. */
function glyphsByCharacter(binary: GreyBitmap, pixelsPerPoint: number, word: Word): Glyph[] | null {
  const found = typedWordGlyphs(binary, pixelsPerPoint, word);
  if (!found || found.glyphs.length !== word.text.length) return null;
  return found.glyphs;
}

/** The page's digit templates (DigitTemplates): the digits of its numbers read surely, at the typed values' height. */
function digitTemplates(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): DigitTemplates {
  const found: { digit: string; glyph: Glyph; word: Word }[] = [];
  const slashGlyphs: Glyph[] = [];
  for (const word of page.words) {
    if (word.confidence < TEMPLATE_CONFIDENCE || !NUMERIC.test(word.text)) continue;
    const glyphs = glyphsByCharacter(binary, pixelsPerPoint, word);
    glyphs?.forEach((glyph, i) => {
      if (/\d/.test(word.text[i]!)) found.push({ digit: word.text[i]!, glyph, word });
      else if (word.text[i] === '/' && slashGlyphs.length < MAX_TEMPLATES) slashGlyphs.push(glyph);
    });
  }
  const height = found.length > 0 ? median(found.map((f) => f.glyph.r1 - f.glyph.r0 + 1)) : 0;
  const digits = new Map<string, Float32Array[]>();
  const widthsOf = new Map<string, number[]>();
  const byWord = new Map<Word, Set<Float32Array>>();
  for (const { digit, glyph, word } of found) {
    if (!sameHeight(glyph, height)) continue;
    const list = digits.get(digit) ?? [];
    if (list.length >= MAX_TEMPLATES) continue;
    const sample = sampleGlyph(binary, glyph);
    list.push(sample);
    digits.set(digit, list);
    byWord.set(word, (byWord.get(word) ?? new Set()).add(sample));
    widthsOf.set(digit, [...(widthsOf.get(digit) ?? []), glyph.c1 - glyph.c0 + 1]);
  }
  const widths = new Map([...widthsOf].map(([d, ws]) => [d, median(ws)]));
  const slashes = slashGlyphs.map((g) => sampleGlyph(binary, g));
  return { digits, height, widths, byWord, slashes };
}

function sameHeight(glyph: Glyph, height: number): boolean {
  return Math.abs(glyph.r1 - glyph.r0 + 1 - height) <= HEIGHT_TOLERANCE * height;
}

/** The distance of a sample to each digit's nearest template, leaving out `omit` (the sample's own word's templates). */
function digitDistances(templates: DigitTemplates, sample: Float32Array, omit: ReadonlySet<Float32Array> = NONE): Map<string, number> {
  const out = new Map<string, number>();
  for (const [digit, list] of templates.digits) {
    let best = Infinity;
    for (const t of list) if (!omit.has(t)) best = Math.min(best, distance(sample, t));
    if (best < Infinity) out.set(digit, best);
  }
  return out;
}

/** Both digits of a mend have at least this many glyphs on the page to compare with. */
const MIN_TEMPLATES = 3;
/** A glyph is taken for another digit only when that digit's nearest glyph is this many times nearer than its own's. */
const MEND_RATIO = 1.25;
/**
 * On a page whose digits confuse themselves more (up to MAX_LOOSE_CONFUSION of them), a glyph is taken for another
 * digit only when that digit's nearest glyph is this many times nearer, and the two are not a pair the page confuses.
 */
const LOOSE_MEND_RATIO = 2;
const MAX_LOOSE_CONFUSION = 0.05;
/** The page's digits are trusted as templates only when no more than this share of them is nearer another digit. */
const MAX_SELF_CONFUSION = 0.01;
/** Words OCR read less surely than this are not mended: their glyphs and characters may not line up. */
const MIN_CONFIDENCE = 0.5;
/** A digit's glyph is no wider or narrower than this share of the width of its digit's glyphs on the page. */
const WIDTH_TOLERANCE = 0.25;
/** An amount grouped right: its first glyph is no '$' read as a digit ('3500,000' is not one). */
const GROUPED = /^\d{1,3}(,\d{3})+$/;

/**
 * The page's words with a digit OCR misread made the digit the page's own glyphs show ('3873663-23' where the page
 * prints 3873653-23: tesseract's reading of a clear 5 beside a 6): where one glyph of a word of digits is much nearer
 * another digit's glyphs elsewhere on the page than its own digit's, and every other glyph of the word is nearest its
 * own. The page's digits are its templates: those of numbers OCR read surely, at the typed values' height, trusted
 * only when they tell themselves apart (each nearest its own digit's other glyphs). An amount OCR doubted is read
 * again from its glyphs instead (amountFromGlyphs).
 */
export function mendDigitsByPageGlyphs(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  const templates = digitTemplates(page, binary, pixelsPerPoint);
  // (how the page's glyphs confuse digits, without a word's own: its misread glyphs would hold the mend against it)
  const confusionWithout = memo((omit: ReadonlySet<Float32Array>) => selfConfusion(templates, omit));
  const confusedWithout = (omit: ReadonlySet<Float32Array>) => {
    const c = confusionWithout(omit);
    return c && c.share <= MAX_SELF_CONFUSION ? c.pairs : null;
  };
  let changed = false;
  const words = page.words.map((w) => {
    if (w.confidence < MIN_CONFIDENCE) {
      const confused = confusedWithout(NONE);
      const confusion = confusionWithout(NONE);
      // (a date's glyphs are told apart on a page that confuses its digits a little more, each by a wider margin)
      const dateRatio = marginFor(confusion, AMOUNT_RATIO);
      const reread =
        (confused && amountFromGlyphs(w, binary, pixelsPerPoint, templates, confused)) ||
        (confusion && dateRatio && dateFromGlyphs(w, binary, pixelsPerPoint, templates, confusion.pairs, dateRatio));
      if (!reread) return w;
      changed = true;
      return { ...w, text: reread };
    }
    const zero = zeroReadAsO(w, binary, pixelsPerPoint, templates) ?? oReadAsZero(w, binary, pixelsPerPoint, templates);
    if (zero) {
      changed = true;
      return { ...w, text: zero };
    }
    // (three digits at least: a lone digit may be a speck's reading)
    if (!NUMERIC.test(w.text) || digitCount(w.text) < 3 || (w.text.includes(',') && !GROUPED.test(w.text))) return w;
    // (two digits that touch, one glyph, cut apart: '00' of '53830700')
    const whole = glyphsByCharacter(binary, pixelsPerPoint, w);
    const glyphs = whole ?? glyphsSplitByCharacter(binary, pixelsPerPoint, w, templates);
    // (each digit's glyph as tall as the typed digits and as wide as its own digit's: a '$' run into the 4 after it,
    // one glyph, is neither)
    const fits = (g: Glyph, d: string) => {
      const width = templates.widths.get(d);
      return sameHeight(g, templates.height) && width !== undefined && Math.abs(g.c1 - g.c0 + 1 - width) <= WIDTH_TOLERANCE * width;
    };
    if (!glyphs || !glyphs.every((g, i) => !/\d/.test(w.text[i]!) || fits(g, w.text[i]!))) return w;
    // (a word read surely gave templates itself: it is compared with the others' glyphs, and a confusion only its own
    // glyphs show holds nothing against it: '5055853-25' read at 91%, its 8 a 9)
    const own = templates.byWord.get(w) ?? NONE;
    let mend: { at: number; digit: string } | null = null;
    for (let i = 0; i < glyphs.length; i++) {
      const read = w.text[i]!;
      if (!/\d/.test(read)) continue;
      const distances = digitDistances(templates, sampleGlyph(binary, glyphs[i]!), own);
      let best = '';
      for (const [d, v] of distances) if (best === '' || v < distances.get(best)!) best = d;
      if (best === read || best === '') continue;
      // a second glyph nearer another digit: the word's glyphs and characters may not line up; nothing is changed
      if (mend !== null) return w;
      const asRead = distances.get(read);
      const enough = (d: string) => (templates.digits.get(d) ?? []).filter((t) => !own.has(t)).length >= MIN_TEMPLATES;
      const confusion = confusionWithout(own);
      // (a word whose glyphs were cut apart is mended only by the wider margin: a cut through two touching digits
      // leaves each a little of the other's ink)
      const ratio = marginFor(confusion, whole ? MEND_RATIO : LOOSE_MEND_RATIO);
      if (asRead === undefined || !enough(read) || !enough(best) || !confusion || !ratio || confusion.pairs.has(`${read}${best}`) || asRead < ratio * distances.get(best)!) return w;
      mend = { at: i, digit: best };
    }
    if (mend === null) return w;
    changed = true;
    return { ...w, text: w.text.slice(0, mend.at) + mend.digit + w.text.slice(mend.at + 1) };
  });
  return changed ? { ...page, words } : page;
}

/**
 * How many times nearer another digit's glyphs must be for a glyph to be taken for it, on a page whose templates
 * confuse `confusion.share` of themselves: `strict` where that is at most MAX_SELF_CONFUSION, LOOSE_MEND_RATIO (or
 * `strict`, if wider) up to MAX_LOOSE_CONFUSION; null past that, or with no templates (nothing is mended).
 */
function marginFor(confusion: { share: number } | null, strict: number): number | null {
  if (!confusion) return null;
  if (confusion.share <= MAX_SELF_CONFUSION) return strict;
  return confusion.share <= MAX_LOOSE_CONFUSION ? Math.max(strict, LOOSE_MEND_RATIO) : null;
}

/**
 * As glyphsByCharacter, with each glyph as wide as digits that touch cut into as many (splitRun) when that makes one
 * glyph a character; else null.
 */
function glyphsSplitByCharacter(binary: GreyBitmap, pixelsPerPoint: number, word: Word, templates: DigitTemplates): Glyph[] | null {
  const found = typedWordGlyphs(binary, pixelsPerPoint, word);
  if (!found || templates.widths.size === 0) return null;
  const digitWidth = Math.max(...templates.widths.values());
  const glyphs = found.glyphs.flatMap((g) => splitRun(binary, g, digitWidth));
  return glyphs.length === word.text.length ? glyphs : null;
}

/** A policy number's prefix of letters, then an O, then digits (and dashes): 'PLO58158'. */
const O_AFTER_PREFIX = /^[A-Z]{1,4}[Oo](?=[\d-]+$)/;
/** An O's glyph is wider than a 0's by more than this share of the 0's width (a 0 is narrow, its sides near straight). */
const ZERO_WIDTH_TOLERANCE = 0.12;

/**
 * A policy number whose 0 after its prefix OCR read as the letter O ('PLO58158' for PL058158), with the 0, or null: the
 * glyph is as tall as the page's typed digits, as wide as its 0s (an O is a third wider in the type of certificates),
 * and nearest the 0s of all its digits; the glyphs after it, lined up from the word's right end, are as wide as their
 * digits (the prefix's letters may touch, one glyph).
 */
function zeroReadAsO(w: Word, binary: GreyBitmap, pixelsPerPoint: number, templates: DigitTemplates): string | null {
  const m = O_AFTER_PREFIX.exec(w.text);
  const zeroWidth = templates.widths.get('0');
  if (!m || digitCount(w.text) < 3 || zeroWidth === undefined || (templates.digits.get('0')?.length ?? 0) < MIN_TEMPLATES) return null;
  const found = typedWordGlyphs(binary, pixelsPerPoint, w);
  if (!found) return null;
  const at = m[0].length - 1;
  const tail = w.text.length - at;
  // (the prefix's letters: at least one glyph of ink before the O)
  if (found.glyphs.length <= tail) return null;
  const glyphs = found.glyphs.slice(found.glyphs.length - tail);
  for (let i = 1; i < tail; i++) {
    const d = w.text[at + i]!;
    const g = glyphs[i]!;
    const width = templates.widths.get(d);
    if (d !== '-' && (width === undefined || !sameHeight(g, templates.height) || Math.abs(g.c1 - g.c0 + 1 - width) > WIDTH_TOLERANCE * width)) return null;
  }
  const o = glyphs[0]!;
  if (!sameHeight(o, templates.height) || Math.abs(o.c1 - o.c0 + 1 - zeroWidth) > ZERO_WIDTH_TOLERANCE * zeroWidth) return null;
  return nearestDigit(templates, binary, o) === '0' ? `${w.text.slice(0, at)}0${w.text.slice(at + 1)}` : null;
}

/** The digit whose glyphs on the page are nearest a glyph's shape. */
function nearestDigit(templates: DigitTemplates, binary: GreyBitmap, glyph: Glyph): string {
  const distances = digitDistances(templates, sampleGlyph(binary, glyph));
  let best = '';
  for (const [d, v] of distances) if (best === '' || v < distances.get(best)!) best = d;
  return best;
}

/**
 * A policy number's prefix ending in a 0 before its hyphen ('E0-4594495'), or before its digits ('E0534926865'): the 0
 * may be the O of 'EO'.
 */
const ZERO_AFTER_LETTERS = /^[A-Z]{1,4}0(?=-?\d[\d-]{2,}$)/;
/**
 * An O's glyph is at least this many times as wide as the page's 0s (a third wider and more in the types certificates
 * use; in a typewriter's type the two are alike and nothing is judged), and at most this many: wider is two glyphs run
 * together.
 */
const O_WIDER = 1.2;
const O_WIDEST = 1.6;
/** A hyphen's glyph is at most this share of the digits' height tall. */
const HYPHEN_HEIGHT = 0.35;

/**
 * A policy number whose prefix's O OCR read as a zero ('E0-4594495' for EO-4594495, 'E0534926865') with its O, or
 * null: the glyph before the prefix's hyphen, found from the word's start (the digits after it may touch, so that the
 * glyphs no longer line up from its end), or the glyph after the prefix's letters where the hyphen touches the next
 * digit or the prefix has none; as
 * tall as the typed digits, round (nearest the page's 0s) and O_WIDER to O_WIDEST times as wide as they are.
 */
function oReadAsZero(w: Word, binary: GreyBitmap, pixelsPerPoint: number, templates: DigitTemplates): string | null {
  const m = ZERO_AFTER_LETTERS.exec(w.text);
  const zeroWidth = templates.widths.get('0');
  if (!m || zeroWidth === undefined || (templates.digits.get('0')?.length ?? 0) < MIN_TEMPLATES) return null;
  const found = typedWordGlyphs(binary, pixelsPerPoint, w);
  if (!found) return null;
  const at = m[0].length - 1;
  const width = (g: Glyph) => g.c1 - g.c0 + 1;
  // (the glyph before the hyphen, a prefix's letter at least before it; where the hyphen touches the digit after it
  // (a photo's), the glyph after the prefix's letters, when each of them is a glyph of its own)
  const hyphen = w.text[at + 1] === '-' ? found.glyphs.findIndex((g) => g.r1 - g.r0 + 1 <= HYPHEN_HEIGHT * templates.height) : -1;
  const letters = found.glyphs.slice(0, at).every((g) => sameHeight(g, templates.height) && width(g) <= O_WIDEST * zeroWidth);
  const o = found.glyphs[hyphen >= 2 ? hyphen - 1 : hyphen < 0 && letters ? at : -1];
  if (!o || !sameHeight(o, templates.height) || width(o) < O_WIDER * zeroWidth || width(o) > O_WIDEST * zeroWidth) return null;
  return nearestDigit(templates, binary, o) === '0' ? `${w.text.slice(0, at)}O${w.text.slice(at + 1)}` : null;
}

/**
 * An amount OCR doubted ('200,000', 35 pt wide like the 2,000,000 beside it) is read from glyphs each at least this many
 * times nearer one digit's glyphs than any other's.
 */
const AMOUNT_RATIO = 1.5;
/** A comma's glyph is at most this share of the digits' height tall, and reaches below their baseline. */
const COMMA_HEIGHT = 0.5;

/**
 * An amount OCR read unsure and with more or fewer characters than its ink holds, read again glyph by glyph: each
 * glyph as tall and wide as a digit taken for the digit whose page glyphs are much the nearest, each short one
 * reaching below the digits' baseline for a comma; null unless every glyph is one or the other, the result is an
 * amount grouped right, and it holds another count of digits than OCR's reading (the same count is the mend's to
 * judge).
 */
function amountFromGlyphs(w: Word, binary: GreyBitmap, pixelsPerPoint: number, templates: DigitTemplates, confused: ReadonlySet<string>): string | null {
  if (!/^\$?[\d,.]*\d[\d,.]*$/.test(w.text) || digitCount(w.text) < 3) return null;
  const found = wordGlyphs(binary, pixelsPerPoint, w);
  if (!found || found.glyphs.length < 5) return null;
  const digitWidth = Math.max(...templates.widths.values());
  let baseline = -1;
  for (const g of found.glyphs) if (sameHeight(g, templates.height)) baseline = Math.max(baseline, g.r1);
  if (baseline < 0) return null;
  let text = '';
  for (const g of found.glyphs.flatMap((g) => splitRun(binary, g, digitWidth))) {
    const height = g.r1 - g.r0 + 1;
    if (height <= COMMA_HEIGHT * templates.height && g.r1 > baseline && g.c1 - g.c0 + 1 <= digitWidth / 2) {
      text += ',';
      continue;
    }
    if (!sameHeight(g, templates.height) || g.c1 - g.c0 + 1 > (1 + WIDTH_TOLERANCE) * digitWidth) return null;
    const distances = [...digitDistances(templates, sampleGlyph(binary, g))].sort((a, b) => a[1] - b[1]);
    const [best, second] = distances;
    if (!best || !second || (templates.digits.get(best[0])?.length ?? 0) < MIN_TEMPLATES) return null;
    if (second[1] < AMOUNT_RATIO * best[1] || confused.has(`${best[0]}${second[0]}`)) return null;
    text += best[0];
  }
  return GROUPED.test(text) && digitCount(text) !== digitCount(w.text) ? text : null;
}

/** A glyph this share of the typed digits' height or less is a speck, left out of a date read from its glyphs. */
const SPECK_HEIGHT = 0.3;
/** A slash's glyph is at least this share of the typed digits' height (a date's slashes stand a little shorter). */
const MIN_SLASH_HEIGHT = 0.6;
/** A date of month, day and year, as printed in a policy's date cells. */
const SLASHED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

/**
 * A date OCR read unsure and garbled ('7300074' for 7/31/2024, its slashes read as digits or lost), read again glyph by
 * glyph: each glyph taken for the digit or the slash whose page glyphs are much the nearest (slashes from the dates OCR
 * read surely), specks left out; null unless every glyph is one or the other and the result is a date of a real
 * month and day that differs from OCR's reading.
 */
function dateFromGlyphs(w: Word, binary: GreyBitmap, pixelsPerPoint: number, templates: DigitTemplates, confused: ReadonlySet<string>, ratio: number): string | null {
  if (!/^[\d/.-]{6,10}$/.test(w.text) || digitCount(w.text) < 4 || templates.slashes.length < MIN_TEMPLATES) return null;
  const found = wordGlyphs(binary, pixelsPerPoint, w);
  if (!found) return null;
  const digitWidth = Math.max(...templates.widths.values());
  let text = '';
  for (const g of found.glyphs.flatMap((g) => splitRun(binary, g, digitWidth))) {
    const height = g.r1 - g.r0 + 1;
    if (height <= SPECK_HEIGHT * templates.height) continue;
    if (g.c1 - g.c0 + 1 > (1 + WIDTH_TOLERANCE) * digitWidth) return null;
    const sample = sampleGlyph(binary, g);
    const candidates: [string, number][] = [...digitDistances(templates, sample)];
    candidates.push(['/', Math.min(...templates.slashes.map((t) => distance(sample, t)))]);
    const [best, second] = candidates.sort((a, b) => a[1] - b[1]);
    if (!best || !second) return null;
    // (a digit as tall as the typed ones, of which the page has glyphs enough; a slash as tall as digits or a little less)
    if (best[0] === '/' ? height < MIN_SLASH_HEIGHT * templates.height || height > (1 + HEIGHT_TOLERANCE) * templates.height : !sameHeight(g, templates.height) || (templates.digits.get(best[0])?.length ?? 0) < MIN_TEMPLATES) return null;
    if (second[1] < ratio * best[1] || confused.has(`${best[0]}${second[0]}`)) return null;
    text += best[0];
  }
  const m = SLASHED_DATE.exec(text);
  if (!m || text === w.text) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? text : null;
}

/** The space between two digits, as a share of a digit's width. */
const DIGIT_GAP = 0.15;

/**
 * A glyph as wide as a run of digits that touch (a photo's blurred '000') cut into as many digit-wide glyphs, when its
 * width is that of whole digits and their gaps; else the glyph alone.
 */
function splitRun(binary: GreyBitmap, g: Glyph, digitWidth: number): Glyph[] {
  const width = g.c1 - g.c0 + 1;
  const pitch = digitWidth * (1 + DIGIT_GAP);
  const n = Math.round((width + DIGIT_GAP * digitWidth) / pitch);
  if (n < 2 || Math.abs(width - (n * pitch - DIGIT_GAP * digitWidth)) > WIDTH_TOLERANCE * digitWidth) return [g];
  const out: Glyph[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = g.c0 + Math.round((i * width) / n);
    const c1 = g.c0 + Math.round(((i + 1) * width) / n) - 1;
    let r0 = -1;
    let r1 = -1;
    for (let y = g.r0; y <= g.r1; y++) {
      for (let x = c0; x <= c1; x++) {
        if (binary.data[y * binary.width + x] !== INK) continue;
        if (r0 < 0) r0 = y;
        r1 = y;
        break;
      }
    }
    if (r0 < 0) return [g];
    out.push({ c0, c1, r0, r1 });
  }
  return out;
}

/**
 * The pairs of digits ('56', '65') the page's own glyphs (but `omit`) confuse: a glyph nearer another digit's glyphs than
 * its own's other ones; and the share of its glyphs that are (a page whose glyphs, a photo's blurred ones, tell the
 * digits apart poorly is not trusted at all: MAX_SELF_CONFUSION, MAX_LOOSE_CONFUSION). Null when it has none.
 */
function selfConfusion(templates: DigitTemplates, omit: ReadonlySet<Float32Array>): { pairs: Set<string>; share: number } | null {
  const pairs = new Set<string>();
  let total = 0;
  let wrong = 0;
  for (const [digit, list] of templates.digits) {
    for (const t of list) {
      if (omit.has(t)) continue;
      const distances = digitDistances(templates, t, new Set([...omit, t]));
      const own = distances.get(digit);
      total++;
      for (const [d, v] of distances) {
        if (d === digit || (own !== undefined && v >= own)) continue;
        wrong++;
        pairs.add(`${digit}${d}`).add(`${d}${digit}`);
        break;
      }
    }
  }
  return total === 0 ? null : { pairs, share: wrong / total };
}

/** A word of digits only, in which OCR may have read two like glyphs side by side as one digit. */
const DIGITS_ONLY = /^\d{2,}$/;
/** Glyphs of one digit are this alike in width (share of the wider), with two pixels' slack. */
const LIKE_WIDTH = 0.25;

/** At most this many glyphs more than digits are mended (a run of like digits read short: '11' for 11111). */
const MAX_COLLAPSED = 3;

/**
 * The page's words of digits only with a digit OCR read once where the ink shows it twice ('111' where the page prints
 * 1111: tesseract's recognizer runs two like glyphs in a row into one, thin 1s most of all), or a run of like digits
 * read short by more than one ('11' where it prints 11111, at no confidence). Where a word's glyphs are one to
 * MAX_COLLAPSED more than its digits, each way of reading its digits that many more times is tried, and the word takes
 * the one way by which each digit's glyphs are one shape (sameShape) and alike in width (LIKE_WIDTH). Where no way, or
 * ways that give different words, fit, the word is left as read ('100' over glyphs 1, 1, 0, 0 is 1100, not 1000: a 1's
 * glyph is no 0's; '235' over 2, 3, 3, 5 is 2335: only the 3s are one shape).
 */
export function mendCollapsedRepeats(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  let changed = false;
  const words = page.words.map((w) => {
    if (!DIGITS_ONLY.test(w.text)) return w;
    const found = typedWordGlyphs(binary, pixelsPerPoint, w);
    if (!found) return w;
    const glyphs = found.glyphs.filter((g) => g.r1 - g.r0 + 1 >= MIN_GLYPH_HEIGHT * found.height);
    const extra = glyphs.length - w.text.length;
    if (extra < 1 || extra > MAX_COLLAPSED || glyphs.length !== found.glyphs.length) return w;
    const fits = new Set<string>();
    for (const text of repeatedReadings(w.text, extra)) if (digitsAlike(binary, text, glyphs)) fits.add(text);
    if (fits.size !== 1) return w;
    changed = true;
    return { ...w, text: [...fits][0]! };
  });
  return changed ? { ...page, words } : page;
}

/** Each way of reading `text` with `extra` more characters, each a repeat of the one before it ('12', 1: 112, 122). */
export function repeatedReadings(text: string, extra: number): string[] {
  if (extra === 0) return [text];
  if (text.length === 0) return [];
  // (the first character read 1 + k times, k from extra down to 0, and the rest with what is left)
  const out: string[] = [];
  for (let k = extra; k >= 0; k--) for (const rest of repeatedReadings(text.slice(1), extra - k)) out.push(text[0]!.repeat(k + 1) + rest);
  return out;
}

/** Two glyphs of one digit in one type overlap this much (ink in both over ink in either): sameShape. */
const SAME_SHAPE = 0.7;
/** How far (pixels) one glyph is shifted over the other each way to find their best overlap. */
const SHAPE_SHIFT = 2;

/**
 * Whether two glyphs are one shape: their ink laid over each other, top-left on top-left and shifted up to SHAPE_SHIFT
 * pixels each way (a small type's glyphs land on the pixel grid differently), overlaps by SAME_SHAPE at best.
 */
function sameShape(binary: GreyBitmap, a: Glyph, b: Glyph): boolean {
  const ink = (g: Glyph, x: number, y: number) => x >= 0 && y >= 0 && g.c0 + x <= g.c1 && g.r0 + y <= g.r1 && binary.data[(g.r0 + y) * binary.width + g.c0 + x] === INK;
  const w = Math.max(a.c1 - a.c0, b.c1 - b.c0) + 1 + SHAPE_SHIFT;
  const h = Math.max(a.r1 - a.r0, b.r1 - b.r0) + 1 + SHAPE_SHIFT;
  let best = 0;
  for (let dy = -SHAPE_SHIFT; dy <= SHAPE_SHIFT; dy++) {
    for (let dx = -SHAPE_SHIFT; dx <= SHAPE_SHIFT; dx++) {
      let both = 0;
      let either = 0;
      for (let y = -SHAPE_SHIFT; y < h; y++) {
        for (let x = -SHAPE_SHIFT; x < w; x++) {
          const [p, q] = [ink(a, x, y), ink(b, x + dx, y + dy)];
          if (p && q) both++;
          if (p || q) either++;
        }
      }
      if (either > 0) best = Math.max(best, both / either);
    }
  }
  return best >= SAME_SHAPE;
}

/** Whether the glyphs read as `text`, one a character, are alike in width and one shape wherever they are the same digit. */
function digitsAlike(binary: GreyBitmap, text: string, glyphs: Glyph[]): boolean {
  const byDigit = new Map<string, Glyph[]>();
  glyphs.forEach((g, i) => byDigit.set(text[i]!, [...(byDigit.get(text[i]!) ?? []), g]));
  for (const [first, ...rest] of byDigit.values()) {
    const widths = [first!, ...rest].map((g) => g.c1 - g.c0 + 1);
    const [least, most] = [Math.min(...widths), Math.max(...widths)];
    if (most - least > LIKE_WIDTH * most + 2 || rest.some((g) => !sameShape(binary, first!, g))) return false;
  }
  return true;
}
