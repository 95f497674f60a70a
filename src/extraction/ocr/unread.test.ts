// Ink the whole-page pass left unread, found and read alone by tesseract itself: a table's two-line heading and the
// flags under it drawn at 300 dpi with the rest of the row, and the first reading given without them.
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import { recognizeBitmap, terminateOcr } from './ocr.js';
import { binarize } from './preprocess.js';
import { rgbaToGrey } from './render.js';
import { rereadUnreadInk, unreadInkRegions } from './unread.js';

const S = 300 / 72;

/** A row of a policies' table: headings, one row of values, a signature's stroke and a few specks. */
function tableRow() {
  const width = Math.round(612 * S);
  const height = Math.round(160 * S);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `bold ${7 * S}px monospace`;
  const cells: [number, number, string][] = [
    [45, 40, 'Coverage'],
    [150, 40, 'Policy Number'],
    [300, 34, 'Addl'],
    [300, 43, 'Insd'],
    [360, 40, 'WOS'],
  ];
  for (const [x, y, t] of cells) ctx.fillText(t, x * S, y * S);
  ctx.font = `${7 * S}px monospace`;
  for (const [x, t] of [
    [45, 'General Liability'],
    [150, '7873-08-55'],
    [306, 'Y'],
    [364, 'N'],
  ] as const)
    ctx.fillText(t, x * S, 62 * S);
  // specks: a point across each, far from any type
  for (const x of [500, 520, 540]) ctx.fillRect(x * S, 120 * S, 0.6 * S, 0.6 * S);
  return binarize({ width, height, data: rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height) });
}

const word = (text: string, x: number, y: number, width: number): Word => ({ text, x, y, width, height: 5.5, confidence: 0.95 });
/** The first reading: everything but the 'Addl Insd' heading and the 'Y' under it. */
const firstWords: Word[] = [
  word('Coverage', 45, 35, 34),
  word('Policy', 150, 35, 25),
  word('Number', 180, 35, 25),
  word('WOS', 360, 35, 13),
  word('General', 45, 57, 30),
  word('Liability', 79, 57, 38),
  word('7873-08-55', 150, 57, 42),
  word('N', 364, 57, 4),
];

describe('unread ink', () => {
  afterAll(() => terminateOcr());

  it('finds the regions of type no word covers, and no speck', () => {
    const page = tableRow();
    const regions = unreadInkRegions(firstWords, page, S);
    // the heading and its flag, one region (the flag stands under the heading), and nothing else
    // the heading's two lines and the flag under it, each its own region, inkiest first; no speck
    const boxes = regions.map((r) => [r.x0 / S, r.y0 / S, r.x1 / S, r.y1 / S]);
    expect(boxes).toHaveLength(3);
    const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]!) < 2.5);
    expect(near(boxes[0]!, [300, 29, 316, 35]), String(boxes[0])).toBe(true);
    expect(near(boxes[1]!, [300, 38, 314, 43]), String(boxes[1])).toBe(true);
    expect(near(boxes[2]!, [306, 57, 311, 62]), String(boxes[2])).toBe(true);
    // a page whose every piece of type was read has none
    expect(unreadInkRegions([...firstWords, word('Addl', 300, 29, 17), word('Insd', 300, 38, 17), word('Y', 306, 57, 4)], page, S)).toEqual([]);
  });

  it('reads what the first pass left unread, and keeps what it read', async () => {
    const page: PageWords = { page: 1, width: 612, height: 160, source: 'ocr', words: firstWords };
    const got = await rereadUnreadInk(page, tableRow(), S, recognizeBitmap);
    const texts = got.words.map((w) => w.text);
    expect(texts).toEqual(expect.arrayContaining(['Addl', 'Y', ...firstWords.map((w) => w.text)]));
    const addl = got.words.find((w) => w.text === 'Addl')!;
    expect(addl.x).toBeCloseTo(300, 0);
    expect(got.words.filter((w) => w.text === 'N')).toHaveLength(1);
  });
});
