// Two OCR readings of one page, row by row the better kept. A carrier's page is read twice: once cleaned as an ACORD
// form is (every rule taken out, broken rules and their fringes too), once with the gentler removal that spares text
// standing on a rule (ocr/index.ts). Neither is better everywhere: the gentle page keeps a scan's broken rules and a
// dark band's ragged edge as dashes, which tesseract reads into the row beside them ('Harborview' as 'torview', 'I-01
// EO mE 0624774'); the thorough one cuts an underlined heading's feet. Each row band of the page is taken from the
// reading that tesseract is surer of, letter by letter.
import type { PageWords, Word } from '../layout/words.js';
import { median } from '../text/lines.js';
import type { PixelWord } from './ocr.js';
import { cropGrey } from './preprocess.js';
import type { GreyBitmap } from './render.js';

/** A letter read with this confidence (0..1) or more counts for its reading; below it, against. */
const SURE = 0.6;

/** A word's letters and digits. */
const letters = (w: Word) => w.text.replace(/[^\p{L}\p{N}]/gu, '').length;

/** How much a reading's words in a band are worth: each letter counts by how far its word's confidence is from SURE. */
const worth = (words: Word[]) => words.reduce((n, w) => n + letters(w) * (w.confidence - SURE), 0);

/**
 * A word tesseract made of a rule's shreds (a dark band's ragged edge, a broken rule's dashes): letters under
 * SHRED_PT tall, read with less than SHRED_CONFIDENCE ('new wl na n' along the foot of a table's header band).
 */
const SHRED_PT = 3.2;
const SHRED_CONFIDENCE = 0.5;
const isRuleShred = (w: Word) => w.height < SHRED_PT && w.confidence < SHRED_CONFIDENCE && /[\p{L}\p{N}]/u.test(w.text);

type Band = { top: number; bottom: number };

/**
 * The page's row bands: words of both readings (no taller than twice the median word, a rule read as a tall '|' joins
 * no rows) sorted by their middles, a word that overlaps the band above by a third of its height going into it.
 */
function rowBands(words: Word[]): Band[] {
  const h = median(words.map((w) => w.height)) || 8;
  const bands: Band[] = [];
  for (const w of words.filter((x) => x.height <= 2 * h).sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2))) {
    const last = bands.at(-1);
    if (last && w.y < last.bottom - w.height / 3) last.bottom = Math.max(last.bottom, w.y + w.height);
    else bands.push({ top: w.y, bottom: w.y + w.height });
  }
  return bands;
}

/** The band holding a word's middle, else the nearest one. */
function bandOf(bands: Band[], w: Word): number {
  const mid = w.y + w.height / 2;
  let best = 0;
  let distance = Infinity;
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    const d = mid < b.top ? b.top - mid : mid > b.bottom ? mid - b.bottom : 0;
    if (d < distance) {
      distance = d;
      best = i;
    }
  }
  return best;
}

/**
 * `gentle`'s words, each row band where `thorough` reads surer taken from `thorough` instead. Both readings are of the
 * same page, in the same points.
 */
export function surerReading(thorough: PageWords, gentle: PageWords): PageWords {
  const bands = rowBands([...thorough.words, ...gentle.words]);
  if (bands.length === 0) return gentle;
  const byBand = (words: Word[]) => {
    const out: Word[][] = bands.map(() => []);
    for (const w of words) out[bandOf(bands, w)]!.push(w);
    return out;
  };
  const a = byBand(thorough.words);
  const b = byBand(gentle.words);
  const words = bands.flatMap((_, i) => (worth(a[i]!) > worth(b[i]!) ? a[i]! : b[i]!));
  return { ...gentle, words: words.filter((w) => !isRuleShred(w)) };
}

/** A box on the page bitmap, pixels, right and bottom exclusive. */
export type PixelBox = { left: number; top: number; right: number; bottom: number };

/** Where two cleanings differ is found on a grid of cells this size (points). */
const CELL_PT = 4;
/** A box grows over ink until this many points of paper (a gap wider than a word space) stand beside it. */
const EDGE_PAPER_PT = 4;
/** ... and at most this far (points) up and down; across, to the end of its line, however long. */
const MAX_GROWTH_PT = 40;

/**
 * The regions where two cleanings of one page differ (`a` and `b`, the same size): the cells holding a differing
 * pixel and those around them, joined, each grown over the ink of either bitmap to paper on every side, so that no
 * glyph is cut, and boxes that meet merged.
 */
export function changedBoxes(a: GreyBitmap, b: GreyBitmap, pixelsPerPoint: number): PixelBox[] {
  const { width, height } = a;
  const cell = Math.max(1, Math.round(CELL_PT * pixelsPerPoint));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const marked = new Uint8Array(gw * gh);
  for (let y = 0; y < height; y++) {
    const gy = ((y / cell) | 0) * gw;
    for (let x = 0, i = y * width; x < width; x++, i++) if (a.data[i] !== b.data[i]) marked[gy + ((x / cell) | 0)] = 1;
  }
  // marked cells within two cells of each other belong together
  const seen = new Uint8Array(gw * gh);
  const boxes: PixelBox[] = [];
  for (let start = 0; start < marked.length; start++) {
    if (!marked[start] || seen[start]) continue;
    seen[start] = 1;
    const stack = [start];
    let [x0, y0, x1, y1] = [gw, gh, -1, -1];
    while (stack.length > 0) {
      const c = stack.pop()!;
      const cx = c % gw;
      const cy = (c / gw) | 0;
      [x0, y0, x1, y1] = [Math.min(x0, cx), Math.min(y0, cy), Math.max(x1, cx), Math.max(y1, cy)];
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const n = ny * gw + nx;
          if (marked[n] && !seen[n]) {
            seen[n] = 1;
            stack.push(n);
          }
        }
      }
    }
    boxes.push({ left: (x0 - 1) * cell, top: (y0 - 1) * cell, right: (x1 + 2) * cell, bottom: (y1 + 2) * cell });
  }
  const clip = (box: PixelBox): PixelBox => ({ left: Math.max(0, box.left), top: Math.max(0, box.top), right: Math.min(width, box.right), bottom: Math.min(height, box.bottom) });
  const inkAt = (i: number) => a.data[i]! < 128 || b.data[i]! < 128;
  const rowInk = (box: PixelBox, y: number) => {
    for (let x = box.left, i = y * width + x; x < box.right; x++, i++) if (inkAt(i)) return true;
    return false;
  };
  const columnInk = (box: PixelBox, x: number) => {
    for (let y = box.top, i = y * width + x; y < box.bottom; y++, i += width) if (inkAt(i)) return true;
    return false;
  };
  const paper = Math.max(1, Math.round(EDGE_PAPER_PT * pixelsPerPoint));
  const reach = Math.round(MAX_GROWTH_PT * pixelsPerPoint);
  // grown until paper stands on each side: rows one pixel of paper (lines of type are set apart), columns `paper`
  // wide (words are, by their spaces)
  const grow = (start: PixelBox): PixelBox => {
    const box = clip(start);
    for (let changed = true; changed; ) {
      changed = false;
      const limit = { top: Math.max(0, start.top - reach), bottom: Math.min(height, start.bottom + reach), left: 0, right: width };
      while (box.top > limit.top && rowInk(box, box.top)) [box.top, changed] = [box.top - 1, true];
      while (box.bottom < limit.bottom && rowInk(box, box.bottom - 1)) [box.bottom, changed] = [box.bottom + 1, true];
      const clearLeft = () => {
        for (let k = 0; k < paper; k++) if (box.left - k - 1 < 0 || columnInk(box, box.left - k - 1)) return false;
        return true;
      };
      while (box.left > limit.left && columnInk(box, box.left)) [box.left, changed] = [box.left - 1, true];
      while (box.left > limit.left && !clearLeft()) [box.left, changed] = [box.left - 1, true];
      const clearRight = () => {
        for (let k = 0; k < paper; k++) if (box.right + k >= width || columnInk(box, box.right + k)) return false;
        return true;
      };
      while (box.right < limit.right && columnInk(box, box.right - 1)) [box.right, changed] = [box.right + 1, true];
      while (box.right < limit.right && !clearRight()) [box.right, changed] = [box.right + 1, true];
    }
    return box;
  };
  let grown = boxes.map(grow);
  // boxes that meet are one
  const meet = (p: PixelBox, q: PixelBox) => p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < grown.length; i++) {
      for (let j = i + 1; j < grown.length; j++) {
        const [p, q] = [grown[i]!, grown[j]!];
        if (meet(p, q)) {
          grown[i] = grow({ left: Math.min(p.left, q.left), top: Math.min(p.top, q.top), right: Math.max(p.right, q.right), bottom: Math.max(p.bottom, q.bottom) });
          grown = grown.filter((_, k) => k !== j);
          merged = true;
          break outer;
        }
      }
    }
  }
  return grown;
}

/**
 * A second reading of a page, cleaned another way (`again`), where it differs from the first (`first`, its words
 * `firstWords` in points): the first reading's words outside the regions that differ, each region's own words read
 * from `again` inside it. Null when the regions cover so much of the page, or are so many, that reading it whole costs
 * no more.
 */
export async function readWhereChanged(
  first: GreyBitmap,
  firstWords: PageWords,
  again: GreyBitmap,
  pixelsPerPoint: number,
  recognize: (crop: GreyBitmap) => Promise<PixelWord[]>,
  toWords: (pw: PixelWord[], left: number, top: number) => Word[],
): Promise<PageWords | null> {
  const boxes = changedBoxes(first, again, pixelsPerPoint);
  const area = boxes.reduce((n, b) => n + (b.right - b.left) * (b.bottom - b.top), 0);
  if (area > WHOLE_PAGE_SHARE * first.width * first.height || boxes.length > MAX_REGIONS) return null;
  const s = pixelsPerPoint;
  const inside = (w: Word, b: PixelBox) => {
    const [x, y] = [(w.x + w.width / 2) * s, (w.y + w.height / 2) * s];
    return x >= b.left && x < b.right && y >= b.top && y < b.bottom;
  };
  // (in the first reading's order, which tesseract gives by blocks and the form recognizer reads as text: each
  // region's words where its first word stood, or before the first word below it)
  const placed: { word: Word; at: number }[] = [];
  const dropped = new Set<number>();
  firstWords.words.forEach((w, k) => {
    if (boxes.some((b) => inside(w, b))) dropped.add(k);
    else placed.push({ word: w, at: k });
  });
  for (const b of boxes) {
    const read = toWords(await recognize(cropGrey(again, b.left, b.top, b.right, b.bottom, CROP_PAD)), b.left - CROP_PAD, b.top - CROP_PAD);
    const own = firstWords.words.findIndex((w, k) => dropped.has(k) && inside(w, b));
    const below = firstWords.words.findIndex((w) => w.y * s >= b.bottom);
    const at = (own >= 0 ? own : below >= 0 ? below : firstWords.words.length) - 0.5;
    read.forEach((word, k) => placed.push({ word, at: at + k / (2 * read.length + 1) }));
  }
  return { ...firstWords, words: placed.sort((p, q) => p.at - q.at).map((p) => p.word) };
}

/**
 * Above this share of the page's area changed, or in more regions than this (each read costs a call of its own, about
 * 20 ms before any reading: a hundred regions cost what the whole page does), the page is read again whole.
 */
const WHOLE_PAGE_SHARE = 0.4;
const MAX_REGIONS = 120;
/** Paper around a region read alone (pixels): tesseract finds no glyph at a bitmap's very edge. */
const CROP_PAD = 12;
