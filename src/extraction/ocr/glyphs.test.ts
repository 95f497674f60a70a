// 8 and B told apart by their ink: on values drawn in Helvetica (as a filler writes them) and rendered at a scan's
// 300 dpi, with the text layer's boxes standing in for OCR's.
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PageWords } from '../layout/words.js';
import { openPdf } from '../pdf/open.js';
import { textLayerWords } from '../text/words.js';
import { eightOrB, measureDigitInk, mendCollapsedRepeats, mendDigitsByPageGlyphs, mendEightsReadAsB, mendLsReadAsOnes, mendOpenZeros, mendTwosReadAsSevens, repeatedReadings } from './glyphs.js';
import { binarize } from './preprocess.js';
import { renderPdfPage, type GreyBitmap } from './render.js';

const VALUES = ['8604967-25', 'B604967', '8143', 'Burnet', '8/4/2025', 'BAP', '88,000', 'B1234567'];

/** The values drawn at 10 pt down a page, rendered at 300 dpi and binarized, with their text-layer words. */
async function page(values = VALUES): Promise<{ words: PageWords; binary: GreyBitmap; s: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p = doc.addPage([300, 40 + 20 * values.length]);
  values.forEach((v, i) => p.drawText(v, { x: 40, y: p.getHeight() - 30 - 20 * i, size: 10, font }));
  // a speck before the last value, which is no glyph of it
  p.drawCircle({ x: 37, y: p.getHeight() - 30 - 20 * (values.length - 1) + 3, size: 0.35 });
  return rendered(await doc.save());
}

/** A one-page PDF rendered at 300 dpi and binarized, with its text-layer words. */
async function rendered(bytes: Uint8Array): Promise<{ words: PageWords; binary: GreyBitmap; s: number }> {
  const pdf = await openPdf(bytes, { render: true });
  try {
    const words = await textLayerWords(await pdf.doc.getPage(1), { marks: false });
    const page = await renderPdfPage(pdf.doc, 1, 300);
    return { words, binary: binarize(page.bitmap), s: page.pixelsPerPoint };
  } finally {
    await pdf.close();
  }
}

/** Numbers read surely, whose glyphs are the page's templates (each digit several times). */
const SURE = ['1,234,567', '8,900,000', '10/22/2024', '5,000,000', '6,543,210', '9/8/2025', '7,654,321', '3,000,000', '2,500,000', '06/30/2026'];

describe('eightOrB', () => {
  it("tells an 8 from a B by the rows that start right of the glyph's left edge", async () => {
    const { words, binary, s } = await page();
    expect(words.words.map((w) => w.text)).toEqual(VALUES);
    const read = Object.fromEntries(words.words.map((w) => [w.text, eightOrB(binary, s, w)]));
    expect(read).toEqual({ '8604967-25': '8', B604967: 'B', '8143': '8', Burnet: 'B', '8/4/2025': '8', BAP: 'B', '88,000': '8', B1234567: 'B' });
  });

  it('judges nothing where the box holds no glyph', async () => {
    const { words, binary, s } = await page();
    const word = words.words[0]!;
    expect(eightOrB(binary, s, { ...word, x: word.x + 200, width: 20 })).toBeNull();
  });
});

describe('measureDigitInk', () => {
  it("spans an amount's glyphs, not a speck its box took in, and measures only words of four digits or more", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const p = doc.addPage([300, 140]);
    ['1,000,000', '100,000', '1000000', '250', '8/4/2025'].forEach((v, i) => p.drawText(v, { x: 40, y: 110 - 20 * i, size: 10, font }));
    // a speck a point past the third amount, at its baseline: a scan's dirt, or a rule's piece on a photo
    const end = 40 + font.widthOfTextAtSize('1000000', 10);
    p.drawRectangle({ x: end + 1, y: 70, width: 1.2, height: 0.8 });
    const { words, binary, s } = await rendered(await doc.save());
    // OCR's box for that amount stretched over the speck
    const boxes = words.words.map((w) => (w.text === '1000000' ? { ...w, width: w.width + 2.5 } : w));
    const ink = Object.fromEntries(measureDigitInk({ ...words, words: boxes }, binary, s).words.map((w) => [w.text, w.inkWidth]));
    expect(ink['250']).toBeUndefined();
    expect(ink['8/4/2025']).toBeUndefined();
    // Helvetica's digits are 5.56 pt wide at 10 pt and its comma 2.78: the ink spans that less the side bearings
    expect(ink['1,000,000']).toBeGreaterThan(7 * 5.56 + 2 * 2.78 - 1.5);
    expect(ink['1,000,000']).toBeLessThan(7 * 5.56 + 2 * 2.78);
    expect(ink['1,000,000']! - ink['1000000']!).toBeCloseTo(2 * 2.78, 0);
    expect(ink['1,000,000']! - ink['100,000']!).toBeCloseTo(5.56 + 2.78, 0);
  });
});

describe('mendEightsReadAsB', () => {
  it('makes 8 of a B that opens a run of digits where the ink shows an 8, and leaves a B the ink shows', async () => {
    const { words, binary, s } = await page();
    // OCR's slips: the 8 that opens a policy number and a date read B
    const read: PageWords = { ...words, words: words.words.map((w) => (w.text === '8604967-25' || w.text === '8143' ? { ...w, text: `B${w.text.slice(1)}` } : w)) };
    const mended = mendEightsReadAsB(read, binary, s);
    expect(mended.words.map((w) => w.text)).toEqual(VALUES);
    // nothing to mend: the same page back
    expect(mendEightsReadAsB(words, binary, s)).toBe(words);
  });

  it("makes 8 of a B between a policy number's prefix and its digits where the ink shows an 8 ('LLB78595253')", async () => {
    const values = ['LL878595253', 'LLB78595253'];
    const { words, binary, s } = await page(values);
    const read: PageWords = { ...words, words: words.words.map((w) => ({ ...w, text: 'LLB78595253' })) };
    expect(mendEightsReadAsB(read, binary, s).words.map((w) => w.text)).toEqual(values);
  });
});

describe('mendLsReadAsOnes', () => {
  it("makes L of a 1 closing a policy number's prefix where the ink shows an L, and leaves a 1 in a sans-serif and a serif type", async () => {
    const doc = await PDFDocument.create();
    const fonts = [await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.TimesRoman)];
    const values = ['LL878595253', 'L1878595253'];
    const p = doc.addPage([300, 120]);
    fonts.forEach((font, f) => values.forEach((v, i) => p.drawText(v, { x: 40, y: 90 - 20 * (2 * f + i), size: 10, font })));
    const { words, binary, s } = await rendered(await doc.save());
    expect(words.words.map((w) => w.text)).toEqual([...values, ...values]);
    const read: PageWords = { ...words, words: words.words.map((w) => ({ ...w, text: 'L1878595253' })) };
    expect(mendLsReadAsOnes(read, binary, s).words.map((w) => w.text)).toEqual([...values, ...values]);
    expect(mendLsReadAsOnes(words, binary, s).words.map((w) => w.text)).toEqual([...values, ...values]);
  });
});

describe('mendOpenZeros', () => {
  it("makes 9 or 6 of a 0 whose ink is open low on the left or high on the right, and leaves the 0s the ink shows and a round amount's", async () => {
    const values = ['3095347-24', '06/30/2026', '1,000,000', '2,060,000', '390,000'];
    const { words, binary, s } = await page(values);
    // OCR's slips: the 9 and a 6 read as 0
    const slips: Record<string, string> = { '3095347-24': '3005347-24', '06/30/2026': '06/30/2020', '2,060,000': '2,000,500', '390,000': '300,000' };
    const read: PageWords = { ...words, words: words.words.map((w) => ({ ...w, text: slips[w.text] ?? w.text })) };
    // (a round amount's zeros are not judged: a worn 0 of a limit gapes as a 9 does, and 390,000 is no limit)
    expect(mendOpenZeros(read, binary, s).words.map((w) => w.text)).toEqual(['3095347-24', '06/30/2026', '1,000,000', '2,060,500', '300,000']);
    // nothing to mend: the same page back
    expect(mendOpenZeros(words, binary, s)).toBe(words);
  });

  it("judges the glyphs before two that touch ('WCP 0544122-24': a 9 read as 0 before a '44' run together)", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const p = doc.addPage([300, 60]);
    p.drawText('9544122-24', { x: 40, y: 30, size: 10, font });
    // ink joining the two 4s (a worn print's, a photo's blur)
    p.drawRectangle({ x: 40 + font.widthOfTextAtSize('954', 10) - 0.8, y: 32, width: 1.6, height: 2 });
    const { words, binary, s } = await rendered(await doc.save());
    const read: PageWords = { ...words, words: words.words.map((w) => ({ ...w, text: '0544122-24' })) };
    expect(mendOpenZeros(read, binary, s).words.map((w) => w.text)).toEqual(['9544122-24']);
  });

  it("judges no glyph where the word's glyphs are not its digits one to one (a rule's stroke boxed with them)", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const p = doc.addPage([300, 60]);
    p.drawText('9', { x: 40, y: 30, size: 10, font });
    p.drawLine({ start: { x: 37, y: 26 }, end: { x: 37, y: 42 }, thickness: 0.6 });
    const { words, binary, s } = await rendered(await doc.save());
    const nine = words.words.find((w) => w.text === '9')!;
    // read '50': its 5 the stroke, its 0 the 9
    const read: PageWords = { ...words, words: [{ ...nine, text: '50', x: nine.x - 3.6, width: nine.width + 3.6 }] };
    expect(mendOpenZeros(read, binary, s)).toBe(read);
  });
});

describe("a word's glyphs measured on its line of type", () => {
  it("judges no 0 by the pieces of a broken rule under it that its box reaches down to ('2,000,000' read as 2,900,009)", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const p = doc.addPage([300, 60]);
    const text = '2,000,000';
    p.drawText(text, { x: 40, y: 30, size: 10, font });
    // under each 0, a piece of the rule a scan broke, narrower than the 0, a point and a half below its foot
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '0') continue;
      const x = 40 + font.widthOfTextAtSize(text.slice(0, i), 10);
      p.drawLine({ start: { x: x + 1.5, y: 28.3 }, end: { x: x + font.widthOfTextAtSize('0', 10) - 1.5, y: 28.3 }, thickness: 0.5 });
    }
    const { words, binary, s } = await rendered(await doc.save());
    // OCR boxes the amount down to its commas' tails, two points under the digits (the text layer, to their foot)
    const read: PageWords = { ...words, words: words.words.map((w) => ({ ...w, height: w.height + 2 })) };
    expect(mendOpenZeros(read, binary, s)).toBe(read);
  });
});

describe('mendDigitsByPageGlyphs', () => {
  // the sure numbers, and the words OCR misread
  const values = [...SURE, '3873653-23', '5,000,000', '$500,000', '11/15/2025'];

  async function misread(slips: Record<string, string>, confidence = 0.85): Promise<{ read: PageWords; binary: GreyBitmap; s: number }> {
    const { words, binary, s } = await page(values);
    const read = { ...words, words: words.words.map((w, i) => (i >= SURE.length && slips[w.text] ? { ...w, text: slips[w.text]!, confidence } : w)) };
    return { read, binary, s };
  }

  it("makes a misread digit the digit the page's own glyphs show", async () => {
    const { read, binary, s } = await misread({ '3873653-23': '3873663-23', '11/15/2025': '11/16/2025' });
    const mended = mendDigitsByPageGlyphs(read, binary, s);
    expect(mended.words.slice(SURE.length).map((w) => w.text)).toEqual(['3873653-23', '5,000,000', '$500,000', '11/15/2025']);
  });

  it('mends a word OCR was sure of by the glyphs of the other words, its own misread glyph no template against it', async () => {
    const { read, binary, s } = await misread({ '3873653-23': '3873663-23' }, 0.95);
    expect(mendDigitsByPageGlyphs(read, binary, s).words.find((w) => w.text.endsWith('-23'))!.text).toBe('3873653-23');
  });

  it('changes nothing where two glyphs of a word disagree with it, OCR was unsure of the word, or an amount is grouped wrong', async () => {
    const unsure = await misread({ '3873653-23': '3873663-23' }, 0.3);
    expect(mendDigitsByPageGlyphs(unsure.read, unsure.binary, unsure.s)).toBe(unsure.read);
    // two digits off: the word's glyphs and characters may not line up
    const two = await misread({ '3873653-23': '3878663-23' });
    expect(mendDigitsByPageGlyphs(two.read, two.binary, two.s)).toBe(two.read);
    // '$500,000' read '3500,000': its '3' is a '$', which no digit's glyphs show
    const dollar = await misread({ $500000: '3500,000', '$500,000': '3500,000' });
    expect(dollar.read.words.some((w) => w.text === '3500,000')).toBe(true);
    expect(mendDigitsByPageGlyphs(dollar.read, dollar.binary, dollar.s)).toBe(dollar.read);
  });

  it('trusts nothing on a page whose own digits it cannot tell apart', async () => {
    const { read, binary, s } = await misread({ '3873653-23': '3873663-23' });
    // the sure numbers' digits relabelled at random: the page's glyphs no longer tell its digits apart
    const shuffled = { ...read, words: read.words.map((w, i) => (i < SURE.length ? { ...w, text: w.text.replace(/\d/g, (d) => String((Number(d) * 7 + i) % 10)) } : w)) };
    expect(mendDigitsByPageGlyphs(shuffled, binary, s)).toBe(shuffled);
  });
});

describe('amounts OCR doubted, read again from their glyphs', () => {

  /** The sure numbers, then 2,000,000 drawn as typed and 1,000,000 with the digits of each group touching (a blurred photo's). */
  async function amounts(): Promise<{ words: PageWords; binary: GreyBitmap; s: number }> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const size = 10;
    const p = doc.addPage([300, 40 + 20 * (SURE.length + 2)]);
    const y = (i: number) => p.getHeight() - 30 - 20 * i;
    SURE.forEach((v, i) => p.drawText(v, { x: 40, y: y(i), size, font }));
    p.drawText('2,000,000', { x: 40, y: y(SURE.length), size, font });
    // 1,000,000 with each group's zeros drawn 0.6 pt closer than the font sets them, so that they touch
    let x = 40;
    for (const part of ['1', ',', '000', ',', '000']) {
      for (const c of part) {
        p.drawText(c, { x, y: y(SURE.length + 1), size, font });
        x += font.widthOfTextAtSize(c, size) - (part === '000' ? 0.6 : 0);
      }
      if (part === '000') x += 0.6;
    }
    return rendered(await doc.save());
  }

  /** The page's words with the two amounts as OCR read them: unsure, a group short. */
  function asRead(words: PageWords, texts: [string, string], confidence: number): PageWords {
    const sure = words.words.filter((w) => SURE.includes(w.text));
    const rest = words.words.filter((w) => !SURE.includes(w.text)).sort((a, b) => a.y - b.y);
    const box = (ws: typeof rest) => ({ ...ws[0]!, x: Math.min(...ws.map((w) => w.x)), width: Math.max(...ws.map((w) => w.x + w.width)) - Math.min(...ws.map((w) => w.x)) });
    // (the touching digits were drawn one by one: the text layer has them as pieces of one line)
    const second = rest.filter((w) => w.y > rest[0]!.y + 5);
    const first = rest.filter((w) => !second.includes(w));
    return { ...words, words: [...sure, { ...box(first), text: texts[0], confidence }, { ...box(second), text: texts[1], confidence }] };
  }

  it('reads the amount its glyphs show, touching zeros cut apart', async () => {
    const { words, binary, s } = await amounts();
    const read = asRead(words, ['200,000', '100,000'], 0.05);
    expect(mendDigitsByPageGlyphs(read, binary, s).words.slice(-2).map((w) => w.text)).toEqual(['2,000,000', '1,000,000']);
  });

  it('leaves an amount OCR was sure of, and one whose glyphs hold as many digits as it read', async () => {
    const { words, binary, s } = await amounts();
    const sure = asRead(words, ['200,000', '100,000'], 0.9);
    expect(mendDigitsByPageGlyphs(sure, binary, s)).toBe(sure);
    const same = asRead(words, ['2,000,000', '1,000,000'], 0.05);
    expect(mendDigitsByPageGlyphs(same, binary, s)).toBe(same);
  });
});

describe('mendTwosReadAsSevens', () => {
  it('makes 2 of a 7 whose glyph stands on a 2\'s base, and leaves the 7s, in a serif, a sans-serif and a typewriter type', async () => {
    for (const name of [StandardFonts.TimesRoman, StandardFonts.Helvetica, StandardFonts.Courier]) {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(name);
      const values = ['42739', '1,250,000', '2,000,000', '7,777,000', 'PL-7272', '3172025-24'];
      const p = doc.addPage([300, 40 + 20 * values.length]);
      values.forEach((v, i) => p.drawText(v, { x: 40, y: p.getHeight() - 30 - 20 * i, size: 10, font }));
      const { words, binary, s } = await rendered(await doc.save());
      expect(words.words.map((w) => w.text)).toEqual(values);
      // OCR's reading: every 2 read as 7
      const read: PageWords = { ...words, words: words.words.map((w) => ({ ...w, text: w.text.replace(/2/g, '7') })) };
      expect(mendTwosReadAsSevens(read, binary, s).words.map((w) => w.text), name).toEqual(values);
    }
  });

  it("judges no glyph where a word's glyphs are not its digits one to one (a 0 broken into two arcs, two digits run together)", async () => {
    // 8072942 as a photo gave it: its 0's thin top and foot lost, two arcs; its 9 and 4 touching, one glyph. As many
    // glyphs as digits, the 7 lined up with the 0's right arc, which stands on a base as wide as itself
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const p = doc.addPage([300, 60]);
    let x = 40;
    for (const c of '8072942') {
      p.drawText(c, { x, y: 30, size: 10, font });
      // (the 0's middle columns painted over: its two sides left as arcs)
      if (c === '0') p.drawRectangle({ x: x + 2.2, y: 28, width: 1.2, height: 12, color: rgb(1, 1, 1) });
      x += font.widthOfTextAtSize(c, 10) - (c === '9' ? 1.2 : 0);
    }
    const { words, binary, s } = await rendered(await doc.save());
    const box = { ...words.words[0]!, x: Math.min(...words.words.map((w) => w.x)), width: x - 40 };
    const read: PageWords = { ...words, words: [{ ...box, text: '8072942', confidence: 0.9 }] };
    expect(mendTwosReadAsSevens(read, binary, s)).toBe(read);
  });
});

/** The sure numbers and two more, so that each digit has three glyphs or more to compare with. */
const MORE = [...SURE, '8,388,000', '7/17/2027'];

/**
 * A page of the sure numbers (MORE) and, under them, each row's text in 10 pt Helvetica, drawn a character at a time
 * with the character after the one at `touching` drawn 0.85 pt closer, so that the two touch (null: none).
 */
async function withRows(rows: [text: string, touching: number | null][]) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 10;
  const p = doc.addPage([300, 40 + 20 * (MORE.length + rows.length)]);
  const y = (i: number) => p.getHeight() - 30 - 20 * i;
  MORE.forEach((v, i) => p.drawText(v, { x: 40, y: y(i), size, font }));
  rows.forEach(([text, touching], row) => {
    let x = 40;
    for (const [i, c] of [...text].entries()) {
      p.drawText(c, { x, y: y(MORE.length + row), size, font });
      x += font.widthOfTextAtSize(c, size) - (i === touching ? 0.85 : 0);
    }
  });
  return rendered(await doc.save());
}

describe("a policy number's 0 read as the letter O", () => {
  it("makes 0 of an O after the prefix whose glyph is a 0's, and leaves a printed O, in a sans-serif and a serif type", async () => {
    const doc = await PDFDocument.create();
    const fonts = [await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.TimesRoman)];
    const p = doc.addPage([300, 40 + 20 * (MORE.length + 4)]);
    const y = (i: number) => p.getHeight() - 30 - 20 * i;
    MORE.forEach((v, i) => p.drawText(v, { x: 40, y: y(i), size: 10, font: fonts[0] }));
    // a 0 and a printed O after the prefix, in each type (the sure numbers' digits are Helvetica's)
    ['PL058158', 'PLO58158'].forEach((v, i) => p.drawText(v, { x: 40, y: y(MORE.length + i), size: 10, font: fonts[0] }));
    const { words, binary, s } = await rendered(await doc.save());
    const asO = { ...words, words: words.words.map((w) => (w.text.startsWith('PL') ? { ...w, text: 'PLO58158', confidence: 0.6 } : w)) };
    expect(mendDigitsByPageGlyphs(asO, binary, s).words.filter((w) => w.text.startsWith('PL')).map((w) => w.text)).toEqual(['PL058158', 'PLO58158']);
  });

  it('leaves an O that no digits follow, and judges nothing on a page without 0s enough to compare', async () => {
    const { words, binary, s } = await page([...MORE, 'PLO', 'CPO-AB12']);
    expect(mendDigitsByPageGlyphs(words, binary, s).words.slice(MORE.length).map((w) => w.text)).toEqual(['PLO', 'CPO-AB12']);
    const few = await page(['1,234,567', '9/8/2025', 'PL058158']);
    const read = { ...few.words, words: few.words.words.map((w) => (w.text.startsWith('PL') ? { ...w, text: 'PLO58158' } : w)) };
    expect(mendDigitsByPageGlyphs(read, few.binary, few.s).words.at(-1)!.text).toBe('PLO58158');
  });
});

describe("a policy number's letter O read as 0", () => {
  it("makes O of a 0 before the prefix's hyphen whose glyph is an O's, though digits after it touch or the hyphen does, and leaves a printed 0", async () => {
    // EO-4594495 with its second 4 and 5 drawn touching (one glyph: the glyphs no longer line up from the word's end),
    // E0-4594495 with a zero, and EO-4594495 with its hyphen touching the 4 (no glyph of its own)
    const { words, binary, s } = await withRows([
      ['EO-4594495', 6],
      ['E0-4594495', 6],
      ['EO-4594495', 2],
    ]);
    const prefixed = (w: { text: string }) => /^E[O0]-|^EO|^E0/.test(w.text);
    expect(words.words.filter(prefixed)).toHaveLength(3);
    const read = { ...words, words: words.words.map((w) => (prefixed(w) ? { ...w, text: 'E0-4594495', confidence: 0.63 } : w)) };
    expect(mendDigitsByPageGlyphs(read, binary, s).words.filter(prefixed).map((w) => w.text)).toEqual(['EO-4594495', 'E0-4594495', 'EO-4594495']);
  });

  it('makes O of a 0 right after the prefix with no hyphen, where its glyph is an O\'s (EO534926865), and leaves a printed 0', async () => {
    const { words, binary, s } = await withRows([
      ['EO534926865', null],
      ['E0534926865', null],
    ]);
    const prefixed = (w: { text: string }) => /^E[O0]5/.test(w.text);
    expect(words.words.filter(prefixed)).toHaveLength(2);
    const read = { ...words, words: words.words.map((w) => (prefixed(w) ? { ...w, text: 'E0534926865', confidence: 0.9 } : w)) };
    expect(mendDigitsByPageGlyphs(read, binary, s).words.filter(prefixed).map((w) => w.text)).toEqual(['EO534926865', 'E0534926865']);
  });
});

describe('digits mended on a page whose glyphs confuse a few of its digits', () => {
  it('mends a glyph much the nearest another digit, cuts touching digits apart, and mends no pair the page confuses', async () => {
    // 53880700 with its last two zeros touching; and 3873653-23
    const { words, binary, s } = await withRows([
      ['53880700', 6],
      ['3873653-23', null],
    ]);
    const rest = words.words.filter((w) => !MORE.includes(w.text)).sort((a, b) => a.y - b.y);
    const first = rest.filter((w) => w.y < rest[0]!.y + 5);
    const box = { ...first[0]!, x: Math.min(...first.map((w) => w.x)), width: Math.max(...first.map((w) => w.x + w.width)) - Math.min(...first.map((w) => w.x)) };
    const dash = rest.find((w) => w.text === '3873653-23')!;
    // one sure number's 7 labelled 1: one glyph of the page's templates nearer another digit's (1 in 70: the page
    // confuses 7 and 1), more than MAX_SELF_CONFUSION allows, less than MAX_LOOSE_CONFUSION
    const sure = words.words.filter((w) => MORE.includes(w.text)).map((w) => (w.text === '1,234,567' ? { ...w, text: '1,234,561' } : w));
    const read = (a: string, b: string, numbers = sure) => ({ ...words, words: [...numbers, { ...box, text: a, confidence: 0.7 }, { ...dash, text: b, confidence: 0.7 }] });
    const last = (p: PageWords) => mendDigitsByPageGlyphs(p, binary, s).words.slice(-2).map((w) => w.text);
    expect(last(read('53830700', '3873663-23'))).toEqual(['53880700', '3873653-23']);
    // a 1 read for the 7: a pair the page confuses, mended only where the sure numbers are labelled right
    expect(last(read('53880700', '3813653-23'))).toEqual(['53880700', '3813653-23']);
    expect(last(read('53880700', '3813653-23', words.words.filter((w) => MORE.includes(w.text))))).toEqual(['53880700', '3873653-23']);
  });
});

describe('dates OCR doubted, read again from their glyphs', () => {
  it("reads the date its glyphs show, slashes by the page's dates' slashes, and leaves a number that is no date", async () => {
    const { words, binary, s } = await page([...MORE, '7/31/2024', '7300074']);
    const read = { ...words, words: words.words.map((w, i) => (i === MORE.length ? { ...w, text: '7300074', confidence: 0.4 } : i > MORE.length ? { ...w, confidence: 0.4 } : w)) };
    expect(mendDigitsByPageGlyphs(read, binary, s).words.slice(MORE.length).map((w) => w.text)).toEqual(['7/31/2024', '7300074']);
    // OCR sure of its reading: not read again
    const sure = { ...read, words: read.words.map((w, i) => (i === MORE.length ? { ...w, confidence: 0.9 } : w)) };
    expect(mendDigitsByPageGlyphs(sure, binary, s).words[MORE.length]!.text).toBe('7300074');
  });
});

describe('mendCollapsedRepeats', () => {
  it("reads a digit twice where OCR ran two like glyphs into one ('111' for 1111), by the glyphs' shapes", async () => {
    const printed = ['1111', '11570', '1100', '2335', '4411', '1,000'];
    const { words, binary, s } = await page(printed);
    const asRead = ['111', '1570', '100', '235', '4411', '1,00'];
    const read = { ...words, words: words.words.slice(0, printed.length).map((w, i) => ({ ...w, text: asRead[i]! })) };
    const mended = mendCollapsedRepeats(read, binary, s).words.map((w) => w.text);
    // (4411 has as many glyphs as digits; the amount is not judged)
    expect(mended).toEqual(['1111', '11570', '1100', '2335', '4411', '1,00']);
  });

  it("reads a run of like digits that OCR read short by more than one ('11' for 11111), up to three glyphs more", async () => {
    const printed = ['11111', '1000', '44444', '11111'];
    const { words, binary, s } = await page(printed);
    const asRead = ['11', '10', '444', '1'];
    const read = { ...words, words: words.words.slice(0, printed.length).map((w, i) => ({ ...w, text: asRead[i]! })) };
    // (a lone '1' over five glyphs is four short: left as read)
    expect(mendCollapsedRepeats(read, binary, s).words.map((w) => w.text)).toEqual(['11111', '1000', '44444', '1']);
  });

  it('tries each way of reading the digits that many more times', () => {
    expect(repeatedReadings('12', 1)).toEqual(['112', '122']);
    expect(new Set(repeatedReadings('11', 3))).toEqual(new Set(['11111']));
    expect(repeatedReadings('123', 2)).toEqual(['11123', '11223', '11233', '12223', '12233', '12333']);
  });

  it('leaves a page whose words have as many glyphs as digits as it is, and a word no one digit read twice fits', async () => {
    const { words, binary, s } = await page(['1111', '11570', '98765', '2358']);
    const onPage = { ...words, words: words.words.slice(0, 3) };
    expect(mendCollapsedRepeats(onPage, binary, s)).toBe(onPage);
    // (a digit lost, not one read once for two: no two of its glyphs are one shape)
    const lost = { ...words, words: [{ ...words.words[3]!, text: '258' }] };
    expect(mendCollapsedRepeats(lost, binary, s)).toBe(lost);
  });
});
