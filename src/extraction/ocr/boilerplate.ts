// The printed paragraphs of an ACORD form, blanked out before the whole-page OCR pass. Tesseract's time follows the
// characters it reads (about a millisecond each), and an ACORD 25's disclaimer, its IMPORTANT notice, the coverage
// statement and the cancellation clause are about a third of the page's: some 1,100 to 1,600 characters that no field
// comes from. They are found without reading them: a paragraph is a block of long lines of type starting at one left
// edge (paragraphBlocks). Only the first line of each such block is read, and a block is blanked only when that line
// opens one of the form's paragraphs (PARAGRAPH_OPENINGS); any other block of long lines, a description of operations
// or a carrier's own wording, is read as before.
import { PSM } from 'tesseract.js';
import { editDistance } from '../text/lines.js';
import type { PixelWord, RecognizeOptions } from './ocr.js';
import { cropGrey } from './preprocess.js';
import type { GreyBitmap } from './render.js';

/** How the printed paragraphs of the ACORD 25 (all editions) and the ACORD 24 begin. */
export const PARAGRAPH_OPENINGS = [
  'THIS CERTIFICATE IS ISSUED AS A MATTER OF INFORMATION',
  'IMPORTANT: If the certificate holder is an ADDITIONAL INSURED',
  'THIS IS TO CERTIFY THAT THE POLICIES OF INSURANCE',
  'SHOULD ANY OF THE ABOVE DESCRIBED POLICIES BE CANCELLED',
];

/**
 * A line of a paragraph runs at least this long (points), with gaps no wider than SPAN_GAP_PT, and half as long with
 * none wider than WORD_GAP_PT.
 */
const MIN_RUN_PT = 200;
/** The last line of a paragraph, under its long lines, may be as short as this (points). */
const MIN_TAIL_PT = 60;
/** Ink narrower than this (points), a word apart from any other, is a mark (a rule's remnant), not type. */
const MIN_MARK_PT = 1.5;
/** The widest gap (points) between words of a line of 6 to 9 pt type, a justified line's stretched spaces too. */
const WORD_GAP_PT = 9;
/** The widest gap (points) inside a line of a paragraph: after a sentence's full stop, in a justified line. */
const SPAN_GAP_PT = 18;
/** The widest blank (points) between two lines of one paragraph. */
const LINE_GAP_PT = 4;
/** How far (points) the lines of one paragraph may start from one another (a photo's lines bend a little). */
const ALIGN_PT = 3;
/** The tallest line of a paragraph (points): 9 pt type, with its ascenders and descenders and a point above and below. */
const MAX_LINE_PT = 10;
/** A block shorter than this (points) is one line: not worth a reading of its own. */
const MIN_BLOCK_PT = 12;
/**
 * How much of a block's first line is read (points): some 24 capitals of 7 pt type. A reading's time follows its
 * characters: this one costs about 30 ms, three quarters of a 150 pt sample's; four are read on every ACORD 25 page.
 */
const SAMPLE_PT = 110;
/**
 * How many letters of an opening the sample must give, and how many of them may be misread. Twenty letters tell the
 * openings from another paragraph's that begins alike ('THIS CERTIFICATE DOES NOT', four letters off).
 */
const OPENING_LETTERS = 20;
const OPENING_SLIPS = 3;

/**
 * A block of long lines of type, in the bitmap's pixels: from where its first line's type starts to where its longest
 * line ends, and from its first line's top to its last line's foot; `firstBottom` is where its first line ends.
 */
export type TextBlock = { x0: number; x1: number; y0: number; y1: number; firstBottom: number };

/**
 * Blocks of lines of type at least MIN_RUN_PT long that start at one left edge, two lines high at least, in a
 * black-and-white bitmap (ruled lines already removed) at `pixelsPerPoint`. Looked for on a grid of half-point cells:
 * in each row of cells, the runs of ink with gaps under WORD_GAP_PT, joined into spans across gaps under SPAN_GAP_PT;
 * spans long enough, one under another a blank of LINE_GAP_PT apart at most and starting (or, justified, ending)
 * within ALIGN_PT of each other, make a block.
 */
export function paragraphBlocks(b: GreyBitmap, pixelsPerPoint: number): TextBlock[] {
  const f = Math.max(1, Math.round(pixelsPerPoint / 2));
  const cellPt = f / pixelsPerPoint;
  const cols = Math.ceil(b.width / f);
  const rows = Math.ceil(b.height / f);
  const wordGap = Math.round(WORD_GAP_PT / cellPt);
  const spanGap = Math.round(SPAN_GAP_PT / cellPt);
  const minTail = Math.round(MIN_TAIL_PT / cellPt);
  const minMark = Math.max(1, Math.round(MIN_MARK_PT / cellPt));
  const minRun = Math.round(MIN_RUN_PT / cellPt);
  const gap = Math.round(LINE_GAP_PT / cellPt);
  const align = ALIGN_PT / cellPt;
  type Open = { x0: number; x1: number; y0: number; last: number; firstEnd: number | null; short: boolean };
  const open: Open[] = [];
  const done: Open[] = [];
  // ink by cell
  const cells = new Uint8Array(cols * rows);
  for (let y = 0; y < b.height; y++) {
    const at = y * b.width;
    const cellRow = ((y / f) | 0) * cols;
    for (let x = 0; x < b.width; x++) if (b.data[at + x]! < 128) cells[cellRow + ((x / f) | 0)] = 1;
  }
  // each row of cells is looked at with the rows a point above and below it: one row of pixels through a line of type
  // crosses only some of its letters' strokes
  const reach = Math.max(1, Math.round(1 / cellPt));
  const row = new Uint8Array(cols);
  for (let cy = 0; cy < rows; cy++) {
    row.fill(0);
    for (let r = Math.max(0, cy - reach); r <= Math.min(rows - 1, cy + reach); r++) {
      for (let cx = 0; cx < cols; cx++) row[cx] |= cells[r * cols + cx]!;
    }
    // the row's runs of ink (marks narrower than a letter left out: a rule's remnant at the margin), then its spans:
    // runs a sentence's wider gap apart joined ('BELOW.  THIS', a justified line's stretched spaces)
    const runs: [number, number][] = [];
    let start = -1;
    let end = -1;
    const flush = () => {
      if (start >= 0 && end - start + 1 >= minMark) runs.push([start, end]);
    };
    for (let cx = 0; cx < cols; cx++) {
      if (!row[cx]) continue;
      if (start < 0 || cx - end > wordGap) {
        flush();
        start = cx;
      }
      end = cx;
    }
    flush();
    // (each span's runs' starts kept: a mark at the margin run into a line's span still leaves its first word's start)
    // (`main`: where the span's first long run starts, a mark at the margin before it left out)
    const spans: { starts: number[]; x0: number; x1: number; longest: number; main: number | null }[] = [];
    for (let i = 0; i < runs.length; i++) {
      const [a, z] = runs[i]!;
      let last = spans[spans.length - 1];
      if (last && a - runs[i - 1]![1] <= spanGap) last.x1 = z;
      else spans.push((last = { starts: [], x0: a, x1: z, longest: 0, main: null }));
      last.starts.push(a);
      last.longest = Math.max(last.longest, z - a + 1);
      if (last.main === null && z - a + 1 >= minRun / 2) last.main = a;
    }
    for (const { starts, x0, x1, longest, main } of spans) {
      const length = x1 - x0 + 1;
      // a line of a paragraph: long, and mostly one run; or, under one, its shorter last line
      const long = length >= minRun && longest >= minRun / 2;
      if (!long && length < minTail) continue;
      // (a paragraph is justified: a line whose start a speck before it moved still ends where the others do)
      const block = open.find((o) => (starts.some((a) => Math.abs(o.x0 - a) <= align) || (long && Math.abs(o.x1 - x1) <= align)) && cy - o.last <= gap + 1);
      if (!block) {
        if (long) open.push({ x0: main ?? x0, x1, y0: cy, last: cy, firstEnd: null, short: false });
        continue;
      }
      if (cy - block.last > 1) {
        // a new line: none after a short one, which was the paragraph's last
        if (block.short) continue;
        block.short = !long;
        // (the first line ended at the last row)
        if (block.firstEnd === null) block.firstEnd = block.last;
      } else if (long) block.short = false; // (a line is short when none of its rows is long)
      // (on a page skewed a little the first line's right part stands higher: its first rows begin the block there,
      // and the rows through the whole line move its start to where the line's type starts)
      if (long && block.firstEnd === null && main !== null && main < block.x0) block.x0 = main;
      block.x1 = Math.max(block.x1, x1);
      block.last = cy;
    }
    for (let i = open.length - 1; i >= 0; i--) if (cy - open[i]!.last > gap + 1) done.push(...open.splice(i, 1));
  }
  done.push(...open);
  // (a first line taller than a paragraph's is a title, or lines OCR could not be given one at a time)
  return done
    .filter((o) => (o.last - o.y0 + 1) * cellPt >= MIN_BLOCK_PT && ((o.firstEnd ?? o.last) - o.y0 + 1) * cellPt <= MAX_LINE_PT)
    // (the rows looked at a point above and below each: the ink begins `reach` rows below the first and ends as far
    // above the last)
    .map((o) => ({
      x0: o.x0 * f,
      x1: Math.min(b.width, (o.x1 + 1) * f),
      y0: (o.y0 + reach) * f,
      y1: Math.min(b.height, (o.last + 1 - reach) * f),
      firstBottom: Math.min(b.height, ((o.firstEnd ?? o.last) + 1 - reach) * f),
    }))
    .sort((a, c) => a.y0 - c.y0);
}

/** Upper-case letters only. */
function fold(text: string): string {
  return text.toUpperCase().replace(/[^A-Z]/g, '');
}

const FOLDED_OPENINGS = PARAGRAPH_OPENINGS.map((o) => fold(o).slice(0, OPENING_LETTERS));

/** Whether OCR's reading of a line opens one of the form's paragraphs (a stray mark read before it is allowed). */
export function opensParagraph(text: string): boolean {
  const f = fold(text);
  if (f.length < OPENING_LETTERS - OPENING_SLIPS) return false;
  for (let skip = 0; skip <= 2; skip++) {
    const head = f.slice(skip, skip + OPENING_LETTERS);
    if (FOLDED_OPENINGS.some((o) => editDistance(head, o, OPENING_SLIPS) <= OPENING_SLIPS)) return true;
  }
  return false;
}

/**
 * The bitmap with the form's printed paragraphs blanked (a copy; the bitmap itself is left as it is), and the blocks
 * blanked. Each block of long lines costs one reading of the start of its first line.
 */
export async function withoutParagraphs(
  bitmap: GreyBitmap,
  pixelsPerPoint: number,
  recognize: (crop: GreyBitmap, options: RecognizeOptions) => Promise<PixelWord[]>,
): Promise<{ bitmap: GreyBitmap; blanked: TextBlock[] }> {
  const blanked: TextBlock[] = [];
  const s = pixelsPerPoint;
  for (const block of paragraphBlocks(bitmap, s)) {
    const top = Math.max(0, Math.floor(block.y0 - s));
    const bottom = Math.min(bitmap.height, Math.ceil(block.firstBottom + s));
    const left = Math.max(0, Math.floor(block.x0 - 2 * s));
    const right = Math.min(bitmap.width, Math.ceil(Math.min(block.x1, block.x0 + SAMPLE_PT * s)));
    const sample = cropGrey(bitmap, left, top, right, bottom, Math.round(4 * s));
    const words = await recognize(sample, { psm: PSM.SINGLE_BLOCK, whitelist: '' });
    if (opensParagraph(words.map((w) => w.text).join(' '))) blanked.push(block);
  }
  return { bitmap: blankParagraphs(bitmap, blanked, s), blanked };
}

/** The bitmap with the given paragraph blocks blanked (a copy; the bitmap itself when there are none). */
export function blankParagraphs(bitmap: GreyBitmap, blanked: TextBlock[], pixelsPerPoint: number): GreyBitmap {
  if (blanked.length === 0) return bitmap;
  const s = pixelsPerPoint;
  const out = { ...bitmap, data: bitmap.data.slice() };
  // (half a point above and below: the next box's labels may begin two points under a paragraph's last line)
  const side = Math.round(s);
  const edge = Math.round(s / 2);
  for (const block of blanked) {
    // (never left of where the block's first line starts, which its reading showed to be the paragraph's: a value
    // left of the paragraph, a holder's long name beside the cancellation clause, may run into a later line's span;
    // its other lines start within ALIGN_PT of it)
    const x0 = Math.max(0, Math.floor(block.x0 - ALIGN_PT * s));
    const x1 = Math.min(out.width, block.x1 + side);
    const top = Math.max(0, block.y0 - edge);
    const bottom = Math.min(out.height, block.y1 + edge);
    for (let y = top; y < bottom; y++) out.data.fill(255, y * out.width + x0, y * out.width + x1);
    // what the blanking cut off the lines' descenders and accents, left as specks tesseract reads ('T' under 'rights'),
    // or that make it lose the next box's label
    clearFragments(out, x0, x1, bottom, Math.round(FRAGMENT_PT * s));
    clearFragments(out, x0, x1, top - 1, Math.round(FRAGMENT_PT * s));
  }
  return out;
}

/** A mark the blanking cut from a paragraph's line is at most this tall (points): a descender's foot, an accent. */
const FRAGMENT_PT = 2;

/**
 * Clears the marks that touch row `y` between `x0` and `x1` and are at most `maxHeight` pixels tall: the pieces of a
 * blanked paragraph's glyphs left beside the blanked rows. A glyph of the next line that merely touches the row is
 * taller, and stays.
 */
export function clearFragments(b: GreyBitmap, x0: number, x1: number, y: number, maxHeight: number): void {
  if (y < 0 || y >= b.height) return;
  // pixels of marks found too tall: a search reaching one is of the same mark
  const tall = new Set<number>();
  for (let x = x0; x < x1; x++) {
    const start = y * b.width + x;
    if (b.data[start]! >= 128 || tall.has(start)) continue;
    const seen = new Set<number>([start]);
    const stack = [start];
    let low = y;
    let high = y;
    let isTall = false;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const px = i % b.width;
      const py = (i - px) / b.width;
      low = Math.min(low, py);
      high = Math.max(high, py);
      if (high - low >= maxHeight) {
        isTall = true;
        break;
      }
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          const ny = py + dy;
          if (nx < 0 || ny < 0 || nx >= b.width || ny >= b.height) continue;
          const j = ny * b.width + nx;
          if (b.data[j]! >= 128 || seen.has(j)) continue;
          if (tall.has(j)) {
            isTall = true;
            break;
          }
          seen.add(j);
          stack.push(j);
        }
        if (isTall) break;
      }
      if (isTall) break;
    }
    if (isTall) for (const i of seen) tall.add(i);
    else for (const i of seen) b.data[i] = 255;
  }
}
