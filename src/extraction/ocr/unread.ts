// Ink the whole-page pass left unread. Tesseract's sparse-text layout analysis now and then drops a piece of type
// outright, read as nothing at all: a table's heading set on two lines in bold ('Addl' over 'Insd') with the flags
// under it, so that the column and its values are lost, and no later pass looks there since no word was read there.
// Each region of the cleaned page's ink that no word covers, of the size of a line or a few lines of type, is cut
// out and read alone as a block; the words read in it with some confidence join the page's.
import { PSM } from 'tesseract.js';
import { PAD, type CellRecognizer } from '../acord25/ocr-cells.js';
import type { PageWords, Word } from '../layout/words.js';
import { toPageWords } from './ocr.js';
import { cropGrey, INK } from './preprocess.js';
import type { GreyBitmap } from './render.js';

/** The grid the page's ink is counted on (points a cell). */
const CELL_PT = 1;
/** A cell is ink with at least this share of its pixels ink (a speck's few pixels are not). */
const CELL_INK = 0.04;
/** Ink this near a word's box (points) is that word's: its serifs, a stroke tesseract boxed short. */
const COVER_PT = 1.5;
/** Unread cells this near one another (points, along the line and across it) are one region. */
const JOIN_X_PT = 5;
const JOIN_Y_PT = 2;
/** A region of type is at least this tall (the letters of 4 pt type) and wide, and at most this tall (points). */
const MIN_HEIGHT_PT = 2.5;
const MIN_WIDTH_PT = 4;
const MAX_HEIGHT_PT = 36;
/** At most this many regions a page are read (each a tesseract call of some 20 to 100 ms), the inkiest first. */
const MAX_REGIONS = 12;
/** Words read in a region with less confidence than this are a logo's or a signature's strokes, not type. */
const KEEP_CONFIDENCE = 0.6;

type Region = { x0: number; y0: number; x1: number; y1: number; ink: number };

/**
 * The regions (pixels, inclusive-exclusive) of `cleaned`'s ink that none of `words` covers, at `pixelsPerPoint`,
 * inkiest first, of a line of type's size.
 */
export function unreadInkRegions(words: Word[], cleaned: GreyBitmap, pixelsPerPoint: number): Region[] {
  const s = pixelsPerPoint;
  const f = Math.max(1, Math.round(CELL_PT * s));
  const cols = Math.ceil(cleaned.width / f);
  const rows = Math.ceil(cleaned.height / f);
  const ink = new Uint32Array(cols * rows);
  for (let y = 0; y < cleaned.height; y++) {
    const row = y * cleaned.width;
    const r = Math.floor(y / f) * cols;
    for (let x = 0; x < cleaned.width; x++) if (cleaned.data[row + x] === INK) ink[r + Math.floor(x / f)]!++;
  }
  const covered = new Uint8Array(cols * rows);
  for (const w of words) {
    const c0 = Math.max(0, Math.floor(((w.x - COVER_PT) * s) / f));
    const c1 = Math.min(cols - 1, Math.floor(((w.x + w.width + COVER_PT) * s) / f));
    const r0 = Math.max(0, Math.floor(((w.y - COVER_PT) * s) / f));
    const r1 = Math.min(rows - 1, Math.floor(((w.y + w.height + COVER_PT) * s) / f));
    for (let r = r0; r <= r1; r++) covered.fill(1, r * cols + c0, r * cols + c1 + 1);
  }
  const least = Math.max(2, CELL_INK * f * f);
  const unread = (i: number) => ink[i]! >= least && !covered[i];
  const jx = Math.max(1, Math.round((JOIN_X_PT * s) / f));
  const jy = Math.max(1, Math.round((JOIN_Y_PT * s) / f));
  const seen = new Uint8Array(cols * rows);
  const regions: Region[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (seen[start] || !unread(start)) continue;
    seen[start] = 1;
    const stack = [start];
    const region: Region = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, ink: 0 };
    while (stack.length > 0) {
      const i = stack.pop()!;
      const c = i % cols;
      const r = (i - c) / cols;
      region.x0 = Math.min(region.x0, c);
      region.x1 = Math.max(region.x1, c);
      region.y0 = Math.min(region.y0, r);
      region.y1 = Math.max(region.y1, r);
      region.ink += ink[i]!;
      for (let rr = Math.max(0, r - jy); rr <= Math.min(rows - 1, r + jy); rr++) {
        for (let cc = Math.max(0, c - jx); cc <= Math.min(cols - 1, c + jx); cc++) {
          const j = rr * cols + cc;
          if (!seen[j] && unread(j)) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    const height = ((region.y1 - region.y0 + 1) * f) / s;
    const width = ((region.x1 - region.x0 + 1) * f) / s;
    if (height < MIN_HEIGHT_PT || height > MAX_HEIGHT_PT || width < MIN_WIDTH_PT) continue;
    regions.push({
      x0: region.x0 * f,
      y0: region.y0 * f,
      x1: Math.min(cleaned.width, (region.x1 + 1) * f),
      y1: Math.min(cleaned.height, (region.y1 + 1) * f),
      ink: region.ink,
    });
  }
  return regions.sort((a, b) => b.ink - a.ink).slice(0, MAX_REGIONS);
}

/**
 * The page's words with what its unread ink reads as (unreadInkRegions), each region cut from `cleaned` and read alone
 * as a block of text. The page itself when nothing was read there.
 */
export async function rereadUnreadInk(page: PageWords, cleaned: GreyBitmap, pixelsPerPoint: number, recognize: CellRecognizer): Promise<PageWords> {
  const s = pixelsPerPoint;
  const added: Word[] = [];
  const within = (w: Word, o: Word) => {
    const cx = w.x + w.width / 2;
    const cy = w.y + w.height / 2;
    return cx >= o.x && cx <= o.x + o.width && cy >= o.y && cy <= o.y + o.height;
  };
  for (const r of unreadInkRegions(page.words, cleaned, s)) {
    const crop = cropGrey(cleaned, r.x0, r.y0, r.x1, r.y1, PAD);
    // (the words read already, and the ink about them, are paper in the crop: only what was left unread is read)
    for (const w of page.words) {
      const x0 = Math.max(0, Math.floor((w.x - COVER_PT) * s) - r.x0 + PAD);
      const x1 = Math.min(crop.width, Math.ceil((w.x + w.width + COVER_PT) * s) - r.x0 + PAD);
      const y0 = Math.max(0, Math.floor((w.y - COVER_PT) * s) - r.y0 + PAD);
      const y1 = Math.min(crop.height, Math.ceil((w.y + w.height + COVER_PT) * s) - r.y0 + PAD);
      for (let y = y0; y < y1; y++) crop.data.fill(255, y * crop.width + x0, y * crop.width + Math.max(x0, x1));
    }
    const read = toPageWords(await recognize(crop, { psm: PSM.SINGLE_BLOCK }), s, r.x0 - PAD, r.y0 - PAD);
    added.push(...read.filter((w) => w.confidence >= KEEP_CONFIDENCE && /[\p{L}\p{N}]/u.test(w.text) && !page.words.some((o) => within(w, o))));
  }
  return added.length === 0 ? page : { ...page, words: [...page.words, ...added] };
}
