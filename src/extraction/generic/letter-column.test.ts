// The LTR column of a carrier's own certificate read again cell by cell, on a hand-made page of words and a bitmap
// with ink where the lost letters stand, and a recognizer that answers for the ink it is given.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import type { PixelWord, RecognizeOptions } from '../ocr/ocr.js';
import { toPageWords } from '../ocr/ocr.js';
import type { GreyBitmap } from '../ocr/render.js';
import { rereadLetterColumn } from './letter-column.js';

const S = 2; // pixels per point
const word = (text: string, x: number, y: number): Word => ({ text, x, y, width: text.length * 4, height: 8, confidence: 0.9 });

/** A simplified certificate's table: LTR header, three policy rows; only the first row's letter was read. */
const PAGE: PageWords = {
  page: 1,
  width: 612,
  height: 792,
  source: 'ocr',
  words: [
    word('LTR', 20, 200), word('TYPE', 50, 200), word('POLICY', 140, 200),
    word('A', 22, 215), word('Commercial', 50, 215), word('GL123456', 140, 215), word('01/01/2025', 220, 215),
    word('Automobile', 50, 245), word('AL234567', 140, 245), word('01/01/2025', 220, 245),
    word('Workers', 50, 262), word('WC345678', 140, 262), word('01/01/2025', 220, 262),
    // a line of the description below the table: no date, no letter read for it
    word('This', 50, 300), word('certificate', 70, 300),
  ],
};

/** The page's bitmap with a letter's ink at each point (x, y) given. */
function bitmap(letters: [number, number][]): GreyBitmap {
  const b: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
  for (const [x0, y0] of letters) for (let y = y0 * S; y < (y0 + 7) * S; y++) b.data.fill(0, y * b.width + x0 * S, y * b.width + (x0 + 5) * S);
  return b;
}

async function reread(b: GreyBitmap, answer: (call: number) => [string, number]) {
  const calls: RecognizeOptions[] = [];
  const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
    calls.push(options);
    let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
    for (let y = 0; y < crop.height; y++) for (let x = 0; x < crop.width; x++) if (crop.data[y * crop.width + x]! < 128) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    if (x1 < 0) return [];
    const [text, confidence] = answer(calls.length);
    return [{ text, left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence }];
  };
  const out = await rereadLetterColumn(PAGE, b, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
  return { calls, letters: out.words.filter((w) => w.x < 40 && w.y > 205).map((w) => [w.text, Math.round(w.y)]) };
}

describe('rereadLetterColumn', () => {
  it('reads alone the LTR cell of each policy row that holds a date and no letter', async () => {
    const { calls, letters } = await reread(bitmap([[22, 215], [22, 245], [22, 262]]), (n) => [n === 1 ? 'B' : 'C', 92]);
    expect(letters).toEqual([['A', 215], ['B', 245], ['C', 262]]);
    // two rows read, each as one letter A to F; not the row read already, nor the description's line
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.whitelist === 'ABCDEF')).toBe(true);
  });

  it('takes no letter read unsure, and the page as it was where there is no LTR column', async () => {
    expect((await reread(bitmap([[22, 245], [22, 262]]), () => ['B', 40])).letters).toEqual([['A', 215]]);
    const none = { ...PAGE, words: PAGE.words.filter((w) => w.text !== 'LTR') };
    const b = bitmap([[22, 245]]);
    const out = await rereadLetterColumn(none, b, S, async () => [], (pw, left, top) => toPageWords(pw, S, left, top));
    expect(out).toBe(none);
  });
});
