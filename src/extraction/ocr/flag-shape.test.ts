// Flags told by their shape, on letters drawn in the standard PDF types a filler uses and rendered at a scan's 300 dpi
// and at 200 dpi, whole and with the damage a photo does: an arm or stem gone with a rule, an arm broken off.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../pdf/open.js';
import { flagShape } from './flag-shape.js';
import { binarize, cropGrey } from './preprocess.js';
import { renderPdfPage, type GreyBitmap } from './render.js';

const FONTS = [StandardFonts.Helvetica, StandardFonts.HelveticaBold, StandardFonts.Courier, StandardFonts.CourierBold, StandardFonts.TimesRoman, StandardFonts.TimesRomanBold];
const LETTERS = ['Y', 'X', 'N', 'T', 'V', 'A', 'I', 'H', 'K', 'L', '1', '4', '7'];

/** Each letter of LETTERS in each font at 9 pt, rendered at `dpi` and binarized: font → letter → its cell. */
async function glyphs(dpi: number): Promise<Map<string, Map<string, GreyBitmap>>> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([40 + 30 * LETTERS.length, 40 + 30 * FONTS.length]);
  for (const [row, name] of FONTS.entries()) {
    const font = await doc.embedFont(name);
    LETTERS.forEach((l, i) => page.drawText(l, { x: 20 + 30 * i, y: page.getHeight() - 30 - 30 * row, size: 9, font }));
  }
  const pdf = await openPdf(await doc.save(), { render: true });
  try {
    const rendered = await renderPdfPage(pdf.doc, 1, dpi);
    const binary = binarize(rendered.bitmap, 128);
    const s = rendered.pixelsPerPoint;
    const out = new Map<string, Map<string, GreyBitmap>>();
    for (const [row, name] of FONTS.entries()) {
      const cells = new Map<string, GreyBitmap>();
      LETTERS.forEach((l, i) => {
        const baseline = 30 + 30 * row;
        cells.set(l, cropGrey(binary, Math.round((12 + 30 * i) * s), Math.round((baseline - 12) * s), Math.round((36 + 30 * i) * s), Math.round((baseline + 5) * s), 4));
      });
      out.set(name, cells);
    }
    return out;
  } finally {
    await pdf.close();
  }
}

/** The ink's box in a bitmap. */
function box(b: GreyBitmap): { x0: number; x1: number; y0: number; y1: number } {
  let [x0, x1, y0, y1] = [b.width, -1, b.height, -1];
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (b.data[y * b.width + x]! >= 128) continue;
      [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
    }
  }
  return { x0, x1, y0, y1 };
}

/** A copy with the ink in the box's share [fx0, fx1) × [fy0, fy1) made paper. */
function erase(b: GreyBitmap, fx0: number, fx1: number, fy0: number, fy1: number): GreyBitmap {
  const { x0, x1, y0, y1 } = box(b);
  const data = b.data.slice();
  const [w, h] = [x1 - x0 + 1, y1 - y0 + 1];
  for (let y = y0 + Math.floor(fy0 * h); y < y0 + Math.ceil(fy1 * h); y++) for (let x = x0 + Math.floor(fx0 * w); x < x0 + Math.ceil(fx1 * w); x++) data[y * b.width + x] = 255;
  return { ...b, data };
}

/** A copy with a line a pixel wide standing on the ink's top-left corner, `share` of the ink's height high. */
function hairline(b: GreyBitmap, share: number): GreyBitmap {
  const { y0, y1 } = box(b);
  const data = b.data.slice();
  // (at the first inked pixel of the top row: the left arm's tip)
  let x = 0;
  while (data[y0 * b.width + x]! >= 128) x++;
  for (let y = y0 - Math.round(share * (y1 - y0 + 1)); y < y0; y++) data[y * b.width + x] = 0;
  return { ...b, data };
}

describe('flagShape', () => {
  for (const dpi of [300, 200]) {
    it(`tells Y, X and N in Helvetica, Courier and Times, plain and bold, at ${dpi} dpi, and no other letter for one`, async () => {
      const all = await glyphs(dpi);
      const read: Record<string, string> = {};
      for (const [font, cells] of all) for (const [l, cell] of cells) read[`${font} ${l}`] = flagShape(cell)?.letter ?? '-';
      const expected: Record<string, string> = {};
      for (const font of FONTS) for (const l of LETTERS) expected[`${font} ${l}`] = ['Y', 'X', 'N'].includes(l) ? l : '-';
      expect(read).toEqual(expected);
    });
  }

  it("still tells a Y without its left arm, a Y with an arm broken off its stem or a rule's hairline on an arm, and an N without a stem as no Y or X", async () => {
    const all = await glyphs(300);
    const read: Record<string, string> = {};
    for (const [font, cells] of all) {
      const y = cells.get('Y')!;
      // the left arm gone with a rule through it, down to where the arms meet
      read[`${font} Y no left arm`] = flagShape(erase(y, 0, 0.4, 0, 0.42))?.letter ?? '-';
      // the right arm broken off a pixel's width short of the stem
      read[`${font} Y arm broken`] = flagShape(erase(y, 0.55, 0.62, 0, 0.4))?.letter ?? '-';
      // a hairline the column's rule left standing on the left arm's tip, a quarter of the letter high
      read[`${font} Y hairline over arm`] = flagShape(hairline(y, 0.25))?.letter ?? '-';
      // an N's left stem gone with a rule: never taken for a mark
      const n = flagShape(erase(cells.get('N')!, 0, 0.22, 0, 1))?.letter;
      read[`${font} N no stem`] = n === 'Y' || n === 'X' ? n : '-';
    }
    const expected: Record<string, string> = {};
    for (const font of FONTS) Object.assign(expected, { [`${font} Y no left arm`]: 'Y', [`${font} Y arm broken`]: 'Y', [`${font} Y hairline over arm`]: 'Y', [`${font} N no stem`]: '-' });
    expect(read).toEqual(expected);
  });

  it('tells nothing of a blank, a speck or a rule', () => {
    const blank = { width: 30, height: 30, data: new Uint8Array(900).fill(255) };
    expect(flagShape(blank)).toBeNull();
    const speck = { ...blank, data: blank.data.slice() };
    for (const i of [465, 466, 495, 496]) speck.data[i] = 0;
    expect(flagShape(speck)).toBeNull();
    const rule = { ...blank, data: blank.data.slice() };
    for (let y = 2; y < 28; y++) rule.data[y * 30 + 15] = rule.data[y * 30 + 16] = 0;
    expect(flagShape(rule)).toBeNull();
  });
});
