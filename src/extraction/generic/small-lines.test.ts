// A boxed form's tiny grey labels, garbled by the whole-page pass, read again enlarged by tesseract itself: the page is
// drawn at a scan's 200 dpi, its first reading given as the garbled words the pass made of it.
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import { recognizeBitmap, terminateOcr } from '../ocr/ocr.js';
import { cleanPage, withoutRuns } from '../ocr/preprocess.js';
import { rgbaToGrey } from '../ocr/render.js';
import { rereadSmallLines, stretched } from './small-lines.js';

const S = 200 / 72;

/** Three boxes side by side, each a 5 pt grey label at its top left over a 9 pt value. */
function boxedRow(
  labelGrey = '#777',
  boxes: [number, string, string][] = [
    [40, 'POLICY EFFECTIVE', 'Jun 5, 2025'],
    [220, 'POLICY EXPIRATION', 'Jun 5, 2026'],
    [400, 'CERTIFICATE HOLDER', 'Demo Property Group'],
  ],
) {
  const width = Math.round(612 * S);
  const height = Math.round(200 * S);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1.5;
  for (const [x, label, value] of boxes) {
    ctx.strokeRect(x * S, 60 * S, 170 * S, 34 * S);
    ctx.fillStyle = labelGrey;
    ctx.font = `${5.2 * S}px monospace`;
    ctx.fillText(label, (x + 3) * S, 67 * S);
    ctx.fillStyle = '#000';
    ctx.font = `${9 * S}px monospace`;
    ctx.fillText(value, (x + 3) * S, 84 * S);
  }
  return { width, height, data: rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height) };
}

const garbled = (text: string, x: number): Word => ({ text, x, y: 63, width: text.length * 3, height: 3.6, confidence: 0.1 });
const value = (text: string, x: number): Word => ({ text, x, y: 77, width: text.length * 5.4, height: 7, confidence: 0.93 });

describe('rereadSmallLines', () => {
  afterAll(() => terminateOcr());

  it('reads a line of tiny grey labels again enlarged, in place of what the whole-page pass garbled, and leaves the values', async () => {
    const cleaned = cleanPage(boxedRow(), S, { fringes: false });
    const page: PageWords = {
      page: 1,
      width: 612,
      height: 200,
      source: 'ocr',
      words: [garbled('eoLzcy', 43), garbled('FFECTI.n', 70), garbled('POLITY', 223), garbled('FXFTIPATION', 250), garbled('worper', 440), value('Jun 5, 2025', 43), value('Jun 5, 2026', 223), value('Demo Property Group', 403)],
    };
    const got = await rereadSmallLines(page, { grey: cleaned.grey, binary: cleaned.binary, cleaned: cleaned.bitmap }, S, recognizeBitmap);
    const text = got.words.map((w) => w.text).join(' ');
    expect(text).toMatch(/POLICY EFFECTIVE/);
    expect(text).toMatch(/POLICY EXPIRATION/);
    expect(text).toMatch(/HOLDER/);
    expect(text).not.toMatch(/POLITY|worper|eoLzcy/);
    // the values, read surely the first time, are the first reading's
    for (const v of ['Jun 5, 2025', 'Jun 5, 2026', 'Demo Property Group']) expect(got.words.filter((w) => w.text === v)).toHaveLength(1);
  }, 60_000);

  it("reads a label in grey too light to binarize whole, out to its line's ends where the first reading found only its end", async () => {
    // (no pixel of the labels darker than mid-grey; the first reading found the end of the first label only)
    const bitmap = boxedRow('#b4b4b4', [
      [40, 'EACH OCCURRENCE LIMIT', '$ 1,000,000'],
      [300, 'GENERAL AGGREGATE LIMIT', '$ 2,000,000'],
    ]);
    const cleaned = cleanPage(bitmap, S, { fringes: false });
    const page: PageWords = { page: 1, width: 612, height: 200, source: 'ocr', words: [garbled('E', 95), garbled('LIT', 104), garbled('BITE', 303), value('$ 1,000,000', 43), value('$ 2,000,000', 303)] };
    const glyphs = withoutRuns(cleaned.binary, Math.round(15 * S), Math.round(15 * S));
    const got = await rereadSmallLines(page, { grey: cleaned.grey, binary: cleaned.binary, cleaned: glyphs }, S, recognizeBitmap);
    const text = got.words.map((w) => w.text).join(' ');
    expect(text).toMatch(/EACH OCCURRENCE LIMIT/);
    expect(text).toMatch(/GENERAL AGGREGATE/);
    expect(text).not.toMatch(/BITE/);
  }, 60_000);

  it('spreads a crop of light grey type over the whole range of greys', () => {
    const crop = { width: 4, height: 5, data: new Uint8Array([180, 240, 240, 240, 240, 240, 240, 240, 170, 240, 240, 240, 240, 240, 240, 240, 240, 240, 240, 240]) };
    const out = stretched(crop);
    expect(out.data[8]).toBe(0);
    expect(out.data[0]).toBeLessThan(128);
    expect(out.data[1]).toBe(255);
  });

  it('leaves a page alone when its small type was read surely', async () => {
    const cleaned = cleanPage(boxedRow(), S, { fringes: false });
    const page: PageWords = { page: 1, width: 612, height: 200, source: 'ocr', words: [{ ...garbled('POLICY', 43), confidence: 0.95 }, value('Jun 5, 2025', 43)] };
    expect(await rereadSmallLines(page, { grey: cleaned.grey, binary: cleaned.binary, cleaned: cleaned.bitmap }, S, recognizeBitmap)).toBe(page);
  });
});
