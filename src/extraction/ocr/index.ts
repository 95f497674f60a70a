// OCR of image-only PDF pages and of PNG/JPEG/TIFF images into positioned words (source 'ocr'), the same PageWords
// the text-layer reader produces, for the layout mappers. Local only: no network, ever (see ocr.ts).
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { readWhereChanged, surerReading } from './readings.js';
import { blankParagraphs } from './boilerplate.js';
import { ExtractionError } from '../errors.js';
import type { PageWords } from '../layout/words.js';
import { acord25LayoutPage, stampedAcord25 } from '../acord25/layout.js';
import { rereadValueCells } from '../acord25/ocr-cells.js';
import { rereadFlagColumns, rereadLetterColumn } from '../generic/letter-column.js';
import { rereadSmallLines } from '../generic/small-lines.js';
import { decideCheckBoxes } from './checkboxes.js';
import { measureDigitInk, mendCollapsedRepeats, mendDigitsByPageGlyphs, mendEightsReadAsB, mendLsReadAsOnes, mendOpenZeros, mendTwosReadAsSevens } from './glyphs.js';
import { ocrPageWithBitmap, recognizeBitmap, toPageWords, type FirstReading, type PixelWord } from './ocr.js';
import { recleanPage, withoutRuns } from './preprocess.js';
import { rereadUnreadInk } from './unread.js';
import { trimSpecksFromBoxes } from './word-boxes.js';
import { ILLEGIBLE_WORDS, LEGIBLE, medianConfidence, turnPage, typeRunsDown, type QuarterTurns } from './orientation.js';
import { loadImagePages, renderPdfPage, type GreyBitmap, type PageBitmap } from './render.js';

export { terminateOcr } from './ocr.js';
export { MAX_IMAGE_PAGES, MAX_PIXELS } from './render.js';

/** At most this many pages are read by OCR in one call (a page takes a few seconds). */
export const MAX_OCR_PAGES = 20;

/** OCR of the given pages (1-based) of an opened PDF, one after another. */
export async function ocrPdfPages(doc: PDFDocumentProxy, pageNumbers: number[]): Promise<PageWords[]> {
  if (pageNumbers.length > MAX_OCR_PAGES) {
    throw new ExtractionError('unsupported', `${pageNumbers.length} pages need OCR; at most ${MAX_OCR_PAGES} are read in one file`);
  }
  const out: PageWords[] = [];
  for (const n of pageNumbers) {
    if (!Number.isInteger(n) || n < 1 || n > doc.numPages) throw new RangeError(`no page ${n} in a ${doc.numPages}-page PDF`);
    const page = await renderPdfPage(doc, n);
    out.push(await ocrPage(page));
  }
  return out;
}

/**
 * OCR of a PNG, JPEG or TIFF image (each TIFF page is a page). An image has no page size: it is taken for a US Letter
 * page, 612 points wide in portrait (792 in landscape), and the words' points are on that scale.
 */
export async function ocrImage(bytes: Buffer): Promise<PageWords[]> {
  const pages = await loadImagePages(bytes);
  const out: PageWords[] = [];
  for (const page of pages) out.push(await ocrPage(page));
  return out;
}

/**
 * One page, turned upright first where its type runs down it (fed into the scanner sideways) or its first reading
 * is of type upside down (orientation.ts): the words' boxes are on the upright page, and the page says how it was
 * turned (PageWords.turned).
 */
async function ocrPage(input: PageBitmap): Promise<PageWords> {
  // the turns to try, surest first: the page turned over where its first reading is illegible, and a page taken for
  // sideways that reads illegibly both ways round read as it came
  const sideways = typeRunsDown(input);
  const tries: QuarterTurns[] = sideways ? [1, 3, 0] : [0, 2];
  let best: { turned: QuarterTurns; page: PageBitmap; first: FirstReading; confidence: number } | null = null;
  for (const turned of tries) {
    const page = turnPage(input, turned);
    const first = await ocrPageWithBitmap(page);
    const confidence = medianConfidence(first.words.words);
    if (best === null || confidence > best.confidence) best = { turned, page, first, confidence };
    // (a page of few words, a blank one or a logo, is not read again: its confidence tells nothing)
    if (best.confidence >= LEGIBLE || first.words.words.length < ILLEGIBLE_WORDS) break;
  }
  const { turned, page, first } = best!;
  const words = await readPage(page, first);
  return turned === 0 ? words : { ...words, turned };
}

/**
 * One upright page from its whole-page pass: on an ACORD 25, a second pass over its value cells placed by the labels
 * the first pass found (acord25/ocr-cells.ts), and its check boxes decided by their ink (checkboxes.ts). A page that
 * is no ACORD form is read again with the gentler rule removal.
 */
async function readPage(page: PageBitmap, first: FirstReading): Promise<PageWords> {
  const { words, cleaned, binary, paragraphs, page: clean, read } = first;
  const found = acord25LayoutPage([words]);
  const s = page.pixelsPerPoint;
  const toWords = (pw: PixelWord[], left: number, top: number) => toPageWords(pw, s, left, top);
  if (found === null) {
    // stamped ACORD 25 where the whole-page pass garbled too many of the grid's small labels to tell it (a photo): its
    // grid header and cells read again may show them, and then it is one
    const stamped = await stampedAcord25(words, (w) => rereadValueCells(w, cleaned, binary, s, recognizeBitmap, toWords));
    if (stamped) return { ...byGlyphs(decideCheckBoxes(stamped, binary, s), glyphInk(binary, s), s), acord25: true };
    // not an ACORD form: read again with rule removal that spares text standing on a rule (a carrier's headings are
    // often underlined), which the ACORD cleaning would cut the feet off
    // (from the same straightened page, its printed paragraphs blanked as the first reading found them; a page the
    // gentler removal cleans to the same pixels, one with no rules, is not read again; one that differs in a few places
    // is read again there only, each region alone: readings.ts)
    const gentle = recleanPage(clean, s, { fringes: false });
    const same = samePixels(gentle.bitmap, cleaned);
    // (the gentle page as read, its paragraphs blanked: the first pass's bitmap where the two clean alike)
    const gentleRead = same ? read : blankParagraphs(gentle.bitmap, paragraphs, s);
    let againWords = words;
    if (!same) {
      againWords = (await readWhereChanged(read, words, gentleRead, s, (crop) => recognizeBitmap(crop), toWords)) ?? { ...words, words: toWords(await recognizeBitmap(gentleRead), 0, 0) };
    }
    const again = { words: againWords, cleaned: gentle.bitmap, binary: gentle.binary, grey: gentle.grey };
    // (and the insurer letters and flags of its policies' table that the pass dropped, each cell read alone; and its
    // lines of small type it doubted, each enlarged and read alone)
    // (each row band from the reading tesseract is surer of: readings.ts)
    const surer = again.words === words ? words : surerReading(words, again.words);
    // (and the ink the pass left unread, each region read alone, on the page as read: unread.ts)
    const filled = await rereadUnreadInk(surer, gentleRead, s, recognizeBitmap);
    const lettered = await rereadFlagColumns(await rereadLetterColumn(filled, again.cleaned, s, recognizeBitmap, toWords), again.cleaned, s, recognizeBitmap, toWords);
    // (the small lines cut out with the rules' own pixels whitened, not all the rule removal took: a tiny label set
    // against its box's top rule loses its letters' tops to the fringes' removal, and read in a crop whitened so it
    // was no label at all)
    const glyphs = glyphInk(again.binary, s);
    return byGlyphs(await rereadSmallLines(lettered, { grey: again.grey, binary: again.binary, cleaned: glyphs }, s, recognizeBitmap), glyphs, s);
  }
  if (found.form.type !== 'ACORD 25') return byGlyphs(words, glyphInk(binary, s), s);
  const reread = await rereadValueCells(words, cleaned, binary, s, recognizeBitmap, toWords);
  // check boxes by the ink inside them, not by what OCR made of the marks
  return { ...byGlyphs(decideCheckBoxes(reread, binary, s), glyphInk(binary, s), s), acord25: true };
}

function samePixels(a: GreyBitmap, b: GreyBitmap): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/**
 * Word boxes cut down to their glyphs where tesseract boxed a speck above or below with them (word-boxes.ts); then
 * digits OCR misread that the page's ink shows (glyphs.ts): an 8 read as B, a policy prefix's L read as 1, a 9 or 6
 * as 0, a 2 as 7, a digit its own glyphs tell, two like digits read as one ('111' for 1111); and how wide each
 * number's glyphs are (Word.inkWidth), by which the layout reader counts an amount's digits. `ink` is the page's glyphs
 * (glyphInk). In this order, each on what the one before gave.
 */
function byGlyphs(page: PageWords, ink: GreyBitmap, pixelsPerPoint: number): PageWords {
  return GLYPH_PASSES.reduce((words, pass) => pass(words, ink, pixelsPerPoint), page);
}

const GLYPH_PASSES = [trimSpecksFromBoxes, mendEightsReadAsB, mendLsReadAsOnes, mendOpenZeros, mendTwosReadAsSevens, mendDigitsByPageGlyphs, mendCollapsedRepeats, measureDigitInk];

/**
 * The page's glyphs: its black-and-white page with its rules taken out whole (withoutRuns). A value printed against a
 * rule has the rule's ink joined to its glyphs' tops; the cleaning's fringe removal would take the glyphs' tops too.
 */
function glyphInk(binary: GreyBitmap, pixelsPerPoint: number): GreyBitmap {
  const run = Math.round(RULE_RUN_PT * pixelsPerPoint);
  return withoutRuns(binary, run, run);
}

/**
 * An ink run this long (points) along a row or down a column is a rule, not a glyph's stroke: longer than any value's
 * glyph is wide or tall (a 16 pt capital stands 11 points), shorter than the form's shortest rules (a check box's
 * side, 8 points, stays).
 */
const RULE_RUN_PT = 15;
