// The small headings of a carrier's own certificate read by OCR, where the whole-page pass garbled them: boxed forms
// print each box's label in tiny grey capitals at its top left ('INSURED NAME', 'POLICY EFFECTIVE'), and binarized at a
// scan's 200 dpi tesseract reads them 'Tver ©', 'POLITY'. Each line of such small type that tesseract doubted is cut
// out of the page in grey (its rules whitened), enlarged, and read again alone; the reading it is surer of is kept.
import { PSM } from 'tesseract.js';
import { PAD, type CellRecognizer } from '../acord25/ocr-cells.js';
import type { PageWords, Word } from '../layout/words.js';
import { toPageWords } from '../ocr/ocr.js';
import { cropGrey, INK } from '../ocr/preprocess.js';
import { resizeGrey, type GreyBitmap } from '../ocr/render.js';
import { groupLines } from '../text/lines.js';

/** Type this small (a word's ink box, points: about 7 pt type) or smaller is read again when doubted. */
const SMALL_PT = 5;
/** A line's small words read with less mean confidence than this are doubted. */
const DOUBTED = 0.7;
/** The enlarged crop's letters are about this many pixels tall. */
const TARGET_PX = 36;
/** At most this many lines a page are read again (each a tesseract call, 30 to 60 ms). */
const MAX_LINES = 20;
/** How much surer (mean confidence) the second reading must be to replace the first. */
const SURER_BY = 0.15;

const mean = (ws: Word[]) => ws.reduce((n, w) => n + w.confidence, 0) / Math.max(1, ws.length);
const letters = (ws: Word[]) => ws.reduce((n, w) => n + w.text.replace(/[^\p{L}\p{N}]/gu, '').length, 0);

/** The straightened page three ways: in grey, in black and white, and in black and white without its rules. */
export type PageImages = { grey: GreyBitmap; binary: GreyBitmap; cleaned: GreyBitmap };

/**
 * The page's words with its doubted lines of small type read again, each enlarged and alone, at `pixelsPerPoint`.
 * The page itself when no line was read better.
 */
export async function rereadSmallLines(page: PageWords, images: PageImages, pixelsPerPoint: number, recognize: CellRecognizer): Promise<PageWords> {
  const s = pixelsPerPoint;
  // (a line of garbled words OCR split in two, their boxes a little higher and lower, is one line again)
  const groups: Word[][] = [];
  for (const small of groupLines(page.words).map((l) => l.words.filter((w) => w.height <= SMALL_PT))) {
    if (small.length === 0) continue;
    const top = Math.min(...small.map((w) => w.y));
    const bottom = Math.max(...small.map((w) => w.y + w.height));
    const same = groups.find((g) => {
      const gt = Math.min(...g.map((w) => w.y));
      const gb = Math.max(...g.map((w) => w.y + w.height));
      return Math.min(bottom, gb) - Math.max(top, gt) >= 0.5 * Math.min(bottom - top, gb - gt);
    });
    if (same) same.push(...small);
    else groups.push(small);
  }
  // (a rule's shreds read as dashes are no line of type: they would take the places of lines that are)
  const doubted = groups
    .filter((small) => mean(small) < DOUBTED && letters(small) >= 2)
    .sort((a, b) => mean(a) - mean(b))
    .slice(0, MAX_LINES);
  const regions: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const inside = (w: Word, r: (typeof regions)[number]) => {
    const cx = w.x + w.width / 2;
    const cy = w.y + w.height / 2;
    return cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1;
  };
  const added: Word[] = [];
  for (const small of doubted) {
    // (a line read again already, as part of another's crop, is not read twice)
    if (small.every((w) => regions.some((r) => inside(w, r)))) continue;
    const h = Math.max(...small.map((w) => w.height));
    const top = Math.max(0, Math.floor((Math.min(...small.map((w) => w.y)) - 0.3 * h) * s));
    const bottom = Math.min(images.grey.height, Math.ceil((Math.max(...small.map((w) => w.y + w.height)) + 0.3 * h) * s));
    // (out to the ends of the line's type: the first reading may have found only the end of a label, 'E LIMIT' of
    // 'EACH OCCURRENCE LIMIT')
    const [left, right] = alongType(
      images,
      top,
      bottom,
      Math.max(0, Math.floor((Math.min(...small.map((w) => w.x)) - 0.5 * h) * s)),
      Math.min(images.grey.width, Math.ceil((Math.max(...small.map((w) => w.x + w.width)) + 0.5 * h) * s)),
      Math.round(1.5 * h * s),
    );
    if (right - left < 4 || bottom - top < 4) continue;
    const crop = stretched(withoutRules(images, left, top, right, bottom));
    const factor = Math.min(3, Math.max(1, TARGET_PX / (h * s)));
    const big = factor > 1.05 ? resizeGrey(crop, factor) : crop;
    const f = big.width / crop.width;
    const read = toPageWords(await recognize(big, { psm: PSM.SPARSE_TEXT }), s * f, (left - PAD) * f, (top - PAD) * f);
    // (and no fewer letters: a crop that cut a word off is no better reading)
    if (read.length === 0 || mean(read) < mean(small) + SURER_BY || letters(read) < 0.7 * letters(small)) continue;
    // the new reading replaces every word the first one placed in the crop
    regions.push({ x0: left / s, y0: top / s, x1: right / s, y1: bottom / s });
    added.push(...read);
  }
  if (added.length === 0) return page;
  return { ...page, words: [...page.words.filter((w) => !regions.some((r) => inside(w, r))), ...added] };
}

/**
 * The span [left, right) of rows top to bottom widened each way over the type it cuts: while ink (darker than halfway
 * from the span's darkest grey to its paper, and no rule's) stands within `gap` pixels beyond it.
 */
function alongType(images: PageImages, top: number, bottom: number, left: number, right: number, gap: number): [number, number] {
  const { grey, binary, cleaned } = images;
  const width = grey.width;
  const rule = (i: number) => binary.data[i] === INK && cleaned.data[i] !== INK;
  let darkest = 255;
  const values: number[] = [];
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const i = y * width + x;
      if (rule(i)) continue;
      darkest = Math.min(darkest, grey.data[i]!);
      values.push(grey.data[i]!);
    }
  }
  values.sort((a, b) => a - b);
  const paper = values[Math.floor(0.8 * values.length)] ?? 255;
  if (paper - darkest < 16) return [left, right];
  const threshold = (darkest + paper) / 2;
  const inkAt = (x: number) => {
    for (let y = top; y < bottom; y++) {
      const i = y * width + x;
      if (grey.data[i]! < threshold && !rule(i)) return true;
    }
    return false;
  };
  const reach = Math.round(MAX_WIDEN * gap);
  let [l, r] = [left, right];
  for (let x = l - 1; x >= Math.max(0, left - reach) && x >= l - gap; x--) if (inkAt(x)) l = x;
  for (let x = r; x < Math.min(width, right + reach) && x <= r + gap; x++) if (inkAt(x)) r = x + 1;
  return [Math.max(0, l - Math.round(gap / 3)), Math.min(width, r + Math.round(gap / 3))];
}

/** A line's crop widens at most this many gaps each way. */
const MAX_WIDEN = 30;

/** The grey page cut from left to right and top to bottom (pixels), PAD of paper around it, its rules' pixels paper. */
function withoutRules(images: PageImages, left: number, top: number, right: number, bottom: number): GreyBitmap {
  const crop = cropGrey(images.grey, left, top, right, bottom, PAD);
  const { binary, cleaned } = images;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const i = y * binary.width + x;
      if (binary.data[i] === INK && cleaned.data[i] !== INK) crop.data[(y - top + PAD) * crop.width + (x - left + PAD)] = 255;
    }
  }
  return crop;
}

/**
 * The crop's greys spread over the whole range, its darkest pixel black and its paper (the 80th percentile) white: a
 * label printed in light grey has no pixel darker than mid-grey, and a bitmap without one counts as blank (ocr.ts).
 */
export function stretched(crop: GreyBitmap): GreyBitmap {
  const counts = new Uint32Array(256);
  for (const v of crop.data) counts[v]!++;
  let darkest = 0;
  while (darkest < 255 && counts[darkest] === 0) darkest++;
  let paper = 255;
  for (let v = 0, seen = 0; v < 256; v++) {
    seen += counts[v]!;
    if (seen >= 0.8 * crop.data.length) {
      paper = v;
      break;
    }
  }
  if (paper - darkest < 16) return crop;
  const data = new Uint8Array(crop.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(((crop.data[i]! - darkest) * 255) / (paper - darkest))));
  return { ...crop, data };
}
