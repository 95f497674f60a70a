// The insurer letters and Y/N flags of a carrier's own certificate read by OCR, where the whole-page pass lost them: a
// lone capital in a ruled cell is the letter tesseract drops most (a simplified certificate's LTR column read 'A' and
// neither 'B' nor 'C' under it; a schedule's ADDL INSD and WOS columns read 'N' on one row and nothing on the row
// above). Each row of the table that holds a date but nothing in the column has the column's cell read again alone,
// as one letter: A to F under LTR, Y, N or X under a flag's heading.
import { PSM } from 'tesseract.js';
import { PAD, type CellRecognizer, type ToWords } from '../acord25/ocr-cells.js';
import type { PageWords, Word } from '../layout/words.js';
import { flagShape } from '../ocr/flag-shape.js';
import { cropGrey, inkPieceAt, type InkPiece } from '../ocr/preprocess.js';
import type { GreyBitmap } from '../ocr/render.js';
import { editDistance, findLabel, groupLines, type Line } from '../text/lines.js';
import { findDates, MONTH_WORD } from './values.js';

/** How sure (0..1) tesseract must be of a letter read alone for it to be taken. */
const LETTER_SURE = 0.6;
/** How sure tesseract must be of a letter read alone that the whole-page pass read in the cell too ('lc' for C). */
const AGREED_SURE = 0.4;
/** How far below the column's header (in its heights) the table's rows are looked for. */
const TABLE_REACH = 40;
/** A date as a policy's row prints it. */
const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;
/** A month and day, a date whose year a narrow column set on the line below. */
const MONTH_DAY = new RegExp(String.raw`\b${MONTH_WORD}\s*\d{1,2}\b`, 'i');
/** How sure tesseract must be of a flag read alone: a blank cell's speck must not pass for one. */
const FLAG_SURE = 0.7;
/** The confidence given a flag told by its shape alone. */
const SHAPE_SURE = 0.6;
/** The headings of a table's flag columns, as carriers print them (one word of two-line headings is enough). */
const FLAG_HEADINGS = ['ADDL INSD', 'ADDL', 'INSD', 'AI', 'SUBR WVD', 'SUBR', 'WVD', 'WOS', 'WAIVER', 'ADD INS', 'ADD', 'INS'];

/** What OCR made of a lone insurer letter that is no letter: a B read '8', a C read 'Cc' or 'lc' (two characters at most). */
const MISREAD_LETTER = /^(?![A-F]$)\S{1,2}$/;

/**
 * The page's words with a letter read alone in the LTR column (found by its header, 'LTR' or 'INSR LTR', also with one
 * slip run together, 'INSRLTF') on each row that shows a date right of the column and nothing in it, or only what is
 * no letter (MISREAD_LETTER), which the letter read replaces. `bitmap` is the page the words were read from, at
 * `pixelsPerPoint`. The page itself when there is no such column or row.
 */
export async function rereadLetterColumn(page: PageWords, bitmap: GreyBitmap, pixelsPerPoint: number, recognize: CellRecognizer, toWords: ToWords): Promise<PageWords> {
  const lines = groupLines(page.words);
  const header = findLabel(lines, ['LTR', 'INSR LTR', 'INSR'], { exact: true })[0] ?? runTogetherHeader(lines);
  if (!header) return page;
  const h = header.height;
  const s = pixelsPerPoint;
  const x0 = header.x - 0.6 * h;
  const x1 = header.right + 0.6 * h;
  const inColumn = (w: Word) => w.x + w.width / 2 >= x0 && w.x + w.width / 2 <= x1;
  const added: Word[] = [];
  const replaced = new Set<Word>();
  for (const line of lines) {
    if (line.y <= header.bottom || line.y > header.bottom + TABLE_REACH * h) continue;
    // (what the column holds beside the row: a crooked scan's row may be grouped into two lines, its letter on the one
    // and its dates on the other)
    const held = page.words.filter((w) => inColumn(w) && w.y < line.bottom && w.y + w.height > line.y);
    if (held.some((w) => !MISREAD_LETTER.test(w.text)) || !line.words.some((w) => w.x > x1 && DATE.test(w.text))) continue;
    // (the cell; or where the pass read something there, only that something's box and a little around it: the whole
    // cell of a photo takes in its rules' remnants and the next column's first letter, and one character is then read
    // as nothing)
    const box = held.length === 0 ? { x0, x1, y0: line.y - 0.4 * h, y1: line.bottom + 0.4 * h } : heldBox(held, LETTER_MARGIN * h);
    const left = Math.max(0, Math.floor(box.x0 * s));
    const top = Math.max(0, Math.floor(box.y0 * s));
    const cut = cropGrey(bitmap, left, top, Math.min(bitmap.width, Math.ceil(box.x1 * s)), Math.min(bitmap.height, Math.ceil(box.y1 * s)), PAD);
    // (and of that box, only the letter's ink: a rule's remnant beside it was read as an 'l', 'lc' for C)
    const crop = held.length === 0 ? cut : onlyLetterPiece(cut);
    const read = toWords(await recognize(crop, { psm: PSM.SINGLE_CHAR, whitelist: 'ABCDEF' }), left - PAD, top - PAD);
    // (read less surely, taken where the pass's own reading shows the same letter: 'lc' for C)
    const shown = (w: Word) => w.confidence >= AGREED_SURE && held.some((o) => o.text.toUpperCase().includes(w.text));
    const letter = read.filter((w) => /^[A-F]$/.test(w.text) && (w.confidence >= LETTER_SURE || shown(w)));
    if (letter.length !== 1) continue;
    added.push(letter[0]!);
    for (const w of held) replaced.add(w);
  }
  return added.length === 0 ? page : { ...page, words: [...page.words.filter((w) => !replaced.has(w)), ...added] };
}

/** The LTR column's header as OCR ran it together with a slip, 'INSRLTF' for INSR LTR: a line's first word. */
function runTogetherHeader(lines: readonly Line[]): { x: number; right: number; height: number; bottom: number } | undefined {
  const w = lines.map((l) => l.words[0]!).find((w) => w.text.length >= 6 && editDistance(w.text.toUpperCase(), 'INSRLTR', 1) <= 1);
  return w && { x: w.x, right: w.x + w.width, height: w.height, bottom: w.y + w.height };
}

/** How far (in the header's heights) round what the pass read in the letter column that word is read again. */
const LETTER_MARGIN = 0.3;

/**
 * A bitmap with only its piece of ink that can be a capital letter left: the one of most pixels among those not four
 * times taller than wide (a rule's remnant) nor wider than tall (a dash). The bitmap itself when it has no such piece.
 */
function onlyLetterPiece(b: GreyBitmap): GreyBitmap {
  const seen = new Uint8Array(b.width * b.height);
  let best: InkPiece | null = null;
  for (let i = 0; i < b.data.length; i++) {
    if (seen[i] || b.data[i]! >= 128) continue;
    const piece = inkPieceAt(b, i, seen);
    const [width, height] = [piece.right - piece.left + 1, piece.bottom - piece.top + 1];
    if (height > 4 * width || width > height) continue;
    if (!best || piece.pixels.length > best.pixels.length) best = piece;
  }
  if (!best) return b;
  const out = { ...b, data: new Uint8Array(b.data.length).fill(255) };
  for (const p of best.pixels) out.data[p] = b.data[p]!;
  return out;
}

/** The box round words, `margin` points wider each way. */
function heldBox(words: readonly Word[], margin: number): { x0: number; x1: number; y0: number; y1: number } {
  return {
    x0: Math.min(...words.map((w) => w.x)) - margin,
    x1: Math.max(...words.map((w) => w.x + w.width)) + margin,
    y0: Math.min(...words.map((w) => w.y)) - margin,
    y1: Math.max(...words.map((w) => w.y + w.height)) + margin,
  };
}

/**
 * The page's words with a flag read alone in each flag column of a policies' table (found by its heading, 'ADDL INSD',
 * 'WOS', 'Subr', on a line that also heads the policy column) on each row that shows a date and nothing in the
 * column. The page itself when there is no such column or row.
 */
export async function rereadFlagColumns(page: PageWords, bitmap: GreyBitmap, pixelsPerPoint: number, recognize: CellRecognizer, toWords: ToWords): Promise<PageWords> {
  const lines = groupLines(page.words);
  const s = pixelsPerPoint;
  const headsTable = (l: Line) => l.words.some((w) => /^(policy|eff|exp|effective|expiration)/i.test(w.text));
  const columns: { x0: number; x1: number; bottom: number; h: number }[] = [];
  for (const hit of findLabel(lines, FLAG_HEADINGS, { exact: true })) {
    // (the heading line, or one just under or over it, names the policy column: a table's header, no sentence)
    const near = lines.filter((l) => Math.abs(l.y - hit.line.y) < 2.2 * hit.height);
    // (its second word may be garbled: 'Subr Wed')
    if (!near.some(headsTable) || (hit.rest !== null && hit.rest.words.length > 1)) continue;
    const x0 = hit.x - 0.6 * hit.height;
    const x1 = hit.right + 0.6 * hit.height;
    const bottom = Math.max(...near.filter((l) => l.words.some((w) => w.x < x1 && w.x + w.width > x0)).map((l) => l.bottom), hit.line.bottom);
    const same = columns.find((c) => Math.min(c.x1, x1) - Math.max(c.x0, x0) > 0);
    if (same) {
      same.x0 = Math.min(same.x0, x0);
      same.x1 = Math.max(same.x1, x1);
      same.bottom = Math.max(same.bottom, bottom);
    } else columns.push({ x0, x1, bottom, h: hit.height });
  }
  const added: Word[] = [];
  for (const { x0, x1, bottom, h } of columns) {
    const inColumn = (w: Word) => w.x + w.width > x0 && w.x < x1;
    for (const line of lines) {
      // (a row's middle below the heading's foot: OCR boxes a row's tall letters up to the heading's foot)
      if ((line.y + line.bottom) / 2 <= bottom || line.y > bottom + TABLE_REACH * h) continue;
      // (a row's date may wrap its year onto the line below: 'Apr 26,' over '2026')
      const text = line.words.map((w) => w.text).join(' ');
      if (line.words.some(inColumn) || (findDates(text).length === 0 && !MONTH_DAY.test(text))) continue;
      // the column's cell on the row, `margin` row heights over and under the row's letters
      const left = Math.max(0, Math.floor(x0 * s));
      const cell = (margin: number) => {
        const top = Math.max(0, Math.floor((line.y - margin * h) * s));
        return { top, crop: cropGrey(bitmap, left, top, Math.min(bitmap.width, Math.ceil(x1 * s)), Math.min(bitmap.height, Math.ceil((line.bottom + margin * h) * s)), PAD) };
      };
      // the mark's shape first, in the row's own band clear of the rules' remnants over and under it: tesseract reads a
      // lone small Y at no confidence however plain it is, and a cell it need not read costs nothing
      const band = cell(0.15);
      const mark = flagShape(withoutDashes(band.crop));
      if (mark) {
        added.push(...toWords([{ text: mark.letter, left: mark.left, top: mark.top, width: mark.width, height: mark.height, confidence: SHAPE_SURE * 100 }], left - PAD, band.top - PAD));
        continue;
      }
      const { top, crop } = cell(0.4);
      const read = toWords(await recognize(crop, { psm: PSM.SINGLE_CHAR, whitelist: 'YNX' }), left - PAD, top - PAD);
      const flag = read.filter((w) => /^[YNX]$/.test(w.text) && w.confidence >= FLAG_SURE);
      if (flag.length === 1) added.push(flag[0]!);
    }
  }
  return added.length === 0 ? page : { ...page, words: [...page.words, ...added] };
}

/**
 * A bitmap with its flat pieces of ink (a rule's remnants, dashes) whitened: each under a sixth of the bitmap's height
 * and three times as wide as tall.
 */
export function withoutDashes(b: GreyBitmap): GreyBitmap {
  const out = { ...b, data: Uint8Array.from(b.data) };
  const seen = new Uint8Array(b.width * b.height);
  for (let i = 0; i < b.data.length; i++) {
    if (seen[i] || b.data[i]! >= 128) continue;
    const piece = inkPieceAt(b, i, seen);
    const height = piece.bottom - piece.top + 1;
    if (height <= Math.max(2, b.height / 6) && piece.right - piece.left + 1 >= 3 * height) for (const p of piece.pixels) out.data[p] = 255;
  }
  return out;
}
