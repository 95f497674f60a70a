// Check boxes decided by the ink inside them: on drawn boxes (an empty box, a box with an X, a box beside a column
// rule), on a hand-made grid of OCR words over a drawn bitmap, and on a generated scan read end to end.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateCorpus } from '../../../test/fixtures/generate.js';
import type { Extraction } from '../../domain/certificate.js';
import { extractCertificate } from '../extract.js';
import type { PageWords, Word } from '../layout/words.js';
import { binarize } from './preprocess.js';
import { rgbaToGrey, type GreyBitmap } from './render.js';
import { checkBoxWindows, decideCheckBoxes, markInk, MARK_INK } from './checkboxes.js';
import { terminateOcr } from './index.js';

const S = 300 / 72; // pixels per point

type Box = { x: number; y: number; marked: boolean };

/** A white page (points → pixels at 300 dpi) with 14 × 11 pt boxes at the given places, an X in the marked ones. */
function drawBoxes(boxes: Box[], widthPt = 612, heightPt = 200, rules: number[] = []): GreyBitmap {
  const width = Math.round(widthPt * S);
  const height = Math.round(heightPt * S);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 3;
  for (const b of boxes) {
    ctx.strokeRect(b.x * S, b.y * S, 14 * S, 11 * S);
    if (!b.marked) continue;
    ctx.beginPath();
    ctx.moveTo((b.x + 3) * S, (b.y + 2) * S);
    ctx.lineTo((b.x + 11) * S, (b.y + 9) * S);
    ctx.moveTo((b.x + 11) * S, (b.y + 2) * S);
    ctx.lineTo((b.x + 3) * S, (b.y + 9) * S);
    ctx.stroke();
  }
  for (const x of rules) {
    ctx.beginPath();
    ctx.moveTo(x * S, 0);
    ctx.lineTo(x * S, height);
    ctx.stroke();
  }
  return binarize({ width, height, data: rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height) });
}

function words(places: [string, number, number][]): Word[] {
  return places.flatMap(([text, x, y]) => {
    const out: Word[] = [];
    let cx = x;
    for (const t of text.split(' ')) {
      out.push({ text: t, x: cx, y, width: t.length * 3, height: 6, confidence: 0.9 });
      cx += (t.length + 1) * 3;
    }
    return out;
  });
}

describe('markInk', () => {
  it('tells a marked box from an empty one, the box edges and a column rule left out', () => {
    const bitmap = drawBoxes([{ x: 40, y: 20, marked: false }, { x: 140, y: 20, marked: true }, { x: 240, y: 20, marked: false }], 612, 60, [240]);
    // windows as checkBoxWindows places them: left of a label printed 4 pt right of the box
    const window = (boxX: number) => ({ x0: boxX + 18 - 17, x1: boxX + 18 - 1.2, y0: 20.5, y1: 30.5 });
    expect(markInk(bitmap, S, window(40))).toBeLessThan(MARK_INK);
    expect(markInk(bitmap, S, window(140))).toBeGreaterThan(2 * MARK_INK);
    expect(markInk(bitmap, S, window(240))).toBeLessThan(MARK_INK);
  });
});

describe('decideCheckBoxes', () => {
  // a grid header, then UMBRELLA LIAB over EXCESS LIAB with their boxes left of them, as the 2016/03 form prints them
  const page: PageWords = {
    page: 1,
    width: 612,
    height: 200,
    source: 'ocr',
    words: words([
      ['POLICY NUMBER', 247, 10],
      ['UMBRELLA LIAB', 57, 60],
      ['1X', 44, 73], // what OCR made of the excess box's mark
      ['EXCESS LIAB', 57, 72],
      ['OCCUR', 136, 60],
      ['CLAIMS-MADE', 137, 72],
    ]),
  };
  const bitmap = drawBoxes([
    { x: 39, y: 57.5, marked: false },
    { x: 39, y: 69.5, marked: true },
    { x: 118, y: 57.5, marked: true },
    { x: 118, y: 69.5, marked: false },
  ]);

  it('places a window left of each check-box label under the grid header', () => {
    const labels = checkBoxWindows(page).map((w) => w.label.text).sort();
    expect(labels).toEqual(['CLAIMS-MADE', 'EXCESS LIAB', 'OCCUR', 'UMBRELLA LIAB']);
  });

  it("places the EXCESS LIAB box by its first word when OCR glued the rest onto it ('Excessuas')", () => {
    const glued: PageWords = { ...page, words: page.words.filter((w) => w.text !== 'EXCESS' && !(w.text === 'LIAB' && w.y === 72)).concat(words([['Excessuas', 57, 72]])) };
    expect(checkBoxWindows(glued).map((w) => w.label.text).sort()).toEqual(['CLAIMS-MADE', 'Excessuas', 'OCCUR', 'UMBRELLA LIAB']);
  });

  it("places no POLICY box in the limits column (E.L. DISEASE - POLICY LIMIT), and keeps PER STATUTE's", () => {
    const limits: PageWords = {
      ...page,
      words: [...page.words, ...words([['E.L. DISEASE - POLICY LIMIT', 430, 120], ['PER', 450, 100], ['STATUTE', 450, 106], ['DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES', 20, 180]])],
    };
    const labels = checkBoxWindows(limits).map((w) => w.label.text);
    expect(labels).not.toContain('POLICY');
    expect(labels.some((l) => l.startsWith('PER'))).toBe(true);
  });

  it("marks the boxes with ink with an 'X' left of their label and drops OCR's reading of the marks", () => {
    const decided = decideCheckBoxes(page, bitmap, S);
    expect(decided.words.some((w) => w.text === '1X')).toBe(false);
    const marks = decided.words.filter((w) => w.text === 'X');
    const beside = (label: string) => {
      const l = decided.words.find((w) => w.text === label.split(' ')[0] && page.words.includes(w))!;
      return marks.some((m) => Math.abs(m.y - l.y) < 1 && m.x + m.width < l.x && m.x > l.x - 17);
    };
    expect(marks).toHaveLength(2);
    expect(beside('EXCESS LIAB')).toBe(true);
    expect(beside('OCCUR')).toBe(true);
    expect(beside('UMBRELLA LIAB')).toBe(false);
    expect(beside('CLAIMS-MADE')).toBe(false);
  });

  /** The insurer letter B kept, the label starting right of `labelX`, and the box's mark X read left of it, right of `markX`. */
  function expectLetterAndMark(decided: PageWords, labelText: string, labelX: number, markX: number): void {
    expect(decided.words.some((w) => w.text === 'B')).toBe(true);
    const label = decided.words.find((w) => w.text === labelText)!;
    expect(label.x).toBeGreaterThan(labelX);
    expect(decided.words.some((w) => w.text === 'X' && Math.abs(w.y + w.height / 2 - 75) < 3 && w.x + w.width < label.x && w.x > markX)).toBe(true);
  }

  it("places the box by the label's letters when OCR boxed its first word from the mark on, and the insurer letter beside it stays", () => {
    // 'EXCESS' boxed from x 41, the box's mark, its letters unchanged; the insurer letter B in its column left of the box
    const glued: PageWords = {
      ...page,
      words: [
        ...page.words.filter((w) => w.text !== '1X').map((w) => (w.text === 'EXCESS' ? { ...w, x: 41, width: 34, height: 9 } : w)),
        ...words([['INSR', 14, 8], ['TYPE OF INSURANCE', 70, 10], ['B', 18.5, 72]]),
      ],
    };
    // (found twice, as EXCESS LIAB and by its first word: one window)
    expect(checkBoxWindows(glued).filter((w) => w.label.text.startsWith('EXCESS'))).toHaveLength(1);
    const excess = checkBoxWindows(glued).find((w) => w.label.text.startsWith('EXCESS'))!;
    expect(excess.x0).toBeGreaterThanOrEqual(26);
    expect(excess.x1).toBeGreaterThan(53);
    // the insurer letter stays, the mark is left of the label, whose word now starts at its letters
    expectLetterAndMark(decideCheckBoxes(glued, bitmap, S), 'EXCESS', 54, 39);
  });

  it("places the box by the other labels' letter width when OCR boxed the label's first word from the mark on and garbled the rest ('Excess ua')", () => {
    // 'Excess' boxed from x 41, the box's mark; its LIAB read 'ua', too short to tell a letter's width; no INSR label read
    const garbled: PageWords = {
      ...page,
      words: [
        ...page.words.filter((w) => w.text !== '1X' && !(w.y === 72 && (w.text === 'EXCESS' || w.text === 'LIAB'))),
        { text: 'Excess', x: 41, y: 72, width: 34, height: 9, confidence: 0 },
        { text: 'ua', x: 77, y: 72, width: 13, height: 6, confidence: 0 },
        ...words([['B', 18.5, 72]]),
      ],
    };
    const excess = checkBoxWindows(garbled).find((w) => w.label.text.startsWith('Excess'))!;
    expect(excess.x0).toBeGreaterThanOrEqual(36);
    expect(excess.x1).toBeGreaterThan(53);
    expectLetterAndMark(decideCheckBoxes(garbled, bitmap, S), 'Excess', 54, 39);
  });

  it("places the box left of the label's first word when OCR boxed that word on over the next ('UMBRELLA' to the end of 'LIAB')", () => {
    // 'UMBRELLA' at its letters (x 57) but boxed 45 pt wide, over 'LIAB' (x 84): stretched to the right, no mark in it
    const stretched: PageWords = { ...page, words: page.words.map((w) => (w.text === 'UMBRELLA' ? { ...w, width: 45 } : w)) };
    const umbrella = checkBoxWindows(stretched).find((w) => w.label.text === 'UMBRELLA LIAB')!;
    expect(umbrella.labelX).toBeUndefined();
    expect(umbrella.x1).toBeLessThan(57);
    // the umbrella box is read as the page shows it: empty, the excess one marked
    const marks = decideCheckBoxes(stretched, bitmap, S).words.filter((w) => w.text === 'X' && w.x < 57);
    expect(marks.map((w) => Math.round(w.y))).toEqual([72]);
  });

  it("places the box right of the insurer letter column when OCR boxed the label from the box on and ran its words together ('EXCESSLIAB')", () => {
    // 'EXCESSLIAB' one word from x 39, the box's edge: no word after it tells its letters' width
    const runTogether: PageWords = {
      ...page,
      words: [
        ...page.words.filter((w) => w.text !== '1X' && w.text !== 'EXCESS' && w.text !== 'LIAB'),
        { text: 'EXCESSLIAB', x: 39, y: 72, width: 54, height: 8.6, confidence: 0.26 },
        // (INSR over the letter column, which ends a couple of points before the boxes)
        ...words([['INSR', 24, 8], ['TYPE OF INSURANCE', 70, 10], ['B', 28, 72]]),
      ],
    };
    const excess = checkBoxWindows(runTogether).find((w) => w.label.text.startsWith('EXCESS'))!;
    // (over the box drawn from x 39, 14 points wide, its mark in the middle)
    expect(excess.x0).toBeGreaterThanOrEqual(36);
    expect(excess.x0).toBeLessThan(39);
    expect(excess.x1).toBeGreaterThan(51);
    // the insurer letter stays, and the box's mark is read, left of the label's letters
    expectLetterAndMark(decideCheckBoxes(runTogether, bitmap, S), 'EXCESSLIAB', 50, 36);
  });

  it("keeps the windows left of the labels when OCR read ADDL's INSD as INSR right of TYPE OF INSURANCE", () => {
    const misread: PageWords = { ...page, words: [...page.words, ...words([['TYPE OF INSURANCE', 70, 10], ['INSR', 185, 10]])] };
    // (each window ends just left of its label, not right of the ADDL column at 186 pt)
    const windows = checkBoxWindows(misread);
    expect(windows.map((w) => w.label.text).sort()).toEqual(['CLAIMS-MADE', 'EXCESS LIAB', 'OCCUR', 'UMBRELLA LIAB']);
    for (const w of windows) expect(w.x1).toBeLessThanOrEqual(w.label.x);
  });

  it("places the box by the label, not by a mark read as a word before it that the label was matched from ('X UMBRELLA LIAB')", () => {
    const marked: PageWords = { ...page, words: [...page.words.filter((w) => w.text !== '1X'), ...words([['X', 50, 60]])] };
    const umbrella = checkBoxWindows(marked).find((w) => w.label.text.includes('UMBRELLA'))!;
    expect(umbrella.x1).toBeGreaterThan(54);
    const decided = decideCheckBoxes(marked, bitmap, S);
    // OCR's reading of the mark goes; the umbrella box is empty, the excess box marked
    expect(decided.words.some((w) => w.text === 'X' && w.x < 57 && Math.abs(w.y - 60) < 3)).toBe(false);
    expect(decided.words.some((w) => w.text === 'X' && w.x > 39 && w.x < 57 && Math.abs(w.y + w.height / 2 - 75) < 3)).toBe(true);
  });

  it('puts the mark inside the box when OCR gave the label the height of the box edge it took in', () => {
    // 'EXCESS' read 13 points high, its top at the box's top edge
    const tall: PageWords = { ...page, words: page.words.map((w) => (w.text === 'EXCESS' ? { ...w, y: 68.5, height: 13 } : w)) };
    const mark = decideCheckBoxes(tall, bitmap, S).words.find((w) => w.text === 'X' && w.x < 57 && w.y > 66)!;
    // the box spans x 39..53, y 69.5..80.5
    expect(mark.x).toBeGreaterThan(39);
    expect(mark.x + mark.width).toBeLessThan(53);
    expect(mark.y).toBeGreaterThan(69.5);
    expect(mark.y + mark.height).toBeLessThan(80.5);
  });

  it("finds the UMBRELLA LIAB box above EXCESS LIAB when OCR garbled its label ('umsreatas'), and gives its mark to it", () => {
    const umbrellaMarked = drawBoxes([
      { x: 39, y: 57.5, marked: true },
      { x: 39, y: 69.5, marked: false },
    ]);
    const garbled: PageWords = {
      ...page,
      words: page.words.filter((w) => w.text !== 'UMBRELLA' && w.text !== 'LIAB' && w.text !== '1X').concat(words([['X umsreatas', 44, 60], ['EXCESS LIAB', 57, 72]])),
    };
    const decided = decideCheckBoxes(garbled, umbrellaMarked, S);
    expect(decided.words.some((w) => w.text === 'umsreatas')).toBe(false);
    const umbrella = decided.words.find((w) => w.text === 'UMBRELLA')!;
    const excess = decided.words.find((w) => w.text === 'EXCESS')!;
    const marks = decided.words.filter((w) => w.text === 'X' && w.x < 57);
    expect(marks).toHaveLength(1);
    expect(Math.abs(marks[0]!.y - umbrella.y)).toBeLessThan(2);
    expect(Math.abs(marks[0]!.y - excess.y)).toBeGreaterThan(6);
  });

  it("finds the garbled UMBRELLA LIAB line above, not a line OCR opened on EXCESS LIAB's own with a mark boxed twice a label high ('xX')", () => {
    const umbrellaMarked = drawBoxes([
      { x: 39, y: 57.5, marked: true },
      { x: 39, y: 69.5, marked: true },
    ]);
    // 'xX' (the excess box's mark) boxed from five points above the EXCESS label, 15 points high
    const garbled: PageWords = {
      ...page,
      words: page.words
        .filter((w) => w.text !== 'UMBRELLA' && w.text !== 'LIAB' && w.text !== '1X')
        .concat(words([['umsrewtatine', 57, 60], ['EXCESS UAB', 57, 72]]), [{ text: 'xX', x: 40, y: 67, width: 12, height: 15, confidence: 0.58 }]),
    };
    const decided = decideCheckBoxes(garbled, umbrellaMarked, S);
    const umbrella = decided.words.find((w) => w.text === 'UMBRELLA')!;
    const excess = decided.words.find((w) => w.text === 'EXCESS')!;
    expect(Math.abs(umbrella.y - 60)).toBeLessThan(2);
    expect(decided.words.some((w) => w.text === 'umsrewtatine')).toBe(false);
    expect(excess.y).toBe(72);
  });

  it('leaves a page without the grid header alone', () => {
    const bare = { ...page, words: page.words.filter((w) => w.text !== 'POLICY' && w.text !== 'NUMBER') };
    expect(decideCheckBoxes(bare, bitmap, S)).toBe(bare);
  });
});

const corpus = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));

describe.skipIf(!existsSync(corpus))('check boxes of a generated scan', () => {
  let dir: string | undefined;
  afterAll(async () => {
    await terminateOcr();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads the coverage and basis the boxes give (excess or umbrella, occurrence or claims-made)', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coi-checkboxes-'));
    const [file] = await generateCorpus({ out: dir, count: 1, seed: DEFAULT_SEED, variants: ['scanned'] });
    const expected = JSON.parse(await fs.readFile(file!.expected, 'utf8')) as Extraction;
    const actual = await extractCertificate(await fs.readFile(file!.pdf), path.basename(file!.pdf));
    const boxed = (x: Extraction) =>
      x.policies
        .filter((p) => p.coverage !== 'other')
        .map((p) => ({ coverage: p.coverage, basis: p.basis }))
        .sort((a, b) => a.coverage.localeCompare(b.coverage));
    expect(boxed(actual)).toEqual(boxed(expected));
  }, 120_000);
});
