// The second OCR pass's geometry, on hand-made pages of positioned words and small bitmaps: where the value strips
// of an ACORD 25 are placed from its printed labels, how they move onto the printed rules, and how the '$' column of
// the limit cells is blanked before the amounts are read with a digits-only whitelist.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import { findLabel, groupLines } from '../text/lines.js';
import { PSM } from 'tesseract.js';
import { toPageWords, type PixelWord, type RecognizeOptions } from '../ocr/ocr.js';
import type { GreyBitmap } from '../ocr/render.js';
import { certificateDateLabel } from './layout.js';
import { acord25ValueRegions, blankDollars, blankLeadingColumn, clearMarks, coveredShare, dateHeaders, flagColumns, inkLines, keepNearestLine, keepRunNear, lostThinLetter, policyNumberLabel, rereadDoubtedNames, rereadGridHeader, rereadInsuredLabel, rereadValueCells, snapToRules, type ValueRegion } from './ocr-cells.js';

type Place = [text: string, x: number, y: number, size?: number];

function words(places: Place[]): Word[] {
  return places.flatMap(([text, x, y, size = 6]) => {
    const out: Word[] = [];
    let cx = x;
    for (const t of text.split(' ')) {
      out.push({ text: t, x: cx, y, width: t.length * size * 0.5, height: size, confidence: 0.9 });
      cx += (t.length + 1) * size * 0.5;
    }
    return out;
  });
}

/** The box of a crop's ink in its pixels, inclusive (x1 is -1 when it has none): what the fake recognizers read. */
function inkBox(crop: GreyBitmap): [x0: number, y0: number, x1: number, y1: number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < crop.height; y++) for (let x = 0; x < crop.width; x++) if (crop.data[y * crop.width + x]! < 128) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return [x0, y0, x1, y1];
}

/** The labels the regions are placed by, where a 2016/03 certificate prints them. */
const HEADER: Place[] = [
  ['DATE (MM/DD/YYYY)', 521, 26],
  ['INSURER(S) AFFORDING COVERAGE', 369, 160],
  ['NAIC #', 557, 160],
  ['INSURER A :', 310, 173],
  ['INSURER B :', 310, 185],
  ['INSURER C :', 310, 197],
  ['INSR', 20, 287],
  ['ADDL', 177, 287],
  ['SUBR', 195, 287],
  ['POLICY EFF', 337, 287],
  ['POLICY EXP', 384, 287],
  ['LTR', 21, 292],
  ['INSD', 178, 292],
  ['WVD', 196, 292],
  ['POLICY NUMBER', 247, 292],
  ['(MM/DD/YYYY)', 334, 292],
  ['(MM/DD/YYYY)', 381, 292],
  ['LIMITS', 500, 292],
  ['EACH OCCURRENCE', 428, 301],
  ['GENERAL AGGREGATE', 428, 349],
  ['E.L. EACH ACCIDENT', 428, 493],
  ['$', 519, 301],
  ['$', 519, 349],
  ['$', 519, 493],
  ['DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES', 22, 566],
];

const page = (places: Place[]): PageWords => ({ page: 1, width: 612, height: 792, source: 'ocr', words: words(places) });

/** The date headers dateHeaders finds on a page of these places, by its POLICY NUMBER. */
function headersOf(places: Place[]) {
  const lines = groupLines(words(places));
  const number = lines.flatMap((l) => l.segments).find((s) => s.text === 'POLICY NUMBER')!;
  return dateHeaders(lines, { ...number, score: 1, line: lines[0]!, rest: null });
}
const byName = (regions: ValueRegion[]) => Object.fromEntries(regions.map((r) => [r.name, r]));

describe('ACORD 25 value regions', () => {
  it('places each value column between its header labels and the description box', () => {
    const r = byName(acord25ValueRegions(page(HEADER)));
    for (const name of ['amount', 'eff', 'exp', 'addl', 'subr', 'number', 'ltr', 'insurers', 'naic', 'date']) expect(r[name], name).toBeDefined();
    // rows: under the header's second line, above DESCRIPTION OF OPERATIONS
    expect(r.eff!.y0).toBeGreaterThan(298);
    expect(r.eff!.y1).toBeLessThan(566);
    // the columns are in the form's order and hold the header labels' middles
    expect(r.ltr!.x1).toBeLessThanOrEqual(r.addl!.x0);
    expect(r.addl!.x0).toBeLessThan(180);
    expect(r.addl!.x1).toBeLessThanOrEqual(r.subr!.x0);
    expect(r.subr!.x1).toBeLessThanOrEqual(r.number!.x0);
    expect(r.number!.x0).toBeLessThan(247);
    expect(r.number!.x1).toBeLessThanOrEqual(r.eff!.x0);
    expect(r.eff!.x0).toBeLessThan(337);
    expect(r.eff!.x1).toBeLessThanOrEqual(r.exp!.x0);
    expect(r.exp!.x1).toBeLessThan(428);
    // the amounts start right of the '$' printed on each limit line, and are read as digits and commas only
    expect(r.amount!.x0).toBeGreaterThan(519 + 3);
    expect(r.amount!.dollarRight).toBeCloseTo(522, 1);
    // also where POLICY NUMBER's box is half as high again as the limit labels' type (a photo)
    const tall = byName(acord25ValueRegions(page(HEADER.map(([t, x, y, size]): Place => (t === 'POLICY NUMBER' ? [t, x, y - 3, 9] : [t, x, y, size])))));
    expect(tall.amount!.dollarRight).toBeCloseTo(522, 1);
    // and where each amount is typed with a '$' of its own right of the form's ('$1,000,000', each char 3 pt wide, a
    // comma half as wide in its measure), and a line with no amount has the form's alone: the strip begins after the
    // typed '$', not between the two (a half '$' is a 5)
    const formDollars = HEADER.map(([t, x, y, size]): Place => (t === '$' ? [t, 510, y, size] : [t, x, y, size]));
    const typed = byName(acord25ValueRegions(page([...formDollars, ['$', 510, 325], ['$1,000,000', 517, 301], ['$2,000,000', 517, 349], ['$1,000,000', 517, 493]])));
    expect(typed.amount!.dollarRight).toBeCloseTo(517 + 30 / 9, 1);
    expect(typed.amount!.x0).toBeGreaterThan(520);
    expect(typed.amount!.x0).toBeLessThan(523);
    expect(typed.amount!.dollarTyped).toBe(true);
    // the form's '$' and the typed one read as one word ('$$250,000'): the strip begins after the second
    const both = byName(acord25ValueRegions(page([...HEADER.filter(([t]) => t !== '$'), ['$$250,000', 510, 301], ['$$500,000', 510, 349], ['$$1,000,000', 510, 493]])));
    expect(both.amount!.dollarRight).toBeCloseTo(510 + (2 * 27) / 8.5, 0);
    expect(r.amount!.dollarTyped).toBe(false);
    expect(r.amount!.whitelist).toBe('0123456789,');
    expect(r.eff!.whitelist).toBe('0123456789/');
    expect(r.ltr!.whitelist).toBe('ABCDEF');
    // insurer names right of the INSURER labels, NAIC codes under NAIC #
    expect(r.insurers!.x0).toBeGreaterThan(330);
    expect(r.insurers!.x1).toBeLessThanOrEqual(r.naic!.x0);
    expect(r.naic!.x0).toBeLessThan(557);
    expect(r.date!.y0).toBeGreaterThan(30);
  });

  it("reads the producer's, the insured's and the holder's boxes again under their labels, to the boxes beside and below", () => {
    // (OCR boxes the box labels' capitals only: 4.5 points high for 6-point type)
    const parties: Place[] = [
      ['PRODUCER', 22, 122.5, 4.5],
      ['CONTACT', 310, 119],
      ['INSURED', 22, 182.5, 4.5],
      ['COVERAGES', 22, 241, 8],
      ['CERTIFICATE HOLDER', 22, 650, 8],
      ['CANCELLATION', 310, 650, 8],
      ['ACORD 25 (2016/03)', 22, 756, 8],
    ];
    const r = byName(acord25ValueRegions(page([...HEADER, ...parties])));
    expect([r.producer!.y0, r.producer!.y1]).toEqual([expect.closeTo(127.9, 1), expect.closeTo(181.15, 1)]);
    expect(r.producer!.x1).toBeLessThan(310);
    expect([r.insured!.y0, r.insured!.y1]).toEqual([expect.closeTo(187.9, 1), expect.closeTo(239.65, 1)]);
    // (to the INSURER rows' left edge)
    expect(r.insured!.x1).toBeLessThan(310);
    // the holder's box: from under its label to the footer, left of CANCELLATION; its label is not read again
    expect(r.holder!.y0).toBeGreaterThan(658);
    expect(r.holder!.y1).toBeLessThan(756);
    expect(r.holder!.y1).toBeGreaterThan(740);
    expect(r.holder!.x1).toBeLessThan(310);
    expect(r.holder!.x0).toBeLessThan(22);
    // without INSURED below it, the producer's box has no known bottom and is left to the first pass
    expect(byName(acord25ValueRegions(page([...HEADER, ...parties.filter(([t]) => t !== 'INSURED')]))).producer).toBeUndefined();
    // with INSURED garbled ('msureo'), both boxes are still read again, as the layout reader takes it for INSURED
    const garbled = byName(acord25ValueRegions(page([...HEADER, ...parties.map(([t, ...rest]): Place => [t === 'INSURED' ? 'msureo' : t, ...rest])])));
    expect([garbled.insured!.y0, garbled.producer!.y1]).toEqual([expect.closeTo(187.9, 1), expect.closeTo(181.15, 1)]);
    // the disclaimer's 'PRODUCER,' above, set by OCR on a line of its own, is not the box's label
    const disclaimer = byName(acord25ValueRegions(page([...HEADER, ['PRODUCER,', 114, 75, 14], ...parties])));
    expect(disclaimer.producer!.y0).toBeCloseTo(127.9, 1);
  });

  it('gives no regions when the grid header is missing', () => {
    expect(acord25ValueRegions(page(HEADER.filter(([t]) => !t.startsWith('POLICY'))))).toEqual([]);
  });

  it("starts the insurers' strip at the INSURER labels' common right edge, not where OCR's box for one ends", () => {
    const plain = byName(acord25ValueRegions(page(HEADER))).insurers!;
    // OCR's box for INSURER B's last word reached past it, a speck taken in
    const wide = byName(acord25ValueRegions(page(HEADER.map(([t, x, y, s]): Place => (t === 'INSURER B :' ? ['INSURER B:~~~~~~', x, y, s] : [t, x, y, s]))))).insurers!;
    expect(wide.x0).toBeCloseTo(plain.x0, 5);
  });

  it("takes the '(MM/DD/YYYY)' under each date header when OCR garbled POLICY EFF / EXP", () => {
    const garbled = HEADER.filter(([t]) => t !== 'POLICY EFF' && t !== 'POLICY EXP').map(([t, x, y, s]): Place => [t === '(MM/DD/YYYY)' ? '(MM/DDIYYYY}' : t, x, y, s]);
    const { eff, exp } = headersOf(garbled);
    expect(eff?.x).toBe(334);
    expect(exp?.x).toBe(381);
    expect(byName(acord25ValueRegions(page(garbled))).eff).toBeDefined();
  });

  it("ends the effective date header where the expiration one begins when OCR boxed its '(MM/DD/YYYY)' on over it", () => {
    // POLICY EFF garbled ('POUCYEFF'), its format line read and boxed 80 pt wide, over the POLICY EXP column
    const places = HEADER.filter(([t]) => t !== 'POLICY EFF').concat([['POUCYEFF', 334, 287]]);
    const stretched = page(places).words.map((w) => (w.text === '(MM/DD/YYYY)' && w.x < 340 ? { ...w, width: 80 } : w));
    const lines = groupLines(stretched);
    const number = lines.flatMap((l) => l.segments).find((seg) => seg.text === 'POLICY NUMBER')!;
    const { eff, exp } = dateHeaders(lines, { ...number, score: 1, line: lines[0]!, rest: null });
    expect(eff?.x).toBe(334);
    expect(exp?.x).toBe(384);
    expect(eff!.right).toBeLessThan(exp!.x);
    expect(byName(acord25ValueRegions({ ...page(places), words: stretched })).eff).toBeDefined();
  });

  it("finds POLICY EFF after what OCR made of the rules' joints above it ('TT POLICYEFF')", () => {
    const garbled = HEADER.filter(([t]) => t !== 'POLICY EFF' && t !== 'POLICY EXP').concat([
      ['TT POLICYEFF', 326, 287],
      ['Povey Exp', 384, 287],
    ]);
    const { eff, exp } = headersOf(garbled);
    expect(eff?.text).toBe('POLICYEFF');
    expect(exp?.x).toBeGreaterThan(eff!.right);
  });

  it("takes POLICY EFF read as 'POLICY' alone, with its format line garbled, left of POLICY EXP", () => {
    const garbled = HEADER.filter(([t]) => t !== 'POLICY EFF' && t !== '(MM/DD/YYYY)').concat([
      ['POLICY', 336, 287],
      ['al {MMDDIYYYY)', 369, 292],
    ]);
    const { eff, exp } = headersOf(garbled);
    expect(eff?.x).toBe(336);
    expect(exp?.x).toBe(384);
    // as wide as POLICY EXP, so that a date typed under it is not cut
    expect(eff!.right - eff!.x).toBeCloseTo(exp!.right - exp!.x, 5);
    expect(byName(acord25ValueRegions(page(garbled))).eff).toBeDefined();
  });

  it("takes POLICY EFF read as 'EFF' alone, its POLICY and format line lost, left of POLICY EXP", () => {
    const garbled = HEADER.filter(([t]) => t !== 'POLICY EFF' && t !== '(MM/DD/YYYY)').concat([['EFF', 357, 287]]);
    const { eff, exp } = headersOf(garbled);
    expect(exp?.x).toBe(384);
    // ending where EFF ends, as wide as POLICY EXP
    expect(eff!.right).toBeCloseTo(357 + 1.5 * 6, 5);
    expect(eff!.right - eff!.x).toBeCloseTo(exp!.right - exp!.x, 5);
    expect(byName(acord25ValueRegions(page(garbled))).eff).toBeDefined();
  });

  it('keeps each date strip to the dates the first pass read in it, clear of the rules beside it', () => {
    const typed: Place[] = [
      ['4/3/24', 343, 338],
      ['4/3/25', 390, 338],
      ['11/7/24', 343, 410],
      ['11/7/25', 390, 410],
    ];
    const r = byName(acord25ValueRegions(page([...HEADER, ...typed])));
    const h = 6;
    // '11/7/25' ends at 390 + 7 × 3, short of the limits column
    expect(r.exp!.x1).toBeCloseTo(411 + 1.5 * h, 5);
    expect(r.exp!.x0).toBeCloseTo(390 - 1.5 * h, 5);
    expect(r.eff!.x1).toBeLessThanOrEqual(r.exp!.x0);
    expect(r.eff!.x0).toBeLessThanOrEqual(343 - 1.5 * h);
    // a date filling its column, to within a few points of the limit labels (428), is not cut short of them
    const full = byName(acord25ValueRegions(page([...HEADER, ['08/16/2025', 386, 338], ['08/16/2025', 386, 410]])));
    expect(full.exp!.x1).toBeCloseTo(386 + 10 * 3 + 1.5 * h, 5);
    expect(full.exp!.x1).toBeLessThan(428);
  });

  it('splits the date columns between the dates the first pass read, not through them, when OCR boxed POLICY EFF short', () => {
    const short = HEADER.filter(([t]) => t !== 'POLICY EFF' && t !== '(MM/DD/YYYY)').concat([['POLICY EF', 337, 287, 5]]);
    const dates: Place[] = [
      ['06/21/2026', 336, 338, 8],
      ['06/21/2027', 381, 338, 8],
      ['06/21/2026', 337, 410, 8],
      ['06/21/2027', 381, 410, 8],
    ];
    const r = byName(acord25ValueRegions(page([...short, ...dates])));
    // the effective dates end at 337 + 40 = 377, the expiration dates begin at 381
    expect(r.eff!.x1).toBeGreaterThan(377);
    expect(r.exp!.x0).toBeLessThan(381);
    expect(r.eff!.x1).toBeLessThanOrEqual(r.exp!.x0);
  });

  it('finds POLICY EXP inside the segment OCR ran both date headers into, and ends POLICY EFF before it', () => {
    const garbled = HEADER.filter(([t]) => t !== 'POLICY EFF' && t !== 'POLICY EXP').concat([['POLICY EFF POLICY EXP I', 337, 287]]);
    const { eff, exp } = headersOf(garbled);
    expect(eff?.x).toBe(337);
    expect(exp?.x).toBe(337 + 'POLICY EFF '.length * 3);
    expect(eff!.right).toBeLessThan(exp!.x);
  });

  it("takes 'POLICY' with EFF a line lower for POLICY EFF, and the expiration column from the dates typed when POLICY EXP is lost", () => {
    const garbled = HEADER.filter(([t]) => t !== 'POLICY EFF' && t !== 'POLICY EXP' && t !== '(MM/DD/YYYY)').concat([
      ['POLICY', 335, 286],
      ['EFF~~~~~~~~', 360, 288],
      ['10/26/2023', 334, 338],
      ['10/26/2024', 381, 338],
      ['12/18/2023', 334, 500],
      ['12/18/2024', 381, 500],
    ]);
    const { eff, exp } = headersOf(garbled);
    expect(eff?.x).toBe(335);
    // the expiration column where its dates are typed, the effective one ending before it
    expect(exp?.x).toBe(381);
    expect(eff!.right).toBeLessThan(381);
    const r = byName(acord25ValueRegions(page(garbled)));
    expect(r.eff!.x1).toBeGreaterThan(334 + 30);
    expect(r.exp!.x0).toBeLessThan(381);
  });

  it('places POLICY EXP garbled beyond reading between POLICY EFF and the limit labels, EACH OCCURRENCE garbled too', () => {
    const garbled = HEADER.filter(([t, x]) => t !== 'POLICY EXP' && !(t === '(MM/DD/YYYY)' && x === 381) && t !== 'EACH OCCURRENCE' && t !== 'LIMITS');
    const { eff, exp } = headersOf(garbled);
    expect(eff?.x).toBe(337);
    // the expiration dates are typed from x 382 on, the limit labels from 428
    expect(exp!.x).toBeLessThan(382);
    expect(exp!.x).toBeGreaterThan(eff!.right);
    expect(exp!.right).toBeLessThan(428);
  });

  it('takes the date columns from the dates typed in them when both date headers are garbled', () => {
    const garbled = HEADER.filter(([t]) => !t.startsWith('POLICY E') && t !== '(MM/DD/YYYY)').concat([
      ['28535 paoonyen', 330, 287],
      ['12/19/2023', 334, 338],
      ['12/19/2024', 382, 338],
      ['12/19/2023', 335, 410],
      ['12/19/2024', 382, 410],
    ]);
    const { eff, exp } = headersOf(garbled);
    expect(eff?.x).toBe(334);
    expect(exp?.x).toBe(382);
    const r = byName(acord25ValueRegions(page(garbled)));
    expect(r.eff!.x1).toBeLessThanOrEqual(r.exp!.x0);
    expect(r.eff!.x0).toBeLessThan(334);
    expect(r.exp!.x1).toBeGreaterThan(382 + 25);
  });

  it("takes a row's two dates that OCR ran into one word as both date columns", () => {
    const garbled = HEADER.filter(([t]) => !t.startsWith('POLICY E') && t !== '(MM/DD/YYYY)').concat([
      ['12/19/202312/19/2024', 334, 338],
      ['12/19/2023', 335, 410],
      ['12/19/2024', 382, 410],
    ]);
    const { eff, exp } = headersOf(garbled);
    // the glued word's first date starts the effective column, its second the expiration column
    expect(eff?.x).toBe(334);
    expect(exp!.x).toBeGreaterThan(334 + 25);
    expect(byName(acord25ValueRegions(page(garbled))).exp).toBeDefined();
  });

  it("finds POLICY NUMBER garbled in its second word ('POLICY NUUMRFR') on the header line, and not elsewhere", () => {
    const garbled = HEADER.map(([t, x, y, s]): Place => [t === 'POLICY NUMBER' ? 'POLICY NUUMRFR' : t, x, y, s]).concat([['TYPE OF INSURANCE', 73, 292]]);
    const found = policyNumberLabel(groupLines(words(garbled)));
    expect(found?.text).toBe('POLICY NUUMRFR');
    expect(found?.x).toBe(247);
    expect(byName(acord25ValueRegions(page(garbled))).number).toBeDefined();
    // the same words away from the grid header (no TYPE OF INSURANCE, LIMITS, POLICY EFF or POLICY EXP beside them)
    // are no header; beside POLICY EFF and POLICY EXP alone they are (a photo's TYPE OF INSURANCE split over two lines,
    // its LIMITS read 'ums')
    const elsewhere = garbled.filter(([t]) => t !== 'TYPE OF INSURANCE' && t !== 'LIMITS');
    expect(policyNumberLabel(groupLines(words(elsewhere)))?.text).toBe('POLICY NUUMRFR');
    expect(policyNumberLabel(groupLines(words(elsewhere.filter(([t]) => !t.startsWith('POLICY E')))))).toBeUndefined();
    // nor is POLICY EFF / EXP taken for it
    expect(policyNumberLabel(groupLines(words([['POLICY EXP', 384, 292], ['LIMITS', 500, 292]])))).toBeUndefined();
  });

  it("finds POLICY NUMBER whose two words OCR set on two lines (NUMBER boxed with the rule above it, 15 points high)", () => {
    const split = [
      ...words(HEADER.filter(([t]) => t !== 'POLICY NUMBER').concat([['TYPE OF INSURANCE', 73, 292], ['poLICY', 244, 292]])),
      { text: 'NUMBER', x: 268, y: 284, width: 22, height: 15, confidence: 0.6 },
    ];
    const lines = groupLines(split);
    expect(lines.some((l) => l.words.some((w) => w.text === 'poLICY') && l.words.some((w) => w.text === 'NUMBER'))).toBe(false);
    const found = policyNumberLabel(lines);
    expect(found?.text).toBe('poLICY NUMBER');
    expect(found?.x).toBe(244);
    // NUMBER far right of POLICY, or a line and a half away, is no part of it
    const far = split.map((w) => (w.text === 'NUMBER' ? { ...w, x: 300 } : w));
    expect(policyNumberLabel(groupLines(far))).toBeUndefined();
    // on a photo whose TYPE OF INSURANCE OCR split over the two lines and whose LIMITS it read 'ums', POLICY EFF and
    // POLICY EXP place the header
    const photo = split.flatMap((w) =>
      w.text === 'INSURANCE' ? [{ ...w, y: w.y - 12 }] : w.text === 'LIMITS' ? [{ ...w, text: 'ums' }] : [w],
    );
    expect(findLabel(groupLines(photo), ['TYPE OF INSURANCE', 'LIMITS'], { exact: true }).map((h) => h.text)).toEqual([]);
    expect(policyNumberLabel(groupLines(photo))?.text).toBe('poLICY NUMBER');
  });

  it("starts the insurers' strip under the box's header when OCR misread INSURER A's letter ('INSURER F')", () => {
    const garbled = HEADER.map(([t, x, y, s]): Place => [t === 'INSURER A :' ? 'INSURER F' : t, x, y, s]);
    const r = byName(acord25ValueRegions(page(garbled)));
    expect(r.insurers!.y0).toBeLessThan(173);
    expect(r.insurers!.y0).toBeGreaterThan(160);
  });

  it("places the insurers' strip by INSURER labels OCR garbled ('wsuRer A:', 'wsurerc:'), counted from the box's header", () => {
    const plain = byName(acord25ValueRegions(page(HEADER)));
    const garble: Record<string, string> = { 'INSURER A :': 'wsuRer A:', 'INSURER B :': 'wsurer 8:', 'INSURER C :': 'wsurerc:' };
    const r = byName(acord25ValueRegions(page(HEADER.map(([t, x, y, s]): Place => [garble[t] ?? t, x, y, s]))));
    expect(r.insurers).toBeDefined();
    expect(r.insurers!.y0).toBeCloseTo(plain.insurers!.y0, 5);
    expect(r.insurers!.y1).toBeCloseTo(plain.insurers!.y1, 5);
    expect(r.naic).toBeDefined();
  });

  it("does not take ADDL's INSD misread as INSR for the insurer letter column's label", () => {
    const garbled = HEADER.filter(([t, x]) => !(t === 'INSR' && x === 20) && t !== 'LTR')
      .map(([t, x, y, s]): Place => [t === 'INSD' ? 'INSR' : t, x, y, s])
      .concat([['COVERAGES', 20, 243]]);
    const r = byName(acord25ValueRegions(page(garbled)));
    // the column at the form's left edge, where COVERAGES is printed, not over the ADDL column
    expect(r.ltr!.x1).toBeLessThan(60);
  });

  it("keeps the insurer letter strip within its column when OCR's box for INSR ran into a mark beside it", () => {
    const normal = byName(acord25ValueRegions(page(HEADER))).ltr!;
    // 'INSR' boxed twice as wide as it is printed (here as the word 'INSR____'), reaching towards the check boxes
    const wide = byName(acord25ValueRegions(page(HEADER.map(([t, x, y, s]): Place => [t === 'INSR' && x === 20 ? 'INSR____' : t, x, y, s])))).ltr!;
    expect(wide.x0).toBeCloseTo(normal.x0, 5);
    expect(wide.x1).toBeLessThan(normal.x1 + 3);
    expect(wide.x1).toBeGreaterThan(normal.x1 - 3);
  });

  it('places the ADDL and SUBR columns by the flags typed in them when both labels are garbled', () => {
    const garbled = HEADER.filter(([t]) => !['ADDL', 'SUBR', 'INSD', 'WVD'].includes(t)).concat([
      ['{ADOLSUBR', 174, 285],
      ['X COMMERCIAL GENERAL LIABILITY', 36, 301],
      ['Y', 182, 338],
      ['Y', 200, 338],
      ['N', 182, 410],
      ['Y', 200, 410],
    ]);
    const lines = groupLines(words(garbled));
    const number = lines.flatMap((l) => l.segments).find((s) => s.text === 'POLICY NUMBER')!;
    const { addlCx, subrCx } = flagColumns(lines, { ...number, score: 1, line: lines[0]!, rest: null });
    expect(addlCx).toBeCloseTo(183.5, 0);
    expect(subrCx).toBeCloseTo(201.5, 0);
    const r = byName(acord25ValueRegions(page(garbled)));
    expect(r.addl!.x0).toBeLessThan(182);
    expect(r.addl!.x1).toBeLessThanOrEqual(r.subr!.x0);
    expect(r.subr!.x1).toBeGreaterThan(203);
    // a lone 'X' right of the SUBR column (a check box's reading put by a policy number) is no column: the two
    // neighbouring columns holding the most flags are
    const stray = flagColumns(groupLines(words([...garbled, ['X', 214, 374]])), { ...number, score: 1, line: lines[0]!, rest: null });
    expect([stray.addlCx, stray.subrCx].map(Math.round)).toEqual([184, 202]);
  });

  it("does not take a one-letter word boxed wide over a rule ('x' 23 pt wide) for a flag's place", () => {
    // ADDL lost, SUBR read; the SUBR column's N typed, and the ADDL column's X boxed with the rule right of it
    const places = HEADER.filter(([t]) => !['ADDL', 'INSD'].includes(t)).concat([['N', 200, 410]]);
    const wide: Word = { text: 'x', x: 181, y: 338, width: 23, height: 6, confidence: 0.31 };
    const lines = groupLines([...words(places), wide]);
    const number = lines.flatMap((l) => l.segments).find((s) => s.text === 'POLICY NUMBER')!;
    const { addlCx, subrCx } = flagColumns(lines, { ...number, score: 1, line: lines[0]!, rest: null });
    // SUBR's middle, and ADDL's a column's pitch left of it (0.35 of POLICY NUMBER's width), not the wide box's middle
    expect(subrCx).toBeCloseTo(201, 0);
    expect(addlCx).toBeCloseTo(201 - 0.35 * 39, 0);
  });

  it("places the insurer box's top by its first row when OCR garbled the labels of the rows holding names ('wsurer A:')", () => {
    const whole = byName(acord25ValueRegions(page(HEADER))).insurers!;
    // only the empty rows' labels read, E and F, under the box header and without it
    const late = HEADER.filter(([t]) => !t.startsWith('INSURER ')).concat([['INSURER E :', 310, 221], ['INSURER F :', 310, 233]] as Place[]);
    for (const places of [late, late.filter(([t]) => !t.startsWith('INSURER(S)'))]) {
      const r = byName(acord25ValueRegions(page(places))).insurers!;
      expect(r.y0).toBeLessThan(173);
      expect(r.y0).toBeGreaterThan(160);
      expect(r.y1).toBeGreaterThan(239);
      expect(r.x0).toBeCloseTo(whole.x0, 0);
    }
  });

  it("keeps a name's word the whole-page pass read with a thin letter the strip lost ('Atantic' for 'Atlantic')", () => {
    expect(['Atlantic', 'Ironbridge', 'Crestline', 'Harbor'].map((w, i) => lostThinLetter(w, ['Atantic', 'Ironbidge', 'Crestine', 'Habor'][i]!))).toEqual([true, true, true, true]);
    // not a letter at a word's end, nor a wide one, nor two apart
    expect(['Bays', 'Harbor', 'Atlantic', 'Novak'].map((w, i) => lostThinLetter(w, ['Bay', 'Haror', 'Atanic', 'Novak'][i]!))).toEqual([false, false, false, false]);
  });

  it('reads the insurers and NAIC codes again when the NAIC # label is lost, the codes in the page\'s last ninth', () => {
    const r = byName(acord25ValueRegions(page(HEADER.filter(([t]) => t !== 'NAIC #'))));
    expect(r.insurers).toBeDefined();
    expect(r.naic!.x0).toBeCloseTo(612 * 0.89, 0);
    expect(r.insurers!.x1).toBe(r.naic!.x0);
  });

  it("begins the NAIC codes where the whole-page pass read them, a little left of where the label puts them ('37540' read '7540')", () => {
    const placed = byName(acord25ValueRegions(page(HEADER))).naic!.x0;
    // the 2025/12 edition: the codes start at the column's left rule, 8 points left of that
    const r = byName(acord25ValueRegions(page([...HEADER, ['37540', placed - 8, 173], ['10867', placed - 7, 185]])));
    expect(r.naic!.x0).toBeCloseTo(placed - 9, 1);
    expect(r.insurers!.x1).toBe(r.naic!.x0);
    // a number far left of the column is part of a name, not a code
    expect(byName(acord25ValueRegions(page([...HEADER, ['1906', placed - 60, 173]]))).naic!.x0).toBe(placed);
    // codes read after the column's broken rule, as a letter or a bracket ('f19283' on a photo), begin past it
    const after = page([...HEADER, ['f19283', placed - 18, 173], ['{11570', placed - 19, 185]]);
    const remnant = after.words.find((w) => w.text === '{11570')!;
    const split = byName(acord25ValueRegions(after));
    expect(split.naic!.x0).toBeGreaterThan(remnant.x);
    expect(split.naic!.x0).toBeLessThan(remnant.x + remnant.width / remnant.text.length);
    expect(split.insurers!.x1).toBe(split.naic!.x0);
  });

  it("reads the umbrella row's retention alone, right of RETENTION $ and its '$', above its line", () => {
    const r = byName(acord25ValueRegions(page([...HEADER, ['DED', 55, 474], ['RETENTION', 88, 474], ['S', 118, 470, 11]])));
    expect(r.retention).toBeDefined();
    // after the '$' (read here as an 'S' 11 points high, which does not size the cell), before the ADDL column
    expect(r.retention!.x0).toBeGreaterThan(118 + 0.5 * 11);
    expect(r.retention!.x1).toBeLessThanOrEqual(r.addl!.x0);
    expect(r.retention!.y0).toBeLessThan(472);
    expect(r.retention!.y1 - r.retention!.y0).toBeLessThan(20);
    expect(r.retention!.whitelist).toBe('0123456789,');
  });

  it("finds RETENTION by the limit labels' type where a photo boxed POLICY NUMBER half as high again, and reads only the retention's line", () => {
    const tall = HEADER.map(([t, x, y, s]): Place => (t === 'POLICY NUMBER' ? [t, x, y, 10] : [t, x, y, s]));
    const r = byName(acord25ValueRegions(page([...tall, ['DED', 55, 474], ['RETENTIONS', 102, 474]])));
    expect(r.retention).toBeDefined();
    // (the line it is typed on: the label's middle)
    expect(r.retention!.lineY).toBeCloseTo(477, 1);
    // of a crop's lines of ink (a check box's label over the value), the one nearest that line is kept
    const b: GreyBitmap = { width: 40, height: 60, data: new Uint8Array(2400).fill(255) };
    for (const [y0, y1] of [[5, 15], [30, 40]]) for (let y = y0; y < y1; y++) b.data.fill(0, y * 40 + 5, y * 40 + 35);
    keepNearestLine(b, 38, 4);
    expect(inkBox(b)).toEqual([5, 30, 34, 39]);
  });

  it("finds the certificate date's cell by DATE alone when OCR garbled its format", () => {
    const garbled = HEADER.map(([t, x, y, s]): Place => [t === 'DATE (MM/DD/YYYY)' ? 'DATE (MWDODVYYYY)' : t, x, y, s]);
    const date = byName(acord25ValueRegions(page(garbled))).date;
    expect(date).toBeDefined();
    // centred under the label and its format together, not under DATE alone (the value is wider than the word)
    expect(date!.x1).toBeGreaterThan(521 + 17 * 3);
    // its format read a little higher, on a line of its own
    const raised = HEADER.flatMap(([t, x, y, s]): Place[] => (t === 'DATE (MM/DD/YYYY)' ? [['DATE', 521, 26, s], ['(MMIDDIYYYY)', 536, 23.5, s]] : [[t, x, y, s]]));
    expect(byName(acord25ValueRegions(page(raised))).date!.x1).toBeGreaterThan(521 + 17 * 3);
    // and closed by a brace, or split in two ('(MMIDDIYYYY}', '(MMIDDIYY YY)')
    for (const format of ['(MMIDDIYYYY}', '(MMIDDIYY YY)']) {
      const odd = HEADER.map(([t, x, y, s]): Place => [t === 'DATE (MM/DD/YYYY)' ? `DATE ${format}` : t, x, y, s]);
      expect(byName(acord25ValueRegions(page(odd))).date!.x1, format).toBeGreaterThan(521 + 17 * 3);
    }
    // and with a doubled bracket and a slash read as a brace beside it ('{(MM/DD{YYYY)'), or no format found at all:
    // the cell reaches as far right as the whole label would
    for (const label of ['DATE {(MM/DD{YYYY)', 'DATE']) {
      const odd = HEADER.map(([t, x, y, s]): Place => [t === 'DATE (MM/DD/YYYY)' ? label : t, x, y, s]);
      expect(byName(acord25ValueRegions(page(odd))).date!.x1, label).toBeGreaterThan(521 + 17 * 3);
    }
    // the format raised on a line of its own, garbled so, is still taken into the label
    const braced = HEADER.flatMap(([t, x, y, s]): Place[] => (t === 'DATE (MM/DD/YYYY)' ? [['DATE', 521, 26, s], ['{(MM/DD{YYYY)', 536, 23.5, s]] : [[t, x, y, s]]));
    const bracedPage = page(braced);
    expect(certificateDateLabel(groupLines(bracedPage.words), bracedPage)!.right).toBeCloseTo(536 + 13 * 3, 1);
    // DATE garbled by one letter ('OATE'), its format beside it
    const slipped = HEADER.map(([t, x, y, s]): Place => [t === 'DATE (MM/DD/YYYY)' ? 'OATE (MM/DDIYYYY)' : t, x, y, s]);
    expect(byName(acord25ValueRegions(page(slipped))).date!.x1).toBeGreaterThan(521 + 17 * 3);
    // or its D lost ('ATE (MM/DO/YYYY)', a photo's)
    const lost = HEADER.map(([t, x, y, s]): Place => [t === 'DATE (MM/DD/YYYY)' ? 'ATE (MM/DO/YYYY)' : t, t === 'DATE (MM/DD/YYYY)' ? x + 3 : x, y, s]);
    expect(byName(acord25ValueRegions(page(lost))).date!.x1).toBeGreaterThan(521 + 17 * 3);
    // a DATE elsewhere on the page (CANCELLATION's "EXPIRATION DATE THEREOF") is not the certificate date's label
    const elsewhere = HEADER.filter(([t]) => !t.startsWith('DATE')).concat([['DATE (MWDODVYYYY)', 387, 679]]);
    expect(byName(acord25ValueRegions(page(elsewhere))).date).toBeUndefined();
  });

  it('reads the insurer letters at the form edge when INSR LTR is garbled', () => {
    const garbled = HEADER.filter(([t]) => t !== 'INSR' && t !== 'LTR').concat([['COVERAGES', 19, 242]]);
    const ltr = byName(acord25ValueRegions(page(garbled))).ltr;
    expect(ltr).toBeDefined();
    expect(ltr!.x0).toBeLessThan(19);
    expect(ltr!.x1).toBeLessThan(177);
    expect(ltr!.whitelist).toBe('ABCDEF');
  });

  it('moves grid columns onto the vertical rules around them', () => {
    // a 300 dpi bitmap of the grid rows with rules at x = 170, 190, 210 pt
    const s = 300 / 72;
    const width = Math.round(612 * s);
    const height = Math.round(600 * s);
    const data = new Uint8Array(width * height).fill(255);
    for (const xPt of [170, 190, 210, 330, 380, 422]) for (let y = Math.round(280 * s); y < Math.round(570 * s); y++) for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(xPt * s) + dx] = 0;
    const regions = acord25ValueRegions(page(HEADER));
    const snapped = byName(snapToRules(regions, { width, height, data }, s));
    expect(snapped.addl!.x0).toBeCloseTo(171.4, 0);
    expect(snapped.addl!.x1).toBeCloseTo(188.8, 0);
    // (the SUBR strip reaches 3 points over its left rule: a flag typed across it is SUBR's)
    expect(snapped.subr!.x0).toBeCloseTo(187.3, 0);
    // regions outside the grid are not moved
    expect(snapped.insurers).toEqual(byName(regions).insurers);
    // the rule between the two date columns lost (a photo): the effective column does not take the expiration's too
    for (let y = Math.round(280 * s); y < Math.round(570 * s); y++) for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(380 * s) + dx] = 255;
    const unruled = byName(snapToRules(regions, { width, height, data }, s));
    expect(unruled.eff!.x1).toBeLessThan(382);
    expect(unruled.exp!.x0).toBeGreaterThan(331);
  });

  it('never moves the amounts strip left over the limit labels', () => {
    // a photo's: no '$' read, and of the two rules around the limit labels (x = 422 and 500 pt) one is lost
    const s = 300 / 72;
    const width = Math.round(612 * s);
    const height = Math.round(600 * s);
    const ruled = (xs: number[]) => {
      const data = new Uint8Array(width * height).fill(255);
      for (const xPt of xs) for (let y = Math.round(280 * s); y < Math.round(570 * s); y++) for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(xPt * s) + dx] = 0;
      return { width, height, data };
    };
    const regions = acord25ValueRegions(page(HEADER.filter(([t]) => t !== '$')));
    const labelsEnd = 428 + 'E.L. EACH ACCIDENT'.length * 3;
    expect(byName(regions).amount!.x0).toBeGreaterThan(labelsEnd);
    // the rule right of the labels found: the amounts begin at it
    expect(byName(snapToRules(regions, ruled([170, 190, 210, 330, 380, 422, 500, 600]), s)).amount!.x0).toBeCloseTo(501.2, 0);
    // lost: the rule left of the labels is not taken, which made the amounts' strip read the labels as digits
    const lost = byName(snapToRules(regions, ruled([170, 190, 210, 330, 380, 422, 600]), s));
    expect(lost.amount!.x0).toBe(byName(regions).amount!.x0);
  });

  it("moves the flag columns onto rules a photo's light left half of, and no other column", () => {
    const s = 300 / 72;
    const width = Math.round(612 * s);
    const height = Math.round(600 * s);
    const data = new Uint8Array(width * height).fill(255);
    const top = Math.round(280 * s);
    const bottom = Math.round(570 * s);
    for (const xPt of [170, 210, 330, 380, 422]) for (let y = top; y < bottom; y++) for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(xPt * s) + dx] = 0;
    // the rule between ADDL and SUBR, and one through the policy numbers' column, broken into dashes inking 55% of it
    for (const xPt of [190, 270]) for (let y = top; y < bottom; y++) if ((y - top) % 40 < 22) for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(xPt * s) + dx] = 0;
    const regions = acord25ValueRegions(page(HEADER));
    const snapped = byName(snapToRules(regions, { width, height, data }, s));
    expect(snapped.addl!.x1).toBeCloseTo(188.8, 0);
    expect(snapped.subr!.x0).toBeCloseTo(187.3, 0);
    expect(snapped.number!.x1).toBeGreaterThan(300);
    // the SUBR column's right rule faint too: the policy numbers' strip begins at it
    for (let y = top; y < bottom; y++) if ((y - top) % 40 >= 22) for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(210 * s) + dx] = 255;
    const faint = byName(snapToRules(regions, { width, height, data }, s));
    expect(faint.subr!.x1).toBeCloseTo(208.8, 0);
    expect(faint.number!.x0).toBeCloseTo(211.4, 0);
  });

  it("splits the insurer names from their NAIC codes at the rule between them, where the edition puts it ('37540' read '7540')", () => {
    const s = 300 / 72;
    const width = Math.round(612 * s);
    const height = Math.round(600 * s);
    const data = new Uint8Array(width * height).fill(255);
    const regions = acord25ValueRegions(page(HEADER));
    const { insurers, naic } = byName(regions);
    // the 2025/12 edition: NAIC # at the column's right, its left rule 10 points left of where the label puts it
    const rule = naic!.x0 - 10;
    // (`dashes`: broken as a photo breaks it, a third of its length gone)
    // (`firstRows`: only beside the first third of the rows, where the codes stand, lost further down)
    const drawRule = (xPt: number, dashes = false, firstRows = false) => {
      const bottom = firstRows ? insurers!.y0 + (insurers!.y1 - insurers!.y0) / 3 : insurers!.y1;
      for (let y = Math.round(insurers!.y0 * s) - 20; y < Math.round(bottom * s) + (firstRows ? 0 : 20); y++) {
        if (dashes && y % 12 >= 8) continue;
        for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(xPt * s) + dx] = 0;
      }
    };
    for (const [dashes, firstRows] of [[false, false], [true, false], [false, true]]) {
      data.fill(255);
      drawRule(rule, dashes, firstRows);
      const split = byName(snapToRules(regions, { width, height, data }, s));
      expect(split.naic!.x0).toBeGreaterThan(rule);
      expect(split.naic!.x0).toBeLessThan(rule + 2);
      expect(split.insurers!.x1).toBeLessThan(rule);
      expect(split.insurers!.x1).toBeGreaterThan(rule - 2);
    }
    // no rule near (a photo's lost one): as the label puts it
    data.fill(255);
    drawRule(naic!.x0 - 60);
    const unsplit = byName(snapToRules(regions, { width, height, data }, s));
    expect(unsplit.naic).toEqual(naic);
    expect(unsplit.insurers).toEqual(insurers);
  });

  it("takes no column of ink right of where the codes begin for the rule: the stems of a digit every code prints there ('21466', '11570')", () => {
    const s = 300 / 72;
    const width = Math.round(612 * s);
    const height = Math.round(600 * s);
    const data = new Uint8Array(width * height).fill(255);
    // the 2016/03 edition's codes, read by the whole page 10 points right of where the label puts the column, their
    // second digits' stems 6 points into them
    const placed = byName(acord25ValueRegions(page(HEADER))).naic!.x0;
    const codes: Place[] = [['21466', placed + 10, 173], ['11570', placed + 10, 185]];
    const regions = acord25ValueRegions(page([...HEADER, ...codes]));
    const { insurers, naic } = byName(regions);
    expect(naic!.codes!.from).toBeCloseTo(placed + 9, 5);
    const stems = naic!.codes!.from + 7;
    for (let y = Math.round(insurers!.y0 * s); y < Math.round(insurers!.y1 * s); y++) for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(stems * s) + dx] = 0;
    const split = byName(snapToRules(regions, { width, height, data }, s));
    expect(split.naic).toEqual(naic);
    expect(split.insurers).toEqual(insurers);
    // a rule the codes were typed against, their boxes beginning a little left of it (the 2025/12 print's), is taken
    data.fill(255);
    const rule = naic!.codes!.from + 1.4;
    for (let y = Math.round(insurers!.y0 * s); y < Math.round(insurers!.y1 * s); y++) for (let dx = 0; dx < 3; dx++) data[y * width + Math.round(rule * s) + dx] = 0;
    const typed = byName(snapToRules(regions, { width, height, data }, s));
    expect(typed.naic!.x0).toBeGreaterThan(rule);
    expect(typed.naic!.x0).toBeLessThan(rule + 2);
  });
});

describe("blanking the limit cells' '$' column", () => {
  /** A crop with a narrow '$' column at x 12..18 and digits from x 40 on, inside a 12-pixel white margin. */
  function crop(withDollar: boolean) {
    const width = 120;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 20; y < 40; y++) {
      if (withDollar) for (let x = 14; x < 20; x++) data[y * width + x] = 0;
      for (let x = 40; x < 100; x += 3) data[y * width + x] = 0;
    }
    return { width, height, data };
  }

  it('blanks the narrow column before the amounts and keeps the amounts', () => {
    const b = crop(true);
    blankLeadingColumn(b, 12, 30, 8);
    expect(b.data[25 * 120 + 16]).toBe(255);
    expect(b.data[25 * 120 + 40]).toBe(0);
  });

  it('keeps amounts that have no $ before them', () => {
    const b = crop(false);
    blankLeadingColumn(b, 12, 30, 8);
    expect(b.data[25 * 120 + 40]).toBe(0);
    expect(b.data[25 * 120 + 97]).toBe(0);
  });

  it("blanks a '$' typed against its amount to where it ends, the strip's edge moved left of it onto the rule", () => {
    // 2 pixels a point; the strip's edge at 100 pt (x 12), the form's '$' at 101..104 pt, the typed '$' at 106..110 pt
    // run into the amount's digits from 110 pt on, with no gap
    const typed = () => {
      const b = crop(false);
      for (let y = 20; y < 40; y++) {
        for (let x = 14; x < 20; x++) b.data[y * 120 + x] = 0;
        for (let x = 24; x < 100; x++) b.data[y * 120 + x] = 0;
      }
      return b;
    };
    const region: ValueRegion = { name: 'amount', x0: 100, x1: 150, y0: 0, y1: 30, psm: PSM.SINGLE_BLOCK, whitelist: '0123456789,', dropDollar: true, dollarRight: 110 };
    const b = typed();
    blankDollars(b, { ...region, dollarTyped: true }, 2);
    const firstInk = (c: GreyBitmap) => [...Array(c.width).keys()].find((x) => c.data[25 * c.width + x] === 0);
    // to 110.6 pt: x 12 + 21
    expect(firstInk(b)).toBe(12 + 21);
    // (a '$' printed apart: only what stands apart within the '$' column goes)
    const apart = typed();
    blankDollars(apart, region, 2);
    expect(firstInk(apart)).toBe(24);
  });
});

describe('clearing the marks of the lines around a strip', () => {
  it('clears marks centred above or below the strip and keeps those centred in it, whole', () => {
    const width = 60;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0;
    };
    // the strip is rows [15, 45)
    ink(20, 24, 8, 17); // the feet of the line above, reaching into the strip: centred above it
    ink(20, 30, 20, 30); // a glyph inside
    ink(35, 40, 12, 24); // a value standing close to the strip's top: centred inside, kept with its top
    ink(5, 9, 40, 56); // the top of the line below: centred below
    ink(45, 47, 50, 55); // a speck wholly below
    clearMarks({ width, height, data }, 15, 45);
    expect(data[10 * width + 21]).toBe(255);
    expect(data[16 * width + 21]).toBe(255);
    expect(data[25 * width + 25]).toBe(0);
    expect(data[13 * width + 36]).toBe(0);
    expect(data[22 * width + 36]).toBe(0);
    expect(data[42 * width + 6]).toBe(255);
    expect(data[52 * width + 46]).toBe(255);
  });
});

describe("clearing pieces of ruled lines from a strip", () => {
  it('clears flat and thin marks, and keeps digits, commas and slashes', () => {
    const s = 4; // pixels per point
    const width = 200;
    const height = 80;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0;
    };
    ink(10, 40, 30, 32); // a dash of a broken rule: 7.5 pt wide, half a point tall
    ink(190, 192, 2, 78); // a vertical rule's stub: half a point wide, 19 pt tall
    ink(60, 62, 20, 44); // a '1': 6 pt tall
    ink(70, 72, 40, 46); // a comma
    ink(80, 90, 20, 44); // a '0'
    clearMarks({ width, height, data }, 0, height, s);
    expect(data[31 * width + 20]).toBe(255);
    expect(data[40 * width + 190]).toBe(255);
    expect(data[30 * width + 60]).toBe(0);
    expect(data[42 * width + 70]).toBe(0);
    expect(data[30 * width + 85]).toBe(0);
    // without `remnants` nothing inside the strip goes
    ink(10, 40, 30, 32);
    clearMarks({ width, height, data }, 0, height);
    expect(data[31 * width + 20]).toBe(0);
  });

  it("clears a lone speck (read as a 1 before an amount: '12000000'), and keeps a period beside its word and an i's dot", () => {
    const s = 4;
    const width = 120;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0;
    };
    ink(4, 6, 12, 14); // a speck, half a point square, 5 pt before the amount
    ink(25, 35, 10, 34); // a '2'
    ink(37, 39, 31, 34); // a period at the glyph's foot, half a point from it
    ink(60, 62, 16, 34); // an i's stem
    ink(60, 62, 11, 13); // and its dot, above it
    clearMarks({ width, height, data }, 0, height, s);
    expect(data[13 * width + 5]).toBe(255);
    expect(data[20 * width + 30]).toBe(0);
    expect(data[32 * width + 38]).toBe(0);
    expect(data[12 * width + 61]).toBe(0);
  });

  it("clears every mark under a point wide in a column of single letters, and keeps the letters", () => {
    const s = 4;
    const width = 100;
    const height = 80;
    const make = () => {
      const data = new Uint8Array(width * height).fill(255);
      for (let y = 10; y < 30; y++) for (let x = 20; x < 22; x++) data[y * width + x] = 0; // a rule's piece: 5 pt tall
      for (let y = 50; y < 53; y++) for (let x = 20; x < 22; x++) data[y * width + x] = 0; // a speck under a point
      for (let y = 20; y < 44; y++) for (let x = 50; x < 70; x++) if (x < 54 || y < 24 || (y > 30 && y < 34)) data[y * width + x] = 0; // an 'F'
      return data;
    };
    const letters = make();
    clearMarks({ width, height, data: letters }, 0, height, s, true);
    expect(letters[20 * width + 20]).toBe(255);
    expect(letters[51 * width + 20]).toBe(255);
    expect(letters[30 * width + 51]).toBe(0);
    expect(letters[22 * width + 65]).toBe(0);
    // elsewhere (a '1' is such a mark) they stay
    const digits = make();
    clearMarks({ width, height, data: digits }, 0, height, s);
    expect(digits[20 * width + 20]).toBe(0);
    expect(digits[51 * width + 20]).toBe(0);
  });
});

describe("the insurer letter column's own run of ink", () => {
  it('keeps the run of inked columns nearest the label and blanks the check boxes and labels beside it', () => {
    const width = 140;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0;
    };
    ink(50, 70, 10, 30); // a letter
    ink(52, 68, 35, 55); // another, a little off
    ink(110, 125, 12, 28); // a check box's X in the next column
    keepRunNear({ width, height, data }, 62, 12);
    expect(data[20 * width + 60]).toBe(0);
    expect(data[45 * width + 60]).toBe(0);
    expect(data[20 * width + 115]).toBe(255);
    // nearest the label's middle, whichever side: here the right-hand run
    const again = new Uint8Array(width * height).fill(255);
    for (let y = 10; y < 30; y++) for (let x = 20; x < 30; x++) again[y * width + x] = 0;
    for (let y = 10; y < 30; y++) for (let x = 100; x < 120; x++) again[y * width + x] = 0;
    keepRunNear({ width, height, data: again }, 95, 12);
    expect(again[20 * width + 25]).toBe(255);
    expect(again[20 * width + 110]).toBe(0);
  });

  it("is placed by the INSR label's middle", () => {
    const ltr = byName(acord25ValueRegions(page(HEADER))).ltr!;
    expect(ltr.anchorX).toBeCloseTo(20 + 6, 5);
  });
});

describe("how much of a word the strip's words cover", () => {
  const word = (x: number, width: number): Word => ({ text: 'w', x, y: 10, width, height: 6, confidence: 0.9 });
  it('is large for the same word read again and small for a long label a flag merely touches', () => {
    // "1,000,000|" reaching into the strip, read again as "1,000,000"
    expect(coveredShare(word(100, 40), [word(102, 36)])).toBeGreaterThan(0.8);
    // LIABILITY (x 126..160) and a Y read in the ADDL column whose box starts at 155
    expect(coveredShare(word(126, 34), [word(155, 8)])).toBeLessThan(0.2);
    expect(coveredShare(word(126, 34), [])).toBe(0);
  });
});

describe('reading a doubted value again on its own', () => {
  const S = 2; // pixels per point
  // a blank page but for some ink in the amounts column, where the strip is read
  const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
  for (let y = 440 * S; y < 448 * S; y++) for (let x = 540 * S; x < 580 * S; x++) bitmap.data[y * bitmap.width + x] = 0;

  /** Reads the header page's strips with `answer` (call number, options → text and confidence, or nothing). */
  async function reread(answer: (call: number, options: RecognizeOptions) => [string, number] | null) {
    const calls: RecognizeOptions[] = [];
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      calls.push(options);
      const a = answer(calls.length, options);
      // (the word where its ink is)
      let [x0, y0, x1, y1] = [crop.width, crop.height, 0, 0];
      for (let y = 0; y < crop.height; y++) for (let x = 0; x < crop.width; x++) if (crop.data[y * crop.width + x]! < 128) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
      return a && x1 > x0 ? [{ text: a[0], left: x0, top: y0, width: x1 - x0, height: y1 - y0, confidence: a[1] }] : [];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    return { calls, amounts: out.words.filter((w) => /^\d[\d,]*$/.test(w.text)) };
  }

  it('takes the more confident of a single-line and a single-word reading of a word the strip read doubtfully', async () => {
    const { calls, amounts } = await reread((call, options) =>
      call === 1 ? ['5,000,600', 68] : options.psm === PSM.SINGLE_LINE ? ['5,000,600', 60] : options.psm === PSM.SINGLE_WORD ? ['5,000,000', 85] : null,
    );
    expect(calls[0]!.whitelist).toBe('0123456789,');
    expect(calls.slice(1, 3).map((c) => [c.psm, c.whitelist])).toEqual([
      [PSM.SINGLE_LINE, '0123456789,'],
      [PSM.SINGLE_WORD, '0123456789,'],
    ]);
    expect(amounts.map((w) => [w.text, w.confidence])).toEqual([['5,000,000', 0.85]]);
  });

  it.each([
    ['1000000', '11000000'], // a '$' beside the word read as 1
    ['5000', '500'],
    ['1000000', '1000009'],
  ])('keeps the limit %s when the word alone reads %s (only a mending: as long, and as round)', async (first, again) => {
    const { amounts } = await reread((call) => (call === 1 ? [first, 40] : call <= 3 ? [again, 90] : null));
    expect(amounts.map((w) => w.text)).toEqual([first]);
  });
});

describe('the grid header read again on its own', () => {
  const S = 2;
  const blank: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
  // the whole-page pass made noise of the tiny date headers ('porn ons', 'ums')
  const garbled = HEADER.filter(([t]) => !t.startsWith('POLICY E') && t !== '(MM/DD/YYYY)').concat([
    ['porn ons', 334, 287],
    ['ums', 395, 288],
  ]);
  const headerWords = words([
    ['POLICY EFF', 337, 287],
    ['POLICY EXP', 384, 287],
    ['(MM/DD/YYYY)', 334, 292],
    ['(MM/DD/YYYY)', 381, 292],
  ]);

  /** The garbled page's header read again, the band's n-th reading (0-based) giving `reading(n)`; with the bands read. */
  const reread = async (reading: (n: number) => Word[]) => {
    const bands: { width: number; height: number }[] = [];
    const out = await rereadGridHeader(
      page(garbled),
      blank,
      S,
      async (crop) => {
        bands.push({ width: crop.width, height: crop.height });
        return [];
      },
      () => reading(bands.length - 1),
    );
    return { bands, out };
  };

  it('takes the band read alone when it gives POLICY EFF and POLICY EXP, so that the grid is read', async () => {
    expect(acord25ValueRegions(page(garbled))).toEqual([]);
    const { bands, out } = await reread(() => headerWords);
    // one band, right of POLICY NUMBER and left of the limit labels, a few lines high
    expect(bands).toHaveLength(1);
    expect(bands[0]!.width / S).toBeLessThan(428 - 290 + 15);
    expect(bands[0]!.height / S).toBeLessThan(40);
    expect(out.words.some((w) => w.text === 'porn')).toBe(false);
    const r = byName(acord25ValueRegions(out));
    expect(r.eff!.x0).toBeLessThan(337);
    expect(r.exp!.x0).toBeGreaterThan(r.eff!.x1 - 0.01);
  });

  it("reads the band again reduced when its first reading ran two labels together ('POUICYEFF')", async () => {
    const readings = [words([['POUICYEFF', 337, 287], ['POLICY EXP', 384, 287], ['(MM/DD/YYYY)', 381, 292]]), headerWords];
    const { bands, out } = await reread((n) => readings[n]!);
    expect(bands).toHaveLength(2);
    expect(bands[1]!.width).toBeCloseTo(bands[0]!.width * 0.75, -1);
    const r = byName(acord25ValueRegions(out));
    expect(r.eff!.x0).toBeLessThan(337);
    expect(r.exp!.x0).toBeGreaterThan(r.eff!.x1 - 0.01);
  });

  it('keeps the first reading when the band read alone does not give the header either, and reads nothing when it was found', async () => {
    const before = page(garbled);
    const tried: string[] = [];
    const out = await rereadGridHeader(before, blank, S, async (crop, options) => (tried.push(`${crop.width}/${options.psm}`), []), () => words([['pollcy', 337, 287]]));
    expect(out).toBe(before);
    // at its own size, reduced and enlarged as a block, then as sparse text
    const w = Number(tried[0]!.split('/')[0]);
    expect(tried.map((t) => t.split('/')[1])).toEqual([PSM.SINGLE_BLOCK, PSM.SINGLE_BLOCK, PSM.SINGLE_BLOCK, PSM.SPARSE_TEXT]);
    expect(tried.map((t) => Math.round((10 * Number(t.split('/')[0])) / w) / 10)).toEqual([1, 0.8, 1.5, 1]);
    let calls = 0;
    const whole = page(HEADER);
    const same = await rereadGridHeader(whole, blank, S, async () => (calls++, []), () => headerWords);
    expect(same).toBe(whole);
    expect(calls).toBe(0);
  });
});

describe("the grid's type height", () => {
  it("is not taken from a POLICY NUMBER box OCR ran into a rule ('NuMBER' twice as high as its letters)", () => {
    const tall = HEADER.filter(([t]) => t !== 'POLICY NUMBER').concat([
      ['POLICY', 247, 292],
      ['NuMBER', 266, 287.5, 15],
    ]);
    const r = byName(acord25ValueRegions(page(tall)));
    // sized by the 15-point box, the rows would have to run 300 points to the description box, and none were placed
    expect(r.number).toBeDefined();
    // INSR is 12 points wide; its strip reaches 1.2 type heights beyond it on both sides, at most 1.5 × 6 points
    expect(r.ltr!.x1 - r.ltr!.x0).toBeLessThanOrEqual(12 + 2.4 * 9 + 0.01);
  });
});

describe("a date cell's two readings", () => {
  const S = 2;
  it("reads the certificate date's cell again as a block without its whitelist when its reading is no date", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    // ink where the certificate's date is typed, under DATE (MM/DD/YYYY) at (521, 26)
    for (let y = 37 * S; y < 43 * S; y++) for (let x = 530 * S; x < 555 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    const calls: RecognizeOptions[] = [];
    const recognize = (strip: string, block: string) => async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      const [x0, y0, x1, y1] = inkBox(crop);
      if (x1 < 0) return [];
      calls.push(options);
      return [{ text: options.whitelist === '' ? block : strip, left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: 80 }];
    };
    const cell = async (strip: string, block: string, first: Place[] = []) => {
      calls.length = 0;
      const out = await rereadValueCells(page([...HEADER, ...first]), bitmap, null, S, recognize(strip, block), (pw, left, top) => toPageWords(pw, S, left, top));
      return out.words.filter((w) => w.x > 520 && w.y > 30 && w.y < 50).map((w) => [w.text, w.readings]);
    };
    // the whitelisted reading lost the thin '11/' ('16/24'); the block's '116/24' is kept beside it
    expect(await cell('16/24', '116/24')).toEqual([['16/24', ['116/24']]]);
    // and beside the whole-page pass's reading too, which does not take its place ('7/7/26' read '17126' by the strip,
    // '717126' by the block and '26' by the whole page)
    expect(await cell('17126', '717126', [['26', 540, 37]])).toEqual([['17126', ['717126', '26']]]);
    // (and, still no date, once more enlarged as a line: the same reading adds nothing)
    expect(calls.map((c) => [c.whitelist, c.psm])).toEqual([['0123456789/', PSM.SPARSE_TEXT], ['', PSM.SINGLE_BLOCK], ['0123456789/', PSM.SINGLE_LINE]]);
    // a date read the first time is not read again
    expect(await cell('11/6/24', '116/24')).toEqual([['11/6/24', undefined]]);
    expect(calls).toHaveLength(1);
  });

  it("reads no other line of the certificate date's cell once a date is read there (the disclaimer's first line under it)", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    // the date typed under DATE (MM/DD/YYYY) at (521, 26), and a line of the paragraph below reaching into its cell
    for (let y = 37 * S; y < 43 * S; y++) for (let x = 530 * S; x < 555 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    for (let y = 47 * S; y < 52 * S; y++) for (let x = 520 * S; x < 580 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    const calls: RecognizeOptions[] = [];
    // the strip reads the date; a line alone reads as nothing (letters, with the date's whitelist)
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      calls.push(options);
      const lines = inkLines(crop, 4);
      if (lines.length < 2) return [];
      const [y0, y1] = lines[0]!;
      let x0 = crop.width;
      let x1 = 0;
      for (let y = y0; y < y1; y++) for (let x = 0; x < crop.width; x++) if (crop.data[y * crop.width + x]! < 128) [x0, x1] = [Math.min(x0, x), Math.max(x1, x + 1)];
      return [{ text: '11/6/24', left: x0, top: y0, width: x1 - x0, height: y1 - y0, confidence: 90 }];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    expect(out.words.filter((w) => w.x > 520 && w.y > 30 && w.y < 50).map((w) => w.text)).toEqual(['11/6/24']);
    expect(calls).toHaveLength(1);
  });

  it("keeps the whole-page pass's reading of a date beside the strip's", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    // ink where the effective date of the first row is typed
    for (let y = 338 * S; y < 344 * S; y++) for (let x = 343 * S; x < 363 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    // the recognizer reads the ink it is given, wherever the crop puts it: '2127126' in the date strip
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      const [x0, y0, x1, y1] = inkBox(crop);
      if (x1 < 0 || options.whitelist !== '0123456789/') return [];
      return [{ text: '2127126', left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: 88 }];
    };
    const out = await rereadValueCells(page([...HEADER, ['2/27/26', 343, 338]]), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    const date = out.words.filter((w) => w.x > 330 && w.x < 375 && w.y > 330 && w.y < 350);
    expect(date.map((w) => [w.text, w.readings])).toEqual([['2127126', ['2/27/26']]]);
  });
});

describe('a value of the grid read again alone', () => {
  const S = 2;
  /**
   * Ink at each of the places (points: x, y, width), 6 points high; a recognizer answering by call and options. With
   * `binary`, the bitmap is the page's black-and-white one too (rules and all).
   */
  function setup(inked: [number, number, number][], binary = false) {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    for (const [x0, y0, w] of inked) for (let y = y0 * S; y < (y0 + 6) * S; y++) for (let x = x0 * S; x < (x0 + w) * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    return async (places: Place[], answer: (crop: GreyBitmap, options: RecognizeOptions, call: number) => [string, number] | null) => {
      const calls: { options: RecognizeOptions; width: number }[] = [];
      const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
        const [x0, y0, x1, y1] = inkBox(crop);
        if (x1 < 0) return [];
        calls.push({ options, width: x1 - x0 + 1 });
        const a = answer(crop, options, calls.length);
        return a ? [{ text: a[0], left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: a[1] }] : [];
      };
      const out = await rereadValueCells(page([...HEADER, ...places]), bitmap, binary ? bitmap : null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
      return { calls, words: out.words };
    };
  }

  it("keeps the whole-page pass's flag on a line of the flag column the strip read nothing on", async () => {
    const S2 = 2;
    const bitmap: GreyBitmap = { width: 612 * S2, height: 792 * S2, data: new Uint8Array(612 * S2 * 792 * S2).fill(255) };
    // a flag's ink in the SUBR column on two rows
    for (const y0 of [338, 386]) for (let y = y0 * S2; y < (y0 + 6) * S2; y++) for (let x = 198 * S2; x < 202 * S2; x++) bitmap.data[y * bitmap.width + x] = 0;
    // the strip reads the lower flag only, and nothing read alone
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      if (options.psm !== PSM.SINGLE_BLOCK || options.whitelist !== 'XYN') return [];
      let [x0, y0, x1, y1] = [Infinity, -1, -1, -1];
      for (let y = crop.height - 1; y >= 0; y--) {
        let any = false;
        for (let x = 0; x < crop.width; x++) if (crop.data[y * crop.width + x]! < 128) [any, x0, x1] = [true, Math.min(x0, x), Math.max(x1, x)];
        if (any && y1 < 0) y1 = y;
        if (any) y0 = y;
        else if (y1 >= 0) break;
      }
      return y1 < 0 ? [] : [{ text: 'Y', left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: 90 }];
    };
    const out = await rereadValueCells(page([...HEADER, ['X', 198, 338]]), bitmap, null, S2, recognize, (pw, left, top) => toPageWords(pw, S2, left, top));
    const flags = out.words.filter((w) => w.x > 192 && w.x < 208 && w.y > 330 && w.y < 400).map((w) => [w.text, Math.round(w.y)]);
    expect(flags).toEqual([['X', 338], ['Y', 386]]);
  });

  it("takes a flag tesseract reads with its letter at no confidence, or not at all, where its ink shows a Y, and not where it shows a blot", async () => {
    const S4 = 4;
    const bitmap: GreyBitmap = { width: 612 * S4, height: 792 * S4, data: new Uint8Array(612 * S4 * 792 * S4).fill(255) };
    const ink = (x: number, y: number) => (bitmap.data[Math.round(y) * bitmap.width + Math.round(x)] = 0);
    // a Y 6 points tall and 5 wide in the SUBR column (row 338): its arms from the top corners to the middle, its stem
    // under that, strokes 0.8 point thick
    const [x0, y0, w, h, t] = [199 * S4, 338 * S4, 5 * S4, 6 * S4, Math.round(0.8 * S4)];
    for (let y = 0; y <= h / 2; y++) for (let k = 0; k < t; k++) [ink(x0 + (y * (w - t)) / h + k, y0 + y), ink(x0 + w - t - (y * (w - t)) / h + k, y0 + y)];
    for (let y = h / 2; y < h; y++) for (let k = 0; k < t; k++) ink(x0 + (w - t) / 2 + k, y0 + y);
    // and a blot as large in the row under it (386)
    for (let y = 386 * S4; y < 392 * S4; y++) for (let x = 199 * S4; x < 204 * S4; x++) bitmap.data[y * bitmap.width + x] = 0;
    const run = async (single: string | null) => {
      // the strip reads nothing; each line read alone, as one character, is `single` at 1%
      const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
        if (options.psm !== PSM.SINGLE_CHAR || single === null) return [];
        const [a, b, c, d] = inkBox(crop);
        return c < 0 ? [] : [{ text: single, left: a, top: b, width: c - a + 1, height: d - b + 1, confidence: 1 }];
      };
      const out = await rereadValueCells(page(HEADER), bitmap, null, S4, recognize, (pw, left, top) => toPageWords(pw, S4, left, top));
      return out.words.filter((w) => w.x > 192 && w.x < 208 && w.y > 330 && w.y < 400).map((w) => [w.text, Math.round(w.y), w.confidence]);
    };
    expect(await run('Y')).toEqual([['Y', 338, 0.55]]);
    expect(await run(null)).toEqual([['Y', 338, 0.55]]);
    // read an N, however unsure: no Y
    expect(await run('N')).toEqual([]);
  });

  it("reads a flag the whitelist reads as nothing again from the page, unwhitelisted, and takes its '¥' for a Y (an arm gone with the column's rule)", async () => {
    const read = setup([[198, 338, 4]], true);
    const inSubr = (words: Word[]) => words.filter((w) => w.x > 192 && w.x < 208 && w.y > 330 && w.y < 350).map((w) => w.text);
    const yen = await read([], (_, options) => (options.whitelist === '' ? ['¥', 61] : null));
    expect(inSubr(yen.words)).toEqual(['Y']);
    // read unsure, or as no flag: nothing
    expect(inSubr((await read([], (_, options) => (options.whitelist === '' ? ['¥', 30] : null))).words)).toEqual([]);
    expect(inSubr((await read([], (_, options) => (options.whitelist === '' ? ['1', 90] : null))).words)).toEqual([]);
  });

  it("reads a date cell holding no date once more enlarged by half, and keeps that reading beside the others ('444127' → '4/4/27')", async () => {
    const read = setup([[392, 338, 22]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 380 && w.x < 425 && w.y > 330 && w.y < 350).map((w) => [w.text, w.readings]);
    // (the ink 22 points wide: 44 pixels as cut, 66 enlarged)
    const enlarged = (crop: GreyBitmap, options: RecognizeOptions) => options.psm === PSM.SINGLE_LINE && crop.width > 60 + 2 * 12;
    const { words, calls } = await read([['444127', 392, 338]], (crop, options) => (enlarged(crop, options) ? ['4/4/27', 87] : ['444127', 53]));
    expect(inCell(words)).toEqual([['444127', ['4/4/27']]]);
    expect(calls.some((c) => c.width > 60)).toBe(true);
    // a date read as one is not read again
    const plain = await read([['4/4/27', 392, 338]], () => ['4/4/27', 90]);
    expect(inCell(plain.words)).toEqual([['4/4/27', undefined]]);
    expect(plain.calls).toHaveLength(1);
  });

  it("takes for a doubted date what two of its readings alone give, when that is a date ('10/18/2025' at 70% → '10/19/2025')", async () => {
    const read = setup([[335, 338, 39]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 330 && w.x < 378 && w.y > 330 && w.y < 350).map((w) => [w.text, w.readings]);
    // (the column read as a block; alone at its size, 107 pixels wide with its margins, as the block read it; reduced
    // and enlarged otherwise)
    const alone = (text: string) => (crop: GreyBitmap, options: RecognizeOptions): [string, number] =>
      options.psm === PSM.SINGLE_BLOCK ? ['10/18/2025', 70] : crop.width > 95 && crop.width < 130 ? ['10/18/2025', 75] : [text, 90];
    const voted = await read([['10/18/2025', 335, 338]], alone('10/19/2025'));
    expect(inCell(voted.words)).toEqual([['10/19/2025', ['10/18/2025']]]);
    // readings that agree on no date do not outvote it
    expect(inCell((await read([['10/18/2025', 335, 338]], alone('10119/2025'))).words)).toEqual([['10/18/2025', undefined]]);
    // and a date the strip read at 80% or more is not read again
    const sure = await read([['10/18/2025', 335, 338]], (_, options) => (options.psm === PSM.SINGLE_BLOCK ? ['10/18/2025', 85] : ['10/19/2025', 90]));
    expect(inCell(sure.words)).toEqual([['10/18/2025', undefined]]);
    expect(sure.calls).toHaveLength(1);
  });

  it("takes for an amount grouped wrong, or with a 6 or 8 second ('16000' at 95%), what two of its readings alone agree on, however sure the strip was", async () => {
    const read = setup([[528, 326, 21]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 522 && w.y > 320 && w.y < 335).map((w) => w.text);
    const alone = (text: string) => (_: GreyBitmap, options: RecognizeOptions): [string, number] => (options.psm === PSM.SINGLE_BLOCK ? [text, 95] : ['10000', 95]);
    expect(inCell((await read([['16000', 528, 326]], alone('16000'))).words)).toEqual(['10000']);
    // and one grouped wrong, a last digit lost ('1,000,00')
    const grouped = await read([['1,000,00', 528, 326]], (_, options) => (options.psm === PSM.SINGLE_BLOCK ? ['1,000,00', 40] : ['1,000,000', 93]));
    expect(inCell(grouped.words)).toEqual(['1,000,000']);
    // an amount without one is not read again
    const plain = await read([['15000', 528, 326]], alone('15000'));
    expect(inCell(plain.words)).toEqual(['15000']);
    expect(plain.calls).toHaveLength(1);
  });

  it("takes for an amount the whole page read otherwise ('200,000' at 89%, the page's '$300,000') what two of its readings alone agree on", async () => {
    const read = setup([[528, 326, 21]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 522 && w.y > 320 && w.y < 335).map((w) => w.text);
    const strip = (text: string) => (_: GreyBitmap, options: RecognizeOptions): [string, number] => (options.psm === PSM.SINGLE_BLOCK ? [text, 89] : ['300,000', 93]);
    expect(inCell((await read([['$300,000', 526, 326]], strip('200,000'))).words)).toEqual(['300,000']);
    // read alike by both passes, or but for a '$' read as a digit ('5300,000'): not read again
    const alike = await read([['300,000', 528, 326]], strip('300,000'));
    expect(alike.calls).toHaveLength(1);
    const dollar = await read([['5300,000', 526, 326]], strip('300,000'));
    expect(dollar.calls).toHaveLength(1);
  });

  it("settles an amount by all its readings, a limit as limits are printed first ('2,000,040' → '2,000,000', '16000' → '10000')", async () => {
    const read = setup([[528, 326, 21]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 522 && w.y > 320 && w.y < 335).map((w) => w.text);
    // the strip's reading, and those of the word alone as a line by its scale (its 21 points of ink 42 pixels wide at
    // its size); as one word, nothing
    const answers =
      (strip: [string, number], alone: Record<string, [string, number]>) =>
      (crop: GreyBitmap, options: RecognizeOptions): [string, number] | null => {
        if (options.psm === PSM.SINGLE_BLOCK) return strip;
        if (options.psm !== PSM.SINGLE_LINE) return null;
        const [x0, , x1] = inkBox(crop);
        return alone[String(Math.round(((x1 - x0 + 1) / 42) * 4) / 4)] ?? null;
      };
    // '2,000,040' at 30%, and alone at 5%: '2,000,000' at 24% alone and on the page, its commas read as points, at 90%
    const zero = answers(['2,000,040', 30], { 0.75: ['2,000,060', 9], 1.5: ['2,000,040', 5], 1: ['2,000,000', 24] });
    expect(inCell((await read([['2.000.000', 528, 326]], zero)).words)).toEqual(['2,000,000']);
    // a reading none gives twice, or none gives surely, stays
    expect(inCell((await read([], zero)).words)).toEqual(['2,000,040']);
    // a 0 read as 4 in the strip at no confidence: '2,000,000' at 54% and 57% alone
    expect(inCell((await read([], answers(['2000400', 0], { 0.75: ['2,000,000', 54], 1.5: ['2,000,000', 57] }))).words)).toEqual(['2,000,000']);
    // '16000' read three times at 69% to 79%, '10000' at 96% alone and at 90% on the page: the limit as printed wins
    const sixteen = answers(['16000', 69], { 0.75: ['10000', 96], 1.5: ['16000', 79], 1: ['16000', 69] });
    expect(inCell((await read([['10000', 528, 326]], sixteen)).words)).toEqual(['10000']);
    // the strip's reading at no confidence, and nothing read alone: the page's sure reading, given once
    const unread = (confidence: number) => answers(['10000', confidence], { 0.75: ['00', 0], 1.5: ['00', 0], 1: ['000', 0] });
    expect(inCell((await read([['1.000.000', 528, 326]], unread(0))).words)).toEqual(['1,000,000']);
    expect(inCell((await read([['1.000.000', 528, 326]], unread(30))).words)).toEqual(['10000']);
  });

  it("takes the whole page's amount for one the strip read with its '$' as a digit before it ('310,000' for '$10,000')", async () => {
    const read = setup([[528, 326, 21]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 522 && w.y > 320 && w.y < 335).map((w) => w.text);
    expect(inCell((await read([['$10,000', 528, 326]], () => ['310,000', 0])).words)).toEqual(['10,000']);
    // not where the strip was surer, nor for another digit before it
    expect(inCell((await read([['$10,000', 528, 326]], () => ['310,000', 95])).words)).toEqual(['310,000']);
    expect(inCell((await read([['$10,000', 528, 326]], () => ['210,000', 0])).words)).toEqual(['210,000']);
  });

  it("takes for a NAIC code read with a digit too many or too few the whole-page pass's five digits a digit apart ('214686' → '21466')", async () => {
    const read = setup([[560, 173, 20]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 540 && w.y > 168 && w.y < 180).map((w) => w.text);
    // (the strip and every reading alone give '214686')
    const strip = (text: string) => (): [string, number] => [text, 82];
    expect(inCell((await read([['21466', 560, 173]], strip('214686'))).words)).toEqual(['21466']);
    expect(inCell((await read([['26044', 560, 173]], strip('2604'))).words)).toEqual(['26044']);
    // no such reading of the whole page: as read
    expect(inCell((await read([['214', 560, 173]], strip('214686'))).words)).toEqual(['214686']);
    expect(inCell((await read([['21466', 560, 173]], strip('21468'))).words)).toEqual(['21468']);
  });

  it("blanks no amount's first digit standing apart from the next after the '$'s the first pass found ('$1,000,000' in a typewriter's type)", async () => {
    // the '$'s end at 522 (HEADER): the strip begins after them; a 1 two points on, two points apart from its zeros
    const read = setup([[524, 326, 1.5], [527.5, 326, 18]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 522 && w.y > 320 && w.y < 335).map((w) => w.text);
    // (the recognizer reads the 1 where the crop's ink begins with it)
    const { words } = await read([], (crop) => (inkBox(crop)[2] - inkBox(crop)[0] > 40 ? ['1,000,000', 90] : [',000,000', 90]));
    expect(inCell(words)).toEqual(['1,000,000']);
  });

  it("drops a first-pass word in the '$' column on a line the amounts strip read ('1s2,' for '$2,' of '$2,000,000'), and keeps a '$' and the label beside it", async () => {
    const read = setup([[528, 326, 21]]);
    const line = (words: Word[]) => words.filter((w) => w.x > 440 && w.y > 320 && w.y < 335).map((w) => w.text);
    const { words } = await read([['1s2,', 515, 326], ['AGGREGATE', 450, 326]], () => ['2,000,000', 90]);
    expect(line(words)).toEqual(['AGGREGATE', '2,000,000']);
    // on a line the strip read nothing on, it stays; and a '$' alone as OCR reads it ("'s") stays, which the layout
    // reader knows for a '$'
    expect(line((await read([['1s2,', 515, 326], ['AGGREGATE', 450, 326]], () => null)).words)).toEqual(['1s2,', 'AGGREGATE']);
    expect(line((await read([["'s", 518, 326], ['AGGREGATE', 450, 326]], () => ['2,000,000', 90])).words)).toEqual(["'s", 'AGGREGATE', '2,000,000']);
  });

  it("drops such a word as far left of a strip begun after a typed '$' ('$51.': the form's '$', the typed one, a digit)", async () => {
    const read = setup([[527, 326, 21]]);
    const line = (words: Word[]) => words.filter((w) => w.x > 440 && w.y > 320 && w.y < 335).map((w) => w.text);
    // the amounts typed with a '$' of their own, read with the form's into one word ('$$1,000,000' from 519 pt): the
    // strip begins at 526 pt
    const typed: Place[] = [['$$1,000,000', 519, 301], ['$$2,000,000', 519, 349], ['$$1,000,000', 519, 493]];
    const { words } = await read([...typed, ['$51.', 509, 326], ['AGGREGATE', 450, 326]], () => ['2,000,000', 90]);
    expect(line(words)).toEqual(['AGGREGATE', '2,000,000']);
  });

  it("keeps the whole-page pass's reading beside an amount the strip read as none (',000,000'), and none beside an amount", async () => {
    const read = setup([[528, 326, 21]]);
    const inCell = (words: Word[]) => words.filter((w) => w.x > 522 && w.y > 320 && w.y < 335).map((w) => [w.text, w.readings]);
    const lost = await read([['$1,000,000', 526, 326]], () => [',000,000', 90]);
    expect(inCell(lost.words)).toEqual([[',000,000', ['$1,000,000']]]);
    const plain = await read([['$1,000,000', 526, 326]], () => ['1,000,000', 90]);
    expect(inCell(plain.words)).toEqual([['1,000,000', undefined]]);
  });

  it("takes for a policy number what two of its readings alone, reduced, enlarged and at its size, give surely ('B360115-26' → '8360115-26')", async () => {
    const read = setup([[232, 338, 42]]);
    const number = (words: Word[]) => words.filter((w) => w.x > 220 && w.x < 330 && w.y > 330 && w.y < 350).map((w) => [w.text, w.confidence]);
    // the column read as a block; alone as a line: reduced (85 pixels wide with its margins), at its size (113) and
    // enlarged (169)
    const answer = (reduced: string, size: string, enlarged: string) => (crop: GreyBitmap, options: RecognizeOptions): [string, number] =>
      options.psm !== PSM.SINGLE_LINE ? ['B360115-26', 86] : crop.width < 100 ? [reduced, 92] : crop.width < 140 ? [size, 80] : [enlarged, 91];
    // reduced and enlarged agree: at its size it is not read
    const agreed = await read([['B360115-26', 232, 338]], answer('8360115-26', 'B360115-26', '8360115-26'));
    expect(number(agreed.words)).toEqual([['8360115-26', 0.91]]);
    expect(agreed.calls.map((c) => c.options.psm)).toEqual([PSM.SINGLE_BLOCK, PSM.SINGLE_LINE, PSM.SINGLE_LINE]);
    // they disagree: at its size it sides with one
    expect(number((await read([['B360115-26', 232, 338]], answer('8360115-26', '8360115-26', 'B8360115-26'))).words)).toEqual([['8360115-26', 0.8]]);
    // kept: the reading at its size sides with the column's, no two agree, or the two that do differ too much
    for (const [reduced, size, enlarged] of [
      ['8360115-26', 'B360115-26', 'B8360115-26'],
      ['8360115-26', 'B360I15-26', 'B8360115-26'],
      ['B36-26', 'B36-26', 'B36-26'],
    ] as const) {
      expect(number((await read([['B360115-26', 232, 338]], answer(reduced, size, enlarged))).words), `${reduced} ${size} ${enlarged}`).toEqual([['B360115-26', 0.86]]);
    }
    // a vote counts only when tesseract gives it 50% or more: a low scan enlarged reads a 9 as 3 ('D354606' at 24%)
    const unsure = await read([['B360115-26', 232, 338]], (crop, options) =>
      options.psm !== PSM.SINGLE_LINE ? ['B360115-26', 86] : crop.width < 100 ? ['8360115-26', 24] : crop.width < 140 ? ['B360115-26', 80] : ['8360115-26', 81],
    );
    expect(number(unsure.words)).toEqual([['B360115-26', 0.86]]);
    // a word the strip read at 95% or more is not read again
    const sure = await read([['B360115-26', 232, 338]], (crop, options) => (options.psm !== PSM.SINGLE_LINE ? ['B360115-26', 96] : ['8360115-26', 99]));
    expect(number(sure.words)).toEqual([['B360115-26', 0.96]]);
    expect(sure.calls).toHaveLength(1);
    // a word with no digit ('CGL') is not read again
    const letters = await read([['CGL', 232, 338]], () => ['CGL', 86]);
    expect(letters.calls).toHaveLength(1);
  });

  it("takes a policy number's word read alone as two words on its line for one reading of it, spaced ('XS85531048-23' → 'XS 5531048-23')", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    for (let y = 338 * S; y < 344 * S; y++) bitmap.data.fill(0, y * bitmap.width + 232 * S, y * bitmap.width + 274 * S);
    // as a block, one word at 19%; alone as a line, the prefix and the number apart
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      const [x0, y0, x1, y1] = inkBox(crop);
      if (x1 < 0 || options.whitelist !== '') return [];
      const box = { top: y0, height: y1 - y0 + 1 };
      if (options.psm !== PSM.SINGLE_LINE) return [{ text: 'XS85531048-23', left: x0, width: x1 - x0 + 1, confidence: 19, ...box }];
      const split = x0 + Math.round((x1 - x0) / 5);
      return [
        { text: 'XS', left: x0, width: split - x0 - 2, confidence: 84, ...box },
        { text: '5531048-23', left: split, width: x1 - split + 1, confidence: 61, ...box },
      ];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    expect(out.words.filter((w) => w.x > 220 && w.x < 330 && w.y > 330 && w.y < 350).map((w) => [w.text, w.readings])).toEqual([['XS 5531048-23', ['XS85531048-23']]]);
  });

  it("takes for a policy number's word holding a sign no policy number prints ('XS§' at 34%) the whole page's surer reading without it", async () => {
    const read = setup([[232, 338, 10]]);
    const number = (words: Word[]) => words.filter((w) => w.x > 220 && w.x < 330 && w.y > 330 && w.y < 350).map((w) => w.text);
    expect(number((await read([['XS', 232, 338]], () => ['XS§', 34])).words)).toEqual(['XS']);
    // not where the strip was as sure
    expect(number((await read([['XS', 232, 338]], () => ['XS§', 90])).words)).toEqual(['XS§']);
    // and against a reading holding such a sign, two readings alone holding none count however unsure, if surer
    const paren = (alone: number) => (_: GreyBitmap, options: RecognizeOptions): [string, number] => (options.psm === PSM.SINGLE_BLOCK ? ['25(0066-24', 38] : ['2500066-24', alone]);
    expect(number((await read([], paren(43))).words)).toEqual(['2500066-24']);
    expect(number((await read([], paren(30))).words)).toEqual(['25(0066-24']);
  });

  it("drops a first-pass word OCR ran across two strips ('XX' over the ADDL and SUBR columns), whose parts they read", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    for (const x0 of [180, 198]) for (let y = 338 * S; y < 344 * S; y++) for (let x = x0 * S; x < (x0 + 4) * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      const [x0, y0, x1, y1] = inkBox(crop);
      return x1 < 0 || options.whitelist !== 'XYN' ? [] : [{ text: 'X', left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: 77 }];
    };
    // (labels of 4.5-point type: the two flag strips then leave a gap between them, where the word's middle lies)
    const first = page(HEADER.map(([t, x, y]): Place => [t, x, y, 4.5]));
    // (and a label the ADDL column's X merely touches stays)
    first.words.push({ text: 'XX', x: 179, y: 338, width: 24, height: 6, confidence: 0.33 }, { text: 'SCHEDULED', x: 125, y: 338, width: 56, height: 6, confidence: 0.9 });
    const out = await rereadValueCells(first, bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    expect(out.words.filter((w) => w.y > 335 && w.y < 345 && w.x < 300).map((w) => w.text).sort()).toEqual(['SCHEDULED', 'X', 'X']);
  });

  it("drops a first-pass word that begins in a strip and runs out of it over the strip's word ('AX': a letter and the mark beside it)", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    for (let y = 338 * S; y < 344 * S; y++) for (let x = 20 * S; x < 24 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      const [x0, y0, x1, y1] = inkBox(crop);
      return x1 < 0 || options.whitelist !== 'ABCDEF' ? [] : [{ text: 'A', left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: 96 }];
    };
    const first = page(HEADER);
    // (boxed wide enough that its centre lies outside the letter column: the column's rule is not snapped to here)
    first.words.push({ text: 'AX', x: 20, y: 337, width: 46, height: 8, confidence: 0.54 });
    const out = await rereadValueCells(first, bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    expect(out.words.filter((w) => w.y > 335 && w.y < 345 && w.x < 45).map((w) => w.text)).toEqual(['A']);
  });

  it("blanks the printed '$' where OCR read it, though the strip's edge moved onto the rule further left than a '$' is wide", async () => {
    const blank = () => ({ width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) });
    const bitmap: GreyBitmap = blank();
    const ink = (b: GreyBitmap, x0: number, x1: number, y0: number, y1: number) => {
      for (let y = Math.round(y0 * S); y < Math.round(y1 * S); y++) for (let x = Math.round(x0 * S); x < Math.round(x1 * S); x++) b.data[y * b.width + x] = 0;
    };
    // the printed '$' 514..522.5 (a photo, enlarged), the typed '$5,000' from 527 on
    ink(bitmap, 514, 522.5, 301, 307);
    ink(bitmap, 527, 550, 301, 307);
    // the grid's rules, the limit cell's left one at 512
    const binary: GreyBitmap = blank();
    for (const x of [17, 175, 193, 213, 330, 377, 420, 512, 600]) ink(binary, x, x + 0.5, 285, 560);
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      const [x0, y0, x1, y1] = inkBox(crop);
      if (x1 < 0 || options.whitelist !== '0123456789,') return [];
      // the printed '$' read as an 8 when it is still there
      return [{ text: x1 - x0 > 30 * S ? '85,000' : '5,000', left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: 90 }];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, binary, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    expect(out.words.filter((w) => w.y > 298 && w.y < 310 && w.x > 510).map((w) => w.text)).toEqual(['5,000']);
  });

  it("reads an amount boxed far wider than its digits, over the cell's rule, alone on its own line of ink ('100' → '1000000')", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0 * S; y < y1 * S; y++) for (let x = x0 * S; x < x1 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    };
    // three amounts, the first beside a piece of the cell's right rule
    ink(528, 559, 301, 307);
    ink(594, 595, 299, 311);
    ink(528, 555, 313, 319);
    ink(528, 550, 325, 331);
    // a recognizer that reads each band of inked rows as one word, garbled where the band is wider than any amount
    const reader = (wide: [string, number], alone: [string, number]) => async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      if (options.whitelist !== '0123456789,') return [];
      const out: PixelWord[] = [];
      let y = 0;
      while (y < crop.height) {
        const inked = (row: number) => crop.data.subarray(row * crop.width, (row + 1) * crop.width).some((v) => v < 128);
        if (!inked(y)) {
          y++;
          continue;
        }
        const y0 = y;
        while (y < crop.height && inked(y)) y++;
        let [x0, x1] = [Infinity, -1];
        for (let r = y0; r < y; r++) for (let x = 0; x < crop.width; x++) if (crop.data[r * crop.width + x]! < 128) [x0, x1] = [Math.min(x0, x), Math.max(x1, x)];
        const w = (x1 - x0 + 1) / S;
        const [text, confidence] = w >= 50 ? wide : w >= 30 ? alone : w >= 26 ? ['100000', 95] : ['10000', 95];
        out.push({ text, left: x0, top: y0, width: x1 - x0 + 1, height: y - y0, confidence });
      }
      return out;
    };
    const read = async (wide: [string, number], alone: [string, number]) => {
      const out = await rereadValueCells(page(HEADER), bitmap, null, S, reader(wide, alone), (pw, left, top) => toPageWords(pw, S, left, top));
      return out.words.filter((w) => w.x > 522 && w.y > 295 && w.y < 335).sort((a, b) => a.y - b.y);
    };
    const amounts = await read(['100', 0], ['1000000', 97]);
    expect(amounts.map((w) => w.text)).toEqual(['1000000', '100000', '10000']);
    // with the box of its digits, not of the rule's piece
    expect(amounts[0]!.width).toBeLessThan(35);
    // a reading alone with fewer digits than the strip's is no mending ('000000' for the strip's 5000000), but for a
    // leading 1 the wide box took in from a stroke ('15000000' for 5000000)
    expect((await read(['5000000', 7], ['000000', 95]))[0]!.text).toBe('5000000');
    expect((await read(['5000000', 7], ['500000', 95]))[0]!.text).toBe('5000000');
    expect((await read(['15000000', 21], ['5000000', 95]))[0]!.text).toBe('5000000');
  });

  it("takes for a NAIC code what its readings alone, reduced and enlarged, agree on ('11670' → '11570')", async () => {
    const read = setup([[560, 192, 21]]);
    const naic = (words: Word[]) => words.filter((w) => w.x > 550 && w.y > 185 && w.y < 200).map((w) => w.text);
    const { words, calls } = await read([['11670', 560, 192]], (crop, options) => (options.psm === PSM.SINGLE_LINE ? ['11570', 95] : ['11670', 94]));
    expect(naic(words)).toEqual(['11570']);
    expect(calls.every((c) => c.options.whitelist === '0123456789')).toBe(true);
  });
});

describe('a line the block reading of a strip skipped', () => {
  const S = 2;
  /** A page with two amounts typed in the amounts column: on the EACH OCCURRENCE and the GENERAL AGGREGATE lines. */
  const twoAmounts = (): GreyBitmap => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    for (const top of [302, 350]) for (let y = top * S; y < (top + 6) * S; y++) for (let x = 530 * S; x < 560 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    return bitmap;
  };
  it('finds the lines of ink a glyph high and wide, not the pieces of rules', () => {
    const [w, h] = [100, 100];
    const b: GreyBitmap = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) b.data[y * w + x] = 0;
    };
    ink(10, 40, 10, 22); // a line of digits, 12 rows high
    for (let x = 5; x < 95; x += 4) ink(x, x + 2, 40, 42); // a dotted rule's remnant, 2 rows high
    ink(50, 52, 55, 85); // a vertical rule's piece: 30 rows high, 2 columns wide
    expect(inkLines(b, 5)).toEqual([[10, 22]]);
    // a flag typed across its column's rule: the rule's remnant runs on 40 rows above the X's 12, into which it merges
    const flag: GreyBitmap = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
    for (let y = 30; y < 82; y++) for (let x = 20; x < 22; x++) flag.data[y * w + x] = 0;
    for (let y = 70; y < 82; y++) for (const x of [14 + (y - 70), 26 - (y - 70)]) flag.data.fill(0, y * w + x, y * w + x + 2);
    expect(inkLines(flag, 5)).toEqual([[70, 82]]);
  });

  it('reads a line of ink alone when the block reading of its strip skipped it', async () => {
    const bitmap = twoAmounts();
    const calls: number[] = [];
    // the recognizer reads each line of ink it is given, but in a whole strip only the first
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      if (options.whitelist !== '0123456789,') return [];
      calls.push(crop.height);
      const lines = inkLines(crop, 4);
      return lines.slice(0, 1).map(([y0, y1]) => {
        let x0 = crop.width;
        let x1 = 0;
        for (let y = y0; y < y1; y++) for (let x = 0; x < crop.width; x++) if (crop.data[y * crop.width + x]! < 128) [x0, x1] = [Math.min(x0, x), Math.max(x1, x + 1)];
        return { text: crop.height > 100 ? '1,000,000' : '5,000', left: x0, top: y0, width: x1 - x0, height: y1 - y0, confidence: 95 };
      });
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    const amounts = out.words.filter((w) => /^\d[\d,]*$/.test(w.text) && w.x > 500).sort((a, b) => a.y - b.y);
    expect(amounts.map((w) => [w.text, Math.round(w.y)])).toEqual([
      ['1,000,000', 302],
      ['5,000', 350],
    ]);
    // the strip, then the skipped line alone
    expect(calls).toHaveLength(2);
  });

  it("reads a skipped line with its margins blank: a rule's specks just under it make tesseract find no line", async () => {
    const bitmap = twoAmounts();
    // dashes of the cell's rule two rows under the second amount
    for (let x = 530 * S; x < 560 * S; x += 6) bitmap.data.fill(0, (356 * S + 2) * bitmap.width + x, (356 * S + 2) * bitmap.width + x + 3);
    // the recognizer reads the first line of a strip; a line alone only when no other ink stands apart under it
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      if (options.whitelist !== '0123456789,') return [];
      const rows = [...Array(crop.height).keys()].filter((y) => crop.data.subarray(y * crop.width, (y + 1) * crop.width).includes(0));
      if (crop.height < 100 && rows.some((y, i) => i > 0 && y - rows[i - 1]! > 1)) return [];
      const [y0, y1] = inkLines(crop, 4)[0]!;
      const [x0, , x1] = inkBox(crop);
      return [{ text: crop.height > 100 ? '1,000,000' : '5,000', left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0, confidence: 90 }];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    const amounts = out.words.filter((w) => /^\d[\d,]*$/.test(w.text) && w.x > 500).sort((a, b) => a.y - b.y);
    expect(amounts.map((w) => [w.text, Math.round(w.y)])).toEqual([
      ['1,000,000', 302],
      ['5,000', 350],
    ]);
  });

  it('reads a skipped line as sparse text when read alone as a block it gives nothing (a speck under the value)', async () => {
    const bitmap = twoAmounts();
    const calls: PSM[] = [];
    // the whole strip gives its first line; a line alone gives nothing as a block, its value as sparse text
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      if (options.whitelist !== '0123456789,') return [];
      calls.push(options.psm!);
      if (crop.height < 100 && options.psm !== PSM.SPARSE_TEXT) return [];
      const [x0, y0, x1] = inkBox(crop);
      return [{ text: crop.height > 100 ? '1,000,000' : '5,000', left: x0, top: y0, width: x1 - x0 + 1, height: 6 * S, confidence: 90 }];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    const amounts = out.words.filter((w) => /^\d[\d,]*$/.test(w.text) && w.x > 500).sort((a, b) => a.y - b.y);
    expect(amounts.map((w) => [w.text, Math.round(w.y)])).toEqual([
      ['1,000,000', 302],
      ['5,000', 350],
    ]);
    expect(calls.slice(1)).toEqual([PSM.SINGLE_BLOCK, PSM.SPARSE_TEXT]);
  });

  it("reads a skipped line reduced by a quarter when at its size it gives nothing in any mode (a photo's plain '1,000,000')", async () => {
    const bitmap = twoAmounts();
    const calls: PSM[] = [];
    let stripWidth = 0;
    // the whole strip gives its first line; a line alone gives nothing but reduced
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      if (options.whitelist !== '0123456789,') return [];
      if (crop.height >= 100) stripWidth = crop.width;
      else calls.push(options.psm!);
      if (crop.height < 100 && crop.width >= stripWidth) return [];
      const [x0, y0, x1, y1] = inkBox(crop);
      return [{ text: crop.height > 100 ? '1,000,000' : '5,000', left: x0, top: y0, width: x1 - x0 + 1, height: crop.height > 100 ? 6 * S : y1 - y0 + 1, confidence: 97 }];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    const amounts = out.words.filter((w) => /^\d[\d,]*$/.test(w.text) && w.x > 500).sort((a, b) => a.y - b.y);
    // (in the page's frame, where the line stands)
    expect(amounts.map((w) => [w.text, Math.round(w.x), Math.round(w.y)])).toEqual([
      ['1,000,000', 530, 302],
      ['5,000', 530, 350],
    ]);
    expect(calls).toEqual([PSM.SINGLE_BLOCK, PSM.SPARSE_TEXT, PSM.SINGLE_LINE]);
  });

  it("reads a skipped insurer letter read unsure reduced again at its own size ('B' at 0%, at 93% as it is)", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    for (let y = 338 * S; y < 344 * S; y++) bitmap.data.fill(0, y * bitmap.width + 21 * S, y * bitmap.width + 26 * S);
    const sizes: number[] = [];
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      if (options.whitelist !== 'ABCDEF' || options.psm !== PSM.SINGLE_CHAR) return [];
      sizes.push(crop.height);
      const [x0, y0, x1, y1] = inkBox(crop);
      return [{ text: 'B', left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: sizes.length === 1 ? 0 : 93 }];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    expect(out.words.filter((w) => w.x < 40 && /^[A-F]$/.test(w.text)).map((w) => [w.text, Math.round(w.y)])).toEqual([['B', 338]]);
    // (reduced first, then as it is)
    expect(sizes).toHaveLength(2);
    expect(sizes[1]!).toBeGreaterThan(sizes[0]!);
  });

  it("reads each skipped line of the insurer letters' and flag columns alone as one sure letter, and at most eight lines in a strip", async () => {
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    const ink = (x0: number, x1: number, top: number) => {
      for (let y = top * S; y < (top + 6) * S; y++) for (let x = x0 * S; x < x1 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    };
    // ten lines of ink in the amounts column, two in the insurer letters' column and five in the ADDL flags' column
    // (one a row: GL, auto, umbrella, WC, other), none of which the strips read
    for (let top = 302; top < 540; top += 24) ink(530, 560, top);
    for (const top of [338, 410]) ink(21, 26, top);
    for (const top of [338, 362, 386, 410, 458]) ink(180, 184, top);
    const calls: RecognizeOptions[] = [];
    const recognize = async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
      calls.push(options);
      // a skipped letter read alone: the first line's ink a sure B (a sure Y in the flags' column), the second's a
      // doubtful E (N)
      if (options.psm === PSM.SINGLE_CHAR) {
        const first = calls.filter((c) => c.psm === PSM.SINGLE_CHAR && c.whitelist === options.whitelist).length === 1;
        const [x0, y0, x1, y1] = inkBox(crop);
        const text = options.whitelist === 'XYN' ? (first ? 'Y' : 'N') : first ? 'B' : 'E';
        return [{ text, left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, confidence: first ? 92 : 50 }];
      }
      // each strip reads one word in its middle (y 431 on the page), covering none of the lines
      return [{ text: options.whitelist === 'ABCDEF' ? 'A' : options.whitelist === '0123456789,' ? '1' : 'Y', left: crop.width / 2, top: crop.height / 2, width: 2, height: 6 * S, confidence: 95 }];
    };
    const out = await rereadValueCells(page(HEADER), bitmap, null, S, recognize, (pw, left, top) => toPageWords(pw, S, left, top));
    const letters = calls.filter((c) => c.whitelist === 'ABCDEF');
    // (the doubtful line read once more at its own size)
    expect(letters.map((c) => c.psm)).toEqual([PSM.SINGLE_BLOCK, PSM.SINGLE_CHAR, PSM.SINGLE_CHAR, PSM.SINGLE_CHAR]);
    // (the sure B where its line of ink is; the doubtful E not taken)
    const read = out.words.filter((w) => w.x < 40 && /^[A-F]$/.test(w.text)).sort((p, q) => p.y - q.y);
    expect(read.map((w) => w.text)).toEqual(['B', 'A']);
    expect(read[0]!.y).toBeGreaterThan(334);
    expect(read[0]!.y).toBeLessThan(344);
    // the ADDL column: its strip, then each of its five lines alone, past three; the sure Y taken where its ink is (the
    // SUBR column has no ink)
    expect(calls.filter((c) => c.whitelist === 'XYN').map((c) => c.psm)).toEqual([PSM.SINGLE_BLOCK, ...Array(5).fill(PSM.SINGLE_CHAR)]);
    const flags = out.words.filter((w) => w.x > 170 && w.x < 195 && /^[XYN]$/.test(w.text)).sort((p, q) => p.y - q.y);
    expect(flags.map((w) => [w.text, Math.round(w.y)])).toEqual([
      ['Y', 338],
      ['Y', 432],
    ]);
    expect(calls.filter((c) => c.whitelist === '0123456789,')).toHaveLength(1 + 8);
  });
});

describe('a doubted name read again, its line enlarged and reduced', () => {
  const S = 4;
  const strip: GreyBitmap = { width: 200 * S, height: 40 * S, data: new Uint8Array(200 * S * 40 * S).fill(255) };
  const word = (text: string, x: number, confidence: number): Word => ({ text, x, y: 10, width: text.length * 4, height: 7, confidence });
  type Reading = [string, number, number][];
  // the line read enlarged as `larger` and reduced as `smaller`, each word where the first reading placed it
  const recognizer = (larger: Reading, smaller: Reading, calls: number[]) => async (crop: GreyBitmap, options: RecognizeOptions): Promise<PixelWord[]> => {
    expect(options.psm).toBe(PSM.SINGLE_LINE);
    const scale = crop.width / (strip.width + 24);
    calls.push(Math.round(scale * 100) / 100);
    const top = (10 - 0.4 * 7) * S;
    return (scale > 1 ? larger : smaller).map(([text, x, confidence]) => ({ text, left: (x * S + 12) * scale, top: (10 * S - Math.floor(top) + 12) * scale, width: text.length * 4 * S * scale, height: 7 * S * scale, confidence }));
  };
  const run = async (found: Word[], larger: Reading, smaller: Reading = larger, calls: number[] = []) => {
    await rereadDoubtedNames(found, strip, { left: 0, top: 0 }, S, recognizer(larger, smaller, calls), (pw, left, top) => toPageWords(pw, S, left, top));
    return found.map((w) => w.text);
  };

  it('takes the reduced reading when it is surer, or the enlarged one agrees with it', async () => {
    const calls: number[] = [];
    expect(await run([word('Bnightline', 20, 0.7), word('Risk', 62, 0.96)], [['Bnightline', 20, 61], ['Risk', 62, 96]], [['Brightline', 20, 90], ['Risk', 62, 97]], calls)).toEqual(['Brightline', 'Risk']);
    expect(calls).toEqual([1.5, 0.75]);
    expect(await run([word('Commans', 20, 0.75)], [['Commons', 20, 69]], [['Commons', 20, 63]])).toEqual(['Commons']);
  });

  it('takes the enlarged reading when it is surer by 0.2, or gives the letter the first reading dropped', async () => {
    expect(await run([word('ronbridge', 20, 0), word('Construction', 60, 0.96)], [['Ironbridge', 18, 0], ['Construction', 60, 96]], [['ronbridge', 20, 40]])).toEqual(['Ironbridge', 'Construction']);
    expect(await run([word('Bnightline', 20, 0.2)], [['Brightline', 20, 70]], [['Bnightline', 20, 10]])).toEqual(['Brightline']);
  });

  it("takes what two readings agree on but for a first capital one lost, the capital's, over a third however sure", async () => {
    // the first reading and the enlarged one: 'ironbridge' and 'Ironbridge', the reduced 'ironhridge' surer than both
    expect(await run([word('ironbridge', 20, 0.33)], [['Ironbridge', 20, 5]], [['ironhridge', 20, 56]])).toEqual(['Ironbridge']);
    // the reduced and the enlarged one
    expect(await run([word('ironhridge', 20, 0.5)], [['Ironbridge', 20, 5]], [['ironbridge', 20, 30]])).toEqual(['Ironbridge']);
    // the first reading with its capital, read again without: kept
    expect(await run([word('Ironbridge', 20, 0.5)], [['ironbridge', 20, 90]], [['ironhridge', 20, 95]])).toEqual(['Ironbridge']);
  });

  it('keeps the first reading when neither is surer nor agrees, or reads another word, and reads no line without a doubted word', async () => {
    expect(await run([word('Bnightline', 20, 0.5)], [['Brightline', 20, 55]], [['Bnghtline', 20, 30]])).toEqual(['Bnightline']);
    // an English word read again as one that is not, however surely
    expect(await run([word('Shield', 20, 0.61)], [['Shield', 20, 92]], [['Shieid', 20, 90]])).toEqual(['Shield']);
    expect(await run([word('Bnightline', 20, 0.2)], [['Westfield', 20, 90]])).toEqual(['Bnightline']);
    const calls: number[] = [];
    expect(await run([word('Brightline', 20, 0.9)], [['Westline', 20, 99]], [['Westline', 20, 99]], calls)).toEqual(['Brightline']);
    expect(calls).toEqual([]);
  });
});

describe("a box of names read again", () => {
  it('keeps the labels around it, though a word read in it was boxed over one of them', async () => {
    const S = 2;
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    // the producer's city line
    for (let y = 160 * S; y < 166 * S; y++) for (let x = 22 * S; x < 42 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    const places: Place[] = [...HEADER, ['PRODUCER', 22, 122.5, 4.5], ['INSURED', 22, 182.5, 4.5], ['COVERAGES', 22, 241, 8], ['Tampa', 22, 160]];
    const out = await rereadValueCells(
      page(places),
      bitmap,
      null,
      S,
      async (crop, options) => (options.whitelist === '' && crop.height < 200 ? [{ text: 'Tampa_', left: 0, top: 0, width: 1, height: 1, confidence: 60 }] : []),
      // (the city read with the rule under it: its box reaches down over INSURED)
      (pw, left, top) => (pw[0]?.text === 'Tampa_' ? [{ text: 'Tampa', x: 16, y: 160, width: 24, height: 26, confidence: 0.6 }] : toPageWords(pw, S, left, top)),
    );
    expect(out.words.map((w) => w.text)).toContain('INSURED');
  });
});

describe("a strip's words", () => {
  it('drop a second, less confident reading of the same ink boxed inside a word', async () => {
    const S = 2;
    const bitmap: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
    for (let y = 130 * S; y < 138 * S; y++) for (let x = 22 * S; x < 90 * S; x++) bitmap.data[y * bitmap.width + x] = 0;
    const places: Place[] = [...HEADER, ['PRODUCER', 22, 122.5, 4.5], ['INSURED', 22, 182.5, 4.5], ['COVERAGES', 22, 241, 8]];
    // and keep a word whose box tesseract stretched over its neighbour ('Fire' boxed to the end of 'Casualty')
    const read: Word[] = [
      { text: 'Brightline', x: 22, y: 130, width: 34, height: 8, confidence: 0.8 },
      { text: 'Bro', x: 28, y: 131, width: 12, height: 7, confidence: 0.5 },
      { text: 'Risk', x: 58, y: 130, width: 14, height: 8, confidence: 0.97 },
      { text: 'Fire', x: 74, y: 130, width: 36, height: 8, confidence: 0.93 },
      { text: 'Casualty', x: 84, y: 130, width: 26, height: 8, confidence: 0.97 },
      // and one stretched over the next word, read less surely: 'Compensation' over 'Mutual'
      { text: 'Compensation', x: 112, y: 130, width: 80, height: 8, confidence: 0.89 },
      { text: 'Mutual', x: 160, y: 130, width: 22, height: 8, confidence: 0.8 },
      // and a word boxed short of stretched over the next, which reads no part of it: 'Fire' inside 'Northbridge'
      { text: 'Northbridge', x: 200, y: 130, width: 57, height: 8, confidence: 0.97 },
      { text: 'Fire', x: 240, y: 130, width: 15, height: 8, confidence: 0.93 },
    ];
    const out = await rereadValueCells(
      page(places),
      bitmap,
      null,
      S,
      async (crop, options) => (options.whitelist === '' && crop.height < 200 ? [{ text: 'box', left: 0, top: 0, width: 1, height: 1, confidence: 80 }] : []),
      (pw, left, top) => (pw[0]?.text === 'box' ? read : toPageWords(pw, S, left, top)),
    );
    expect(out.words.filter((w) => w.y > 125 && w.y < 140).map((w) => w.text)).toEqual(['Brightline', 'Risk', 'Fire', 'Casualty', 'Compensation', 'Mutual', 'Northbridge', 'Fire']);
  });
});

describe('the INSURED label read again on its own', () => {
  const S = 2;
  const blank: GreyBitmap = { width: 612 * S, height: 792 * S, data: new Uint8Array(612 * S * 792 * S).fill(255) };
  // the producer's and the insured's boxes, down the left edge above the grid; the whole-page pass lost the INSURED
  // label, pressed under the producer's city line, or garbled it past knowing ('ee')
  const parties: Place[] = [
    ['PRODUCER', 20, 60],
    ['Pinnacle Commercial Insurance Group', 40, 70],
    ['Dallas TX 75201', 40, 100],
    ['Tran Electric, Inc.', 85, 118],
    ['7648 Cameron Rd', 85, 128],
    ['COVERAGES', 20, 150],
    ...HEADER,
  ];
  const reread = async (places: Place[], reading: Word[]) => {
    const bands: { width: number; height: number; psm: string | undefined }[] = [];
    const out = await rereadInsuredLabel(page(places), blank, S, async (crop, options) => (bands.push({ width: crop.width, height: crop.height, psm: options?.psm }), []), () => reading);
    return { bands, out };
  };

  it('reads the band under PRODUCER once, as a block, and adds the label found there: the insured then has its box', async () => {
    expect(byName(acord25ValueRegions(page(parties))).insured).toBeUndefined();
    const { bands, out } = await reread([...parties, ['ee', 20, 108]], words([['Dalla', 40, 100], ['INSURED', 20, 108]]));
    expect(bands).toHaveLength(1);
    expect(bands[0]!.psm).toBe(PSM.SINGLE_BLOCK);
    // as wide as PRODUCER and a little more, from under it to COVERAGES
    expect(bands[0]!.width / S).toBeLessThan(60);
    expect(bands[0]!.height / S).toBeLessThan(150 - 66 + 12);
    expect(out.words.filter((w) => w.text === 'INSURED')).toHaveLength(1);
    expect(out.words.some((w) => w.text === 'ee')).toBe(false);
    // (only the label: the band's other words stay as the first pass read them)
    expect(out.words.some((w) => w.text === 'Dalla')).toBe(false);
    const insured = byName(acord25ValueRegions(out)).insured!;
    expect(insured.y0).toBeGreaterThan(108);
    expect(insured.y1).toBeLessThan(150);
  });

  it('adds nothing where the band reads no label, and reads no band where the first pass found it', async () => {
    const { bands: tried, out } = await reread(parties, words([['Dalla', 40, 100], ['Suite', 40, 110]]));
    expect(tried).toHaveLength(1);
    expect(out.words).toEqual(page(parties).words);
    const { bands, out: same } = await reread([...parties, ['INSURED', 20, 108]], words([['INSURED', 20, 108]]));
    expect(bands).toHaveLength(0);
    expect(same.words.filter((w) => w.text === 'INSURED')).toHaveLength(1);
  });
});
