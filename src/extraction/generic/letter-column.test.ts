// The LTR and flag columns of a carrier's own certificate read again cell by cell, on a hand-made page of words and a bitmap
// with ink where the lost letters stand, and a recognizer that answers for the ink it is given.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import type { PixelWord, RecognizeOptions } from '../ocr/ocr.js';
import { toPageWords } from '../ocr/ocr.js';
import type { GreyBitmap } from '../ocr/render.js';
import { rereadFlagColumns, rereadLetterColumn, withoutDashes } from './letter-column.js';

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

describe('rereadLetterColumn on what the pass misread', () => {
  // the table of PAGE with its header run together ('INSRLTF'), a B read '8', a C read 'lc' beside a rule's remnant, and
  // a crooked row whose letter the pass read on a line of its own (4 pt below the row's dates)
  const misread: PageWords = {
    ...PAGE,
    words: [
      word('INSRLTF', 20, 200), word('TYPE', 50, 200), word('POLICY', 140, 200),
      word('A', 22, 215), word('Commercial', 50, 215), word('GL123456', 140, 215), word('01/01/2025', 220, 215),
      word('8', 22, 245), word('Automobile', 50, 245), word('AL234567', 140, 245), word('01/01/2025', 220, 245),
      { ...word('lc', 19, 262), width: 8 }, word('Workers', 50, 262), word('WC345678', 140, 262), word('01/01/2025', 220, 262),
      word('D', 22, 284), word('Umbrella', 50, 284), word('UM456789', 140, 280), word('01/01/2025', 220, 280),
    ],
  };
  /** The bitmap of bitmap(letters) with a rule's remnant, a bar 1 pt wide and 9 pt tall, at (19, 261). */
  const withBar = (letters: [number, number][]) => {
    const b = bitmap(letters);
    for (let y = 261 * S; y < 270 * S; y++) b.data.fill(0, y * b.width + 19 * S, y * b.width + 20 * S);
    return b;
  };
  const run = async (confidence: (call: number) => [string, number]) => {
    const crops: GreyBitmap[] = [];
    const recognize = async (crop: GreyBitmap): Promise<PixelWord[]> => {
      crops.push(crop);
      let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
      for (let y = 0; y < crop.height; y++) for (let x = 0; x < crop.width; x++) if (crop.data[y * crop.width + x]! < 128) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      if (x1 < 0) return [];
      const [text, c] = confidence(crops.length);
      return [{ text, left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: c }];
    };
    const out = await rereadLetterColumn(misread, withBar([[22, 215], [22, 245], [22, 262], [22, 284]]), S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    return { crops, column: out.words.filter((w) => w.x < 40 && w.y > 205).map((w) => [w.text, Math.round(w.x), Math.round(w.y)]) };
  };

  it("replaces what is no letter ('8', 'lc') by the letter read alone, in the misread word's box without the rule's remnant", async () => {
    const { crops, column } = await run((n) => [n === 1 ? 'B' : 'C', 92]);
    // (the crooked row's letter D is left as read: its row is not read again)
    expect(column).toEqual([['A', 22, 215], ['D', 22, 284], ['B', 22, 245], ['C', 22, 262]]);
    expect(crops).toHaveLength(2);
    // (the C's crop holds its ink only, 5 × 7 pt: the bar left of it is taken out)
    expect(crops[1]!.data.filter((v) => v < 128).length).toBe(5 * S * 7 * S);
  });

  it("takes a letter read less surely only where the pass's reading shows it ('lc' for C, not '8' for B)", async () => {
    const { column } = await run((n) => [n === 1 ? 'B' : 'C', 50]);
    expect(column).toEqual([['A', 22, 215], ['8', 22, 245], ['D', 22, 284], ['C', 22, 262]]);
  });
});

/** A schedule's table with two-line flag headings ('Addl' over 'Ins', 'Subr' over 'Wvd'); no flag was read. */
const FLAG_PAGE: PageWords = {
  page: 1,
  width: 612,
  height: 792,
  source: 'ocr',
  words: [
    word('Addl', 300, 196), word('Subr', 340, 196),
    word('Type', 50, 200), word('Policy', 140, 200), word('Effective', 220, 200),
    word('Ins', 302, 205), word('Wvd', 342, 205),
    word('Commercial', 50, 220), word('GL123456', 140, 220), word('3/26/24', 220, 220),
    word('Automobile', 50, 240), word('AL234567', 140, 240), word('3/26/24', 220, 240),
    word('Crime', 50, 260), word('CR345678', 140, 260), word('3/26/24', 220, 260),
  ],
};

/** A Y's ink, 9 points tall and 7 wide, at (x, y) points: two arms down to the middle, one stem under it. */
function drawY(b: GreyBitmap, x: number, y: number) {
  const [w, h] = [7 * S, 9 * S];
  const put = (px: number, py: number) => (b.data[(y * S + py) * b.width + x * S + px] = 0);
  for (let py = 0; py < h / 2; py++) {
    const off = Math.round(((w / 2 - 1) * py) / (h / 2));
    for (let k = 0; k < 2; k++) {
      put(off + k, py);
      put(w - 1 - off - k, py);
    }
  }
  for (let py = Math.floor(h / 2); py < h; py++) for (let px = w / 2 - 1; px <= w / 2; px++) put(px, py);
}

describe('rereadFlagColumns', () => {
  const toWords = (pw: PixelWord[], left: number, top: number) => toPageWords(pw, S, left, top);
  const flags = (page: PageWords) => page.words.filter((w) => w.x >= 290 && w.y > 212).map((w) => [w.text, w.x < 330 ? 'ai' : 'wos', Math.round(w.y), w.confidence]);

  it("tells a flag tesseract reads at no confidence by its shape, clear of a rule's remnant over it, and leaves blank cells blank", async () => {
    const b: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    drawY(b, 302, 219);
    drawY(b, 342, 219);
    drawY(b, 342, 259);
    // the header's rule, broken into dashes by the cleaning, across the first row's top
    for (const x0 of [296, 310, 336]) b.data.fill(0, 218 * S * b.width + x0 * S, 218 * S * b.width + (x0 + 8) * S);
    const out = await rereadFlagColumns(FLAG_PAGE, b, S, async (crop) => (crop.data.some((v) => v < 128) ? [{ text: 'Y', left: 0, top: 0, width: 4, height: 4, confidence: 0 }] : []), toWords);
    expect(flags(out)).toEqual([['Y', 'ai', 219, 0.6], ['Y', 'wos', 219, 0.6], ['Y', 'wos', 259, 0.6]]);
  });

  it('takes a flag tesseract is sure of, and only on rows with a date under a table heading', async () => {
    const b: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    for (const [x, y] of [[303, 241], [343, 241]]) for (let py = y * S; py < (y + 7) * S; py++) b.data.fill(0, py * b.width + x * S, py * b.width + (x + 5) * S);
    const out = await rereadFlagColumns(FLAG_PAGE, b, S, async (crop) => (crop.data.some((v) => v < 128) ? [{ text: 'N', left: 2, top: 2, width: 8, height: 10, confidence: 93 }] : []), toWords);
    expect(flags(out).map(([t, c]) => [t, c])).toEqual([['N', 'ai'], ['N', 'wos']]);
    // no policy heading beside the flag headings: a sentence's words, no table
    const prose = { ...FLAG_PAGE, words: FLAG_PAGE.words.filter((w) => !['Policy', 'Effective'].includes(w.text)) };
    expect(await rereadFlagColumns(prose, b, S, async () => [{ text: 'N', left: 2, top: 2, width: 8, height: 10, confidence: 93 }], toWords)).toBe(prose);
  });

  it("reads the flags of a row whose date's year wraps onto the line below ('Apr 26,' over '2026')", async () => {
    const b: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    drawY(b, 342, 219);
    const wrapped = {
      ...FLAG_PAGE,
      words: [
        ...FLAG_PAGE.words.filter((w) => w.y < 212),
        word('Commercial', 50, 220), word('GL123456', 140, 220), word('Apr', 220, 220), word('26,', 236, 220),
        word('General', 50, 232), word('2026', 220, 232),
      ],
    };
    const out = await rereadFlagColumns(wrapped, b, S, async (crop) => (crop.data.some((v) => v < 128) ? [{ text: 'Y', left: 0, top: 0, width: 4, height: 4, confidence: 0 }] : []), toWords);
    expect(flags(out).map(([t, c, y]) => [t, c, y])).toEqual([['Y', 'wos', 219]]);
  });

  it('whitens flat pieces of ink and keeps letters', () => {
    const b: GreyBitmap = { width: 40, height: 30, data: new Uint8Array(1200).fill(255) };
    b.data.fill(0, 2 * 40 + 2, 2 * 40 + 20);
    for (let y = 10; y < 25; y++) b.data.fill(0, y * 40 + 25, y * 40 + 28);
    const out = withoutDashes(b);
    expect(out.data.slice(2 * 40, 3 * 40).every((v) => v === 255)).toBe(true);
    expect(out.data[15 * 40 + 26]).toBe(0);
  });
});
