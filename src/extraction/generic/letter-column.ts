// The insurer letters of a carrier's own certificate read by OCR, where the whole-page pass lost them: a lone capital
// in a ruled cell at a table's left edge is the letter tesseract drops most (a simplified certificate's LTR column
// read 'A' and neither 'B' nor 'C' under it). Each row of the table that holds a date right of the column but no
// letter in it has the column's cell read again alone, as one letter A to F.
import { PSM } from 'tesseract.js';
import { PAD, type CellRecognizer, type ToWords } from '../acord25/ocr-cells.js';
import type { PageWords, Word } from '../layout/words.js';
import { cropGrey } from '../ocr/preprocess.js';
import type { GreyBitmap } from '../ocr/render.js';
import { findLabel, groupLines } from '../text/lines.js';

/** How sure (0..1) tesseract must be of a letter read alone for it to be taken. */
const LETTER_SURE = 0.6;
/** How far below the column's header (in its heights) the table's rows are looked for. */
const TABLE_REACH = 40;
/** A date as a policy's row prints it. */
const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

/**
 * The page's words with a letter read alone in the LTR column (found by its header, 'LTR' or 'INSR LTR') on each row
 * that shows a date right of the column and nothing in it. `bitmap` is the page the words were read from, at
 * `pixelsPerPoint`. The page itself when there is no such column or row.
 */
export async function rereadLetterColumn(page: PageWords, bitmap: GreyBitmap, pixelsPerPoint: number, recognize: CellRecognizer, toWords: ToWords): Promise<PageWords> {
  const lines = groupLines(page.words);
  const header = findLabel(lines, ['LTR', 'INSR LTR', 'INSR'], { exact: true })[0];
  if (!header) return page;
  const h = header.height;
  const s = pixelsPerPoint;
  const x0 = header.x - 0.6 * h;
  const x1 = header.right + 0.6 * h;
  const inColumn = (w: Word) => w.x + w.width / 2 >= x0 && w.x + w.width / 2 <= x1;
  const added: Word[] = [];
  for (const line of lines) {
    if (line.y <= header.bottom || line.y > header.bottom + TABLE_REACH * h) continue;
    if (line.words.some(inColumn) || !line.words.some((w) => w.x > x1 && DATE.test(w.text))) continue;
    const left = Math.max(0, Math.floor(x0 * s));
    const top = Math.max(0, Math.floor((line.y - 0.4 * h) * s));
    const crop = cropGrey(bitmap, left, top, Math.min(bitmap.width, Math.ceil(x1 * s)), Math.min(bitmap.height, Math.ceil((line.bottom + 0.4 * h) * s)), PAD);
    const read = toWords(await recognize(crop, { psm: PSM.SINGLE_CHAR, whitelist: 'ABCDEF' }), left - PAD, top - PAD);
    const letter = read.filter((w) => /^[A-F]$/.test(w.text) && w.confidence >= LETTER_SURE);
    if (letter.length === 1) added.push(letter[0]!);
  }
  return added.length === 0 ? page : { ...page, words: [...page.words, ...added] };
}
