// Second OCR pass over the value cells of an ACORD 25 scan. A whole-page pass finds the printed labels well enough to
// place the grid, but misreads the values squeezed between ruled lines (insurer letters lost, "1,000,000" as
// "000 000", Y flags dropped). Here the page's labels give each value column of the coverage grid, the insurer names
// and NAIC codes and the certificate date; each such strip is cut from the cleaned page and read again with a fitting
// page-segmentation mode and character whitelist (digits and '/' for dates, digits and ',' for limits, A-F for the
// insurer letter, X/Y/N for the flag columns; policy numbers without one: a whitelist loses their spaces). The strip's new words replace the first pass's words inside it.
import { PSM } from 'tesseract.js';
import type { PageWords, Word } from '../layout/words.js';
import type { PixelWord, RecognizeOptions } from '../ocr/ocr.js';
import { cropGrey, inkPieceAt, ruleSizes, verticalRules } from '../ocr/preprocess.js';
import { flagShape } from '../ocr/flag-shape.js';
import { isolateMarks, rejoinAcrossRules } from '../ocr/strokes.js';
import { resizeGrey, type GreyBitmap } from '../ocr/render.js';
import { isEnglishWord } from '../ocr/vocabulary.js';
import { normalizeDate, normalizeLimit } from '../normalize.js';
import { certificateDateLabel, descriptionHeaderY, garbledInsuredLabel, insurerLabels, producerLabel } from './layout.js';
import { centerX, centerY, containsNear, editDistance, findLabel, foldLabel, groupLines, median, OCR_SEGMENT_GAP, segmentOf, type LabelHit, type Line } from '../text/lines.js';

/** A value strip in page points: read [x0, x1) × [y0, y1); words whose centre lies in it are its values. */
export type ValueRegion = {
  name: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  psm: PSM;
  whitelist: string;
  /** a column of the coverage grid: its edges are moved onto the printed rules */
  grid?: boolean;
  /** the '$' printed down the cell's left edge is blanked before reading: with a digits whitelist it reads as 5 */
  dropDollar?: boolean;
  /**
   * where that '$' ends (page points), when OCR read it down the column: the strip's edge moved onto the rule left of
   * it (snapToRules) may stand further from it than a '$' is wide, on a photo enlarged by its perspective
   */
  dollarRight?: number;
  /**
   * that '$' is typed against each amount ('$1,000,000'): no gap parts it from the amount's first digit, and all of the
   * strip left of where it ends is blanked, wherever the strip's edge was moved
   */
  dollarTyped?: boolean;
  /** its values hold hyphens, which must not be taken for pieces of ruled lines (policy numbers, names) */
  keepDashes?: boolean;
  /** a box of names and addresses: the labels around it keep their first reading, whatever the box's words cover */
  names?: boolean;
  /**
   * the middle of the label over a column of single letters (page points): of the runs of inked pixel columns in the
   * strip, only the one nearest it is read (keepRunNear)
   */
  anchorX?: number;
  /**
   * where the first codes the whole-page pass read in the NAIC column begin, and how wide their digits are (page
   * points): the rule between the insurers' names and their codes stands left of them, or under their first digit
   * where they are typed against it (splitAtNaicRule)
   */
  codes?: { from: number; digit: number };
  /**
   * the middle of the line the value is typed on (page points): of the strip's lines of ink only the one nearest it is
   * read (the umbrella's retention, under a check box's label, CLAIMS-MADE, that the strip takes in)
   */
  lineY?: number;
  /**
   * how far left snapToRules may move the strip's left edge (page points): left of the limit labels printed before
   * the amounts, a rule found is the far side of their column, the one between them and the amounts not found
   */
  minX0?: number;
};

export type CellRecognizer = (crop: GreyBitmap, options: RecognizeOptions) => Promise<PixelWord[]>;
/** Words tesseract found on a crop, placed on the page: the crop's top-left is (`left`, `top`) in page pixels. */
export type ToWords = (pw: PixelWord[], left: number, top: number) => Word[];
/** A second reading of part of a page (`bitmap`, the cleaned page; points × `pixelsPerPoint` = pixels) that gives the page's words anew. */
type PageReread = (page: PageWords, bitmap: GreyBitmap, pixelsPerPoint: number, recognize: CellRecognizer, toWords: ToWords) => Promise<PageWords>;

/**
 * A value strip as cut out for its reading, its marks cleared (`origin` is its top-left in page pixels): what reading
 * one of its words again needs.
 */
type CutStrip = {
  bitmap: GreyBitmap;
  origin: { left: number; top: number };
  pixelsPerPoint: number;
  region: ValueRegion;
  recognize: CellRecognizer;
  toWords: ToWords;
};

const DIGITS = '0123456789';
const DATE_CHARS = `${DIGITS}/`;
/** How many widths of the word DATE the certificate date's label 'DATE (MM/DD/YYYY)' spans. */
const DATE_LABEL_WIDTHS = 4.5;
const AMOUNT_CHARS = `${DIGITS},`;
const LETTERS = 'ABCDEF';
const FLAG_CHARS = 'XYN';
/** How far (in type heights) right of the start of its label, INSR (LTR), the insurer-letter strip ends at most. */
const LTR_REACH = 3.3;
/**
 * What OCR makes of a limit line's '$' standing alone: 's', 'Ss', '§', "I's", '"s', '8S', a lone 8 (no limit is eight
 * dollars), or a stroke and a 3, 5 or 8 ('13' on a photo: its bar read as a 1).
 */
export const OCR_DOLLAR = /^(?:["“”'‘’_|Il]{0,2}[sS$§]{1,2}|8S?|[1Il|][358])$/;
/**
 * A '$' run into its amount ('$1,000,000'): the '$' is its first character; or the form's '$' and one typed with the
 * amount, read as one word ('$$500,000').
 */
const DOLLAR_AMOUNT = /^\$\$?[\d,.]{3,}$/;
/**
 * Where the '$'s of a '$' run into its amount end: their share of the word's width, a comma or point counted as half
 * a digit (as wide as a '$'), as most types print them.
 */
export const dollarEnd = (w: Word) => {
  const narrow = (w.text.match(/[,.]/g) ?? []).length;
  const dollars = /^\$+/.exec(w.text)![0].length;
  return w.x + (dollars * w.width) / (w.text.length - narrow / 2);
};

/** How far above and below a strip its crop reaches, to tell the marks standing in the strip from the lines' around it. */
const EDGE_MARGIN_PT = 4;

/** White margin (pixels) around a crop: tesseract finds text touching the image edge poorly. */
export const PAD = 12;

/**
 * The value strips of an ACORD 25 page, placed by its printed labels; empty when the grid header is not found (the
 * page is left to the first pass then).
 */
export function acord25ValueRegions(page: PageWords, lines: Line[] = groupLines(page.words)): ValueRegion[] {
  const label = (l: string | string[], opts?: { exact?: boolean; anywhere?: boolean }) => findLabel(lines, l, opts);
  const number = policyNumberLabel(lines);
  const { eff, exp } = number ? dateHeaders(lines, number) : { eff: undefined, exp: undefined };
  if (!number || !eff || !exp || !(eff.x > number.right && exp.x > eff.right)) return [];
  const limitLabels = label(['EACH OCCURRENCE', 'GENERAL AGGREGATE', 'E.L. EACH ACCIDENT', 'COMBINED SINGLE LIMIT', 'MED EXP']).filter((l) => l.y > number.bottom && l.x > exp.x);
  const h = typeHeight(number, limitLabels);
  const regions: ValueRegion[] = [];

  // rows: from under the header (its second line, '(MM/DD/YYYY)', included) to the description box
  const headerHits = [number, eff, exp, ...label(['(MM/DD/YYYY)', 'LIMITS', 'INSD', 'WVD', 'LTR'], { exact: true }).filter((l) => Math.abs(l.y - number.y) < 2.5 * h)];
  const top = Math.max(...headerHits.map((l) => l.bottom)) + 0.3 * h;
  const bottom = descriptionHeaderY(lines, top + 20 * h);
  if (bottom === undefined) return [];
  const rows = { y0: top, y1: bottom - 0.3 * h };

  // limit labels fix the left edge of the limits column; the amounts begin right of the '$' printed on each line
  const limitHits = limitLabels.filter((l) => l.y > top && l.y < bottom);
  const limitsX0 = limitHits.length > 0 ? Math.min(...limitHits.map((l) => l.x)) - 0.8 * h : exp.right + 4 * h;
  // (a '$' begins well left of the cell's middle: bounded by the limit labels' own type, which a photo's POLICY NUMBER
  // box, half as high again, would push left past the '$')
  const labelHeights = limitHits.flatMap((l) => l.words.map((w) => w.height));
  const glyph = labelHeights.length > 0 ? Math.min(h, median(labelHeights)) : h;
  const inLimits = (w: Word) => w.x > limitsX0 + 10 * h && w.y > top && w.y < bottom && w.x < page.width - 15 * glyph;
  // (where the amounts carry a '$' of their own, '$1,000,000' typed against its digits, the strip begins after that
  // '$': the '$'s read alone are then the form's own, printed further left, and a strip begun between the two cut the
  // typed '$' in half, its right half read as a 5 before every amount, a photo's '51,000,000'. A '$' is typed where
  // its word begins right of where the '$'s read alone end, or follows one of them in its word, '$$500,000'; a word
  // that begins at the form's '$' is that '$' read into the amount, and at least three must be typed)
  const aloneDollars = page.words.filter((w) => inLimits(w) && OCR_DOLLAR.test(w.text)).map((w) => w.x + w.width);
  const formDollar = aloneDollars.length > 0 ? median(aloneDollars) : -Infinity;
  const amountDollars = page.words.filter((w) => inLimits(w) && DOLLAR_AMOUNT.test(w.text));
  const ownDollars = amountDollars.filter((w) => w.text.startsWith('$$') || w.x >= formDollar - DOLLAR_MARGIN_PT);
  const dollarTyped = ownDollars.length >= 3;
  const dollarRights = dollarTyped ? ownDollars.map(dollarEnd) : [...aloneDollars, ...amountDollars.map(dollarEnd)];
  const labelRight = limitHits.length > 0 ? Math.max(...limitHits.map((l) => l.right)) : limitsX0 + 20 * h;
  const dollarRight = dollarRights.length >= 3 ? median(dollarRights) : undefined;
  const amountX0 = dollarRight !== undefined ? dollarRight + DOLLAR_MARGIN_PT : labelRight + 2 * h;
  // (never moved left over the limit labels: a photo's rule between them and the '$'s lost, the strip was snapped to
  // the rule left of the labels, and read them as digits in place of every label of the grid; a type height's slack
  // for a label's box run into the rule right of it)
  regions.push({ name: 'amount', grid: true, x0: amountX0, x1: page.width - 2.5 * h, ...rows, psm: PSM.SINGLE_BLOCK, whitelist: AMOUNT_CHARS, dropDollar: true, ...(dollarRight !== undefined ? { dollarRight, dollarTyped } : {}), ...(limitHits.length > 0 ? { minX0: labelRight - h } : {}) });

  // dates: the two columns between POLICY NUMBER and the limits, split halfway between their labels
  let split = (eff.right + exp.x) / 2;
  // where the first pass read the dates, each strip is kept to them and a margin: on a photo the rules between the
  // columns are often not found, and what is left of one at a strip's edge (a column of specks) garbles every date
  // in the strip ('4/3/25' read '35')
  const typed = page.words.filter((w) => w.y > top && w.y < bottom && /\d[/|Il1]?\d?[/|Il]\d/.test(w.text) && /^[\d/|Il]{5,10}$/.test(w.text));
  // (and the split is kept out of them: POLICY EFF read as 'POLICY' alone ends short of its column, and a split from
  // it cut each effective date's last digit off into the expiration strip)
  const leftDates = typed.filter((w) => w.x < split && w.x > eff.x - 3 * h);
  const rightDates = typed.filter((w) => w.x >= split && w.x < limitsX0);
  if (leftDates.length > 0 && rightDates.length > 0) {
    const leftEnd = Math.max(...leftDates.map((w) => w.x + w.width));
    const rightStart = Math.min(...rightDates.map((w) => w.x));
    if (leftEnd < rightStart && (leftEnd > split || rightStart < split)) split = (leftEnd + rightStart) / 2;
  }
  const within = (x0: number, x1: number, dates: Word[]): { x0: number; x1: number } =>
    dates.length === 0 ? { x0, x1 } : { x0: Math.max(x0, Math.min(...dates.map((w) => w.x)) - 1.5 * h), x1: Math.min(x1, Math.max(...dates.map((w) => w.x + w.width)) + 1.5 * h) };
  const effCells = within(eff.x - 1.5 * h, split, typed.filter((w) => w.x + w.width < split && w.x > eff.x - 3 * h));
  // (to the limit labels themselves where the dates reach that far: a date filling its column ends a point or two
  // short of the rule, which the labels follow as closely, and a photo's rules are often not found to snap to)
  const expRight = limitHits.length > 0 ? Math.min(...limitHits.map((l) => l.x)) - 0.25 * h : limitsX0;
  const expCells = within(split, expRight, typed.filter((w) => w.x > split && w.x + w.width < limitsX0 + h));
  regions.push({ name: 'eff', grid: true, ...effCells, ...rows, psm: PSM.SINGLE_BLOCK, whitelist: DATE_CHARS });
  regions.push({ name: 'exp', grid: true, ...expCells, ...rows, psm: PSM.SINGLE_BLOCK, whitelist: DATE_CHARS });

  const { addlCx, subrCx } = flagColumns(lines, number);
  const half = Math.min(1.6 * h, (subrCx - addlCx) / 2);
  regions.push({ name: 'addl', grid: true, x0: addlCx - half, x1: addlCx + half, ...rows, psm: PSM.SINGLE_BLOCK, whitelist: FLAG_CHARS });
  regions.push({ name: 'subr', grid: true, x0: subrCx - half, x1: subrCx + half, ...rows, psm: PSM.SINGLE_BLOCK, whitelist: FLAG_CHARS });
  // the header cells themselves, read with their own letters only, so that the layout reader finds its flag columns
  const head = { y0: Math.min(number.y, eff.y) - 1.2 * h, y1: top - 0.1 * h };
  regions.push({ name: 'addlHead', grid: true, x0: addlCx - half, x1: addlCx + half, ...head, psm: PSM.SINGLE_BLOCK, whitelist: 'ADLINS' });
  regions.push({ name: 'subrHead', grid: true, x0: subrCx - half, x1: subrCx + half, ...head, psm: PSM.SINGLE_BLOCK, whitelist: 'SUBRWVD' });
  regions.push({ name: 'number', grid: true, x0: subrCx + half, x1: eff.x - 1.5 * h, ...rows, psm: PSM.SINGLE_BLOCK, whitelist: '', keepDashes: true });
  // the umbrella row's retention, typed in the TYPE column right of RETENTION $ (a little above the label's line):
  // read alone as an amount ('29,000' in the whole page at 67% is 25,000 at 97% alone)
  // (OCR reads the '$' into the label, 'RETENTIONS', or sets marks of the DED box before it: anywhere in a segment)
  // (well left of the flag columns, by the labels' own type: a photo's POLICY NUMBER box, half as high again, put the
  // bound left of the label's end, and no strip was cut)
  const retention = label(['RETENTION $', 'RETENTION', 'RETENTIONS'], { anywhere: true }).find((l) => l.y > top && l.y < bottom && l.right < addlCx - half - 6 * glyph);
  // (placed by the word itself: a mark read beside it, 'S' 11 points high, would make the label's box as tall)
  const retentionWord = retention?.words.find((w) => /^RETENT/i.test(w.text));
  if (retentionWord) {
    const cy = retentionWord.y + retentionWord.height / 2;
    const right = retentionWord.x + retentionWord.width;
    // (from after its '$', read into the label or as a word of its own)
    const dollar = page.words.find((w) => OCR_DOLLAR.test(w.text) && w.x >= right - 0.5 * h && w.x < right + 2 * h && Math.abs(w.y + w.height / 2 - cy) < 1.5 * h);
    const x0 = Math.max(right, dollar ? dollar.x + dollar.width : 0) + 0.3 * h;
    regions.push({ name: 'retention', x0, x1: addlCx - half - 0.5 * h, y0: cy - 1.8 * h, y1: cy + 1.1 * h, psm: PSM.SINGLE_LINE, whitelist: AMOUNT_CHARS, lineY: cy });
  }

  // the insurer letter column: under INSR / LTR at the grid's left edge
  // (left of TYPE OF INSURANCE: the ADDL column's INSD, misread as INSR, stands just left of the ADDL column's middle)
  const typeX = label('TYPE OF INSURANCE')[0]?.x ?? addlCx - 3 * h;
  const ltr = label(['INSR', 'INSR LTR', 'LTR'], { exact: true }).find((l) => Math.abs(l.y - number.y) < 2.5 * h && l.right < typeX);
  // (a label box OCR ran into a mark right of it, 'INSR' 17 pt wide where it is 8, would take in the check boxes of the
  // next column: the strip ends at most LTR_REACH type heights right of the label's start. Run into the form's edge
  // left of it instead, the strip still reaches past the letters, printed a type height into the column)
  if (ltr) regions.push({ name: 'ltr', grid: true, x0: ltr.x - 1.2 * h, x1: Math.min(ltr.right + 1.2 * h, ltr.x + LTR_REACH * h), ...rows, psm: PSM.SINGLE_BLOCK, whitelist: LETTERS, anchorX: centerX(ltr) });
  else {
    // its tiny label garbled ('is'): the column is the grid's first, at the form's left edge where COVERAGES and
    // PRODUCER are printed; the rules it is snapped to give its true edges
    const edge = label(['COVERAGES', 'PRODUCER', 'INSURED'], { exact: true }).filter((l) => l.x < addlCx / 2);
    if (edge.length > 0) {
      const left = Math.min(...edge.map((l) => l.x));
      regions.push({ name: 'ltr', grid: true, x0: left - 1.5 * h, x1: left + 2.5 * h, ...rows, psm: PSM.SINGLE_BLOCK, whitelist: LETTERS });
    }
  }

  regions.push(...insurerRegions(lines, page), ...partyRegions(lines, page));
  const date = certificateDateLabel(lines, page);
  if (date && date.y < number.y) {
    const dh = date.height;
    // (to the page's right edge where only the word DATE was found: the value is centred under the format after it,
    // three times DATE's width, and a strip ending short of it reads '12/15/20' for '12/15/2024')
    regions.push({ name: 'date', x0: date.x - 3 * dh, x1: Math.min(page.width, Math.max(date.right + 3 * dh, date.x + DATE_LABEL_WIDTHS * (date.right - date.x))), y0: date.bottom + 0.1 * dh, y1: date.bottom + 4 * dh, psm: PSM.SPARSE_TEXT, whitelist: DATE_CHARS });
  }
  return regions.filter((r) => r.x1 - r.x0 > 2 && r.y1 - r.y0 > 2);
}

/**
 * The middles of the ADDL INSD and SUBR WVD columns. Their labels are tiny and often garbled ('{ADOLSUBR'): where one
 * is missing, the flags typed in the columns (one-letter Y, N or X words in two columns left of POLICY NUMBER) place
 * them; else one found places the other; else they are where the form prints them from POLICY NUMBER, measured in that
 * label's width (about the same in a text layer and in OCR, unlike its height: OCR boxes hug the capitals).
 */
export function flagColumns(lines: readonly Line[], number: LabelHit): { addlCx: number; subrCx: number; addl?: LabelHit; subr?: LabelHit } {
  const h = number.height;
  const near = (l: LabelHit) => Math.abs(l.y - number.y) < 2.5 * h && l.right < number.x;
  const addl = findLabel(lines, ['ADDL', 'ADDL INSD'], { anywhere: true }).find(near);
  const found = findLabel(lines, ['SUBR', 'SUBR WVD'], { anywhere: true }).find(near);
  const subr = found && (!addl || centerX(found) > centerX(addl) + h) ? found : undefined;
  if (addl && subr) return { addlCx: centerX(addl), subrCx: centerX(subr), addl, subr };
  const labelWidth = number.right - number.x;
  const flags = lines
    .flatMap((l) => l.words)
    .filter((w) => /^[XYN]$/i.test(w.text) && w.width < FLAG_BOX * h && w.y > number.bottom && w.y < number.bottom + 45 * h && w.x + w.width < number.x - 0.3 * h && w.x > number.x - 1.7 * labelWidth)
    .map((w) => w.x + w.width / 2)
    .sort((a, b) => a - b);
  const columns: number[][] = [];
  for (const x of flags) {
    const last = columns[columns.length - 1];
    if (last && x - last[last.length - 1]! < 1.5 * h) last.push(x);
    else columns.push([x]);
  }
  const middle = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  if (columns.length >= 2) {
    // (the two neighbouring columns holding the most marks, the last such: an 'X' a check box's reading put right of
    // the SUBR column, by the policy number, is a third column of one)
    let at = columns.length - 2;
    for (let i = columns.length - 3; i >= 0; i--) if (columns[i]!.length + columns[i + 1]!.length > columns[at]!.length + columns[at + 1]!.length) at = i;
    const [a, b] = [middle(columns[at]!), middle(columns[at + 1]!)];
    return { addlCx: addl ? centerX(addl) : a, subrCx: subr ? centerX(subr) : b, addl, subr };
  }
  // the two columns stand about 0.35 of POLICY NUMBER's width apart
  const pitch = 0.35 * labelWidth;
  if (addl) return { addlCx: centerX(addl), subrCx: centerX(addl) + pitch, addl };
  if (subr) return { addlCx: centerX(subr) - pitch, subrCx: centerX(subr), subr };
  return { addlCx: number.x - 1.2 * labelWidth, subrCx: number.x - 0.85 * labelWidth };
}

/**
 * A one-letter word boxed wider than this many POLICY NUMBER heights is no flag's place: tesseract stretched its box
 * over the rule or mark beside it (a photo's 'x' 23 pt wide, its middle at the column's right rule, placed the ADDL
 * strip over that rule and off its flags).
 */
const FLAG_BOX = 2.5;

type DatePiece = { x: number; width: number };

/**
 * Where a word holds a typed date: the whole word, or, for two dates OCR ran together ('04/24/202404/24/2025', the
 * effective and expiration dates of a row printed close), each date's share of the word's width. None otherwise.
 */
function datePieces(w: Word): DatePiece[] {
  if (/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(w.text)) return [w];
  const two = /^(\d{1,2}[/-]\d{1,2}[/-]\d{4})(\d{1,2}[/-]\d{1,2}[/-]\d{2,4})$/.exec(w.text);
  if (!two) return [];
  const split = w.width * (two[1]!.length / w.text.length);
  return [
    { x: w.x, width: split },
    { x: w.x + split, width: w.width - split },
  ];
}

/** How many slips the second word of a garbled POLICY NUMBER may carry ('NUUMRFR'). */
const NUMBER_SLIPS = 3;

/**
 * The height of the grid header's type: POLICY NUMBER's height, unless its OCR box was taken up with a rule's piece
 * ('NuMBER' 15 points high where its letters are 7), which would size the whole grid by it. The limit labels printed
 * down the grid, in the same type, bound it: at most one and a half times their median word height.
 */
export function typeHeight(number: LabelHit, limitLabels: readonly LabelHit[]): number {
  const heights = limitLabels.flatMap((l) => l.words.map((w) => w.height));
  return heights.length > 0 ? Math.min(number.height, 1.5 * median(heights)) : number.height;
}

/**
 * The coverage grid's POLICY NUMBER header label. Where OCR garbled its second word ('POLICY NUUMRFR', common on a
 * photo, whose tiny header labels lose strokes), the word POLICY followed by a word within NUMBER_SLIPS of NUMBER
 * (not EFF or EXP) stands in, when TYPE OF INSURANCE or LIMITS is printed on the same header line.
 */
export function policyNumberLabel(lines: readonly Line[]): LabelHit | undefined {
  const hit = findLabel(lines, 'POLICY NUMBER')[0];
  if (hit) return hit;
  // (the grid header's other labels: on a photo TYPE OF INSURANCE may be split over two lines and LIMITS garbled, where
  // POLICY EFF and POLICY EXP read whole)
  const headers = findLabel(lines, ['TYPE OF INSURANCE', 'LIMITS', 'POLICY EFF', 'POLICY EXP'], { exact: true });
  for (const policy of findLabel(lines, 'POLICY', { exact: true, anywhere: true })) {
    const seg = policy.line.segments.find((s) => s.words.includes(policy.words[0]!))!;
    const at = seg.words.indexOf(policy.words[policy.words.length - 1]!) + 1;
    const next = seg.words[at];
    const folded = next ? foldLabel(next.text) : '';
    if (folded.length < 4 || /^(?:EFF|EXP)/.test(folded) || editDistance(folded, 'NUMBER', NUMBER_SLIPS) > NUMBER_SLIPS) continue;
    if (!headers.some((h) => Math.abs(h.y - policy.y) < 2 * policy.height)) continue;
    const rest = seg.words.slice(at + 1);
    return { ...policy, ...segmentOf([...policy.words, next!]), score: 0.5, rest: rest.length ? segmentOf(rest) : null };
  }
  // POLICY and NUMBER side by side that OCR set on two lines (NUMBER boxed with the rule above it, 15 pt high, its
  // middle on the line above POLICY's): NUMBER beginning at most two of POLICY's heights after it ends, their middles
  // within one and a half of them, on the grid header's line
  const all = lines.flatMap((line) => line.words.map((w) => ({ w, line })));
  for (const { w: policy, line } of all) {
    if (editDistance(foldLabel(policy.text), 'POLICY', 1) > 1 || !headers.some((h) => Math.abs(h.y - policy.y) < 2 * policy.height)) continue;
    const h = policy.height;
    const next = all.find(({ w }) => {
      const gap = w.x - (policy.x + policy.width);
      return w !== policy && gap > -0.5 * h && gap < 2 * h && Math.abs(w.y + w.height / 2 - (policy.y + h / 2)) < 1.5 * h && editDistance(foldLabel(w.text), 'NUMBER', NUMBER_SLIPS) <= NUMBER_SLIPS;
    });
    if (next) return { ...segmentOf([policy, next.w]), score: 0.4, line, rest: null };
  }
  return undefined;
}

/**
 * The POLICY EFF and POLICY EXP header labels; where OCR garbled one, the '(MM/DD/YYYY)' printed under each stands in
 * (the first two right of POLICY NUMBER on its line).
 */
export function dateHeaders(lines: Line[], number: LabelHit): { eff: LabelHit | undefined; exp: LabelHit | undefined } {
  const near = (l: LabelHit) => Math.abs(l.y - number.y) < 2.5 * number.height && l.x > number.right;
  // (anywhere in a segment: on a photo the rules' joints above the header read as letters before it, 'TT POLICYEFF')
  let eff = findLabel(lines, ['POLICY EFF', 'POLICY EFF (MM/DD/YYYY)'], { anywhere: true }).find(near);
  let exp = findLabel(lines, ['POLICY EXP', 'POLICY EXP (MM/DD/YYYY)'], { anywhere: true }).find(near);
  // OCR ran the two headers into one segment ('POLICY EFF POLICY EXP'): POLICY EXP inside it, and POLICY EFF ending
  // before it (below)
  if (eff && !exp) exp = findLabel(lines, 'POLICY EXP', { anywhere: true }).find((l) => near(l) && l.x > eff!.x + number.height);
  if (!eff || !exp) {
    // OCR reads the '/' of '(MM/DD/YYYY)' as I or l now and then, one letter more than label matching forgives
    const formats = lines
      .flatMap((line) => line.words.filter((w) => /^\W?MM\W?[I1l]?DD\W?[I1l]?YYYY\W?$/i.test(w.text)).map((w) => ({ ...segmentOf([w]), score: 0.9, line, rest: null })))
      .filter(near)
      .sort((a, b) => a.x - b.x);
    if (formats.length >= 2) {
      eff ??= formats[0];
      exp ??= formats.find((f) => f.x > (eff?.right ?? formats[0]!.right));
    }
  }
  if (!eff) {
    // POLICY EFF read as its first word alone ('POLICY' and a garbled 'EFF', or none, or EFF set on a line of its
    // own), right of POLICY NUMBER and left of POLICY EXP: its label spans as much as POLICY EXP's (the two date
    // columns are as wide as each other), else to the end of the EFF beside it
    const h = number.height;
    const policy = lines
      .flatMap((line) => line.segments.filter((seg) => editDistance(foldLabel(seg.words[0]!.text), 'POIICY', 1) <= 1).map((seg) => ({ ...segmentOf([seg.words[0]!]), score: 0.8, line, rest: null })))
      .find((l) => near(l) && l.x > number.right + 2 * h && (!exp || l.right < exp.x - h));
    // (or read as its second word alone, 'EFF', POLICY lost on a photo: its label ends there and spans as much as
    // POLICY EXP's, from no further left than POLICY NUMBER's end)
    const before = exp?.x;
    const effAlone =
      before !== undefined && !policy
        ? lines
            .flatMap((line) => line.words.filter((w) => /^EFF\b/i.test(w.text)).map((w) => ({ ...segmentOf([w]), score: 0.8, line, rest: null })))
            .find((l) => near(l) && l.x > number.right + 2 * h && l.right < before - 0.5 * h)
        : undefined;
    if (effAlone && exp) eff = { ...effAlone, x: Math.max(number.right + h, effAlone.right - (exp.right - exp.x)) };
    else if (policy && exp) eff = { ...policy, right: Math.max(policy.right, Math.min(policy.x + (exp.right - exp.x), exp.x - 0.5 * h)) };
    else if (policy) {
      const effWord = lines
        .flatMap((l) => l.words)
        .find((w) => /^EFF/i.test(w.text) && w.x >= policy.right && w.x < policy.right + 2 * h && Math.abs(w.y + w.height / 2 - centerY(policy)) < 1.5 * h);
      eff = { ...policy, right: effWord ? effWord.x + effWord.width : policy.right };
    }
  }
  if (eff && !exp) {
    // POLICY EXP garbled beyond both: its column is the rest of the way to the limits column's labels
    // (the limit labels printed down the column's left edge: OCR garbles one or two of them, not all)
    const limits = findLabel(lines, ['EACH OCCURRENCE', 'LIMITS', 'MED EXP', 'GENERAL AGGREGATE', 'PERSONAL & ADV INJURY', 'E.L. EACH ACCIDENT']).filter(
      (l) => l.x > eff!.right + 2 * number.height && l.y > number.y - 3 * number.height,
    );
    const limitsX = limits.length > 0 ? Math.min(...limits.map((l) => l.x)) : undefined;
    if (limitsX !== undefined) {
      const gap = limitsX - eff.right;
      exp = { ...eff, words: [], x: eff.right + 0.15 * gap, right: limitsX - 0.25 * gap, score: 0, rest: null };
    }
  }
  // a header placed by the limits column only (score 0) is a guess that the dates typed under it outdo
  const guessed = (l: LabelHit | undefined) => !l || l.score === 0;
  if (guessed(eff) || guessed(exp)) {
    // both headers garbled beyond reading ('28535 paoonyen'): the dates typed under them give the two columns, the
    // left-hand ones effective, the right-hand ones expiration
    const h = number.height;
    const dates = lines
      .flatMap((l) => l.words)
      .filter((w) => w.y > number.bottom && w.y < number.bottom + 45 * h && w.x > number.right - h)
      .flatMap(datePieces)
      .sort((a, b) => a.x - b.x);
    let cut = -1;
    for (let i = 1; i < dates.length; i++) if (dates[i]!.x - dates[i - 1]!.x > 3 * h && (cut < 0 || dates[i]!.x - dates[i - 1]!.x > dates[cut]!.x - dates[cut - 1]!.x)) cut = i;
    if (cut > 0) {
      const column = (ws: DatePiece[], text: string): LabelHit => ({
        ...number,
        words: [],
        text,
        x: Math.min(...ws.map((w) => w.x)),
        right: Math.max(...ws.map((w) => w.x + w.width)),
        score: 0,
        rest: null,
      });
      const effColumn = column(dates.slice(0, cut), 'POLICY EFF');
      const expColumn = column(dates.slice(cut), 'POLICY EXP');
      // a glued pair's share of its word is a guess: where the columns overlap by it, they meet halfway
      if (expColumn.x <= effColumn.right && centerX(expColumn) > effColumn.right) {
        const mid = (expColumn.x + effColumn.right) / 2;
        [effColumn.right, expColumn.x] = [mid - 0.05, mid + 0.05];
      }
      if (guessed(eff) && (guessed(exp) || effColumn.right < exp!.x)) eff = effColumn;
      if (guessed(exp) && eff && expColumn.x > effColumn.right && expColumn.x > eff.x) {
        exp = expColumn;
        // (a POLICY EFF whose box OCR ran on past its end ends where its dates do)
        if (eff.right >= exp.x) eff = { ...eff, right: Math.min(eff.right, effColumn.right) };
      }
    }
  }
  // POLICY EFF run into POLICY EXP's segment, or its '(MM/DD/YYYY)' boxed on over the one beside it, ends at its EFF or
  // where POLICY EXP begins: else the columns overlap and no strip is placed at all
  if (eff && exp && eff.right > exp.x - 0.5 * number.height && exp.x > eff.x) {
    const effWord = eff.words.find((w) => /^EFF/i.test(w.text) && w.x < exp!.x);
    const end = Math.max(eff.x + number.height, exp.x - 0.5 * number.height);
    eff = { ...eff, right: effWord ? Math.min(effWord.x + effWord.width, end) : end, rest: null };
  }
  return { eff, exp };
}

/** The insurer names (no whitelist) and their NAIC codes (digits), over the rows INSURER A … F. */
function insurerRegions(lines: Line[], page: PageWords): ValueRegion[] {
  const lettered = insurerLabels(lines, { garbled: true }).sort((a, b) => a.hit.y - b.hit.y);
  const labels = lettered.map((l) => l.hit);
  const naic = findLabel(lines, ['NAIC #', 'NAIC'])[0];
  if (labels.length < 2) return [];
  const [firstLetter, lastLetter] = [LETTERS.indexOf(lettered[0]!.letter), LETTERS.indexOf(lettered[lettered.length - 1]!.letter)];
  const spacing = (labels[labels.length - 1]!.y - labels[0]!.y) / Math.max(1, lastLetter - firstLetter);
  // the box's header, where read, is its top (INSURER A's row is right under it): the labels, one of them misread
  // ('INSURER F' for A), may place it a row low, or high
  // (the rows above the first label read are the box's too: OCR garbles the labels of the rows that hold a name now
  // and then, 'wsurer A:', and reads the empty rows' INSURER E and F whole)
  const rowsAbove = Math.max(0, firstLetter);
  const header = findLabel(lines, ['INSURER(S) AFFORDING COVERAGE', 'INSURER(S) AFFORDING']).find((h) => h.y < labels[0]!.y && h.y > labels[0]!.y - (rowsAbove + 3) * Math.abs(spacing));
  // (its own line's height, not its box's: OCR glues the underscores of a rule remnant onto it)
  const below = header ? Math.min(header.bottom, header.y + 1.3 * labels[0]!.height) + 0.5 : 0;
  const y0 = header ? below : labels[0]!.bottom - (rowsAbove + 1.1) * spacing;
  const y1 = labels[labels.length - 1]!.bottom + 0.2 * spacing;
  // (the labels' common right edge: OCR glues a speck after one now and then, 'INSURER B: ™', whose right edge would
  // cut the first letter off every name)
  const x0 = median(labels.map((l) => l.right)) + 0.5;
  // without its label (OCR read 'NAC»') the NAIC # column is where the form prints it, the page's last ninth
  const labelNaicX = naic ? naic.x - 2.5 * naic.height : page.width * 0.89;
  // (or where the whole-page pass read codes beginning a little left of that: the 2025/12 edition prints NAIC # at its
  // column's right, and the codes start at its left rule, which a photo's light may have broken too much to be found)
  // (a code read with the column's broken rule before it, 'f19283', '{11570', begins past that first character: in the
  // middle of it, clear of both the rule and the code's first digit)
  const codeStart = (w: Word) => (NAIC_CODE.test(w.text) ? w.x - 1 : NAIC_CODE_AFTER_RULE.test(w.text) ? w.x + (0.5 * w.width) / w.text.length : null);
  const rowCodes = page.words.flatMap((w) => {
    const start = codeStart(w);
    return start !== null && w.y + w.height / 2 > y0 && w.y + w.height / 2 < y1 ? [{ w, start }] : [];
  });
  const codes = rowCodes.filter(({ w }) => w.x < labelNaicX && w.x > labelNaicX - NAIC_RULE_REACH_PT);
  const naicX = codes.length > 0 ? Math.min(...codes.map((c) => c.start)) : labelNaicX;
  const naicX1 = page.width - (naic?.height ?? labels[0]!.height);
  // (and where the codes read anywhere right of the names begin)
  const anyCodes = rowCodes.filter(({ w }) => w.x > x0 && w.x < naicX1);
  const codesRead = anyCodes.length > 0 ? { from: Math.min(...anyCodes.map((c) => c.start)), digit: median(anyCodes.map(({ w }) => w.width / w.text.length)) } : undefined;
  return [
    { name: 'insurers', x0, x1: naicX, y0, y1, psm: PSM.SINGLE_BLOCK, whitelist: '', keepDashes: true },
    // sparse text: as one block, the column's empty rows and the specks left of its rules run five digits together
    // into four ('41298' read '1208')
    { name: 'naic', x0: naicX, x1: naicX1, y0, y1, psm: PSM.SPARSE_TEXT, whitelist: DIGITS, codes: codesRead },
  ];
}

/**
 * The producer's, the insured's and the certificate holder's boxes, under their labels, each to the box below it
 * (INSURED, COVERAGES, the form's footer) and to the boxes right of it (CONTACT and the INSURER rows; CANCELLATION).
 * The whole-page pass drops a line of them now and then, a name among the most often ('Benchmark Structural
 * Engineers, Inc.' read 'Inc.'), or misreads its first letter ('tronbridge'); read as a block on its own, the box's
 * lines come out whole. The labels themselves stay as the first pass read them.
 */
function partyRegions(lines: Line[], page: PageWords): ValueRegion[] {
  const left = (l: LabelHit) => l.x < page.width * 0.3;
  const producer = producerLabel(lines, left);
  // (or garbled, 'msureo', under PRODUCER: the layout reader takes it for INSURED too)
  const insured =
    findLabel(lines, ['INSURED', 'NAMED INSURED'], { exact: true, afterStroke: true }).find((l) => left(l) && (!producer || l.y > producer.bottom)) ??
    (producer ? garbledInsuredLabel(lines, producer) : undefined);
  const coverages = findLabel(lines, 'COVERAGES', { exact: true }).find((l) => left(l) && (!insured || l.y > insured.bottom));
  const holder = findLabel(lines, 'CERTIFICATE HOLDER', { exact: true, afterStroke: true }).find((l) => left(l) && l.y > page.height * 0.6);
  const right = [...insurerLabels(lines).map((l) => l.hit), ...findLabel(lines, ['CONTACT', 'PHONE', 'E-MAIL'], { exact: true })].filter((l) => l.x > page.width * 0.3);
  const boxRight = right.length > 0 ? Math.min(...right.map((l) => l.x)) : page.width / 2;
  const regions: ValueRegion[] = [];
  const box = (name: string, label: LabelHit, x1: number, y1: number) => {
    const h = label.height;
    regions.push({ name, x0: Math.max(0, label.x - 1.5 * h), x1: x1 - 0.5 * h, y0: label.bottom + 0.2 * h, y1: y1 - 0.3 * h, psm: PSM.SINGLE_BLOCK, whitelist: '', keepDashes: true, names: true });
  };
  // (each box is five lines of values high: about 14 times its label's OCR height, capitals only)
  if (producer && insured && insured.y < producer.bottom + 20 * producer.height) box('producer', producer, boxRight, insured.y);
  if (insured && coverages && coverages.y < insured.bottom + 20 * insured.height) box('insured', insured, boxRight, coverages.y);
  if (holder) {
    const cancellation = findLabel(lines, 'CANCELLATION', { exact: true }).find((l) => l.x > holder.right && Math.abs(l.y - holder.y) < 2 * holder.height);
    const footer = findLabel(lines, ['ACORD 25', 'ACORD CORPORATION']).find((l) => l.y > holder.bottom);
    box('holder', holder, cancellation ? cancellation.x : page.width / 2, Math.min(footer ? footer.y : page.height, holder.bottom + 22 * holder.height));
  }
  return regions;
}

/**
 * The page's words with each value region read again from `bitmap` (the cleaned page the first pass read; points ×
 * `pixelsPerPoint` = pixels). A region whose second reading finds nothing keeps the first pass's words.
 */
export async function rereadValueCells(
  page: PageWords,
  bitmap: GreyBitmap,
  binary: GreyBitmap | null,
  pixelsPerPoint: number,
  recognize: CellRecognizer,
  toWords: ToWords,
): Promise<PageWords> {
  page = await rereadGridHeader(page, bitmap, pixelsPerPoint, recognize, toWords);
  page = await rereadInsuredLabel(page, bitmap, pixelsPerPoint, recognize, toWords);
  let regions = acord25ValueRegions(page);
  if (regions.length === 0) return page;
  if (binary) regions = snapToRules(regions, binary, pixelsPerPoint);
  let words = page.words;
  // (the strip each second-pass word was read in)
  const stripOf = new Map<Word, ValueRegion>();
  // (the rules cleanPage took out, which a flag strip's strokes are joined across)
  const rules = ruleSizes(pixelsPerPoint);
  for (const r of regions) {
    const left = Math.max(0, Math.floor(r.x0 * pixelsPerPoint));
    const right = Math.min(bitmap.width, Math.ceil(r.x1 * pixelsPerPoint));
    const stripTop = Math.floor(r.y0 * pixelsPerPoint);
    const stripBottom = Math.ceil(r.y1 * pixelsPerPoint);
    if (right - left < 4 || stripBottom - stripTop < 4) continue;
    // cut with a margin above and below, so that marks straddling the strip's edges can be told whole
    const margin = Math.round(EDGE_MARGIN_PT * pixelsPerPoint);
    const top = Math.max(0, stripTop - margin);
    const bottom = Math.min(bitmap.height, stripBottom + margin);
    // (a flag typed across its column's rule, which the SUBR strip reaches over, joined again where the rule ran
    // through it: strokes.ts)
    const cleaned = cropGrey(bitmap, left, top, right, bottom, PAD);
    const crop = r.whitelist === FLAG_CHARS && binary ? rejoinAcrossRules(cleaned, cropGrey(binary, left, top, right, bottom, PAD), rules.maxThickness, rules.minVertical, rules.maxGap) : cleaned;
    const letters = r.whitelist === LETTERS || r.whitelist === FLAG_CHARS;
    clearMarks(crop, PAD + stripTop - top, PAD + stripBottom - top, r.keepDashes ? undefined : pixelsPerPoint, letters);
    if (r.dropDollar) blankDollars(crop, r, pixelsPerPoint);
    // (a value typed on a known line: the other lines of ink the strip takes in are blanked, 'CLAIMS-MADE' over a
    // retention of 10,000 made tesseract read the two as '0000')
    if (r.lineY !== undefined) keepNearestLine(crop, r.lineY * pixelsPerPoint - (top - PAD), Math.round(MIN_LINE_PT * pixelsPerPoint));
    // (the letter column's rule is often lost on a photo, and the strip then takes in the next column's check boxes and
    // labels, read as letters: 'C', 'AC')
    if (r.anchorX !== undefined) keepRunNear(crop, Math.round(r.anchorX * pixelsPerPoint) - left + PAD, Math.round(RUN_GAP_PT * pixelsPerPoint));
    if (!hasInk(crop)) {
      words = words.filter((w) => !inside(w, r));
      continue;
    }
    const cut: CutStrip = { bitmap: crop, origin: { left: left - PAD, top: top - PAD }, pixelsPerPoint, region: r, recognize, toWords };
    const found = toWords(await recognize(crop, { psm: r.psm, whitelist: r.whitelist }), left - PAD, top - PAD).filter((w) => inside(w, r));
    // the certificate date's cell read with no date in it ('16/24' for '11/6/24': the whitelist made tesseract drop
    // the thin '11/') is read once more as a block without one; what it reads like a date is kept as another reading
    if (r.name === 'date' && !found.some((w) => normalizeDate(w.text) !== null)) {
      const block = toWords(await recognize(crop, { psm: PSM.SINGLE_BLOCK, whitelist: '' }), left - PAD, top - PAD).filter((w) => inside(w, r) && DATE_LIKE.test(w.text));
      for (const b of block) {
        const near = found.find((w) => sameLine(w, b));
        if (near) near.readings = [...(near.readings ?? []), b.text];
        else found.push(b);
      }
    }
    // (a column of one letter or flag reads its lines alone below, even where the whole strip read none)
    const oneLetter = r.name === 'ltr' || r.name === 'addl' || r.name === 'subr';
    if (found.length === 0 && !oneLetter) continue;
    // a word boxed mostly inside a word read with more confidence is a second reading of that word's ink (tesseract
    // reads a faint duplicate line now and then: 'Bro' inside 'Brightline'), when it reads like a part of that word
    // (one slip in three letters: 'Fire', boxed inside 'Northbridge' where tesseract stretched its box a half over it,
    // is a word of its own)
    // (a word whose box tesseract stretched over its neighbours, 'Fire' boxed 54 points wide up to the end of 'Casualty',
    // or 'Compensation' over 'Mutual', is judged by the box its letters need, covered or covering)
    const widths = found.filter((w) => w.text.length >= 3).map((w) => w.width / w.text.length);
    const letter = widths.length > 0 ? median(widths) : null;
    const fitted = (w: Word) => (letter !== null && w.width > STRETCHED * letter * w.text.length ? { ...w, width: letter * w.text.length } : w);
    const partOf = (w: Word, o: Word) => containsNear(o.text.toLowerCase(), w.text.toLowerCase(), Math.max(1, Math.floor(w.text.length / 3)));
    found.splice(0, found.length, ...found.filter((w) => !found.some((o) => o !== w && o.confidence > w.confidence && coveredShare(fitted(w), [fitted(o)]) > 0.5 && partOf(w, o))));
    // a line of ink the block reading skipped ('5000' among the '1000000's of an amounts column) is read alone; not in
    // the columns of one letter (insurer letters, Y/N flags), where a check box's edge or mark beside the column is a
    // line of ink too, and at most MAX_MISSED_LINES a strip (MAX_MISSED_ROWS in the columns of a value a line)
    // (the insurer letter column, though, kept to its own run of ink, has its skipped lines read too, as one letter:
    // tesseract misses a lone 'B' in the column and in the whole page, and reads it alone, reduced, at 92%)
    // (and so are the ADDL and SUBR columns' skipped lines, each as one flag read surely: tesseract misses a lone 'Y'
    // in the column, printed as clean as the one beside it)
    // (a flag column's lines are looked for, and read, with what is no part of a mark taken away: a photo leaves a
    // bent rule's remnant through a flag typed against the column's rule, and a tick of its edge beside it, 'X, which
    // tesseract reads as 'Ax' or nothing: strokes.ts)
    const marks = r.whitelist === FLAG_CHARS ? isolateMarks(crop, Math.max(2, Math.round(THIN_LINE_PT * pixelsPerPoint)), Math.round(LONG_LINE_PT * pixelsPerPoint)) : crop;
    // (the certificate date's cell holds one date: once it is read, its other lines of ink are the disclaimer's first
    // line or the title reaching into the cell, which the date's whitelist reads as nothing, at some 20 ms a reading)
    const dateRead = r.name === 'date' && found.some((w) => normalizeDate(w.text) !== null);
    let missed = 0;
    for (const [b0, b1] of (letters && !oneLetter) || dateRead ? [] : inkLines(marks, Math.round(MIN_LINE_PT * pixelsPerPoint))) {
      const [y0, y1] = [(top - PAD + b0) / pixelsPerPoint, (top - PAD + b1) / pixelsPerPoint];
      if (found.some((w) => w.y < y1 && w.y + w.height > y0) || ++missed > (r.whitelist === AMOUNT_CHARS || oneLetter ? MAX_MISSED_ROWS : MAX_MISSED_LINES)) continue;
      const from = Math.max(0, b0 - LINE_MARGIN);
      const line = cropGrey(marks, 0, from, marks.width, Math.min(marks.height, b1 + LINE_MARGIN), PAD);
      if (oneLetter) {
        const read = await recognize(resizeGrey(line, LETTER_SMALLER), { psm: PSM.SINGLE_CHAR, whitelist: r.whitelist });
        let letter = toWords(read.map((p) => unscale(p, LETTER_SMALLER)), left - 2 * PAD, top - 2 * PAD + from).filter((w) => inside(w, r) && /^[A-FXYN]$/.test(w.text) && w.confidence >= (r.whitelist === FLAG_CHARS ? FLAG_SURE : LETTER_SURE));
        // (an insurer letter read so at no confidence, or not at all, is read again at its own size: a print photo's 'B'
        // read at 0% reduced is B at 93% as it is)
        if (letter.length !== 1 && r.whitelist === LETTERS) {
          const again = await recognize(line, { psm: PSM.SINGLE_CHAR, whitelist: r.whitelist });
          letter = toWords(again, left - 2 * PAD, top - 2 * PAD + from).filter((w) => inside(w, r) && /^[A-F]$/.test(w.text) && w.confidence >= LETTER_SURE);
        }
        if (letter.length === 1) found.push(letter[0]!);
        else if (r.whitelist === FLAG_CHARS && flagByShape(found, read.map((p) => unscale(p, LETTER_SMALLER)), line, (pw) => toWords(pw, left - 2 * PAD, top - 2 * PAD + from).filter((w) => inside(w, r)))) continue;
        // a flag typed across its column's rule, an arm gone with the rule, which the whitelist then reads as nothing:
        // the line read again as the page shows it, rule and all, with no whitelist, where tesseract takes the Y for
        // a '¥' (a sign no flag cell holds)
        else if (r.whitelist === FLAG_CHARS && binary) await rereadFlagOnPage(found, binary, { left, right, top: top - PAD + from, bottom: top - PAD + Math.min(crop.height, b1 + LINE_MARGIN) }, r, cut);
        continue;
      }
      // (its margins blank: a rule's specks a row or two under the line, apart from its glyphs, make tesseract find
      // no line at all, in any mode: a photo's '$5,000,000' over the dashes its cell's rule left)
      clearOutside(line, b0 - from + PAD, b1 - from + PAD);
      // (as a block of one line: tesseract reads a lone short amount as a line with its first digit lost, "000")
      // (and where that reads nothing, as sparse text: a line whose ink took in a speck under the value, a photo's
      // '9/26/26', reads as nothing as a block, and as '9/2626' with the speck apart)
      // (and where that reads nothing too, reduced by a quarter, then enlarged by half: a photo's plain '1,000,000' over
      // the specks of its cell's rule read as nothing at its size in every mode, and at 97% reduced)
      const readAs = async (psm: PSM, scale = 1) =>
        toWords(
          (await recognize(scale === 1 ? line : resizeGrey(line, scale), { psm, whitelist: r.whitelist })).map((p) => unscale(p, scale)),
          left - 2 * PAD,
          top - 2 * PAD + from,
        ).filter((w) => inside(w, r));
      let alone = await readAs(PSM.SINGLE_BLOCK);
      if (alone.length === 0) alone = await readAs(PSM.SPARSE_TEXT);
      for (const scale of MISSED_LINE_SCALES) if (alone.length === 0) alone = await readAs(PSM.SINGLE_LINE, scale);
      found.push(...alone);
    }
    // a value tesseract doubted, read within its column ('5,000,600' at 68%, a doubled digit at 18%), is read once
    // more on its own: as one word, the neighbouring lines' shapes no longer sway it
    for (let i = 0; i < found.length; i++) {
      const w = found[i]!;
      if (w.confidence >= DOUBTED || !/\d/.test(w.text)) continue;
      // (an amount boxed far wider than its digits, over the cell's rule beside it: its own line of ink read alone)
      if (r.whitelist === AMOUNT_CHARS && letter !== null && w.width > STRETCHED * letter * w.text.length) {
        const line = await rereadStretched(w, cut, letter);
        // (taken when it is an amount grouped right, from about where the box begins, with no fewer digits but a
        // leading 1 the box took in from a stroke before it, '15000000' for 5000000: a line read with its first digit
        // lost, '000000' for 5000000, is no mending)
        const digits = (t: string) => t.replace(/\D/g, '');
        const fewer = line !== null && digits(line.text).length < digits(w.text).length;
        const stroke = line !== null && digits(w.text) === `1${digits(line.text)}`;
        if (line && line.confidence > w.confidence + 0.1 && isAmount(line.text) && line.x - w.x < 2 * letter && (!fewer || stroke)) {
          found[i] = line;
          continue;
        }
      }
      const again = await rereadWord(w, cut);
      // only a mending: one character changed or one dropped. A longer reading took in something beside the word (a
      // '$' read as 1 with the digits whitelist: '1000000' -> '11000000')
      if (again && again.confidence > w.confidence + 0.1 && again.text.length <= w.text.length && editDistance(again.text, w.text, 1) <= 1 && (r.whitelist !== AMOUNT_CHARS || mendsAmount(w.text, again.text))) {
        found[i] = { ...w, text: again.text, confidence: again.confidence };
      }
    }
    // a name tesseract doubted ('Bnightline' at 70%, 'ronbridge' at 0%) is read again, its line cut out, reduced and
    // enlarged, where it often comes out whole ('Brightline', 'Ironbridge');
    // and a name's word the strip read with a thin letter lost ('Atantic'), where the whole-page pass read it with the
    // letter ('Atlantic'), keeps that reading: tesseract drops an l, i, t, f or r squeezed between two letters, and
    // seldom reads one where none is printed
    // (the whole-page pass's words on a strip word's line, over it: its other readings of that word)
    const readOver = (w: Word) => words.filter((o) => inside(o, r) && sameLine(o, w) && overlapsX(o, w));
    if (r.names || r.name === 'insurers') {
      await rereadDoubtedNames(found, crop, { left: left - PAD, top: top - PAD }, pixelsPerPoint, recognize, toWords);
      for (let i = 0; i < found.length; i++) {
        const w = found[i]!;
        if (!/^\p{L}{3,}/u.test(w.text)) continue;
        const first = readOver(w).find((o) => lostThinLetter(o.text, w.text));
        if (first) found[i] = { ...w, text: first.text, confidence: Math.max(w.confidence, first.confidence) };
      }
    }
    // a first-pass word reaching into the strip (its centre outside) and mostly covered by the strip's words is the
    // same word read again: the strip's wins. A long label beside the strip ("LIABILITY" left of the ADDL column)
    // that a flag's box merely touches stays.
    // a date cell keeps the whole-page pass's reading beside the new one: on a photo each pass misreads a slash or a
    // 7 as 1 in some dates ('2127126', '2121127') and not in others
    if (r.whitelist === DATE_CHARS) {
      for (let i = 0; i < found.length; i++) {
        const w = found[i]!;
        const readings = words.filter((o) => inside(o, r) && o.text !== w.text && sameLine(o, w) && /\d/.test(o.text)).map((o) => o.text);
        // (beside those the cell's block reading gave: the certificate date's)
        if (readings.length > 0) found[i] = { ...w, readings: [...new Set([...(w.readings ?? []), ...readings])] };
      }
    }
    // a date cell read with no date in it ('444127', '4/4126' for 4/4/27 and 4/4/26: a short date's narrow slashes
    // merged into the digits beside them) is read once more enlarged by half, where its slashes come out; that reading
    // is one more beside the others, taken only where it is a date or the row's other date confirms it
    if (r.whitelist === DATE_CHARS) {
      for (let i = 0; i < found.length; i++) {
        const w = found[i]!;
        if (normalizeDate(w.text) !== null || !/\d/.test(w.text)) continue;
        const again = await rereadWord(w, cut, { scale: DATE_LARGER, psms: [PSM.SINGLE_LINE] });
        if (again && again.text !== w.text && !(w.readings ?? []).includes(again.text)) found[i] = { ...w, readings: [...(w.readings ?? []), again.text] };
      }
    }
    // a policy number the whole-page pass read surer, one character apart ('5330904-24' at 91% where the strip read
    // '5330804-24' at 84%), keeps that reading: nothing else on the form checks a policy number's digits
    if (r.name === 'number') {
      for (let i = 0; i < found.length; i++) {
        const w = found[i]!;
        const first = readOver(w).find((o) => o.confidence > w.confidence + SURER && o.text.length === w.text.length && o.text !== w.text && editDistance(o.text, w.text, 1) === 1);
        // (and one holding a sign no policy number prints, 'XS§' at 34%, that the whole page read surer as it is without
        // the sign, 'XS' at 65%)
        const signless = UNPRINTED_SIGN.test(w.text) ? readOver(w).find((o) => o.confidence > w.confidence + SURER && o.text === w.text.replace(UNPRINTED_SIGNS, '')) : undefined;
        const page = first ?? signless;
        if (page) found[i] = { ...w, text: page.text, confidence: page.confidence };
      }
    }
    // a policy number's or NAIC code's digits decide a field whole, and nothing else on the form checks them
    // (a policy number's word read alone as two, 'XS 5531048-23' where the strip read 'XS85531048-23' at 19%, is one
    // reading of it, spaced)
    if (r.name === 'number' || r.name === 'naic') await voteOnDigits(found, cut, { policyNumber: r.name === 'number' });
    // a NAIC code is five digits: one the strip and its vote read with a digit too many or too few ('214686') takes the
    // whole-page pass's reading of five digits a digit apart from it ('21466' at 91%)
    if (r.name === 'naic') {
      for (let i = 0; i < found.length; i++) {
        const w = found[i]!;
        if (!/^\d{4}$|^\d{6}$/.test(w.text)) continue;
        const first = readOver(w).find((o) => /^\d{5}$/.test(o.text) && editDistance(o.text, w.text, 1) === 1);
        if (first) found[i] = { ...w, text: first.text, confidence: Math.min(w.confidence, first.confidence) };
      }
    }
    // and so does a date's, doubted more (tesseract is sure of most dates it misreads not): a date two other readings
    // agree on outvotes the strip's ('10/18/2025' at 70% for 10/19/2025); the strip's stays as another reading
    if (r.whitelist === DATE_CHARS) await voteOnDigits(found, cut, { doubted: (w) => w.confidence < DOUBTED, accept: (t) => normalizeDate(t) !== null });
    // and an amount grouped wrong ('1,000,00' at 0%: a last digit lost) or whose second digit is a 6 or an 8 before
    // zeros ('16000' at 95% for 10000: tesseract's commonest slip in a limit, and a limit seldom printed), however
    // sure tesseract was, for a reading that is an amount grouped right
    // (and one the whole-page pass read as another amount, its digits other than a '$' read as one: '200,000' at 89%
    // where the page read '$300,000' at 96%; its commas read as points or not: '2,000,040' at 30% where the page read
    // '2.000.000' at 83%)
    const withoutDollars = (t: string) => t.replace(/^\$+/, '').replace(/^(\d{1,3})((?:\.\d{3})+)$/, (_, head: string, groups: string) => head + groups.replaceAll('.', ','));
    const digitsOf = (t: string) => withoutDollars(t).replace(/\D/g, '');
    const readOtherwise = (w: Word) =>
      readOver(w).some((o) => isAmount(withoutDollars(o.text)) && !digitsOf(o.text).endsWith(digitsOf(w.text)) && !digitsOf(w.text).endsWith(digitsOf(o.text)));
    const implausible = (t: string) => !isAmount(t) || /^[1-9][68]0{3,}$/.test(t.replace(/,/g, '')) || UNROUND.test(t.replace(/,/g, ''));
    const odd = (w: Word) => implausible(w.text) || readOtherwise(w);
    // (an amount is settled by all its readings, the strip's, those read alone and the whole page's: a reading two give,
    // one of them at VOTE_SURE or more, wins, a limit as limits are printed before one that is not, then the one most
    // readings give: '2,000,040' at 30% and 5% gives way to '2,000,000' at 24% alone and 83% on the page, '16000' read
    // three times at 69 to 79% to '10000' at 96% alone and on the page)
    // (and where nothing but the whole page read it surely, its reading wins over the strip's read at no confidence:
    // '10000' at 0% where the page read '1.000.000' at 71%, and alone as '00')
    const ballot = (w: Word, readings: Word[]): Word | null => {
      const page = readOver(w).map((o) => ({ ...o, text: withoutDollars(o.text) }));
      const all = [w, ...readings, ...page].filter((a) => isAmount(a.text));
      const texts = [...new Set(all.map((a) => a.text))].map((text) => ({ text, of: all.filter((a) => a.text === text) }));
      const sure = all.filter((a) => a.confidence >= VOTE_SURE);
      const alone = w.confidence <= UNREAD && sure.length === 1 && page.includes(sure[0]!);
      const eligible = texts.filter((t) => (t.of.length >= 2 || alone) && t.of.some((a) => a.confidence >= VOTE_SURE));
      eligible.sort((a, b) => Number(implausible(a.text)) - Number(implausible(b.text)) || b.of.length - a.of.length);
      const best = eligible[0];
      return best ? ({ ...w, text: best.text, confidence: Math.max(...best.of.map((a) => a.confidence)) } satisfies Word) : null;
    };
    if (r.whitelist === AMOUNT_CHARS) await voteOnDigits(found, cut, { doubted: odd, accept: isAmount, ballot });
    // an amount the strip read with its '$' as a digit before it ('310,000' at 0% where the page read '$10,000' at 94%:
    // a retention's strip keeps the '$') takes the whole page's reading
    if (r.whitelist === AMOUNT_CHARS) {
      for (let i = 0; i < found.length; i++) {
        const w = found[i]!;
        const page = readOver(w).find((o) => o.text.startsWith('$') && o.confidence > w.confidence && isAmount(withoutDollars(o.text)) && DOLLAR_DIGITS.some((d) => digitsOf(w.text) === d + digitsOf(o.text)));
        if (page) found[i] = { ...w, text: withoutDollars(page.text), confidence: page.confidence, readings: [...new Set([w.text, ...(w.readings ?? [])])] };
      }
    }
    // an amount the strip read as none (',000,000': its first digit blanked with the '$' printed close before it, in a
    // monospaced type) keeps the whole-page pass's reading of its line beside it ('$1,000,000')
    if (r.whitelist === AMOUNT_CHARS) {
      for (let i = 0; i < found.length; i++) {
        const w = found[i]!;
        if (isAmount(w.text)) continue;
        const readings = words.filter((o) => inside(o, r) && o.text !== w.text && sameLine(o, w) && /\d/.test(o.text)).map((o) => o.text);
        if (readings.length > 0) found[i] = { ...w, readings: [...new Set([...(w.readings ?? []), ...readings])] };
      }
    }
    // (a box of names keeps every word outside it: its labels stand close around it, and a word OCR boxed with the
    // rule under it, 'Tampa_', would cover the INSURED label below)
    // A first-pass word that begins inside the strip and runs out of it over a strip word ('AX': an insurer letter
    // read together with the check mark right of its column) is that word read with its neighbour: it goes too.
    const startsOver = (w: Word) => w.x >= r.x0 && w.x < r.x1 && w.y + w.height / 2 >= r.y0 && w.y + w.height / 2 < r.y1 && found.some((f) => sameLine(f, w) && overlapsX(f, w));
    // (in a column of one letter or flag, a first-pass word on a line the strip read nothing on stays: its reading
    // of a flag typed across the column's rule may be the only one)
    const unread = (w: Word) => oneLetter && !found.some((f) => sameLine(f, w));
    // a first-pass word in the '$' column left of an amounts strip, on a line the strip read, that is more than a '$'
    // ('1s2,' for '$2,' of '$2,000,000', '$1' beside '1,000,000'), is the amount read again with its '$': it goes too
    // (it would open the amount the layout reader joins, and spoil it; a '$' alone, as OCR reads it, "'s", stays: the
    // layout reader knows it, and finds the '$' column by it)
    const inDollars = (w: Word) =>
      !!r.dropDollar && w.x + w.width / 2 < r.x0 && w.x >= r.x0 - DOLLAR_REACH * DOLLAR_COLUMN_PT - (r.dollarTyped ? TYPED_DOLLAR_PT : 0) && w.text !== '$' && !OCR_DOLLAR.test(w.text) && found.some((f) => sameLine(f, w));
    words = [...words.filter((w) => (!inside(w, r) || unread(w)) && (r.names || (coveredShare(w, found) <= 0.4 && !startsOver(w) && !inDollars(w)))), ...found];
    for (const w of found) stripOf.set(w, r);
  }
  // a first-pass word OCR ran across two strips ('XX' over the ADDL and SUBR columns' X) goes: each strip read its part
  const across = (w: Word) => new Set([...stripOf].filter(([o]) => sameLine(o, w) && o.x + o.width / 2 > w.x && o.x + o.width / 2 < w.x + w.width).map(([, r]) => r)).size >= 2;
  return { ...page, words: words.filter((w) => stripOf.has(w) || !across(w)) };
}

/** Whether the grid header's POLICY NUMBER, POLICY EFF and POLICY EXP are all found, the date headers by their labels. */
function headerRead(lines: Line[], number = policyNumberLabel(lines)): boolean {
  if (!number) return false;
  const { eff, exp } = dateHeaders(lines, number);
  return !!eff && !!exp && eff.score > 0 && exp.score > 0;
}

/**
 * The coverage grid's header right of TYPE OF INSURANCE read again on its own, when the whole-page pass lost one of
 * POLICY NUMBER, POLICY EFF and POLICY EXP. On a photo the tiny header labels between their rules come out as noise
 * ('porn ons', 'ums') in the whole page's reading, while the same band cut out and read as one block reads them
 * cleanly. The band's new words replace the old ones only when they give the whole header; without it no policy is
 * read at all.
 */
export const rereadGridHeader: PageReread = async (page, bitmap, pixelsPerPoint, recognize, toWords) => {
  // (grouped as the layout reader groups OCR words: it is the one that reads the policies)
  const lines = groupLines(page.words, OCR_SEGMENT_GAP);
  const number = policyNumberLabel(lines);
  if (headerRead(lines, number)) return page;
  // the header line: POLICY NUMBER where read, else the labels printed on it at the grid's two ends
  const anchor = number ?? findLabel(lines, ['TYPE OF INSURANCE', 'LIMITS'], { exact: true }).find((l) => l.y < page.height * 0.6);
  if (!anchor) return page;
  // the limits column's labels, printed down its left edge under the header, end the band
  const limits = findLabel(lines, ['EACH OCCURRENCE', 'DAMAGE TO RENTED', 'MED EXP', 'GENERAL AGGREGATE']).filter((l) => l.y > anchor.y && l.y < anchor.bottom + 12 * anchor.height && l.x > centerX(anchor));
  const h = typeHeight(anchor, limits);
  const type = findLabel(lines, 'TYPE OF INSURANCE').find((l) => Math.abs(centerY(l) - centerY(anchor)) < 2 * h);
  const x1 = limits.length > 0 ? Math.min(...limits.map((l) => l.x)) - 0.3 * h : page.width * 0.7;
  // (a POLICY NUMBER read stays as read: the whole-page pass measures its height, which sizes the grid, truer)
  const x0 = number ? number.right + 0.3 * h : type ? type.right + h : page.width * 0.2;
  const region: ValueRegion = { name: 'header', x0, x1, y0: centerY(anchor) - 1.8 * h, y1: centerY(anchor) + 1.8 * h, psm: PSM.SINGLE_BLOCK, whitelist: '' };
  if (region.x1 - region.x0 < 10 * h) return page;
  const { crop, left, top } = cropRegion(bitmap, region, pixelsPerPoint);
  const kept = page.words.filter((w) => !inside(w, region));
  // (at its own size, then reduced and enlarged, then as sparse text: a photo's thin header labels run together at one
  // scale, 'POUICYEFF', and come apart at another)
  for (const [scale, psm] of HEADER_READINGS) {
    const read = await recognize(scale === 1 ? crop : resizeGrey(crop, scale), { psm, whitelist: '' });
    const found = toWords(read.map((p) => unscale(p, scale)), left - PAD, top - PAD).filter((w) => inside(w, region));
    const words = [...kept, ...found];
    if (headerRead(groupLines(words, OCR_SEGMENT_GAP))) return { ...page, words };
  }
  return page;
};

/** A region cut out of the page with PAD pixels of paper around it; `left` and `top` are where it begins, in page pixels. */
function cropRegion(bitmap: GreyBitmap, region: ValueRegion, pixelsPerPoint: number): { crop: GreyBitmap; left: number; top: number } {
  const s = pixelsPerPoint;
  const left = Math.max(0, Math.floor(region.x0 * s));
  const top = Math.max(0, Math.floor(region.y0 * s));
  const right = Math.min(bitmap.width, Math.ceil(region.x1 * s));
  const bottom = Math.min(bitmap.height, Math.ceil(region.y1 * s));
  return { crop: cropGrey(bitmap, left, top, Math.max(left, right), Math.max(top, bottom), PAD), left, top };
}

/**
 * The INSURED box label where the whole-page pass lost it whole, garbled past knowing or not read at all (a photo's
 * small bold label pressed under the producer's city line): the band down the left edge under PRODUCER, to COVERAGES,
 * is read again on its own, and a word there that garbledInsuredLabel takes for the label is added to the page.
 * Without it the insured has no box: the layout reader reads no name, and this pass reads no box again.
 */
export const rereadInsuredLabel: PageReread = async (page, bitmap, pixelsPerPoint, recognize, toWords) => {
  const lines = groupLines(page.words, OCR_SEGMENT_GAP);
  const left = (l: LabelHit) => l.x < page.width * 0.3;
  const producer = producerLabel(lines, left);
  if (!producer) return page;
  const labelled = findLabel(lines, ['INSURED', 'NAMED INSURED'], { exact: true, afterStroke: true }).some((l) => left(l) && l.y > producer.bottom);
  if (labelled || garbledInsuredLabel(lines, producer)) return page;
  const coverages = findLabel(lines, 'COVERAGES', { exact: true }).find((l) => left(l) && l.y > producer.bottom);
  const h = producer.height;
  // (as wide as PRODUCER, a letter longer than INSURED, printed at the same x; the values begin further right)
  const region: ValueRegion = { name: 'insured label', x0: Math.max(0, producer.x - 1.5 * h), x1: producer.right + 2 * h, y0: producer.bottom + 0.5 * h, y1: (coverages?.y ?? producer.y + INSURED_BAND_PT) - 0.3 * h, psm: PSM.SINGLE_BLOCK, whitelist: '' };
  const { crop, left: x0, top: y0 } = cropRegion(bitmap, region, pixelsPerPoint);
  if (crop.width - 2 * PAD < 4 || crop.height - 2 * PAD < 4) return page;
  const read = await recognize(crop, { psm: region.psm, whitelist: '' });
  const found = toWords(read, x0 - PAD, y0 - PAD).filter((w) => inside(w, region));
  const label = garbledInsuredLabel(groupLines(found, OCR_SEGMENT_GAP), producer);
  if (!label) return page;
  const word = label.words[0]!;
  // (a first-pass word the label's box covers, the label garbled past knowing, goes)
  return { ...page, words: [...page.words.filter((w) => coveredShare(w, [word]) <= 0.4), word] };
};

/** How far (points) under PRODUCER the INSURED label is looked for again where COVERAGES is not read either. */
const INSURED_BAND_PT = 150;

/**
 * How the grid header's band is read, in turn, until one reading gives the whole header (rereadGridHeader): the scale
 * and the page segmentation mode. Each of them has read a header the others garbled.
 */
const HEADER_READINGS: [number, PSM][] = [
  [1, PSM.SINGLE_BLOCK],
  [0.75, PSM.SINGLE_BLOCK],
  [1.5, PSM.SINGLE_BLOCK],
  [1, PSM.SPARSE_TEXT],
];

/** A word tesseract found on a crop resized by `scale`, in the crop's own pixels. */
function unscale(p: PixelWord, scale: number): PixelWord {
  return scale === 1 ? p : { ...p, left: p.left / scale, top: p.top / scale, width: p.width / scale, height: p.height / scale };
}

/**
 * Whether a limit read again mends the first reading: as many digits, and at least as many closing zeros (limits
 * are round: '5,000,600' -> '5,000,000' mends; '5000' -> '500' and '1000000' -> '1000009' do not).
 */
function mendsAmount(before: string, after: string): boolean {
  const digits = (t: string) => t.replace(/\D/g, '');
  const zeros = (t: string) => /0*$/.exec(digits(t))![0].length;
  return digits(after).length === digits(before).length && zeros(after) >= zeros(before);
}

/** A word that may be a date, its slashes lost or read as letters ('116/24', '1u6/24'): a digit first, 5 to 10 long. */
const DATE_LIKE = /^\d[\dA-Za-z/|]{3,9}$/;

/** A sign no policy number prints: anything but letters, digits, dashes, slashes, points and spaces. */
const UNPRINTED_SIGN = /[^A-Za-z0-9\-/. ]/;
const UNPRINTED_SIGNS = new RegExp(UNPRINTED_SIGN.source, 'g');

/** How much surer (0..1) the whole-page pass must have been of a policy number one character apart to keep its reading. */
const SURER = 0.05;

/** A word boxed this many times wider than its letters need is a box tesseract stretched over its neighbours. */
const STRETCHED = 1.6;

/**
 * The scales a policy number's or NAIC code's word is read at alone, as a line (voteOnDigits): reduced and enlarged
 * first, at its size only when those two disagree.
 */
const VOTE_SCALES = [0.75, 1.5, 1] as const;
/** A word the strip read this sure (0..1) or surer is not voted on: none of the misreadings seen was (at most 94%). */
const VOTE_BELOW = 0.95;
/** How sure (0..1) tesseract must be of a reading for it to count in the vote. */
const VOTE_SURE = 0.5;
/** How many characters a reading that outvotes the strip's may differ from it by (a slash or dash found again). */
const VOTE_SLIPS = 2;

/**
 * Each word holding a digit of a policy-number or NAIC strip, read below VOTE_BELOW, read again alone, as a line,
 * reduced by a quarter and enlarged by half, and, when those two disagree, at its size: a reading two of these give,
 * each at VOTE_SURE or more, other than the strip's, outvotes it. In its column tesseract misreads a digit the same way
 * in both of its passes now and then ('9689477-24' for 9699477-24, '11670' for 11570, 'B360115-26' for 8360115-26),
 * while read alone at two other sizes it comes out right; the confidences tesseract gives these readings do not tell
 * which is right (the strip's wrong '28851' at 85%, the right '29851' alone at 82%), two readings agreeing do.
 * `doubted` picks the words read again (by default those below VOTE_BELOW); `accept`, what a winning reading must be;
 * `ballot`, where given, the winner from the word and its readings alone in place of the vote; `policyNumber`, that the
 * words are a policy number's (words read alone on one line are one reading, and against a reading holding a sign no
 * policy number prints, a surer one holding none counts however unsure). The strip's reading outvoted is kept among
 * the word's other readings.
 */
async function voteOnDigits(
  found: Word[],
  strip: CutStrip,
  {
    doubted = (w: Word) => w.confidence < VOTE_BELOW,
    accept = (_: string): boolean => true,
    ballot,
    policyNumber = false,
  }: { doubted?: (w: Word) => boolean; accept?: (text: string) => boolean; ballot?: (w: Word, readings: Word[]) => Word | null; policyNumber?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < found.length; i++) {
    const w = found[i]!;
    if (!/\d/.test(w.text) || !doubted(w)) continue;
    const readings: Word[] = [];
    for (const scale of VOTE_SCALES) {
      // (at its size only to settle a disagreement of the other two)
      if (scale === 1 && readings.length === 2 && readings[0]!.text === readings[1]!.text && readings.every((a) => a.confidence >= VOTE_SURE)) break;
      const again = await rereadWord(w, strip, { scale, psms: [PSM.SINGLE_LINE], joined: policyNumber });
      if (again) readings.push(again);
    }
    // (a vote counts when tesseract gives it VOTE_SURE at least: a low scan enlarged reads a 9 as 3 at 24%)
    // (or, against a policy number's reading that holds a sign none prints, when it holds none and is surer: '25(0066-24'
    // at 38% gives way to '2500066-24' read twice at 43%)
    const signed = policyNumber && UNPRINTED_SIGN.test(w.text);
    const votes = readings.filter((a) => a.confidence >= VOTE_SURE || (signed && !UNPRINTED_SIGN.test(a.text) && a.confidence > w.confidence));
    const winner = ballot ? ballot(w, readings) : votes.find((a, k) => votes.some((b, l) => l !== k && b.text === a.text));
    // (an amount's commas apart: '2,000,000' read alone is two slips from the strip's '2000400' in its digits)
    const bare = (t: string) => t.replaceAll(',', '');
    if (winner && winner.text !== w.text && editDistance(bare(winner.text), bare(w.text), VOTE_SLIPS) <= VOTE_SLIPS && accept(winner.text)) {
      const agreeing = votes.filter((a) => a.text === winner.text);
      const readings = [...new Set([w.text, ...(w.readings ?? [])])].filter((t) => t !== winner.text);
      found[i] = { ...w, text: winner.text, confidence: agreeing.length > 0 ? Math.min(...agreeing.map((a) => a.confidence)) : winner.confidence, ...(readings.length > 0 ? { readings } : {}) };
    }
  }
}

/**
 * An amount's digits with a digit other than 0 after a 0 ('2000040', '2000400'): no limit is printed so, and tesseract
 * reads a 0 in a run of them as a 4, 6 or 8 now and then.
 */
const UNROUND = /0[1-9]/;

/** A strip's reading tesseract gave this confidence (0..1) or less is one it gave none. */
const UNREAD = 0.05;

/** The digits a '$' is read as under a digits whitelist. */
const DOLLAR_DIGITS = ['1', '3', '5', '8'];

/** An amount as a limit prints it: a first digit that is no 0, grouped by commas right or not at all. */
const isAmount = (t: string): boolean => /^[1-9](?:\d{0,2}(?:,\d{3})+|\d*)$/.test(t);

/** The most characters an amount prints ('10,000,000'), for the width a stretched amount's digits can take. */
const MAX_AMOUNT_CHARS = 10;

/**
 * An amount tesseract boxed far wider (and often taller) than its digits, doubting it ('100' boxed 70 points wide
 * and 10 high, over the cell's right rule and the dashes under it, where '1000000' is printed): under its box, no
 * wider than the longest amount from its left edge, each line of ink a glyph high is read alone, as a line; the
 * first that reads as one amount, at VOTE_SURE or more, with its own box. Null when none does.
 */
async function rereadStretched(w: Word, { bitmap: strip, origin, pixelsPerPoint: s, region: r, recognize, toWords }: CutStrip, letter: number): Promise<Word | null> {
  const left = Math.max(0, Math.floor((w.x - letter) * s) - origin.left);
  const right = Math.min(strip.width, Math.ceil((w.x + Math.min(w.width, MAX_AMOUNT_CHARS * letter)) * s) - origin.left);
  const top = Math.max(0, Math.floor((w.y - 0.3 * w.height) * s) - origin.top);
  const bottom = Math.min(strip.height, Math.ceil((w.y + 1.3 * w.height) * s) - origin.top);
  if (right - left < 4 || bottom - top < 4) return null;
  const box = cropGrey(strip, left, top, right, bottom, PAD);
  for (const [b0, b1] of inkLines(box, Math.round(MIN_LINE_PT * s))) {
    const from = Math.max(0, b0 - LINE_MARGIN);
    const line = cropGrey(box, 0, from, box.width, Math.min(box.height, b1 + LINE_MARGIN), PAD);
    const read = toWords(await recognize(line, { psm: PSM.SINGLE_LINE, whitelist: r.whitelist }), origin.left + left - 2 * PAD, origin.top + top - 2 * PAD + from);
    if (read.length === 1 && read[0]!.confidence >= VOTE_SURE && normalizeLimit(read[0]!.text) !== null) return read[0]!;
  }
  return null;
}

/**
 * A flag column's line tesseract read with a Y or an X and no confidence (a lone 'Y' at 0 to 2%, however plain: a
 * photo broke an arm off its stem, or a rule's remnant runs through it), or as nothing, whose ink shows a Y or an X
 * (ocr/flag-shape.ts), is pushed to `found` at FLAG_SURE, with tesseract's letter and box where it read one; true
 * when one was. An N, or a reading the shape gainsays, is left to the other readings.
 */
function flagByShape(found: Word[], read: PixelWord[], line: GreyBitmap, place: (pw: PixelWord[]) => Word[]): boolean {
  const shape = flagShape(line);
  if (!shape || shape.letter === 'N') return false;
  const letters = read.filter((p) => /^[XYN]$/.test(p.text));
  if (letters.length > 1 || letters.some((p) => p.text === 'N')) return false;
  const [word] = place(letters.length === 1 ? letters : [{ text: shape.letter, left: shape.left, top: shape.top, width: shape.width, height: shape.height, confidence: 0 }]);
  if (!word) return false;
  found.push({ ...word, confidence: Math.max(word.confidence, FLAG_SURE) });
  return true;
}

/** A flag read again from the page as it shows it counts at this confidence (0..1) or more (rereadFlagOnPage). */
const FLAG_ON_PAGE_SURE = 0.5;

/**
 * One line of a flag column (its rows [top, bottom) and the strip's columns [left, right), page pixels) read from the
 * binary page with its rules, unwhitelisted and reduced as the strip's missed lines are: a 'Y' or '¥' (the Y whose
 * arm crosses the column's rule), 'N' or 'X', in either case, read surely is pushed to `found` as that flag.
 */
async function rereadFlagOnPage(found: Word[], binary: GreyBitmap, box: { left: number; right: number; top: number; bottom: number }, r: ValueRegion, { recognize, toWords }: CutStrip): Promise<void> {
  const line = cropGrey(binary, box.left - PAD, box.top, box.right + PAD, box.bottom, PAD);
  const read = await recognize(resizeGrey(line, LETTER_SMALLER), { psm: PSM.SINGLE_CHAR, whitelist: '' });
  const flags = toWords(read.map((p) => unscale(p, LETTER_SMALLER)), box.left - 2 * PAD, box.top - PAD)
    .map((w) => ({ ...w, text: w.text === '¥' ? 'Y' : w.text.toUpperCase() }))
    .filter((w) => inside(w, r) && /^[XYN]$/.test(w.text) && w.confidence >= FLAG_ON_PAGE_SURE);
  if (flags.length === 1) found.push(flags[0]!);
}

/** The scale a date cell holding no date is read again at (rereadWord). */
const DATE_LARGER = 1.5;

/** A second-pass word holding digits below this confidence (0..1) is read once more on its own (rereadWord). */
const DOUBTED = 0.8;

/**
 * One word of a value strip read again alone, cut out of the strip as it was read (marks of the lines around it
 * cleared, the limits' '$' blanked; `origin` is the strip's top-left in page pixels) with a margin of a third of its
 * height above and below and a fifth beside, as a single line and then as a single word, with the strip's whitelist:
 * the more confident reading that is one word. Each mode mends slips the other makes ('83358946-25' as a line,
 * '5,000,600' as a word). Null when neither finds one word there. With `scale`, the cut-out is read resized so, in the
 * `psms` given.
 */
async function rereadWord(
  w: Word,
  { bitmap: strip, origin, pixelsPerPoint, region: r, recognize, toWords }: CutStrip,
  { scale = 1, psms = [PSM.SINGLE_LINE, PSM.SINGLE_WORD], joined = false }: { scale?: number; psms?: PSM[]; joined?: boolean } = {},
): Promise<Word | null> {
  const left = Math.max(0, Math.floor((w.x - 0.2 * w.height) * pixelsPerPoint) - origin.left);
  const top = Math.max(0, Math.floor((w.y - 0.3 * w.height) * pixelsPerPoint) - origin.top);
  const right = Math.min(strip.width, Math.ceil((w.x + w.width + 0.2 * w.height) * pixelsPerPoint) - origin.left);
  const bottom = Math.min(strip.height, Math.ceil((w.y + 1.3 * w.height) * pixelsPerPoint) - origin.top);
  if (right - left < 4 || bottom - top < 4) return null;
  const crop = cropGrey(strip, left, top, right, bottom, PAD);
  const read = scale === 1 ? crop : resizeGrey(crop, scale);
  let best: Word | null = null;
  for (const psm of psms) {
    let words = toWords((await recognize(read, { psm, whitelist: r.whitelist })).map((p) => unscale(p, scale)), origin.left + left - PAD, origin.top + top - PAD);
    // (with `joined`, words read on one line are one reading, spaced: 'XS 5531048-23', which its strip read as one word)
    if (joined && words.length > 1 && words.every((o) => sameLine(o, words[0]!))) words = [joinWords(words)];
    if (words.length === 1 && (!best || words[0]!.confidence > best.confidence)) best = words[0]!;
  }
  return best;
}

/** A word of a name read below this confidence (0..1) is read again, its line enlarged and reduced (rereadDoubtedNames). */
const NAME_DOUBTED = 0.8;
/** The two scales a line of a doubted name is read at again: enlarged, and reduced. */
const NAME_LARGER = 1.5;
const NAME_SMALLER = 0.75;

/**
 * Each line of a names box holding a word read below NAME_DOUBTED, read again as one line twice: enlarged by half and
 * reduced by a quarter. On a scan rendered above its own resolution the reduced reading keeps thin strokes the other
 * readings lose ('Bnightline' → 'Brightline', 'Enksen' → 'Eriksen'); the enlarged one finds a capital I's lone stroke
 * ('ronbridge' → 'Ironbridge'). A doubted word takes a new reading of its place that is two letters from it at most
 * and letters where it was letters, and English where it was English: the reduced reading when it is surer than the
 * first or the enlarged one agrees with it; else the enlarged reading when it is surer by 0.2, or as sure and the same
 * word with one more letter.
 */
export async function rereadDoubtedNames(
  found: Word[],
  strip: GreyBitmap,
  origin: { left: number; top: number },
  pixelsPerPoint: number,
  recognize: CellRecognizer,
  toWords: ToWords,
): Promise<void> {
  const done = new Set<Word>();
  for (const w of found) {
    if (w.confidence >= NAME_DOUBTED || done.has(w) || !/\p{L}{3}/u.test(w.text)) continue;
    const line = found.filter((o) => sameLine(o, w));
    for (const o of line) done.add(o);
    const top = Math.max(0, Math.floor((w.y - 0.4 * w.height) * pixelsPerPoint) - origin.top);
    const bottom = Math.min(strip.height, Math.ceil((w.y + 1.4 * w.height) * pixelsPerPoint) - origin.top);
    if (bottom - top < 4) continue;
    const band = cropGrey(strip, 0, top, strip.width, bottom, PAD);
    const readAt = async (scale: number) =>
      toWords(
        (await recognize(resizeGrey(band, scale), { psm: PSM.SINGLE_LINE, whitelist: '' })).map((p) => unscale(p, scale)),
        origin.left - PAD,
        origin.top + top - PAD,
      );
    const larger = await readAt(NAME_LARGER);
    const smaller = await readAt(NAME_SMALLER);
    for (const o of line) {
      if (o.confidence >= NAME_DOUBTED) continue;
      const at = (words: Word[]) => words.find((a) => overlapsX(a, o));
      // (never an English word for one that is not: 'Shield' read again 'Shieid')
      const english = isEnglishWord(o.text.replace(/[^\p{L}]/gu, ''));
      const other = (t: Word | undefined) =>
        t && t.text !== o.text && editDistance(t.text, o.text, 2) <= 2 && /\p{L}/u.test(o.text) === /\p{L}/u.test(t.text) && (!english || isEnglishWord(t.text.replace(/[^\p{L}]/gu, ''))) ? t : undefined;
      const big = other(at(larger));
      const small = other(at(smaller));
      // (the letter the first reading dropped, its ink still there)
      const extended = !!big && big.text.length === o.text.length + 1 && (big.text.endsWith(o.text) || big.text.startsWith(o.text)) && /\p{L}/u.test(big.text.replace(o.text, ''));
      // two readings agreeing but for a first capital one of them lost ('ironbridge' and 'Ironbridge') outvote the
      // third, however sure ('ironhridge' at 56%): the capital's is taken, or the first reading kept
      const lower = (t: Word | undefined) => t?.text.toLowerCase();
      const capital = (a: Word, b: Word) => (/^\p{Lu}/u.test(b.text) && !/^\p{Lu}/u.test(a.text) ? b : a);
      const take =
        big && lower(big) === lower(o)
          ? capital(o, big)
          : small && big && lower(small) === lower(big) && small.text !== big.text
            ? capital(small, big)
            : small && (small.confidence > o.confidence || small.text === big?.text)
              ? small
              : big && (big.confidence >= o.confidence + 0.2 || (extended && big.confidence >= o.confidence))
                ? big
                : undefined;
      if (take && take !== o) found[found.indexOf(o)] = { ...o, text: take.text, confidence: take.confidence };
    }
  }
}

/**
 * The grid's value columns moved onto the vertical rules printed around them (found in the page before its rules
 * were removed): each column spans from the nearest rule left of its middle to the nearest right of it, less the
 * rule's own width. A column without rules close by keeps its label-derived edges.
 */
export function snapToRules(regions: ValueRegion[], binary: GreyBitmap, pixelsPerPoint: number): ValueRegion[] {
  const grid = regions.filter((r) => r.grid);
  if (grid.length === 0) return regions;
  const y0 = Math.min(...grid.map((r) => r.y0));
  const y1 = Math.max(...grid.map((r) => r.y1));
  const rules = verticalRules(binary, 0, binary.width, y0 * pixelsPerPoint, y1 * pixelsPerPoint).map((x) => x / pixelsPerPoint);
  // (the narrow flag columns' rules also where a photo's light left half of them: a flag typed at its column's left
  // edge is cut in two by a strip placed by the column's garbled label)
  const faint = verticalRules(binary, 0, binary.width, y0 * pixelsPerPoint, y1 * pixelsPerPoint, FAINT_RULE_COVERAGE).map((x) => x / pixelsPerPoint);
  const mids = grid.map((r) => (r.x0 + r.x1) / 2);
  const snapped = regions.map((r) => {
    if (!r.grid) return r;
    const mid = (r.x0 + r.x1) / 2;
    const width = r.x1 - r.x0;
    // (a rule past the middle of the next column is that column's far edge: the rule between the two was not found)
    const beyond = (a: number, b: number) => mids.some((m) => m !== mid && m > Math.min(a, b) && m < Math.max(a, b));
    // the nearest rule on that side, unless it is another column's: far beyond the label-derived edge, or well inside
    // the strip; none where too few rules were found to be the grid's
    const edge = (list: number[], side: 'left' | 'right', within = Infinity): number | undefined => {
      if (list.length < 4) return undefined;
      const x = side === 'left' ? list.filter((x) => x < mid && !beyond(x, mid)).pop() : list.find((x) => x > mid && !beyond(mid, x));
      if (x === undefined) return undefined;
      const inside = side === 'left' ? x - r.x0 : r.x1 - x;
      return -inside < width && inside < width / 2 && Math.abs(inside) < within ? x : undefined;
    };
    // (the flag columns, and the policy numbers' left edge, at a faint rule where no rule inking most rows is found
    // there: a photo's)
    const flags = FLAG_STRIPS.has(r.name);
    const found = edge(rules, 'left') ?? (flags ? edge(faint, 'left') : r.name === 'number' ? edge(faint, 'left', FAINT_REACH_PT) : undefined);
    const left = found !== undefined && found >= (r.minX0 ?? -Infinity) ? found : undefined;
    const right = edge(rules, 'right') ?? (flags ? edge(faint, 'right') : undefined);
    // (the SUBR strip reaches over its left rule: a flag typed across the rule between the two flag columns is
    // SUBR's, the ADDL column's own flags standing well clear of it)
    const x0 = left === undefined ? r.x0 : r.name === 'subr' ? left - FLAG_OVER_RULE_PT : left + RULE_MARGIN_PT;
    return { ...r, x0, x1: right !== undefined ? right - RULE_MARGIN_PT : r.x1 };
  });
  return splitAtNaicRule(snapped, binary, pixelsPerPoint);
}

/** How far (points) inside a rule a strip snapped to it begins or ends: clear of what is left of the rule. */
const RULE_MARGIN_PT = 1.2;

/** How far (points) the SUBR strip reaches left over its rule: half a flag typed across it. */
const FLAG_OVER_RULE_PT = 3;

/**
 * The share of the grid's rows a flag column's rule inks at least: a photo's rule broken by its light inks little
 * more than half of them; no column of flags or labels inks half.
 */
const FAINT_RULE_COVERAGE = 0.5;

/** How far (points) from the label-placed edge of the policy numbers' strip a faint rule moves it. */
const FAINT_REACH_PT = 8;

/** The strips of the ADDL INSD and SUBR WVD columns, snapped to their faint rules too. */
const FLAG_STRIPS = new Set(['addl', 'subr', 'addlHead', 'subrHead']);

/**
 * How far (points) either side of where its label puts the NAIC column's left edge the rule there, or the codes'
 * start, is looked for.
 */
const NAIC_RULE_REACH_PT = 24;
/**
 * The share of the insurer rows' height a column of ink down the NAIC column's rule covers at least: a photo breaks
 * the rule into dashes (65% of the rows in a column), and the codes' digits stacked in a column cover under half.
 */
const NAIC_RULE_COVERAGE = 0.55;
/**
 * How far right of where the codes begin, in digits, the rule between names and codes may stand: the 2025/12 print
 * types its codes against the rule, the box OCR gives them beginning 1.4 pt left of it; a second digit's stem stands
 * a digit and more in.
 */
const CODE_RULE_REACH = 0.6;
/** A NAIC code as the whole-page pass reads it: five digits, one lost or one more read. */
const NAIC_CODE = /^\d{4,6}$/;
/** A NAIC code read after what is left of its column's rule, taken for a letter or a bracket: 'f19283', '{11570'. */
const NAIC_CODE_AFTER_RULE = /^[^\d\s]\d{4,6}$/;

/**
 * The insurer names and their NAIC codes split at the rule between their columns, where it is found near where the
 * NAIC # label puts it. Editions set the column differently: on the 2025/12 the label stands at the column's right
 * and the codes begin at its left rule, a digit left of where the 2016/03's centred label puts them (the name strip
 * took the first digit, '37540' read '7540' and 'Company 3').
 */
function splitAtNaicRule(regions: ValueRegion[], binary: GreyBitmap, pixelsPerPoint: number): ValueRegion[] {
  const insurers = regions.find((r) => r.name === 'insurers');
  const naic = regions.find((r) => r.name === 'naic');
  if (!insurers || !naic) return regions;
  const s = pixelsPerPoint;
  const x0 = Math.max((insurers.x0 + naic.x0) / 2, naic.x0 - NAIC_RULE_REACH_PT);
  const rulesOver = (y0: number, y1: number) => verticalRules(binary, x0 * s, (naic.x0 + NAIC_RULE_REACH_PT) * s, y0 * s, y1 * s, NAIC_RULE_COVERAGE).map((x) => x / s);
  // (a photo's light may have broken the rule down the empty rows: it is looked for beside the first rows too, where the
  // codes stand, insurer A's and B's)
  // (none right of where the codes begin, by more than CODE_RULE_REACH of a digit, as far as a rule they were typed
  // against stands: the stems of a digit printed in every code at one place, the '1' of '21466' and '11570', stack
  // into a column of ink in the rows holding codes)
  const codes = naic.codes;
  const leftOfCodes = (xs: number[]) => xs.filter((x) => codes === undefined || x <= codes.from + CODE_RULE_REACH * codes.digit);
  let rules = leftOfCodes(rulesOver(insurers.y0, insurers.y1));
  if (rules.length === 0) rules = leftOfCodes(rulesOver(insurers.y0, insurers.y0 + (insurers.y1 - insurers.y0) / 3));
  if (rules.length === 0) return regions;
  const rule = rules.reduce((a, b) => (Math.abs(b - naic.x0) < Math.abs(a - naic.x0) ? b : a));
  return regions.map((r) => (r === insurers ? { ...r, x1: rule - RULE_MARGIN_PT } : r === naic ? { ...r, x0: rule + RULE_MARGIN_PT } : r));
}

/** The share of word `a`'s box that the boxes of `others` cover (their overlaps with one another counted twice). */
export function coveredShare(a: Word, others: readonly Word[]): number {
  let covered = 0;
  for (const b of others) {
    const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    if (w > 0 && h > 0) covered += w * h;
  }
  return covered / Math.max(1e-6, a.width * a.height);
}

/** Words of one line as one, their texts spaced, boxed together, at the least sure one's confidence. */
function joinWords(words: readonly Word[]): Word {
  const seg = segmentOf([...words].sort((a, b) => a.x - b.x));
  return { ...seg.words[0]!, text: seg.text, x: seg.x, y: seg.y, width: seg.right - seg.x, height: seg.bottom - seg.y, confidence: seg.confidence };
}

/** Whether two words stand on one line: their middles less than half the taller one's height apart. */
function sameLine(a: Word, b: Word): boolean {
  return Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) < Math.max(a.height, b.height) / 2;
}

/** Whether two words share more than half the narrower one's width. */
function overlapsX(a: Word, b: Word): boolean {
  return Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 * Math.min(a.width, b.width);
}

function inside(w: Word, r: ValueRegion): boolean {
  const cx = w.x + w.width / 2;
  const cy = w.y + w.height / 2;
  return cx >= r.x0 && cx < r.x1 && cy >= r.y0 && cy < r.y1;
}

/**
 * Clears what is not the strip's own text, mark by mark (8-connected ink). The crop is cut `y0` pixels above the strip
 * and `height - y1` below it: a mark reaching into those margins stays only when its middle lies inside [y0, y1), so a
 * value standing close to the strip's edge is kept whole while the feet of the line above go (half a glyph is no
 * glyph: tesseract makes letters of it, 'ADDL INSD' with the line above read 'A L'). With `remnants` (pixels per
 * point), pieces of ruled lines that line removal left (a photo's rules are wavy and broken) go too: marks under a
 * point tall and over 1.6 wide, or under a point wide and over 9 tall; no digit, letter, comma or slash is either. So
 * do specks, marks under SPECK_PT both ways with no other ink within a point (a photo's broken rules leave rows of
 * them, and tesseract reads one before an amount as a 1: '12000000').
 * Not for strips whose values hold hyphens (policy numbers). In a column of one capital letter (`letterColumn`:
 * insurer letters A–F, flags X, Y, N), none of which is a lone stroke or a dot, every mark under a point wide goes:
 * there the short pieces of the column's rule a photo leaves beside the letters are read as letters themselves ('CA'
 * for A), or make tesseract lose the letter.
 */
export function clearMarks(b: GreyBitmap, y0: number, y1: number, remnants?: number, letterColumn = false): void {
  const { width, height, data } = b;
  const seen = new Uint8Array(width * height);
  // without remnants only marks reaching the margins need looking at
  const scan: [number, number][] = remnants ? [[0, height]] : [[0, y0], [y1, height]];
  for (const [from, to] of scan) {
    for (let y = Math.max(0, from); y < Math.min(height, to); y++) {
      for (let x = 0; x < width; x++) {
        const start = y * width + x;
        if (seen[start] || data[start]! >= 128) continue;
        const { pixels, top, bottom, left, right } = inkPieceAt(b, start, seen);
        const middle = (top + bottom) / 2;
        let clear = middle < y0 || middle >= y1;
        if (!clear && remnants) {
          const w = (right - left + 1) / remnants;
          const h = (bottom - top + 1) / remnants;
          clear = (h < 1 && w > 1.6) || (w < 1 && h > 9) || (letterColumn && w < 1) || (w < SPECK_PT && h < SPECK_PT && alone(b, left, top, right, bottom, pixels.length, Math.round(remnants)));
        }
        if (clear) for (const i of pixels) data[i] = 255;
      }
    }
  }
}

/** A mark under this size (points) both ways, with no other ink within a point of it, is a speck (clearMarks). */
const SPECK_PT = 0.75;

/**
 * Whether the mark of `count` inked pixels boxed by [left, right] × [top, bottom] is the only ink within `margin`
 * pixels of its box: a speck, where a period or a comma stands beside the glyphs it belongs to and an i's dot over its
 * stem.
 */
function alone(b: GreyBitmap, left: number, top: number, right: number, bottom: number, count: number, margin: number): boolean {
  let n = 0;
  for (let y = Math.max(0, top - margin); y <= Math.min(b.height - 1, bottom + margin); y++) {
    for (let x = Math.max(0, left - margin); x <= Math.min(b.width - 1, right + margin); x++) if (b.data[y * b.width + x]! < 128 && ++n > count) return false;
  }
  return true;
}

/**
 * Blanks the first run of inked pixel columns from the crop's left (after `pad`) when it is at most `maxWidth` wide and
 * followed by at least `minGap` blank columns: the '$' signs printed one under another at a limit cell's left edge.
 */
export function blankLeadingColumn(b: GreyBitmap, pad: number, maxWidth: number, minGap: number): void {
  const inked = (x: number) => {
    let n = 0;
    for (let y = 0; y < b.height; y++) if (b.data[y * b.width + x]! < 128 && ++n > 3) return true;
    return false;
  };
  // runs of inked columns, each with the blank gap after it; a rule remnant may come before the '$' column
  let x = pad;
  let blankTo = -1;
  while (x < b.width) {
    while (x < b.width && !inked(x)) x++;
    while (x < b.width && inked(x)) x++;
    if (x - pad > maxWidth) break;
    let gap = 0;
    while (x < b.width && !inked(x) && gap < minGap) {
      x++;
      gap++;
    }
    if (gap >= minGap) blankTo = x;
  }
  if (blankTo < 0) return;
  for (let y = 0; y < b.height; y++) b.data.fill(255, y * b.width + pad, y * b.width + blankTo);
}

/**
 * Blanks the '$'s down the left edge of an amounts strip's crop (its left edge at PAD), which a digits whitelist reads
 * as 5s and 8s. Where OCR found the '$'s, the strip begins after them: only what is left of one is blanked, not an
 * amount's first digit standing apart from the next, as a typewriter's do ('$1,000,000' read ',000,000'); a '$' typed
 * against its amount, the strip's edge moved left of it onto the rule, is blanked to where it ends, as the strip
 * unmoved would begin: no gap parts it from the amount's first digit.
 */
export function blankDollars(crop: GreyBitmap, r: ValueRegion, pixelsPerPoint: number): void {
  const dollarWidth = r.dollarRight !== undefined ? Math.max(0, r.dollarRight - r.x0) + DOLLAR_SLACK_PT : DOLLAR_COLUMN_PT;
  const typedTo = r.dollarTyped && r.dollarRight !== undefined ? Math.round((r.dollarRight + DOLLAR_MARGIN_PT - r.x0) * pixelsPerPoint) : 0;
  if (typedTo > 0) for (let y = 0; y < crop.height; y++) crop.data.fill(255, y * crop.width + PAD, y * crop.width + Math.min(PAD + typedTo, crop.width));
  blankLeadingColumn(crop, PAD, Math.round(dollarWidth * pixelsPerPoint), Math.round(1.2 * pixelsPerPoint));
}

/** The '$' printed at a limit cell's left edge ends this far (points) into the cell, or where OCR read it end, and this much more. */
const DOLLAR_COLUMN_PT = 9;
/** A first-pass word starting up to this many '$' columns left of the amounts strip is in the '$' column. */
const DOLLAR_REACH = 1.5;
const DOLLAR_SLACK_PT = 1.5;
/**
 * A '$' typed before the amounts, with the space before it (points): the strip begins this much further from the
 * form's '$' column, and a first-pass word there ('$51.', the form's '$', the typed one and the amount's first digit)
 * is as much in that column.
 */
const TYPED_DOLLAR_PT = 6;
/** A strip's amounts begin this far (points) right of where the '$'s before them end, typed or printed. */
const DOLLAR_MARGIN_PT = 0.6;

/** White between runs of ink at least this wide (points) parts the letter column from what stands beside it. */
const RUN_GAP_PT = 3;

/**
 * Keeps, of the runs of inked pixel columns in a crop (parted by at least `gap` blank columns), only the one nearest
 * pixel column `x`, and blanks the rest.
 */
export function keepRunNear(b: GreyBitmap, x: number, gap: number): void {
  const inked: boolean[] = [];
  for (let c = 0; c < b.width; c++) {
    let n = 0;
    for (let y = 0; y < b.height && n < 2; y++) if (b.data[y * b.width + c]! < 128) n++;
    inked.push(n >= 2);
  }
  const runs: [number, number][] = [];
  for (let c = 0; c < b.width; c++) {
    if (!inked[c]) continue;
    const last = runs[runs.length - 1];
    if (last && c - last[1] <= gap) last[1] = c + 1;
    else runs.push([c, c + 1]);
  }
  if (runs.length < 2) return;
  const distance = ([a, z]: [number, number]) => (x < a ? a - x : x >= z ? x - z + 1 : 0);
  const [keepFrom, keepTo] = runs.reduce((best, r) => (distance(r) < distance(best) ? r : best));
  for (let y = 0; y < b.height; y++) {
    b.data.fill(255, y * b.width, y * b.width + keepFrom);
    b.data.fill(255, y * b.width + keepTo, (y + 1) * b.width);
  }
}

/**
 * In a flag column, a vertical line no thicker than THIN_LINE_PT and at least LONG_LINE_PT long is a rule's remnant
 * where it stands alone (isolateMarks): a flag's strokes are thicker on a photo, and no flag is typed so tall.
 */
const THIN_LINE_PT = 0.75;
const LONG_LINE_PT = 8;
/** A line of ink at least this high (points) is a line of text: a digit is about 4.5, a rule's remnant one or two. */
const MIN_LINE_PT = 2.5;
/** At most this many lines a strip's block reading skipped are read alone (each is a call to tesseract). */
const MAX_MISSED_LINES = 3;
/**
 * And this many in the columns of one value a line: the amounts, each line a limit (a photo's strip skipped four of
 * its twelve, the fourth, E.L. EACH ACCIDENT at the column's foot, then went unread), and the insurer letters' and the
 * flags', a line a coverage row (a print photo's SUBR strip read none of its four X and N, the WC row's X, the
 * fourth, then went unread).
 */
const MAX_MISSED_ROWS = 8;
/** The scales a skipped line of ink that reads as nothing at its size is read at, in turn, till one reads it. */
const MISSED_LINE_SCALES = [0.75, 1.5] as const;
/** The scale a line of ink the insurer letter column's reading skipped is read at, as one letter, and how sure of it. */
const LETTER_SMALLER = 0.6;
const LETTER_SURE = 0.8;
/**
 * A flag column's line, its mark isolated, read as one flag counts from this confidence (0..1): tesseract doubts an X
 * whose strokes a photo's rule remnant was taken out of (60 to 78%), and a flag column holds nothing but flags.
 */
const FLAG_SURE = 0.55;
/** Pixels of white kept above and below a line of ink read alone. */
const LINE_MARGIN = 4;

/** Makes paper of a bitmap's rows above `top` and from `bottom` on. */
/** Blanks every line of ink in `b` (inkLines) but the one whose middle is nearest row `y`, and a margin around it. */
export function keepNearestLine(b: GreyBitmap, y: number, minHeight: number): void {
  const lines = inkLines(b, minHeight);
  if (lines.length < 2) return;
  const [b0, b1] = lines.reduce((best, l) => (Math.abs((l[0] + l[1]) / 2 - y) < Math.abs((best[0] + best[1]) / 2 - y) ? l : best));
  clearOutside(b, b0 - LINE_MARGIN, b1 + LINE_MARGIN);
}

function clearOutside(b: GreyBitmap, top: number, bottom: number): void {
  b.data.fill(255, 0, Math.max(0, top) * b.width);
  b.data.fill(255, Math.min(b.height, bottom) * b.width);
}

/**
 * The lines of ink in a crop, as [first row, row after the last]: runs of rows holding ink (gaps of one row bridged)
 * at least `minHeight` rows high, whose ink spans at least 0.6 of their height in columns (a glyph's width; a piece
 * of a vertical rule is a column or two). A run too narrow for its height that holds a glyph and a piece of rule above
 * or below it (a flag typed across its column's rule on a photo, the rule's remnant running on from the X) is the
 * glyph's rows alone: those whose ink spans wider than a rule, 0.6 of `minHeight`.
 */
export function inkLines(b: GreyBitmap, minHeight: number): [number, number][] {
  const lines: [number, number][] = [];
  const wide = (y0: number, y1: number) => {
    let columns = 0;
    for (let x = 0; x < b.width; x++) {
      for (let y = y0; y < y1; y++) {
        if (b.data[y * b.width + x]! < 128) {
          columns++;
          break;
        }
      }
    }
    return columns >= 0.6 * (y1 - y0);
  };
  const rowSpan = (y: number) => {
    let [first, last] = [-1, -1];
    for (let x = 0, i = y * b.width; x < b.width; x++, i++) if (b.data[i]! < 128) [first, last] = [first < 0 ? x : first, x];
    return first < 0 ? 0 : last - first + 1;
  };
  const runs = (rows: (y: number) => boolean, y0: number, y1: number): [number, number][] => {
    const out: [number, number][] = [];
    let start = -1;
    let lastInk = -Infinity;
    for (let y = y0; y < y1; y++) {
      if (!rows(y)) continue;
      if (start < 0 || y - lastInk > 2) {
        if (start >= 0) out.push([start, lastInk + 1]);
        start = y;
      }
      lastInk = y;
    }
    if (start >= 0) out.push([start, lastInk + 1]);
    return out.filter(([a, c]) => c - a >= minHeight);
  };
  const inked = (y: number) => {
    let ink = 0;
    for (let x = 0, i = y * b.width; x < b.width && ink < 2; x++, i++) if (b.data[i]! < 128) ink++;
    return ink >= 2;
  };
  for (const [y0, y1] of runs(inked, 0, b.height)) {
    if (wide(y0, y1)) lines.push([y0, y1]);
    else lines.push(...runs((y) => rowSpan(y) >= 0.6 * minHeight, y0, y1).filter(([a, c]) => wide(a, c)));
  }
  return lines;
}

/** Letters narrow enough for tesseract to lose between two others. */
const THIN_LETTERS = new Set(['l', 'i', 'I', 't', 'f', 'r', 'j']);

/** Whether `short` is `long` with one thin letter (THIN_LETTERS) left out between two letters ('Atantic', 'Atlantic'). */
export function lostThinLetter(long: string, short: string): boolean {
  if (long.length !== short.length + 1) return false;
  for (let i = 1; i < long.length - 1; i++) {
    if (long.slice(0, i) + long.slice(i + 1) !== short) continue;
    if (THIN_LETTERS.has(long[i]!) && /\p{L}/u.test(long[i - 1]!) && /\p{L}/u.test(long[i + 1]!)) return true;
  }
  return false;
}

/** Whether a crop holds more than a few specks of ink. */
function hasInk(b: GreyBitmap): boolean {
  let ink = 0;
  for (let i = 0; i < b.data.length; i++) if (b.data[i]! < 128 && ++ink > 30) return true;
  return false;
}
