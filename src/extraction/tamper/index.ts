// A text layer that disagrees with the rendered page: values painted over after issue. Editors hide an old value
// under an opaque rectangle or an image patch and write (or paste as an image) the new one on top; others leave the
// old text in the layer as invisible text, or write the new value over the old at the same place. The page shows the
// new value, the text layer holds both. Found from the paint order (tamper/paint.ts: text that a later opaque fill or
// image covers, invisible text, different text drawn at one place), then checked against the rendered page: only
// those regions are rendered and read by OCR, and where the page shows something other than the text layer, what the
// page shows replaces the region's words. A clean page costs one pass over its operator list (extract.ts decides
// when that list is worth fetching: hasOverlappingWords and savedAgain are the cheap signals).
import type { OpenedPdf } from '../pdf/open.js';
import type { Box, PageWords, Word } from '../layout/words.js';
import { recognizeBitmap } from '../ocr/ocr.js';
import { binarize, removeRuledLines } from '../ocr/preprocess.js';
import { renderPdfPage, type PageBitmap } from '../ocr/render.js';
import { cleanText } from '../normalize.js';
import { editDistance } from '../text/lines.js';
import { paintedPage, type PaintedPage, type Rect, type TextRun } from './paint.js';

/** A place where the text layer holds text the page does not show. */
export type Suspect = { page: number; region: Rect; hidden: string[]; reason: 'covered' | 'invisible' | 'overlap' };

/** A region where the rendered page and the text layer disagree, with what each holds. */
export type Disagreement = { page: number; box: Box; textLayer: string; rendered: string };

/** A run counts as covered when a later opaque area hides at least this share of its box. */
const COVERED_SHARE = 0.6;
/** Two runs are drawn at one place when their boxes overlap by this share of each. */
const OVERLAP_SHARE = 0.5;
/** Two runs share a baseline when their bottoms differ by less than this share of the smaller run's height. */
const SAME_BASELINE = 0.2;
/**
 * More hidden runs than this share of the page's and it is no edit: a searchable scan keeps its OCR text invisible
 * (or under its image) on every line, and that layer is read as it is.
 */
const MAX_HIDDEN_SHARE = 0.5;
/** An image bigger than this share of the page is a page background (a scan), not a patch. */
const MAX_PATCH_SHARE = 0.5;
/** Confidence given to the words of a region where the text layer and the page disagree. */
export const DISAGREEMENT_CONFIDENCE = 0.5;
/** Points added around a region before it is rendered and read. */
const MARGIN = 2;

function area(r: Rect): number {
  return Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);
}

function intersection(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

function union(a: Rect, b: Rect): Rect {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Letters and digits only, upper-cased: how texts are compared (spacing and punctuation differ between readers). */
function fold(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Whether two texts read the same: digits exactly (a limit or a date that differs in one digit is another value),
 * letters allowing OCR a slip per five.
 */
export function sameText(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  if (x.replace(/[^0-9]/g, '') !== y.replace(/[^0-9]/g, '')) return false;
  const max = Math.floor(Math.max(x.length, y.length) / 5);
  return max > 0 && editDistance(x, y, max) <= max;
}

/** Text-layer runs the page does not show, grouped into regions. Pure: the caller gives the page's paint order. */
export function findSuspects(page: number, painted: PaintedPage): Suspect[] {
  const { runs, covers } = painted;
  if (runs.length === 0) return [];
  const pageArea = painted.width * painted.height;
  const found: { rect: Rect; run: TextRun; reason: Suspect['reason'] }[] = [];
  const hiddenRuns = new Set<TextRun>();
  for (const run of runs) {
    const runArea = area(run);
    // a covered '$' or rule character changes no value
    if (runArea <= 0 || fold(run.text) === '') continue;
    if (run.invisible) {
      hiddenRuns.add(run);
      found.push({ rect: run, run, reason: 'invisible' });
      continue;
    }
    for (const c of covers) {
      if (c.seq <= run.seq || (c.kind === 'image' && area(c) > MAX_PATCH_SHARE * pageArea)) continue;
      if (intersection(run, c) >= COVERED_SHARE * runArea) {
        hiddenRuns.add(run);
        found.push({ rect: union(run, c), run, reason: 'covered' });
        break;
      }
    }
  }
  if (hiddenRuns.size > MAX_HIDDEN_SHARE * runs.length) return [];
  // different text drawn over text at the same place (neither hidden by paint): the page shows a smudge of both
  const visible = runs.filter((r) => !hiddenRuns.has(r) && area(r) > 0).sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < visible.length; i++) {
    const a = visible[i]!;
    for (let j = i + 1; j < visible.length && visible[j]!.y0 < a.y1; j++) {
      const b = visible[j]!;
      // of both: a long text running into its neighbour's column overlaps only a part of the longer one
      if (intersection(a, b) < OVERLAP_SHARE * Math.max(area(a), area(b))) continue;
      // tightly set lines of one box overlap too; a value written over another sits on the same baseline
      if (Math.abs(a.y1 - b.y1) > SAME_BASELINE * Math.min(a.y1 - a.y0, b.y1 - b.y0)) continue;
      if (fold(a.text) === fold(b.text) || fold(a.text) === '' || fold(b.text) === '') continue;
      found.push({ rect: union(a, b), run: a, reason: 'overlap' });
    }
  }
  // merge what touches into regions
  const regions: Suspect[] = [];
  for (const f of found) {
    const near = regions.find((r) => intersection(grow(r.region, 1), f.rect) > 0);
    if (near) {
      near.region = union(near.region, f.rect);
      near.hidden.push(f.run.text.trim());
    } else regions.push({ page, region: { ...f.rect }, hidden: [f.run.text.trim()], reason: f.reason });
  }
  // a merge can make regions touch that did not before
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < regions.length && !changed; i++) {
      for (let j = i + 1; j < regions.length && !changed; j++) {
        if (intersection(grow(regions[i]!.region, 1), regions[j]!.region) > 0) {
          regions[i]!.region = union(regions[i]!.region, regions[j]!.region);
          regions[i]!.hidden.push(...regions[j]!.hidden);
          regions.splice(j, 1);
          changed = true;
        }
      }
    }
  }
  return regions;
}

/**
 * Whether the text layer holds two different words at one place on one baseline: an old value and the new one
 * written over it. Cheap (the words are at hand), so it decides whether the paint order is worth fetching.
 */
export function hasOverlappingWords(words: readonly Word[]): boolean {
  const sorted = words.filter((w) => w.width > 0 && w.height > 0 && fold(w.text) !== '').sort((a, b) => a.y - b.y);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    const ra = { x0: a.x, y0: a.y, x1: a.x + a.width, y1: a.y + a.height };
    for (let j = i + 1; j < sorted.length && sorted[j]!.y < ra.y1; j++) {
      const b = sorted[j]!;
      const rb = { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
      if (Math.abs(ra.y1 - rb.y1) > SAME_BASELINE * Math.min(a.height, b.height)) continue;
      if (intersection(ra, rb) < OVERLAP_SHARE * Math.max(area(ra), area(rb))) continue;
      // a value written over another starts, ends or centres where it did; text running into a neighbour does not
      const near = 0.6 * Math.min(a.height, b.height);
      const aligned = Math.abs(ra.x0 - rb.x0) < near || Math.abs(ra.x1 - rb.x1) < near || Math.abs(ra.x0 + ra.x1 - rb.x0 - rb.x1) / 2 < near;
      if (aligned && fold(a.text) !== fold(b.text)) return true;
    }
  }
  return false;
}

/**
 * Whether a PDF file was saved again after it was made: an end-of-file marker more than it was written with (one, or
 * two for a linearized file, whose first-page section ends with its own).
 */
export function savedAgain(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const written = buf.subarray(0, 1024).includes('/Linearized') ? 2 : 1;
  let count = 0;
  for (let at = buf.indexOf('%%EOF'); at >= 0 && count <= written; at = buf.indexOf('%%EOF', at + 5)) count++;
  return count > written;
}

function grow(r: Rect, by: number): Rect {
  return { x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by };
}

const centreIn = (w: Word, r: Rect) => {
  const cx = w.x + w.width / 2;
  const cy = w.y + w.height / 2;
  return cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1;
};

const readingOrder = (a: Word, b: Word) => (Math.abs(a.y - b.y) > 0.5 * Math.min(a.height, b.height) ? a.y - b.y : a.x - b.x);

/** The result of checking one page: its words as the page shows them, and where they differed from the text layer. */
export type CheckedPage = { words: PageWords; disagreements: Disagreement[] };

/**
 * Checks a page's text layer against what the page paints. Suspect regions are rendered and read by OCR; where the
 * page shows something other than the text layer, the region's words are replaced by what the page shows (the text
 * layer's words drawn on top when they match the render, else the OCR words), at DISAGREEMENT_CONFIDENCE at most.
 */
export async function checkTextLayer(pdf: Pick<OpenedPdf, 'doc' | 'renderable'>, words: PageWords): Promise<CheckedPage> {
  const page = await pdf.doc.getPage(words.page);
  const suspects = findSuspects(words.page, await paintedPage(page));
  if (suspects.length === 0) return { words, disagreements: [] };
  let render: PageBitmap | null = null;
  let current = words.words;
  const disagreements: Disagreement[] = [];
  for (const suspect of suspects) {
    const region = grow(suspect.region, MARGIN);
    const inRegion = current.filter((w) => centreIn(w, region)).sort(readingOrder);
    const outside = current.filter((w) => !centreIn(w, region));
    // a text-layer word is hidden when a hidden run at its place holds its text
    const hidden = inRegion.filter((w) => suspect.hidden.some((h) => fold(h).includes(fold(w.text)) && fold(w.text) !== ''));
    const shown = inRegion.filter((w) => !hidden.includes(w));
    // a template placeholder ('MM/DD/YYYY') under a filler's white field background is no edit: it just goes
    if (suspect.hidden.every((h) => cleanText(h) === null)) {
      current = [...outside, ...shown];
      continue;
    }
    render ??= await renderPdfPage(await pdf.renderable(), words.page);
    const ocr = await readRegion(render, region);
    const text = (ws: Word[]) => ws.map((w) => w.text).join(' ');
    // the cover let the old text show through (a transparent patch): the layer is what the page shows
    if (inRegion.length > 0 && sameText(text(ocr), text(inRegion))) continue;
    const replacement = shown.length > 0 && sameText(text(ocr), text(shown)) ? shown : ocr;
    current = [...outside, ...replacement.map((w) => ({ ...w, confidence: Math.min(w.confidence, DISAGREEMENT_CONFIDENCE) }))];
    disagreements.push({
      page: words.page,
      box: { page: words.page, x: region.x0, y: region.y0, width: region.x1 - region.x0, height: region.y1 - region.y0 },
      textLayer: text(inRegion),
      rendered: text(replacement),
    });
  }
  return { words: { ...words, words: current }, disagreements };
}

/** OCR of one region of a rendered page: cut out, binarized, rules removed, padded; words placed in page points. */
async function readRegion(render: PageBitmap, region: Rect): Promise<Word[]> {
  const s = render.pixelsPerPoint;
  const { width: W, height: H, data } = render.bitmap;
  const left = Math.max(0, Math.floor(region.x0 * s));
  const top = Math.max(0, Math.floor(region.y0 * s));
  const right = Math.min(W, Math.ceil(region.x1 * s));
  const bottom = Math.min(H, Math.ceil(region.y1 * s));
  if (right - left < 4 || bottom - top < 4) return [];
  // white padding: tesseract misses text that touches the image border
  const pad = Math.round(10 * s);
  const width = right - left + 2 * pad;
  const height = bottom - top + 2 * pad;
  const crop = new Uint8Array(width * height).fill(255);
  for (let y = top; y < bottom; y++) crop.set(data.subarray(y * W + left, y * W + right), (y - top + pad) * width + pad);
  const binary = binarize({ width, height, data: crop }, 160);
  const cleaned = removeRuledLines(binary, { minHorizontal: Math.round(18 * s), minVertical: Math.round(15 * s), maxThickness: Math.max(2, Math.round(2.5 * s)) });
  const pixelWords = await recognizeBitmap(cleaned);
  return pixelWords
    .filter((w) => /[\p{L}\p{N}]/u.test(w.text) && w.confidence >= 30)
    .map((w) => ({
      text: w.text,
      x: (w.left - pad + left) / s,
      y: (w.top - pad + top) / s,
      width: w.width / s,
      height: w.height / s,
      confidence: Math.max(0, Math.min(1, w.confidence / 100)),
    }))
    .sort(readingOrder);
}

/** Warning text for the disagreements, naming the extraction's fields whose boxes fall in them. */
export function disagreementWarning(disagreements: Disagreement[], boxes: Record<string, Box>): { warning: string; pointers: string[] } | null {
  if (disagreements.length === 0) return null;
  const pointers = Object.entries(boxes)
    .filter(([, b]) => disagreements.some((d) => d.page === b.page && intersection(toRect(d.box), toRect(b)) > 0.3 * area(toRect(b))))
    .map(([p]) => p);
  const where = pointers.length > 0 ? pointers.join(', ') : disagreements.map((d) => `page ${d.page} "${d.rendered || '(blank)'}"`).join('; ');
  const was = disagreements.map((d) => `"${d.textLayer}" → "${d.rendered}"`).join('; ');
  return { warning: `text layer disagrees with the rendered page: ${where} (text layer ${was}; the rendered page is used)`, pointers };
}

function toRect(b: Box): Rect {
  return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
}
