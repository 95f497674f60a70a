// ACORD 25 read from positioned words (a PDF text layer or OCR) → the extraction format. Pure. Nothing sits at fixed
// coordinates: the form's printed labels are found first (tolerantly, see text/lines.ts), the coverage grid's column
// x-ranges come from its header labels and its row y-bands from each row's own labels, and values are read from the
// cells those define. So shifted editions (2010/05 … 2025/12) and agency-system printouts read the same way.
// Rules from shared/contracts/coi-extraction.md as in acroform.ts: a row is a policy only when it has a policy number,
// a date or a limit; two policy numbers in a row give two policies; placeholders are null; ACORD 24/27/28 are named
// and their policies left empty.
import type { Address, Coverage, Extraction, FormType, Insurer, PolicyFields } from '../../domain/certificate.js';
import type { Box, PageWords, Word } from '../layout/words.js';
import { cleanMultiline, cleanText, limitLabelKey, normalizeDate, normalizeFlag, normalizeLimit, normalizeNaic, normalizeNameLine, specklessLlc } from '../normalize.js';
import { dateHeaders, flagColumns, OCR_DOLLAR, policyNumberLabel, typeHeight } from './ocr-cells.js';
import { boxOf, centerX, centerY, containsNear, editDistance, findLabel, foldLabel, groupLines, median, OCR_SEGMENT_GAP, segmentOf, tolerance, type LabelHit, type Line, type Segment } from '../text/lines.js';
import { repairNameWords } from '../ocr/vocabulary.js';
import { labelledSlashlessDate } from '../generic/values.js';

export type LayoutContext = {
  fileName?: string;
  pages: number;
  method: 'text' | 'ocr' | 'mixed';
  warnings?: string[];
  /**
   * The day the certificate is read (ISO; default: the clock's). A date OCR read in a year past it by more than a
   * policy's term ('4/15/74' for 4/15/24: a 2 whose foot stood on the cell's rule) misread a digit.
   */
  today?: string;
};

/** Where each value was read: JSON pointer → box on its page. Kept apart from the extraction (the contract has no place for it). */
export type Provenance = Record<string, Box>;

/** How much a value's confidence is discounted for being placed by layout rather than by a form field. */
const LAYOUT_FACTOR = 0.97;
/** How many slips a garbled INSURED box label may carry ('msureo'): the label is looked for only where the form prints it. */
const INSURED_SLIPS = 3;

/** Fewer ACORD 25 grid labels than this on a page and it is not taken for an ACORD 25. */
const MIN_GRID_LABELS = 9;

const CHECK_MARK = /^(?:[XxKk×✓✔✕✖✗✘☒■]|\[X\])$/;

type Row = 'general_liability' | 'automobile_liability' | 'umbrella_excess' | 'workers_compensation';
const ROWS: Row[] = ['general_liability', 'automobile_liability', 'umbrella_excess', 'workers_compensation'];

/** Printed limit labels of the fixed rows, with their limit keys. EACH OCCURRENCE is in two rows, told apart by band. */
const LIMIT_LABELS: { row: Row; key: string; label: string[] }[] = [
  { row: 'general_liability', key: 'each_occurrence', label: ['EACH OCCURRENCE'] },
  { row: 'general_liability', key: 'damage_to_rented_premises', label: ['DAMAGE TO RENTED'] },
  { row: 'general_liability', key: 'medical_expense', label: ['MED EXP', 'MED EXP (Any one person)'] },
  { row: 'general_liability', key: 'personal_advertising_injury', label: ['PERSONAL & ADV INJURY'] },
  { row: 'general_liability', key: 'general_aggregate', label: ['GENERAL AGGREGATE'] },
  { row: 'general_liability', key: 'products_completed_operations_aggregate', label: ['PRODUCTS - COMP/OP AGG'] },
  // (OCR sets SINGLE LIMIT apart from COMBINED now and then, on a line of its own)
  { row: 'automobile_liability', key: 'combined_single_limit', label: ['COMBINED SINGLE LIMIT', 'COMBINED'] },
  { row: 'automobile_liability', key: 'bodily_injury_per_person', label: ['BODILY INJURY (Per person)'] },
  { row: 'automobile_liability', key: 'bodily_injury_per_accident', label: ['BODILY INJURY (Per accident)'] },
  { row: 'automobile_liability', key: 'property_damage_per_accident', label: ['PROPERTY DAMAGE'] },
  { row: 'umbrella_excess', key: 'each_occurrence', label: ['EACH OCCURRENCE'] },
  { row: 'umbrella_excess', key: 'aggregate', label: ['AGGREGATE'] },
  { row: 'workers_compensation', key: 'el_each_accident', label: ['E.L. EACH ACCIDENT'] },
  { row: 'workers_compensation', key: 'el_disease_each_employee', label: ['E.L. DISEASE - EA EMPLOYEE'] },
  { row: 'workers_compensation', key: 'el_disease_policy_limit', label: ['E.L. DISEASE - POLICY LIMIT'] },
];

/** Each fixed row's limit keys in the order the form prints their lines. */
const LIMIT_ORDER = Object.fromEntries(ROWS.map((row) => [row, LIMIT_LABELS.filter((d) => d.row === row).map((d) => d.key)])) as Record<Row, string[]>;

/** The WC row's first line (PER STATUTE, OTH-ER), level with its name: an anchor for its E.L. lines (limitByLine). */
const PER_STATUTE_LINE = 'per_statute_line';

/** Limit labels OCR may split in two: the first part, and what the next segment starts with (folded). */
const SPLIT_LIMIT_LABELS: Record<string, [string, RegExp]> = {
  products_completed_operations_aggregate: ['PRODUCTS', /^(?:COMP|C[O0]MP|[O0]P)/],
  el_disease_each_employee: ['E.L. DISEASE', /^(?:EA|EMP)/],
  el_disease_policy_limit: ['E.L. DISEASE', /^(?:P[O0]I|LIMIT)/],
};

/** The second line of two-line limit labels, looked for on OCR pages whose first line was not read. */
const SECOND_LINE_LIMIT_LABELS: Record<string, string[]> = {
  damage_to_rented_premises: ['PREMISES (Ea occurrence)'],
  combined_single_limit: ['(Ea accident)'],
};

/** The row labels in the TYPE OF INSURANCE column. */
const ROW_LABELS: Record<Row, string[]> = {
  // (OCR now and then sets LIABILITY a little lower, on the next line of words)
  general_liability: ['COMMERCIAL GENERAL LIABILITY', 'COMMERCIAL GENERAL'],
  // (and by its first word alone, printed nowhere else in the grid, when OCR garbled or split off the second:
  // 'AUTOMOBILE A' | 'LIABILITY', 'UMBRELLA HAS')
  automobile_liability: ['AUTOMOBILE LIABILITY', 'AUTOMOBILE'],
  umbrella_excess: ['UMBRELLA LIAB', 'UMBRELLA'],
  workers_compensation: ['WORKERS COMPENSATION'],
};
/** More printed text of a row's TYPE cell; the WC row's lowest line marks where the blank 'other' row begins. */
const ROW_EXTRA_LABELS: Record<Row, string[]> = {
  general_liability: [],
  automobile_liability: [],
  umbrella_excess: ['EXCESS LIAB'],
  workers_compensation: ["AND EMPLOYERS' LIABILITY", 'OFFICER/MEMBER EXCLUDED?', '(Mandatory in NH)', 'If yes, describe under', 'DESCRIPTION OF OPERATIONS below'],
};

/** Checkbox labels: a mark just left of one of these checks it. */
type Checkbox = 'cgl' | 'claimsMade' | 'occurrence' | 'perPolicy' | 'perProject' | 'perLocation' | 'perOther' | 'anyAuto' | 'owned' | 'scheduled' | 'hired' | 'nonOwned' | 'umbrella' | 'excess' | 'deductible' | 'retention' | 'perStatute' | 'otherWc';
const CHECKBOX_LABELS: { box: Checkbox; label: string[]; prefix?: boolean }[] = [
  { box: 'cgl', label: ['COMMERCIAL GENERAL LIABILITY'] },
  { box: 'claimsMade', label: ['CLAIMS-MADE'] },
  { box: 'occurrence', label: ['OCCUR'] },
  { box: 'perPolicy', label: ['POLICY'] },
  { box: 'perProject', label: ['PRO-', 'PRO- JECT', 'PROJECT'] },
  { box: 'perLocation', label: ['LOC'] },
  { box: 'perOther', label: ['OTHER:'] },
  { box: 'anyAuto', label: ['ANY AUTO'] },
  { box: 'owned', label: ['OWNED', 'ALL OWNED'] },
  { box: 'scheduled', label: ['SCHEDULED'] },
  { box: 'hired', label: ['HIRED'] },
  { box: 'nonOwned', label: ['NON-OWNED'] },
  // (OCR sets LIAB apart now and then, 'EXCESS' | 'LIAB', or garbles it onto the word, 'Excessuas')
  { box: 'umbrella', label: ['UMBRELLA LIAB', 'UMBRELLA'], prefix: true },
  { box: 'excess', label: ['EXCESS LIAB', 'EXCESS'], prefix: true },
  { box: 'deductible', label: ['DED'] },
  { box: 'retention', label: ['RETENTION', 'RETENTION $'] },
  { box: 'perStatute', label: ['PER', 'PER STATUTE', 'STATUTE'] },
  { box: 'otherWc', label: ['OTH-', 'OTH-ER', 'OTHER'] },
];

type FormId = { type: FormType; edition: string | null };

/** The form a page shows, from its footer stamp 'ACORD 25 (2016/03)' or else its title. Null when neither is found. */
export function formFromWords(page: PageWords): FormId | null {
  const lines = groupLines(page.words);
  return formFromLines(lines);
}

function formFromLines(lines: Line[]): FormId | null {
  let stamp: FormId | null = null;
  for (const line of lines) {
    // OCR reads the stamp's digits as letters now and then: fold O→0, I/l→1 inside the parentheses only
    const text = line.words.map((w) => w.text).join(' ');
    const m = /AC[O0]RD\s*([0-9OIl]{2,3})\s*\(\s*([0-9OIl]{4})\s*\/\s*([0-9OIl]{2})\s*\)/i.exec(text);
    if (!m) continue;
    const digits = (s: string) => s.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
    const type = `ACORD ${Number(digits(m[1]!))}`;
    if (['ACORD 25', 'ACORD 24', 'ACORD 27', 'ACORD 28', 'ACORD 101'].includes(type)) {
      stamp = { type: type as FormType, edition: `${digits(m[2]!)}/${digits(m[3]!)}` };
      break;
    }
  }
  if (stamp) return stamp;
  const titles: [string, FormType][] = [
    ['CERTIFICATE OF LIABILITY INSURANCE', 'ACORD 25'],
    ['EVIDENCE OF COMMERCIAL PROPERTY INSURANCE', 'ACORD 28'],
    ['EVIDENCE OF PROPERTY INSURANCE', 'ACORD 27'],
    ['CERTIFICATE OF PROPERTY INSURANCE', 'ACORD 24'],
    ['ADDITIONAL REMARKS SCHEDULE', 'ACORD 101'],
  ];
  const folded = lines.map((l) => foldLabel(l.words.map((w) => w.text).join(''))).join('|');
  for (const [title, type] of titles) if (folded.includes(foldLabel(title))) return { type, edition: null };
  return null;
}

/** Labels of the ACORD 25 coverage grid and boxes; a page showing at least MIN_GRID_LABELS of them is an ACORD 25. */
const GRID_LABELS = ['POLICY NUMBER', 'POLICY EFF', 'POLICY EXP', 'TYPE OF INSURANCE', 'ADDL', 'SUBR', 'COMMERCIAL GENERAL LIABILITY', 'AUTOMOBILE LIABILITY', 'UMBRELLA LIAB', 'WORKERS COMPENSATION', 'EACH OCCURRENCE', 'NAIC #', 'CERTIFICATE HOLDER', 'INSURED'];

/**
 * Printed wording of the ACORD 25 outside its grid header, that a carrier's own certificate seldom prints: its
 * insurer box's heading, the limit and coverage labels in ACORD's abbreviations, its signature line and copyright.
 */
const ACORD_WORDING = [
  'INSURER(S) AFFORDING COVERAGE',
  'DAMAGE TO RENTED',
  'MED EXP',
  'PERSONAL & ADV INJURY',
  'PRODUCTS - COMP/OP AGG',
  'CLAIMS-MADE',
  'OWNED AUTOS',
  'SCHEDULED AUTOS',
  'HIRED AUTOS',
  'NON-OWNED',
  'PER STATUTE',
  'E.L. EACH ACCIDENT',
  'E.L. DISEASE',
  'ANY PROPRIETOR/PARTNER/EXECUTIVE',
  'DESCRIPTION OF OPERATIONS',
  'AUTHORIZED REPRESENTATIVE',
  'ACORD CORPORATION',
];

/**
 * How many of ACORD_WORDING a page read by OCR must show to be taken for an ACORD 25 on its stamp and fewer grid
 * header labels. Photos of the form show 7 to 12 of them; carriers' certificates that borrow its labels show up to 5.
 */
const MIN_ACORD_WORDING = 6;

/** How many of ACORD_WORDING the page prints, each anywhere in a cell. */
function acordWording(lines: readonly Line[]): number {
  return ACORD_WORDING.filter((l) => findLabel(lines, l, { anywhere: true }).length > 0).length;
}

const REQUIRED_LABELS = ['POLICY NUMBER', 'POLICY EFF', 'POLICY EXP', 'ADDL', 'SUBR', 'INSURER A'];

export type LayoutPage = { page: PageWords; lines: Line[]; form: FormId; gridLabels: number };

/**
 * The page to read: the ACORD 25 page with the most grid labels, else a page stamped or titled ACORD 24, 27 or 28.
 * Null when no page is either (a carrier's own certificate, even one that claims to be an ACORD 25).
 */
const pageLines = new WeakMap<PageWords, Line[]>();
/** The page's lines, grouped once per page (the page is read-only input). */
function linesOf(page: PageWords): Line[] {
  let lines = pageLines.get(page);
  if (!lines) {
    lines = groupLines(page.words, page.source === 'ocr' ? OCR_SEGMENT_GAP : undefined);
    pageLines.set(page, lines);
  }
  return lines;
}

export function acord25LayoutPage(pages: PageWords[]): LayoutPage | null {
  let best: LayoutPage | null = null;
  let property: LayoutPage | null = null;
  for (const page of pages) {
    const lines = linesOf(page);
    const form = formFromLines(lines);
    const gridLabels = GRID_LABELS.filter((l) => findLabel(lines, l, { anywhere: l.length < 5 }).length > 0).length;
    // the grid's own header and the insurer boxes: a carrier's layout that merely claims to be an ACORD 25 lacks them
    let required = REQUIRED_LABELS.filter((l) => findLabel(lines, l, { anywhere: l.length < 5, exact: l.startsWith('INSURER') }).length > 0).length;
    // the date headers as the reader finds them (their '(MM/DD/YYYY)' lines, the dates typed under them)
    const number = page.source === 'ocr' ? policyNumberLabel(lines) : undefined;
    if (number) {
      const { eff, exp } = dateHeaders(lines, number);
      required += (eff && !findLabel(lines, 'POLICY EFF').length ? 1 : 0) + (exp && !findLabel(lines, 'POLICY EXP').length ? 1 : 0);
    }
    // OCR garbles the grid header's tiny labels (ADDL INSD, SUBR WVD, POLICY EXP) together now and then, and INSURER A
    // with them on a photo: a page showing most of the grid's other labels, or stamped ACORD 25 and showing nearly
    // all of them, needs fewer of them
    // (a page stamped ACORD 25 with its edition and showing the grid's labels needs two of them: a photo of the 2025/12
    // print lost ADDL, SUBR, POLICY EXP and INSURER A at once, and was read as no ACORD form at all)
    // (and printing the form's own wording elsewhere: a carrier's certificate stamped 'ACORD 25 (2016/03)' over a
    // table of its own, headed POLICY NUMBER, POLICY EFF and POLICY EXP, shows the grid's coverage and limit labels but
    // not ACORD's 'INSURER(S) AFFORDING COVERAGE', 'HIRED AUTOS' or 'E.L. EACH ACCIDENT')
    const stamped = form?.type === 'ACORD 25' && form.edition !== null && page.source === 'ocr' && acordWording(lines) >= MIN_ACORD_WORDING;
    const requiredNeeded = page.source !== 'ocr' ? REQUIRED_LABELS.length - 2 : stamped ? 2 : gridLabels < MIN_GRID_LABELS + 2 ? REQUIRED_LABELS.length - 2 : REQUIRED_LABELS.length - 3;
    // a photo's OCR can lose several of the grid's small labels at once; the form's six insurer boxes, labelled
    // INSURER A to F down one column, are its own (a carrier's certificate that borrows ACORD's stamp and title names
    // only the insurers it has), so a page titled or stamped ACORD 25 that shows four of them needs fewer grid labels
    const insurerBoxes = page.source === 'ocr' && form?.type === 'ACORD 25' && gridLabels >= MIN_GRID_LABELS - 2 ? insurerColumn(lines) : 0;
    const grid = page.acord25 === true || (gridLabels >= MIN_GRID_LABELS && required >= requiredNeeded) || insurerBoxes >= MIN_INSURER_BOXES;
    if (grid && (!form || form.type === 'ACORD 25' || form.type === 'ACORD 101') && (!best || gridLabels > best.gridLabels)) {
      best = { page, lines, form: form?.type === 'ACORD 25' ? form : { type: 'ACORD 25', edition: null }, gridLabels };
    }
    if (form && ['ACORD 24', 'ACORD 27', 'ACORD 28'].includes(form.type) && !property) property = { page, lines, form, gridLabels };
  }
  return best ?? property;
}

/** How many of the six INSURER A..F labels an OCR page must show, one under another, to count as the form's insurer boxes. */
const MIN_INSURER_BOXES = 4;

/**
 * An OCR page stamped ACORD 25 whose first reading the layout could not tell for one (a photo's small grid labels
 * garbled: 'ey' for POLICY EFF, INSURER C to F lost): read again (`reread`, its grid header and value cells), it is
 * the page read so when the layout then tells it. Null when it is not stamped ACORD 25 with its edition, or is still
 * not told.
 */
export async function stampedAcord25(words: PageWords, reread: (words: PageWords) => Promise<PageWords>): Promise<PageWords | null> {
  // (stamped with its edition: a carrier's own certificate is titled CERTIFICATE OF LIABILITY INSURANCE too)
  const form = formFromWords(words);
  if (form?.type !== 'ACORD 25' || form.edition === null) return null;
  const again = await reread(words);
  return again !== words && acord25LayoutPage([again]) !== null ? again : null;
}

/**
 * The labels INSURER A to INSURER F the page prints, in letter order, each with its letter. With `garbled` (an OCR
 * page), also those OCR garbled ('wsuRer A:', 'msurero:', '_msurer €:'), each given its letter by its place in the
 * column: garbledInsurerLabels.
 */
export function insurerLabels(lines: readonly Line[], opts: { garbled?: boolean } = {}): { letter: string; hit: LabelHit }[] {
  const out: { letter: string; hit: LabelHit }[] = [];
  for (const letter of INSURER_LETTERS) {
    // leftmost: an insurer named "Insurer A" prints the label's own words in the value column
    const hit = findLabel(lines, [`INSURER ${letter} :`, `INSURER ${letter}`], { exact: true }).sort((a, b) => a.x - b.x)[0];
    if (hit) out.push({ letter, hit });
  }
  if (!opts.garbled || out.length === INSURER_LETTERS.length) return out;
  return [...out, ...garbledInsurerLabels(lines, out)].sort((a, b) => INSURER_LETTERS.indexOf(a.letter) - INSURER_LETTERS.indexOf(b.letter));
}

/** How many slips a garbled INSURER label may carry ('wsurer', 'msurer': the 'IN' read as one letter, 2 slips). */
const INSURER_SLIPS = 2;

/**
 * The INSURER labels OCR garbled, beside those it read (`found`). A photo's small bold labels of the rows that hold a
 * name come out as 'wsuRer A:', 'wsurer 8:', 'wsurerc:', 'msurero:' now and then, while the empty rows' read whole;
 * with fewer than two labels read, the insurers were lost altogether. A garbled label is a segment's first word
 * within INSURER_SLIPS of INSURER (or of it with its letter glued on), in the column of the labels read. Its letter
 * is not taken from what OCR made of it ('8', 'o', '€'), but from its place: the rows repeat at a fixed pitch, counted
 * from a label read whole, or, with none, from the box's header INSURER(S) AFFORDING COVERAGE, whose row is right above
 * INSURER A's. The one-character word after it ('A:', '€:') is the label's too, so a name starts after it.
 */
export function garbledInsurerLabels(lines: readonly Line[], found: readonly { letter: string; hit: LabelHit }[]): { letter: string; hit: LabelHit }[] {
  const [target, insured] = [foldLabel('INSURER'), foldLabel('INSURED')];
  const near = (t: string) => t.length >= target.length - INSURER_SLIPS && editDistance(t, target, INSURER_SLIPS) <= INSURER_SLIPS;
  const candidates: LabelHit[] = [];
  for (const line of lines) {
    for (const seg of line.segments) {
      const first = seg.words[0]!;
      const folded = foldLabel(first.text);
      if (!near(folded) && !near(folded.slice(0, -1))) continue;
      // (not INSURED, nor the box's header INSURER(S) AFFORDING COVERAGE)
      if (editDistance(folded, insured, INSURER_SLIPS) < editDistance(folded, target, INSURER_SLIPS)) continue;
      if (seg.words[1] && /^AFFORD/i.test(seg.words[1].text)) continue;
      if (found.some((f) => Math.abs(centerY(f.hit) - (first.y + first.height / 2)) < 0.5 * f.hit.height)) continue;
      const n = seg.words[1] && seg.words[1].text.replace(/[:;.]$/, '').length <= 1 ? 2 : 1;
      const rest = seg.words.slice(n);
      candidates.push({ ...segmentOf(seg.words.slice(0, n)), score: 0.5, line, rest: rest.length > 0 ? segmentOf(rest) : null });
    }
  }
  if (candidates.length === 0) return [];
  // the column: at the labels read, or, with none, where most of the candidates are
  const columnX = median((found.length > 0 ? found.map((f) => f.hit) : candidates).map((h) => h.x));
  const column = candidates.filter((c) => Math.abs(c.x - columnX) < 2 * c.height);
  const rows = [...column, ...found.map((f) => f.hit)].sort((a, b) => centerY(a) - centerY(b));
  if (rows.length < 2) return [];
  // the pitch: the nearest two rows' distance, each other distance a whole number of it
  const gaps = rows.slice(1).map((r, i) => centerY(r) - centerY(rows[i]!));
  const step = Math.min(...gaps);
  if (step < 1.2 * median(rows.map((r) => r.height))) return [];
  const pitch = median(gaps.map((g) => g / Math.max(1, Math.round(g / step))));
  let anchors = found.map((f) => ({ index: INSURER_LETTERS.indexOf(f.letter), y: centerY(f.hit) }));
  if (anchors.length === 0) {
    const header = findLabel(lines, ['INSURER(S) AFFORDING COVERAGE', 'INSURER(S) AFFORDING']).find((h) => centerY(h) < centerY(rows[0]!) && centerY(h) > centerY(rows[0]!) - 7 * pitch);
    if (!header) return [];
    anchors = [{ index: -1, y: centerY(header) }];
  }
  const placed = new Map<number, { hit: LabelHit; off: number }>();
  for (const c of column) {
    const anchor = anchors.reduce((a, b) => (Math.abs(centerY(c) - b.y) < Math.abs(centerY(c) - a.y) ? b : a));
    const steps = (centerY(c) - anchor.y) / pitch;
    const index = anchor.index + Math.round(steps);
    const off = Math.abs(steps - Math.round(steps));
    if (off > 1 / 3 || index < 0 || index >= INSURER_LETTERS.length || found.some((f) => f.letter === INSURER_LETTERS[index])) continue;
    const other = placed.get(index);
    if (!other || off < other.off) placed.set(index, { hit: c, off });
  }
  return [...placed].map(([index, { hit }]) => ({ letter: INSURER_LETTERS[index]!, hit }));
}

/**
 * How many of the labels INSURER A to INSURER F the page prints in one column (left edges within two label heights
 * of each other's median) and in the form's order, top to bottom.
 */
function insurerColumn(lines: readonly Line[]): number {
  const hits = insurerLabels(lines).map((l) => l.hit);
  if (hits.length === 0) return 0;
  const x = median(hits.map((h) => h.x));
  const column = hits.filter((h) => Math.abs(h.x - x) < 2 * h.height);
  return column.every((h, i) => i === 0 || centerY(h) > centerY(column[i - 1]!)) ? column.length : 0;
}

/**
 * Whether the page's text already carries check marks in the grid's checkbox areas (left of ADDL INSD, right of POLICY
 * EXP). When it does not, the caller should add marks drawn as vector ticks (text/words.ts vectorMarks); the 'X' of
 * the ADDL INSD / SUBR WVD columns does not count, it is a typed value either way.
 */
export function hasTextCheckMarks(found: LayoutPage): boolean {
  const addl = findLabel(found.lines, ['ADDL', 'ADDL INSD'], { anywhere: true })[0];
  const exp = findLabel(found.lines, ['POLICY EXP'])[0];
  const number = findLabel(found.lines, 'POLICY NUMBER')[0];
  if (!addl || !exp || !number) return false;
  const bottom = descriptionHeaderY(found.lines, number.y) ?? found.page.height;
  return found.page.words.some((w) => {
    if (!CHECK_MARK.test(w.text.trim())) return false;
    const cx = w.x + w.width / 2;
    return w.y > number.bottom && w.y < bottom && (cx < addl.x - 1 || cx > exp.right + 1);
  });
}

/**
 * The certificate date's label at the form's top right: 'DATE (MM/DD/YYYY)', or, where OCR garbled the tiny format
 * ('(MWDODVYYYY)', '(MMIDDIYYYY)'), the word DATE alone in the page's top band, right third.
 */
export function certificateDateLabel(lines: readonly Line[], page: PageWords): LabelHit | undefined {
  const full = findLabel(lines, 'DATE (MM/DD/YYYY)')[0];
  if (full) return full;
  const topRight = (l: LabelHit) => l.x > page.width * 0.6 && l.y < page.height * 0.08;
  // the garbled format beside it is part of the label: the value is centred under both (OCR sets it a little higher
  // now and then, on a line of its own)
  // ('{(MM/DD{YYYY)': OCR doubles a bracket and reads a slash as one)
  const isFormat = (t: string) => /^[({[]{0,2}[A-Z\d/|{}()[\]]{6,}[)}\]]{0,2}$/i.test(t.replace(/\s+/g, '')) && /[MD]/i.test(t);
  // DATE itself garbled by one letter ('OATE (MM/DDIYYYY)', or its D lost, 'ATE (MM/DO/YYYY)') is the label when its
  // format follows it
  const date = findLabel(lines, 'DATE', { exact: true }).find(topRight) ?? slippedDate();
  function slippedDate(): LabelHit | undefined {
    for (const line of lines) {
      for (const seg of line.segments) {
        const [first, ...rest] = seg.words;
        if (!first || rest.length === 0 || !/^[A-Z]{3,4}$/.test(first.text) || editDistance(first.text, 'DATE', 1) > 1) continue;
        const hit: LabelHit = { ...segmentOf([first]), score: 0.75, line, rest: segmentOf(rest) };
        if (topRight(hit) && isFormat(hit.rest!.text)) return hit;
      }
    }
    return undefined;
  }
  const beside = date
    ? lines.flatMap((l) => l.segments).find((s) => s !== date.rest && isFormat(s.text) && s.x >= date.right && s.x < date.right + 3 * date.height && Math.abs(centerY(s) - centerY(date)) < 1.2 * date.height)
    : undefined;
  const format = date?.rest && isFormat(date.rest.text) ? date.rest : (beside ?? null);
  return date && format ? { ...date, ...segmentOf([...date.words, ...format.words]), rest: null } : date;
}

/** What the description box's header says besides its label, for finding it when OCR lost the label's first words. */
// (folded as the page's text is: L reads as I)
const DESCRIPTION_HEADER_REST = ['LOCATIONS/VEHICLES', 'ADDITIONAL REMARKS SCHEDULE', 'MAY BE ATTACHED IF MORE SPACE'].map(foldLabel);

/** The other readings of a segment of one word (a date cell OCR read twice: Word.readings); none for several words. */
function otherReadings(seg: Segment): string[] {
  return seg.words.length === 1 ? (seg.words[0]!.readings ?? []) : [];
}

/**
 * The PRODUCER box label (right of a stroke OCR made of the form's edge too: 'I PRODUCER'). The disclaimer's
 * 'AUTHORIZED REPRESENTATIVE OR PRODUCER, AND THE CERTIFICATE HOLDER.' is no box label, though OCR sets its
 * 'PRODUCER,' on a line of its own now and then: the box label carries no comma. Where none is found, a word in
 * capitals one slip from it opening a segment ('PRCDUCER') is the label.
 */
export function producerLabel(lines: readonly Line[], where: (hit: LabelHit) => boolean = () => true): LabelHit | undefined {
  const hits = findLabel(lines, 'PRODUCER', { exact: true, afterStroke: true }).filter(where);
  const plain = hits.filter((h) => !/[,;]$/.test(h.words.at(-1)!.text));
  // (garbled by one letter, 'PRCDUCER', 'FRODUCER:': a segment's first word, in capitals, that is one slip from it)
  const garbled: LabelHit[] = [];
  for (const line of lines) {
    for (const seg of line.segments) {
      const first = seg.words[0]!;
      if (!/^[A-Z]{7,9}:?$/.test(first.text) || editDistance(first.text.replace(/:$/, ''), 'PRODUCER', 1) > 1) continue;
      const hit: LabelHit = { ...segmentOf([first]), score: 1 - 1 / 8, line, rest: seg.words.length > 1 ? segmentOf(seg.words.slice(1)) : null };
      if (where(hit)) garbled.push(hit);
    }
  }
  // the box's label stands alone on its segment, read whole, else garbled, before one with words after it; and at the
  // form's left: one garbled there comes before one read whole mid-page (an ACORD 24's 'PRODUCER CUSTOMER ID', where
  // the box's own label was read 'FRODUCER:')
  const alone = (list: LabelHit[]) => list.find((h) => h.rest === null);
  const [whole, slipped] = [alone(plain), alone(garbled)];
  if (whole && slipped && slipped.x < whole.x - PRODUCER_LEFT) return slipped;
  return whole ?? slipped ?? plain[0] ?? garbled[0] ?? hits[0];
}

/** How far (points) left of a PRODUCER read whole a garbled one stands to be the box's label rather than it. */
const PRODUCER_LEFT = 100;

/**
 * The INSURED box label where OCR garbled it ('msureo', 'INSURFD'): a lone word at the left edge under PRODUCER (at
 * PRODUCER's x) within INSURED_SLIPS of it, above COVERAGES. Without it the producer's box would run on into the
 * insured's, and the insured would have no name (nor its box a second reading: ocr-cells.ts).
 */
export function garbledInsuredLabel(lines: readonly Line[], producer: LabelHit): LabelHit | undefined {
  const coverages = findLabel(lines, 'COVERAGES')[0];
  const bottom = coverages && coverages.y > producer.y ? coverages.y : producer.y + 150;
  for (const line of lines) {
    if (line.y <= producer.bottom + producer.height || line.y >= bottom) continue;
    const seg = line.segments[0]!;
    if (seg.words.length !== 1 || Math.abs(seg.x - producer.x) > 2 * producer.height) continue;
    const folded = foldLabel(seg.text);
    if (folded.length < 5 || folded.length > 9 || /\d/.test(seg.text)) continue;
    if (editDistance(folded, foldLabel('INSURED'), INSURED_SLIPS) > INSURED_SLIPS) continue;
    return { ...seg, score: 0.5, line, rest: null };
  }
  return undefined;
}

/**
 * The top (y) of the DESCRIPTION OF OPERATIONS box header below `below`: the coverage grid ends there. Its label, the
 * one naming LOCATIONS when the workers' compensation row's "DESCRIPTION OF OPERATIONS below" also matched; where OCR
 * garbled the label itself ('OF OPE! In 1 VEHICLES'), the rest of that header line ('(ACORD 101, Additional Remarks
 * Schedule, may be attached …)').
 */
export function descriptionHeaderY(lines: readonly Line[], below: number): number | undefined {
  const hits = findLabel(lines, ['DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES', 'DESCRIPTION OF OPERATIONS']).filter((h) => h.y > below);
  const named = hits.find((h) => /LOCATION/i.test(h.line.words.map((w) => w.text).join(' ')));
  if (named) return named.y;
  // the header's own remarks before a lone 'DESCRIPTION OF OPERATIONS', which may be the WC row's '… below'
  // (with the slips a label of its length may carry: 'Additiona Remarks', 'may be artached' on a photo)
  const line = lines.find((l) => l.y > below && DESCRIPTION_HEADER_REST.some((r) => containsNear(foldLabel(l.words.map((w) => w.text).join('')), r, tolerance(r))));
  return line?.y ?? hits[hits.length - 1]?.y;
}

/** Reads an ACORD 25 (or names a property form) from the words of its pages. */
export function acord25FromWords(pages: PageWords[], ctx: LayoutContext): Extraction {
  return readAcord25Layout(pages, ctx).extraction;
}

/** As acord25FromWords, with where each value was read. */
export function readAcord25Layout(pages: PageWords[], ctx: LayoutContext): { extraction: Extraction; provenance: Provenance } {
  const reader = new LayoutReader(pages, ctx);
  return reader.read();
}

type Column = 'ltr' | 'type' | 'addl' | 'subr' | 'number' | 'eff' | 'exp' | 'limitLabel' | 'amount';

class LayoutReader {
  private readonly warnings: string[];
  private readonly confidence: Record<string, number> = {};
  private readonly provenance: Provenance = {};
  private page: PageWords;
  private lines: Line[] = [];
  private pageWordSet: Set<string> | null = null;
  private pageWordPairs: Set<string> | null = null;

  constructor(
    private readonly pages: PageWords[],
    private readonly ctx: LayoutContext,
  ) {
    this.warnings = [...(ctx.warnings ?? [])];
    this.page = pages[0] ?? { page: 1, width: 612, height: 792, source: 'text', words: [] };
  }

  /** A name read by OCR with its words repaired by the other words of the page (vocabulary.ts repairNameWords). */
  private repairedName(name: string): string {
    const letters = (w: Word) => w.text.replace(/[^\p{L}]/gu, '').toLowerCase();
    this.pageWordSet ??= new Set(this.page.words.map(letters).filter((t) => t.length >= 4));
    // (and the pairs of words printed one after the other on a line, 'harbor point')
    this.pageWordPairs ??= new Set(this.lines.flatMap((l) => l.words.slice(1).map((w, i) => `${letters(l.words[i]!)} ${letters(w)}`)));
    return repairNameWords(name, this.pageWordSet, this.pageWordPairs);
  }

  /** Records a value's confidence (lowest word confidence, discounted for layout) and its box. */
  private note(pointer: string, value: unknown, words: readonly Word[] | null | undefined) {
    if (value === null || value === undefined || value === '' || !words || words.length === 0) return;
    this.confidence[pointer] = Math.round(Math.min(...words.map((w) => w.confidence)) * LAYOUT_FACTOR * 1000) / 1000;
    this.provenance[pointer] = boxOf(this.page.page, words);
  }

  read(): { extraction: Extraction; provenance: Provenance } {
    const found = acord25LayoutPage(this.pages);
    const chosen = found ?? (this.pages[0] ? { page: this.pages[0], lines: linesOf(this.pages[0]), form: null, gridLabels: 0 } : null);
    if (chosen) {
      this.page = chosen.page;
      this.lines = chosen.lines;
    }
    const form = found?.form ?? null;
    const extraction = this.base(form);
    if (form && form.type !== 'ACORD 25' && form.type !== 'ACORD 101') {
      this.readHeader(extraction);
      this.certificateDateBySlashes(extraction);
      this.readParties(extraction);
      this.readInsurers(extraction);
      extraction.warnings.push(`${form.type} is a property form: its coverages are not read`);
    } else {
      if (!found) this.warnings.push('no ACORD 25 coverage grid found on the page; nothing was read');
      else {
        this.readHeader(extraction);
        this.readParties(extraction);
        this.readInsurers(extraction);
        this.readGrid(extraction);
        this.certificateDateByPolicies(extraction);
        this.readDescription(extraction);
      }
    }
    if (Object.keys(this.confidence).length > 0) extraction.confidence = this.confidence;
    return { extraction, provenance: this.provenance };
  }

  private base(form: FormId | null): Extraction {
    return {
      schemaVersion: 1,
      source: { ...(this.ctx.fileName ? { file: this.ctx.fileName } : {}), pages: this.ctx.pages, method: this.ctx.method },
      form: form && form.type !== 'ACORD 101' ? form : { type: 'ACORD 25', edition: form?.edition ?? null },
      certificateDate: null,
      certificateNumber: null,
      revisionNumber: null,
      producer: { name: null, address: null, contactName: null, phone: null, fax: null, email: null },
      insured: { name: null, address: null },
      insurers: [],
      policies: [],
      descriptionOfOperations: null,
      certificateHolder: { name: null, address: null },
      warnings: this.warnings,
    };
  }

  private readonly labelCache = new Map<string, LabelHit[]>();
  /** Where a label is printed on the page (memoized: several readers ask for the same labels). */
  private label(label: string | string[], opts?: Parameters<typeof findLabel>[2]): LabelHit[] {
    const key = JSON.stringify([label, opts ?? {}]);
    let hits = this.labelCache.get(key);
    if (!hits) {
      hits = findLabel(this.lines, label, opts);
      this.labelCache.set(key, hits);
    }
    return [...hits];
  }

  /** Segments in a region (by their centres), excluding any in `skip`. */
  private segmentsIn(r: { x0: number; x1: number; y0: number; y1: number }, skip: ReadonlySet<Word> = new Set()): Segment[] {
    const out: Segment[] = [];
    for (const line of this.lines) {
      for (const seg of line.segments) {
        const words = seg.words.filter((w) => !skip.has(w) && w.x + w.width / 2 >= r.x0 && w.x + w.width / 2 < r.x1 && w.y + w.height / 2 >= r.y0 && w.y + w.height / 2 < r.y1);
        if (words.length) out.push(segmentOf(words));
      }
    }
    return out;
  }

  // ---- header: date, certificate and revision numbers ----

  private readHeader(x: Extraction) {
    const date = certificateDateLabel(this.lines, this.page);
    if (date) {
      const h = date.height;
      const below = this.segmentsIn({ x0: date.x - 4 * h, x1: date.right + 4 * h, y0: date.bottom - 0.2 * h, y1: date.bottom + 5 * h });
      const onLine = date.rest ? [date.rest] : [];
      for (const seg of [...onLine, ...below]) {
        // (on OCR, where the cell's second reading is no date, the whole-page pass's may be: '527124' and '5/27/24')
        const readings = this.ctx.method !== 'text' ? otherReadings(seg) : [];
        const iso = [seg.text, ...readings].map(normalizeDate).find((d) => d !== null) ?? null;
        if (iso) {
          x.certificateDate = iso;
          this.certificateReadings = [seg.text, ...readings].map((t) => t.replace(/\s+/g, ''));
          // (on OCR, a year after the next is no certificate's but a digit misread, '4/15/74' for 4/15/24: no
          // policy's years are judged by it, and certificateDateByPolicies mends it by their term)
          if (this.ctx.method === 'text' || yearOf(iso) <= this.thisYear + 1) this.certificateYear = yearOf(iso);
          this.note('/certificateDate', iso, seg.words);
          break;
        }
        // (no reading a date: the first segment's one-slip repairs wait for the policies' dates, certificateDateByPolicies)
        if (this.ctx.method !== 'text' && !this.dateRepairs) {
          const texts = [...new Set([seg.text.replace(/\s+/g, ''), ...readings])];
          // (each reading's dates once, at their cheapest; and with a year digit misread besides: '4/1574', 4/15/24
          // read with a slash lost and its 2 as 7)
          const options = texts.flatMap((t) => {
            const read = ocrDates(t);
            const slipped = read.flatMap((o) => digitSlips(o.iso).filter((d) => d.slice(5) === o.iso.slice(5)).map((iso) => ({ iso, cost: o.cost + 1 })));
            const cheapest = new Map<string, number>();
            for (const o of [...read, ...slipped]) if (o.cost <= CERTIFICATE_DATE_SLIPS && yearOf(o.iso) <= this.thisYear + 1) cheapest.set(o.iso, Math.min(cheapest.get(o.iso) ?? Infinity, o.cost));
            const shown = t.replace(/\D/g, '');
            return [...cheapest].map(([iso, cost]) => ({ iso, cost, shown, slashed: t.includes('/') }));
          });
          if (options.length > 0) this.dateRepairs = { options, words: seg.words, texts, text: [...new Set(texts)].join('" or "') };
        }
      }
    }
    const certNo = this.label('CERTIFICATE NUMBER:')[0];
    const revNo = this.label('REVISION NUMBER:')[0];
    if (certNo) x.certificateNumber = this.valueRightOf(certNo, revNo?.x ?? Infinity);
    if (revNo) x.revisionNumber = this.valueRightOf(revNo, Infinity);
  }

  private valueRightOf(label: LabelHit, limit: number): string | null {
    const h = label.height;
    const segs = this.segmentsIn({ x0: label.right + 0.1, x1: limit - 1, y0: centerY(label) - 0.7 * h, y1: centerY(label) + 0.9 * h });
    const text = [label.rest?.text ?? '', ...segs.filter((s) => !label.rest || !s.words.some((w) => label.rest!.words.includes(w))).map((s) => s.text)].join(' ');
    return cleanText(text);
  }

  // ---- producer, insured, certificate holder ----

  private readParties(x: Extraction) {
    const producer = producerLabel(this.lines) ?? this.label(['AGENCY'], { exact: true })[0];
    const insured = this.label(['INSURED', 'NAMED INSURED'], { exact: false, afterStroke: true }).find((h) => !producer || h.y > producer.y) ?? (producer && this.ctx.method !== 'text' ? garbledInsuredLabel(this.lines, producer) : undefined);
    const insurers = this.label(['INSURER(S) AFFORDING COVERAGE', 'COMPANY'])[0];
    const contact = this.label(['CONTACT', 'CONTACT NAME:'])[0];
    const coverages = this.label('COVERAGES')[0];
    // a box label stands alone on its segment; the same words inside a paragraph are not it
    // (and is printed in capitals: a description's 'in favor of the certificate holder', set by OCR on a segment of its
    // own, is not it)
    const holderHits = printedLabels(this.label(['CERTIFICATE HOLDER', 'ADDITIONAL INTEREST'], { afterStroke: true }));
    const holder = holderHits.find((h) => h.rest === null) ?? holderHits[0];
    const cancellation = printedLabels(this.label('CANCELLATION'))[0];
    // the right-hand boxes (contact, insurers) start at their labels' left edge
    // (any of INSURER A … F, PHONE, E-MAIL will do where OCR garbled the others; the form prints them from mid-page)
    const rightLabels = [contact, insurers, ...this.label(['INSURER A :', 'INSURER A', 'INSURER B :', 'INSURER B', 'INSURER C :', 'INSURER C', 'INSURER D', 'INSURER E', 'INSURER F'], { exact: true }), ...this.label(['PHONE', 'E-MAIL'], { exact: true })];
    const rightBoxX = Math.min(...rightLabels.filter((h): h is LabelHit => !!h && h.x > this.page.width * 0.3).map((h) => h.x), this.page.width * 0.75);
    const leftBoxesX1 = rightBoxX - 1;

    if (producer) {
      const x1 = leftBoxesX1;
      const y1 = insured ? insured.y - 0.5 : producer.bottom + 60;
      const p = this.party({ x0: 0, x1, y0: producer.y - 0.5, y1 }, producer);
      x.producer = { ...x.producer, name: p.name, address: p.address };
      this.note('/producer/name', p.name, p.words);
      if (contact) this.readContact(x, contact);
    }
    if (insured) {
      const y1 = coverages && coverages.y > insured.y ? coverages.y - 0.5 : insured.bottom + 60;
      const p = this.party({ x0: 0, x1: leftBoxesX1, y0: insured.y - 0.5, y1 }, insured);
      x.insured = { name: p.name, address: p.address };
      this.note('/insured/name', p.name, p.words);
    }
    if (holder) {
      const footer = this.label(['ACORD 25', 'ACORD CORPORATION']).filter((h) => h.y > holder.bottom)[0];
      const y1 = footer ? footer.y - 0.5 : this.page.height;
      const p = this.party({ x0: 0, x1: cancellation && cancellation.x > holder.right ? cancellation.x - 1 : this.page.width / 2, y0: holder.y - 0.5, y1 }, holder);
      x.certificateHolder = { name: p.name, address: p.address };
      this.note('/certificateHolder/name', p.name, p.words);
    }
  }

  /** A party box: the name line (skipping lines that are not names), then address lines with the city line parsed. */
  private party(r: { x0: number; x1: number; y0: number; y1: number }, label: LabelHit): { name: string | null; address: Address | null; words: Word[] } {
    const skip = new Set(label.words);
    const segs = this.segmentsIn(r, skip);
    const rows: Segment[][] = [];
    for (const s of segs.sort((a, b) => centerY(a) - centerY(b) || a.x - b.x)) {
      const row = rows.find((rw) => Math.abs(centerY(rw[0]!) - centerY(s)) < 0.5 * Math.min(rw[0]!.height, s.height));
      if (row) row.push(s);
      else rows.push([s]);
    }
    for (const row of rows) row.sort((a, b) => a.x - b.x);
    // (on OCR, a segment of its own that is one stroke, 'I' or '|', is what is left of the box's rule beside the row)
    if (this.ctx.method !== 'text') for (const row of rows) row.splice(0, row.length, ...row.filter((seg) => !/^[|Il1!]$/.test(seg.text.trim())));
    // (and one such stroke opening a row's first segment left of the box's label, the box's rule: 'I Pinnacle …')
    if (this.ctx.method !== 'text') {
      for (const row of rows) {
        const first = row[0]?.words[0];
        if (first && row[0]!.words.length > 1 && /^[|Il1!]$/.test(first.text) && first.x + first.width < label.x + 0.5) row[0] = segmentOf(row[0]!.words.slice(1));
      }
    }
    const isName = (row: Segment[]) => {
      const t = row.map((s) => s.text).join(' ');
      // a printed sub-label of the box ("(A/C, No, Ext):", "NAME AND ADDRESS")
      if (/^\(|:$|\(A\/C|^NAME AND ADDRESS$|^E-?MAIL\b/i.test(t.trim())) return false;
      if (/@|^(?:phone|tel|fax|ph)\b|^\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}$/i.test(t)) return false;
      if (/^(?:acct|account|a\/c|cust(?:omer)?\s*(?:id|#|no))\b/i.test(t) || /^[#\d\s-]+$/.test(t)) return false;
      // OCR reads what is left of a box's rules as a stray letter or two: a name has more
      return /[A-Za-z]/.test(t) && t.replace(/[^A-Za-z0-9]/g, '').length >= 3;
    };
    const nameAt = rows.findIndex(isName);
    if (nameAt < 0) return { name: null, address: null, words: [] };
    const nameRow = rows[nameAt]!;
    // (on OCR, a lone small letter closing the name is a speck read as one: 'Pinnacle Commercial Insurance Group f')
    let nameText = nameRow.map((s) => s.text).join(' ');
    // (on OCR, a row of one character under the name is what is left of the box's rule: 'I')
    const rest = rows.slice(nameAt + 1).filter((row) => this.ctx.method === 'text' || row.map((s) => s.text).join('').replace(/[^A-Za-z0-9]/g, '').length > 1);
    let address: Address | null = null;
    // a name and its street run over the line break: 'Source,Inc. 8 Three' over 'Cho Rd.', or 'Management Solutions'
    // over 'Inc 914 Air Drive'. The company's form word ends the name; what follows it, a number first, is the street
    const firstLines: string[] = [];
    const split = NAME_THEN_STREET.exec(nameText);
    // (not 'Property Company 1 LLC': a street has a word after its number, and no company's form word)
    if (split && /^\d+\p{L}?\s+\p{L}/u.test(split[2]!) && !ENDS_WITH_FORM.test(split[2]!)) [nameText, firstLines[0]] = [split[1]!, split[2]!];
    else if (rest.length > 0) {
      const next = FORM_THEN_STREET.exec(rest[0]!.map((s) => s.text).join(' '));
      if (next && !ENDS_WITH_FORM.test(nameText)) {
        nameText = `${nameText} ${next[1]}`;
        rest[0] = next[2] ? [segmentOf(rest[0]!.flatMap((s) => s.words).slice(1))] : [];
      }
    }
    const name = normalizeNameLine(this.ctx.method === 'text' ? nameText : this.repairedName(ocrCompanySuffix(nameText.replace(/\s+\p{Ll}$/u, ''))));
    const street = rest.filter((row) => row.length > 0);
    if (street.length > 0 || firstLines.length > 0) {
      const last = street[street.length - 1];
      const city = last ? parseCityLine(last) : null;
      const lines = [...firstLines, ...(city ? street.slice(0, -1) : street).map((row) => row.map((s) => s.text).join(' '))].map((l) => cleanText(l)).filter((l): l is string => l !== null);
      address = { lines, city: city?.city ?? null, state: city?.state ?? null, postalCode: city?.postalCode ?? null };
    }
    return { name, address, words: nameRow.flatMap((s) => s.words) };
  }

  private readContact(x: Extraction, contact: LabelHit) {
    const fax = this.label('FAX').find((h) => h.x > contact.right && Math.abs(h.y - contact.y) < 40);
    const value = (labels: string[], limit: number) => {
      const hit = this.label(labels).find((h) => h.x >= contact.x - 2 && h.x < contact.x + 10 && h.y >= contact.y - 2 && h.y < contact.y + 40);
      return hit ? this.valueRightOf(hit, limit) : null;
    };
    x.producer.contactName = normalizeNameLine(value(['NAME:'], Infinity));
    x.producer.phone = value(['(A/C, No, Ext):'], fax?.x ?? Infinity);
    x.producer.email = value(['ADDRESS:'], Infinity);
    const faxLabel = this.label('(A/C, No):').find((h) => fax && h.x >= fax.x - 2 && h.x < fax.x + 10);
    if (faxLabel) x.producer.fax = this.valueRightOf(faxLabel, Infinity);
  }

  // ---- insurers ----

  private readInsurers(x: Extraction) {
    const naic = this.label(['NAIC #', 'NAIC'])[0];
    const labels = insurerLabels(this.lines, { garbled: this.ctx.method !== 'text' });
    if (labels.length === 0) return;
    if (this.ctx.method !== 'text') labels.splice(0, labels.length, ...insurerRowsByPosition(labels));
    const x0 = Math.max(...labels.map((l) => l.hit.right)) + 0.5;
    const naicX = naic ? naic.x - 2.5 * naic.height : this.page.width;
    const spacing = labels.length > 1 ? (labels[labels.length - 1]!.hit.y - labels[0]!.hit.y) / (labels.length - 1) : 12;
    const y0 = labels[0]!.hit.y - 0.5 * spacing;
    const y1 = labels[labels.length - 1]!.hit.bottom + 0.5 * spacing;
    const meaningful = (s: Segment) => /[A-Za-z0-9]/.test(s.text);
    const names = this.segmentsIn({ x0, x1: naicX, y0, y1 }).filter(meaningful);
    const codes = this.segmentsIn({ x0: naicX, x1: this.page.width, y0, y1 }).filter(meaningful);
    const nearest = (segs: Segment[], l: LabelHit) => {
      let best: Segment | null = null;
      for (const s of segs) {
        const d = Math.abs(centerY(s) - centerY(l));
        if (d < 0.5 * spacing && (!best || d < Math.abs(centerY(best) - centerY(l)))) best = s;
      }
      return best;
    };
    for (const { letter, hit } of labels) {
      const nameSeg = nearestRowText(names, hit, spacing, this.ctx.method !== 'text');
      // (on OCR, a code of three digits at least before a speck read as one nearer the label's middle, '4' beside '24317')
      const codeSeg = (this.ctx.method === 'text' ? null : nearest(codes.filter((c) => (c.text.match(/\d/g) ?? []).length >= 3), hit)) ?? nearest(codes, hit);
      // OCR leaves the end of a garbled label before the name ("A: # Atlantic …", ": Prairie …", "L Prairie …")
      // and what is left of the NAIC column's rule after it ("… Co. I"), or a stray mark after a company's closing word
      // ("… Company r", "… Co. of", "… Company Cl")
      let nameText =
        this.ctx.method === 'text'
          ? nameSeg?.text
          : nameSeg?.text
              .replace(/^\s*(?:[^\s:;#|]{1,2}\s*)?[:;#|]+[\s:;#|]*/, '')
              // (or a lone letter, what OCR made of the label's colon or the box's rule: 'L Prairie States …')
              .replace(/^[A-Za-z|!]\s+(?=\p{Lu}\p{Ll})/u, '')
              .replace(/(?:\s+[|Il1!\]\[])+$/, '');
      let codeText = this.ctx.method === 'text' || codeSeg === null ? codeSeg?.text : withoutRuleDigit(codeSeg.text);
      // without the NAIC # label the code column is not placed: a code read at the end of the name is the code
      const trailing = !naic && this.ctx.method !== 'text' && nameText ? /^(.*\S)\s+[1Il|]?(\d{5})$/.exec(nameText) : null;
      if (trailing && !codeText) [nameText, codeText] = [trailing[1], trailing[2]];
      // and with it, where the row's code column holds nothing, digits closing the name, after a rule's remnant, are
      // what was read of the code left of where the label places its column (the 2025/12 print sets its codes against
      // the column's left rule: '… Assurance Co. {6193' on a photo); a Lloyd's syndicate's number stays in its name
      const stray = this.ctx.method !== 'text' && !codeText && nameText ? /^(.*\S)\s+[{[|Il1]?(\d{4,5})$/.exec(nameText) : null;
      if (stray && !/\b(?:syndicate|no\.?|#)$/i.test(stray[1]!)) [nameText, codeText] = [stray[1], stray[2]!.length === 5 ? stray[2] : undefined];
      // (any mark of three characters or less there, 'oY', 'oo!', that is not a company's own suffix)
      // (or the closing word read twice, 'Co. Co')
      if (this.ctx.method !== 'text') nameText = nameText?.replace(/\b(\p{L}+)(\.?)\s+\1\.?$/u, '$1$2').replace(/\b(Company|Co\.)\s+Co\.?$/u, '$1');
      // (but a closing 'Co.' read one letter wrong, 'Ce.', 'Go.', is mended first)
      if (this.ctx.method !== 'text') nameText = nameText?.replace(/(\s)(?:C[aceou0]|G[o0]|C)[.,]$/u, '$1Co.');
      // (as many such marks as OCR read, 'Company oo r'; and quotes before the name, what it made of a speck there)
      if (this.ctx.method !== 'text') {
        nameText = nameText?.replace(TRAILING_MARKS, '$1');
        nameText = nameText?.replace(/^["'“”‘’`]+(?=\p{Lu})/u, '');
        // (and an insurer's word OCR made another English word of, which no English check would undo)
        nameText = nameText?.replace(INSURER_WORD_SLIPS, (w: string) => w.slice(0, -2) + (w.endsWith('LY') ? 'TY' : 'ty'));
      }
      let name = normalizeNameLine(this.ctx.method === 'text' || nameText === undefined ? nameText : this.repairedName(ocrCompanySuffix(nameText)));
      const code = normalizeNaic(codeText);
      // (on OCR, without a code, what OCR made of specks in an empty row, 'Elo.', 'f': under four letters, or not one
      // word of three letters it was at least half sure of)
      if (name !== null && code === null && this.ctx.method !== 'text' && nameSeg && isSpeckReading(nameSeg)) {
        this.warnings.push(`insurer ${letter}: "${name}" read in an empty row taken for specks; left out`);
        name = null;
      }
      if (name === null && code === null) continue;
      const insurer: Insurer = { letter, name: name ?? '', naic: code };
      if (name === null) this.warnings.push(`insurer ${letter} has a NAIC code but no name`);
      const i = x.insurers.push(insurer) - 1;
      this.note(`/insurers/${i}/name`, name, nameSeg?.words);
      this.note(`/insurers/${i}/naic`, code, codeSeg?.words);
    }
  }

  // ---- coverage grid ----

  /**
   * The dates in the grid's date columns, each word's date where it reads as one or as one with a single cheapest
   * repair, with the middle of its word (set by readGrid, for dates()), and each row's dates once dates() took them.
   */
  private gridDates: { iso: string; y: number }[] = [];
  /** How the page prints its grid's dates and how wide a printed character is (datePrintOf), for telling readings apart. */
  private datePrint: DatePrint | null = null;
  /** The digits OCR makes of a '$' typed before the amounts (withoutTypedDollar): 5, or 3 and 8 too where two amounts show it. */
  private dollarDigits = '5';
  /** On OCR: whether the page's amounts are grouped by commas, and the width of a digit in their ink (amountPrint). */
  private amountPrint: AmountPrint | null = null;

  private readGrid(x: Extraction) {
    const header = {
      // (left of TYPE OF INSURANCE: OCR reads ADDL's INSD as INSR now and then)
      ltr: this.label(['INSR', 'INSR LTR'], { exact: true }).find((l) => l.right < (this.label('TYPE OF INSURANCE')[0]?.x ?? Infinity)),
      type: this.label('TYPE OF INSURANCE')[0],
      addl: this.label(['ADDL', 'ADDL INSD'], { anywhere: true })[0],
      subr: this.label(['SUBR', 'SUBR WVD'], { anywhere: true })[0],
      number: this.ctx.method === 'text' ? this.label('POLICY NUMBER')[0] : policyNumberLabel(this.lines),
      eff: undefined as LabelHit | undefined,
      exp: undefined as LabelHit | undefined,
      limits: this.label('LIMITS', { exact: true })[0],
    };
    if (header.number) Object.assign(header, dateHeaders(this.lines, header.number));
    if (!header.number || !header.eff || !header.exp) {
      this.warnings.push('the coverage grid header (POLICY NUMBER, POLICY EFF, POLICY EXP) was not found; no policies read');
      return;
    }
    // the header's labels and their second lines (INSR / LTR, ADDL / INSD, POLICY EFF / (MM/DD/YYYY))
    const nh = header.number.height;
    const headerHits = [
      ...Object.values(header),
      ...this.label(['LTR', 'INSD', 'WVD', '(MM/DD/YYYY)'], { exact: true }).filter((h) => h.y > header.number!.y - 2 * nh && h.y < header.number!.bottom + 1.5 * nh),
    ].filter((h): h is LabelHit => !!h && Math.abs(h.y - header.number!.y) < 3 * nh);
    const headerBottom = Math.max(...headerHits.map((h) => h.bottom));
    const descY = descriptionHeaderY(this.lines, headerBottom);
    const gridBottom = descY !== undefined ? descY - 0.5 : this.page.height;
    const inGrid = (h: LabelHit) => h.y >= headerBottom - 1 && h.y < gridBottom;

    // row anchors: the row label and the row's own limit labels
    const rowLabel: Partial<Record<Row, LabelHit>> = {};
    for (const row of ROWS) rowLabel[row] = this.label(ROW_LABELS[row]).filter(inGrid)[0];
    const limitHits: { row: Row; key: string; hit: LabelHit }[] = [];
    // the ADDL INSD / SUBR WVD labels are tiny and OCR often garbles them; then the flags typed in them, or the form's
    // geometry, place the two columns (ocr-cells.ts flagColumns)
    const flags = header.addl && header.subr ? null : flagColumns(this.lines, header.number);
    const typeX1 = header.addl ? header.addl.x - 1 : flags!.addlCx - 1.6 * header.number.height - 1;
    const limitsX0 = header.exp.right + 1;
    for (const def of LIMIT_LABELS) {
      const inColumn = (h: LabelHit) => inGrid(h) && h.x >= limitsX0 - 8;
      const hits = this.label(def.label).filter(inColumn);
      // a value printed up against the label (a wide expiration date running into "PERSONAL & ADV INJURY") joins it
      // in one segment: inside a segment, a label counts only right after such a value
      for (const hit of this.label(def.label, { anywhere: true }).filter(inColumn)) {
        const seg = hit.line.segments.find((x) => x.words.includes(hit.words[0]!));
        const previous = seg ? seg.words[seg.words.indexOf(hit.words[0]!) - 1] : undefined;
        if (previous && /\d/.test(previous.text) && !hits.some((h) => h.words[0] === hit.words[0])) hits.push(hit);
      }
      // OCR splits a label where a hyphen dropped out ("PRODUCTS" | "COMP/OP AGG", "E.L. DISEASE" | "EA EMPLOYEE"):
      // its first part, told apart by the next segment on the line
      if (hits.length === 0 && this.ctx.method !== 'text' && SPLIT_LIMIT_LABELS[def.key]) {
        const [head, tail] = SPLIT_LIMIT_LABELS[def.key]!;
        for (const hit of this.label(head).filter(inColumn)) {
          const seg = hit.line.segments.find((x) => x.words.includes(hit.words[0]!));
          const next = hit.rest ?? hit.line.segments[hit.line.segments.indexOf(seg!) + 1];
          if (!next || tail.test(foldLabel(next.text))) hits.push(hit);
        }
      }
      // a two-line label whose first line OCR garbled ('AMAGE 10 RENTED'): its second line, where the value stands
      if (hits.length === 0 && this.ctx.method !== 'text' && SECOND_LINE_LIMIT_LABELS[def.key]) hits.push(...this.label(SECOND_LINE_LIMIT_LABELS[def.key]!).filter(inColumn));
      for (const hit of hits) limitHits.push({ row: def.row, key: def.key, hit });
    }
    // (by the label's height at most a line's: OCR boxes a label with a mark under it 14 pt high, which reached the next
    // row's label)
    const ownerOf = (hit: LabelHit): Row | null => {
      let owner: Row | null = null;
      const reach = 2 * Math.min(hit.height, 1.5 * nh);
      for (const row of ROWS) {
        const r = rowLabel[row];
        if (r && r.y <= hit.y + reach && (!owner || r.y > rowLabel[owner]!.y)) owner = row;
      }
      return owner;
    };
    // a limit label belongs to the row whose label is the nearest above it (so the 'other' row's typed "Aggregate" is
    // not the umbrella's AGGREGATE); the umbrella's AGGREGATE must stand alone, not end "GENERAL AGGREGATE"
    const accepted = limitHits.filter((l) => {
      const owner = ownerOf(l.hit);
      if (l.key === 'aggregate') {
        // a word of a label before it ("GENERAL AGGREGATE") makes it another limit; a value run into it does not
        const seg = l.hit.line.segments.find((x) => x.words.includes(l.hit.words[0]!));
        const previous = seg ? seg.words[seg.words.indexOf(l.hit.words[0]!) - 1] : undefined;
        if (previous && /[A-Za-z]{2}/.test(previous.text) && !/\d/.test(previous.text)) return false;
      }
      if (owner === null && rowLabel[l.row] !== undefined) return l.row === 'general_liability';
      if (owner === l.row) return true;
      if (rowLabel[l.row] !== undefined) return false;
      // the row's own label was not read: its limit labels still lie below the rows printed before it and above the
      // rows printed after it (the GL row's EACH OCCURRENCE is not the umbrella's when UMBRELLA LIAB is garbled)
      const k = ROWS.indexOf(l.row);
      return ROWS.every((row, i) => {
        const r = rowLabel[row];
        if (!r || i === k) return true;
        return i < k ? r.y < l.hit.y + 2 * l.hit.height : r.y > l.hit.y;
      });
    });
    // a label taken by the row whose own label stands over it is no other row's (with the automobile and umbrella
    // labels both lost, the GL row's EACH OCCURRENCE also lies "between" the rows read around the umbrella's)
    const limits = accepted.filter((l) => rowLabel[l.row] !== undefined || !accepted.some((o) => o !== l && o.hit === l.hit && rowLabel[o.row] !== undefined));
    const extra: Partial<Record<Row, LabelHit[]>> = {};
    for (const row of ROWS) extra[row] = this.label(ROW_EXTRA_LABELS[row]).filter((h) => inGrid(h) && h.x < typeX1);

    // the distance between limit lines, by which OCR pages place what their labels do not
    const pitch = this.ctx.method === 'text' ? null : limitPitch(limits, this.lines);
    // row bands: each row starts at the top of its highest label; the 'other' row after the WC row's lowest label
    const tops: { row: Row; top: number; bottom: number }[] = [];
    for (const row of ROWS) {
      const mine = [rowLabel[row], ...limits.filter((l) => l.row === row).map((l) => l.hit), ...(extra[row] ?? [])].filter((h): h is LabelHit => !!h);
      if (mine.length === 0) continue;
      let bottom = Math.max(...mine.map((h) => h.bottom));
      // the WC row ends at its lowest label; where OCR lost E.L. DISEASE - POLICY LIMIT (and the row's own lowest
      // lines), the limit lines still place that last line, whose amount is no 'other' row's
      if (row === 'workers_compensation' && this.ctx.method !== 'text') bottom = Math.max(bottom, this.lastLimitLine(row, limits, pitch));
      // (with every E.L. label lost, its name, level with the PER STATUTE line, places the three E.L. lines under it)
      if (row === 'workers_compensation' && this.ctx.method !== 'text' && rowLabel[row] && pitch !== null && !limits.some((l) => l.row === row)) {
        bottom = Math.max(bottom, centerY(rowLabel[row]) + 3.5 * pitch);
      }
      tops.push({ row, top: Math.min(...mine.map((h) => h.y)), bottom });
    }
    tops.sort((a, b) => a.top - b.top);
    const bands: { row: Row | 'other'; y0: number; y1: number; name?: number }[] = [];
    tops.forEach((t, i) => {
      const y0 = i === 0 ? Math.min(headerBottom, t.top - 0.5) : t.top - 0.5;
      const next = tops[i + 1];
      const y1 = next ? next.top - 0.5 : t.row === 'workers_compensation' ? t.bottom + 0.5 : gridBottom;
      const name = rowLabel[t.row];
      bands.push({ row: t.row, y0, y1, name: name ? centerY(name) : undefined });
    });
    const wc = bands.find((b) => b.row === 'workers_compensation');
    if (wc && wc === bands[bands.length - 1]) bands.push({ row: 'other', y0: wc.y1, y1: gridBottom });

    // columns from the header labels: narrow flag columns around their labels, the rest between neighbours
    const cols = this.columns(header, flags, limits.map((l) => l.hit), headerBottom, gridBottom, typeX1);
    // where the limit lines print their '$', when OCR read it on three lines or more (on OCR pages only)
    const pageWords = this.lines.flatMap((l) => l.words);
    const amountWords = pageWords.filter((w) => w.x >= cols.amount.x0 && w.x < cols.amount.x1);
    const dollarX = this.ctx.method === 'text' ? null : dollarColumn(pageWords.filter((w) => this.isDollar(w) && Math.abs(w.x - cols.amount.x0) < 2));
    // the width of a digit in the amounts OCR read, by which a digit too many shows
    const digitWidth = this.ctx.method === 'text' ? null : amountDigitWidth(amountWords);
    // and how the page prints its amounts, by the ink of those in the grid
    this.amountPrint = this.ctx.method === 'text' ? null : amountPrint(amountWords.filter((w) => w.y + w.height / 2 >= headerBottom && w.y + w.height / 2 < gridBottom));
    // and where the amounts typed after it begin
    const amountX = dollarX === null ? null : amountColumn(amountWords, dollarX);
    // amounts typed with a '$' the digits-only reading made a 3, 5 or 8 of ('35,000,000', '5300,000', '85,000'): two
    // such on the page show it, and a 3 or an 8 before a one-digit limit is then that '$' too
    if (this.ctx.method !== 'text' && amountWords.filter((w) => withoutTypedDollar(w.text, '358') !== null).length >= 2) this.dollarDigits = '358';
    // printed cell text that is never a value: the '$' of limit lines, the WC row's N / A and the Y / N hint
    const labelWords = new Set<Word>([
      ...pageWords.filter((w) => this.isDollar(w) && (w.text === '$' || w.x >= cols.limitLabel.x0)),
      ...this.label(['N / A', 'Y / N'], { exact: true, anywhere: true }).flatMap((h) => h.words),
    ]);
    // (on OCR, a lone letter A–F opening a label's words is the insurer letter OCR set on the label's line, matched with
    // it: 'C OFF ICERMENBEREXCLUDED?'; no printed row label begins with one)
    const letterFirst = (hit: LabelHit, w: Word) => this.ctx.method !== 'text' && w === hit.words[0] && hit.words.length > 1 && /^[A-F]$/.test(w.text);
    for (const hit of [...limits.map((l) => l.hit), ...Object.values(rowLabel), ...Object.values(extra).flat()]) if (hit) for (const w of hit.words) if (!letterFirst(hit, w)) labelWords.add(w);

    // check marks anywhere in the grid outside the letter and Y/N columns
    const checkLabels = CHECKBOX_LABELS.map((c) => ({
      box: c.box,
      hits: this.label(c.label, { exact: c.label.some((l) => foldLabel(l).length < 5), ...(c.prefix && this.ctx.method !== 'text' ? { prefix: true } : {}) }).filter(inGrid),
    }));
    const marks: { box: Checkbox; y: number; word: Word }[] = [];
    for (const line of this.lines) {
      for (const w of line.words) {
        if (!CHECK_MARK.test(w.text.trim())) continue;
        const cx = w.x + w.width / 2;
        const cy = w.y + w.height / 2;
        if (cy < headerBottom || cy >= gridBottom) continue;
        const col = colOf(cols, cx);
        if (col === 'ltr' || col === 'addl' || col === 'subr' || col === 'number' || col === 'eff' || col === 'exp') continue;
        let best: { box: Checkbox; d: number } | null = null;
        for (const c of checkLabels) {
          for (const h of c.hits) {
            const dx = h.x - (w.x + w.width);
            const dy = Math.abs(centerY(h) - cy);
            if (dx < -2 || dx > 3 * h.height + 4 || dy > 1.2 * h.height + 2) continue;
            const d = dx + 2 * dy;
            if (!best || d < best.d) best = { box: c.box, d };
          }
        }
        if (best) marks.push({ box: best.box, y: cy, word: w });
      }
    }
    const markWords = new Set(marks.map((m) => m.word));

    // the dates read anywhere in the two date columns, plainly or by a repair with no rival as cheap: a row whose own
    // dates OCR garbled into two readings as cheap as each other takes the one other rows confirm (a certificate's
    // policies often share a term)
    const dateWords = (['eff', 'exp'] as const).flatMap((col) => this.segmentsIn({ ...cols[col], y0: headerBottom, y1: gridBottom }).flatMap((seg) => seg.words));
    this.gridDates = dateWords.flatMap((w) => {
      const sole = soleDate(w.text);
      return sole && sole.cost <= 1 ? [{ iso: sole.iso, y: w.y + w.height / 2 }] : [];
    });
    if (this.ctx.method !== 'text') this.datePrint = datePrintOf(dateWords);
    const bandPolicies: BandPolicy[] = [];
    for (const band of bands) {
      const inBand = (s: Segment) => centerY(s) >= band.y0 && centerY(s) < band.y1;
      const cells = (col: Column) => {
        const segs = this.segmentsIn({ ...cols[col], y0: band.y0, y1: band.y1 }, new Set([...labelWords, ...markWords])).filter(inBand).filter((s) => !isPrintedFiller(s.text));
        if (col !== 'amount') return segs;
        const mended = digitWidth !== null ? segs.map((seg) => withoutPhantomDigit(seg, digitWidth)) : segs;
        return dollarX !== null ? mended.map((seg) => withoutDollarDigit(seg, dollarX, amountX)) : mended;
      };
      const boxes = new Set(marks.filter((m) => m.y >= band.y0 && m.y < band.y1).map((m) => m.box));
      bandPolicies.push(...this.bandPolicies(band.row, cells, boxes, limits, pitch, band));
    }
    // (a row left without its dates, by the terms of every other row: rows read after it too)
    for (const p of bandPolicies) if (p.undated) this.lateTerm(p.policy, p.undated.eff, p.undated.exp, p.undated.where);
    for (const p of bandPolicies) {
      const i = x.policies.push(p.policy) - 1;
      for (const [key, words] of Object.entries(p.words)) this.note(`/policies/${i}/${key}`, key.startsWith('limits/') ? p.policy.limits[key.slice(7)] : (p.policy as Record<string, unknown>)[key], words);
    }
    if (this.ctx.method !== 'text') this.mendSecondDigits(x.policies);
    const letters = new Set(x.insurers.map((i) => i.letter));
    for (const p of x.policies) {
      if (p.insurerLetter !== null && !letters.has(p.insurerLetter)) this.warnings.push(`${p.coverage} policy names insurer ${p.insurerLetter}, which the certificate does not list`);
    }
  }

  /** The texts the certificate date was read from, where one was a date: its cell's and its other readings (OCR). */
  private certificateReadings: string[] = [];
  /** The certificate date cell's one-slip repairs, when no reading of it was a date (OCR only). */
  /** The certificate date's repairs (each with the digits of the reading it came from), where no reading was a date. */
  private dateRepairs: { options: { iso: string; cost: number; shown: string; slashed: boolean }[]; words: Word[]; texts: string[]; text: string } | null = null;
  /** The certificate date's year, where it was read whole: a policy in force then runs within a few years of it. */
  private certificateYear: number | null = null;
  /** The year of the day the certificate is read (LayoutContext.today). */
  private get thisYear(): number {
    return yearOf(this.ctx.today ?? new Date().toISOString());
  }
  /** The latest year a policy on a certificate read today can run to: one dated a year ahead, for the longest term. */
  private get latestPolicyYear(): number {
    return this.thisYear + 1 + MAX_TERM_YEARS;
  }

  /**
   * On a form with no policies to bound its date (ACORD 24, 27, 28), the certificate date OCR read with both slashes
   * as ones or sevens, '71212021' for 7/2/2021 on a clean scan, where a reading of the cell under the DATE label has
   * one such date (labelledSlashlessDate), not after next year. Warned.
   */
  private certificateDateBySlashes(x: Extraction): void {
    const repairs = this.dateRepairs;
    if (!repairs || x.certificateDate !== null) return;
    const dates = [...new Set(repairs.texts.map(labelledSlashlessDate).filter((d): d is string => d !== null && yearOf(d) <= this.thisYear + 1))];
    if (dates.length !== 1) return;
    x.certificateDate = dates[0]!;
    this.note('/certificateDate', dates[0]!, repairs.words);
    this.warnings.push(`certificate date read as "${repairs.text}", its slashes read as digits: taken for ${dates[0]}`);
  }

  /**
   * The certificate date OCR read with a slash lost ('116/24': 1/16/24 or 11/6/24, or 1/6/24): of its one-slip
   * repairs, the one date that falls in the policies' term (from two weeks before the earliest effective date to the
   * latest expiration), a certificate being issued for policies in force. Warned; none when that leaves not one.
   */
  private certificateDateByPolicies(x: Extraction): void {
    const effs = x.policies.map((p) => p.effectiveDate).filter((d): d is string => d !== null).sort();
    const exps = x.policies.map((p) => p.expirationDate).filter((d): d is string => d !== null).sort();
    if (effs.length === 0 || exps.length === 0) return;
    const from = new Date(Date.parse(effs[0]!) - 14 * 86_400_000).toISOString().slice(0, 10);
    const to = exps[exps.length - 1]!;
    // a date read whole but outside the term, one digit OCR confuses away from the one date within it ('07/09/2028'
    // for 07/09/2025 under policies of 2025 to 2026: an 8 for a 5)
    const read = x.certificateDate;
    if (read !== null && this.ctx.method !== 'text' && (read < from || read > to)) {
      // another reading of the cell that is a date within the term, as printed, is the date ('07/27/2078' read by the
      // cell at 57%, '07/22/2025' by the whole page at 85%)
      const plain = [...new Set(this.certificateReadings.map(normalizeDate).filter((d): d is string => d !== null && d >= from && d <= to))];
      if (plain.length === 1) {
        x.certificateDate = plain[0]!;
        this.warnings.push(`certificate date read as ${read}, after or long before every policy's term, and as ${plain[0]}, within it: taken for ${plain[0]}`);
        return;
      }
      // (a year of no century a certificate has, '7075': both its 2s read as 7, two confused digits away)
      // (the fewest slips first: '7024-07-26' is 2024-07-26 a digit away, though other days in the term are two away)
      const within = (dates: string[]) => [...new Set(dates)].filter((d) => d >= from && d <= to);
      const oneSlip = digitSlips(read);
      const noCentury = yearOf(read) < 2000 || yearOf(read) >= 2100;
      const near = within(oneSlip);
      let fits = near.length > 0 || !noCentury ? near : within(oneSlip.flatMap(digitSlips));
      let byReading = false;
      // (several: the one another reading of the cell begins with, '07/22/2024' read '02/22' too beside 2024-01-22)
      if (fits.length > 1) {
        const begun = fits.filter((d) => {
          const [, m, day] = d.split('-') as [string, string, string];
          const forms = [`${m}/${day}`, `${Number(m)}/${Number(day)}`];
          return this.certificateReadings.some((t) => forms.some((f) => t.startsWith(f) && (t.length === f.length || !/\d/.test(t[f.length]!))));
        });
        if (begun.length === 1) [fits, byReading] = [begun, true];
      }
      if (fits.length !== 1) return;
      x.certificateDate = fits[0]!;
      const which = byReading ? ' another reading of the cell begins with' : '';
      this.warnings.push(`certificate date read as ${read}, after or long before every policy's term, taken for ${fits[0]}: ${oneSlip.includes(fits[0]!) ? 'one digit' : 'two digits'} apart, the one such date within the term${which}`);
      return;
    }
    const repairs = this.dateRepairs;
    if (!repairs || x.certificateDate !== null) return;
    // the one date within the term whose digits, printed as the page prints its dates, a reading of SHOWN_WHOLE_DIGITS or
    // more shows as they are, only its slashes lost, however many slips that costs: '11126' is 1/11/26 on a page that
    // prints '4/14/25', though '111126' is 1/1/26 at one slip, both slashes read as 1 ('10212024' is 10/21/2024 beside
    // '110212024'); not where a reading holding a slash is a date within the term at one slip ('172/24' is 1/2/24, a
    // slash read as 7, beside '12124'), nor by a reading of four digits, which shows too many dates ('7126' for 7/7/26)
    const print = this.datePrint;
    const slashedFits = repairs.options.some((o) => o.slashed && o.cost <= 1 && o.iso >= from && o.iso <= to);
    const shownWhole =
      print && !slashedFits
        ? [...new Set(repairs.options.filter((o) => o.iso >= from && o.iso <= to && o.shown.length >= SHOWN_WHOLE_DIGITS && o.shown === printedDate(o.iso, print).replace(/\D/g, '')).map((o) => o.iso))]
        : [];
    if (shownWhole.length === 1) {
      x.certificateDate = shownWhole[0]!;
      this.note('/certificateDate', shownWhole[0], repairs.words);
      this.warnings.push(`certificate date read "${repairs.text}" taken for ${shownWhole[0]}, the one date within the policies' term whose digits a reading shows as the page prints dates, only its slashes lost`);
      return;
    }
    // (the fewest slips first: both slashes lost, '107122024' for 10/12/2024, only where no repair of one slip fits)
    let fits: string[] = [];
    let byLongest = false;
    let byDigits = false;
    for (let slips = 1; slips <= CERTIFICATE_DATE_SLIPS && fits.length === 0; slips++) {
      const within = repairs.options.filter((o) => o.cost <= slips && o.iso >= from && o.iso <= to);
      fits = [...new Set(within.map((o) => o.iso))];
      // (several: the one more of the cell's readings give, '4/1574' and '41524' both 4/15/24, only the second 4/5/24)
      const support = (iso: string) => within.filter((o) => o.iso === iso).length;
      const most = Math.max(0, ...fits.map(support));
      if (fits.length > 1 && fits.filter((f) => support(f) === most).length === 1) fits = fits.filter((f) => support(f) === most);
      // (and then the one the reading of the most digits gives: '10082024' beside '082024', a reading that lost the
      // month's digits, which OCR drops far oftener than it makes up)
      const digits = (iso: string) => Math.max(...within.filter((o) => o.iso === iso).map((o) => o.shown.length));
      const longest = Math.max(0, ...fits.map(digits));
      if (fits.length > 1 && fits.filter((f) => support(f) === most && digits(f) === longest).length === 1) {
        fits = fits.filter((f) => support(f) === most && digits(f) === longest);
        byLongest = true;
      }
      // (and then the one whose digits, printed in one of the ways dates are, a reading shows as they are, only its
      // slashes lost: '1/1726' is 1/17/26 with a slash lost rather than 1/1/26 with one read as 7, and '02132024'
      // 02/13/2024 rather than 02/03/2024 with a slash read as 1 and a 0 lost; the certificate's date is not always
      // printed as its policies' are)
      // (of those the most readings give by the most digits: '13:2024' shows 1/3/2024 so too, read with fewer digits)
      const asShown = fits.filter(
        (f) => support(f) === most && digits(f) === longest && within.some((o) => o.iso === f && DATE_STYLES.some((st) => printedDate(f, st).replace(/\D/g, '') === o.shown)),
      );
      if (fits.length > 1 && asShown.length === 1) [fits, byDigits] = [asShown, true];
    }
    if (fits.length !== 1) return;
    x.certificateDate = fits[0]!;
    this.note('/certificateDate', fits[0], repairs.words);
    this.warnings.push(`certificate date read "${repairs.text}" taken for ${fits[0]}, the one reading of it within the policies' term${byLongest ? ' that the reading of the most digits gives' : byDigits ? ' whose digits a reading shows, only its slashes lost' : ''}`);
  }

  /**
   * A flag cell's value. On OCR only the letters Y, X and N (and YES, NO) are flags: a '1' or '0' there is a piece of
   * a rule or a speck, which normalizeFlag would take for a form field's 1 (marked) or 0.
   */
  private flagOf(text: string): boolean | null {
    if (this.ctx.method === 'text') return normalizeFlag(text);
    // (a Y whose arm crossed the column's rule and went with it reads as '¥', a sign no flag cell holds; a flag typed
    // against the column's rule reads doubled, the printed 'N/A' beside it or the rule's remnant taken for a letter too:
    // 'YY', 'XY', each letter of them a mark)
    const t = text.trim().replace(/^¥$/, 'Y').replace(/^[XY]{2}$/i, 'Y').replace(/^NN$/i, 'N');
    return /^(?:[XYN]|YES|NO)$/i.test(t) ? normalizeFlag(t) : null;
  }

  /**
   * A limit OCR read with its second digit, a 0, as 6 or 8 ('1,600,000'), where the round amount it would then be is
   * read elsewhere in the grid ('1,000,000' for the WC row's other E.L. limits): that round amount. roundLimit mends
   * such slips only past the second digit, since limits of two significant digits are real; one with a 6 or 8 there
   * is rare, and the same amount read beside it confirms the slip.
   */
  private mendSecondDigits(policies: PolicyFields[]): void {
    const amounts = policies.flatMap((p) => Object.values(p.limits).filter((v): v is number => typeof v === 'number'));
    for (const p of policies) {
      for (const [key, v] of Object.entries(p.limits)) {
        if (typeof v !== 'number' || !/^[1-9][68]0{3,}$/.test(String(v))) continue;
        const round = Number(String(v)[0]! + String(v).slice(2) + '0');
        if (!amounts.includes(round)) continue;
        p.limits[key] = round;
        this.warnings.push(`${p.coverage.replace(/_/g, ' ')}: limit read ${v} taken for ${round}, read elsewhere in the grid: a 6 or 8 for its second digit is a misread 0`);
      }
    }
  }

  private columns(
    header: Record<'ltr' | 'type' | 'addl' | 'subr' | 'number' | 'eff' | 'exp' | 'limits', LabelHit | undefined>,
    flags: { addlCx: number; subrCx: number } | null,
    limitLabels: LabelHit[],
    y0: number,
    y1: number,
    typeX1: number,
  ): Record<Column, { x0: number; x1: number }> {
    const number = header.number!;
    const eff = header.eff!;
    const exp = header.exp!;
    const h = this.ctx.method === 'text' ? number.height : typeHeight(number, limitLabels);
    // the TYPE column starts where the row labels do; the letter column is left of it
    const rowLabelX = Math.min(...this.label(Object.values(ROW_LABELS).flat()).filter((l) => l.y > y0 && l.y < y1).map((l) => l.x), header.type?.x ?? number.x);
    const typeX0 = header.ltr ? Math.min(rowLabelX - 1, header.ltr.right + 1.5 * h) : rowLabelX - 1;
    // (`flags` places the columns whose labels were not found)
    const addlCx = header.addl ? centerX(header.addl) : flags!.addlCx;
    const subrCx = header.subr ? centerX(header.subr) : flags!.subrCx;
    const flagHalf = 1.6 * h;
    const addlX0 = Math.min(typeX1, addlCx - flagHalf);
    const split = (addlCx + subrCx) / 2;
    const subrX1 = subrCx + flagHalf;
    const effX0 = Math.min(eff.x, headerBlockLeft(this.lines, eff)) - 0.5 * h;
    // (a header line OCR ran across both columns, '(MM/DD/YYYY) (MM/DD/YYYY)', widens neither past the other's label)
    const effRight = Math.max(eff.right, Math.min(headerBlockRight(this.lines, eff), exp.x - 0.5 * h));
    const expLeft = Math.min(exp.x, Math.max(headerBlockLeft(this.lines, exp), eff.right + 0.5 * h));
    const expX0 = (effRight + expLeft) / 2;
    const limitsX0 = Math.min(...limitLabels.map((l) => l.x), Math.max(exp.right, headerBlockRight(this.lines, exp)) + 0.5 * h) - 1;
    // the amounts start at the '$' of the limit lines, else after the longest printed limit label
    const dollars = this.lines.flatMap((l) => l.words).filter((w) => this.isDollar(w) && w.x > limitsX0 && w.y > y0 && w.y < y1).map((w) => w.x);
    const amountX0 = dollars.length >= 3 ? median(dollars) - 0.5 : Math.max(...limitLabels.map((l) => l.right), limitsX0 + 60) + 0.5;
    return {
      ltr: { x0: 0, x1: typeX0 },
      type: { x0: typeX0, x1: addlX0 },
      addl: { x0: addlX0, x1: split },
      subr: { x0: split, x1: subrX1 },
      number: { x0: subrX1, x1: effX0 },
      eff: { x0: effX0, x1: expX0 },
      exp: { x0: expX0, x1: limitsX0 },
      limitLabel: { x0: limitsX0, x1: amountX0 },
      amount: { x0: amountX0, x1: this.page.width },
    };
  }

  /** The bottom of a row's last limit line as its limit labels found place it (the lowest label's bottom, or -Infinity). */
  private lastLimitLine(row: Row, limits: { row: Row; key: string; hit: LabelHit }[], pitch: number | null): number {
    const mine = limits.filter((l) => l.row === row);
    if (mine.length === 0) return -Infinity;
    const order = LIMIT_ORDER[row];
    const lowest = mine.reduce((a, b) => (order.indexOf(b.key) > order.indexOf(a.key) ? b : a));
    const steps = order.length - 1 - order.indexOf(lowest.key);
    if (steps === 0 || pitch === null) return lowest.hit.bottom;
    return limitLabelSlot(this.lines, lowest.hit) + steps * pitch + lowest.hit.height / 2;
  }

  /** The '$' printed before each limit, as the text layer has it, or as OCR reads it ('s', 'Ss', '§', "I's"). */
  private isDollar(w: Word): boolean {
    return w.text === '$' || (this.ctx.method !== 'text' && OCR_DOLLAR.test(w.text));
  }

  /** The policies of one row band. */
  private bandPolicies(
    row: Row | 'other',
    cells: (col: Column) => Segment[],
    boxes: Set<Checkbox>,
    limitLabels: { row: Row; key: string; hit: LabelHit }[],
    pitch: number | null,
    band: { y0: number; y1: number; name?: number },
  ): BandPolicy[] {
    const where = row.replace(/_/g, ' ');
    // (on OCR pages a mark left of a rule or box, '+' or '|', is no policy number: one needs two letters or digits)
    const numbers = joinSplitNumbers(
      cells('number')
        .filter((c) => this.ctx.method === 'text' || (c.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2)
        .sort(byY),
      this.ctx.method,
    );
    const effs = cells('eff').sort(byY);
    const exps = cells('exp').sort(byY);
    const amounts = cells('amount').sort(byY);
    // limits: each amount to the nearest printed limit label of the row ('other': the labels typed in the row)
    const rowLimits: { key: string; amount: number; words: Word[]; y: number }[] = [];
    if (row === 'other') {
      const labels = cells('limitLabel').sort(byY);
      for (const a of amounts) {
        const n = this.limitOf(a);
        if (n === null) continue;
        const label = nearestByY(labels, centerY(a), 1.0 * a.height);
        const key = limitLabelKey(label?.text);
        if (key === null) {
          this.warnings.push(`other row: amount ${n} has no label; left out`);
          continue;
        }
        rowLimits.push({ key, amount: n, words: a.words, y: centerY(a) });
      }
    } else {
      const mine = limitLabels.filter((l) => l.row === row && centerY(l.hit) >= band.y0 - 2 && centerY(l.hit) < band.y1 + 2);
      // each amount to its nearest label, the closest pairs first (an amount OCR placed a little above its own label
      // is still nearer to it than the next label is, though it may be nearer to that label than that label's own
      // amount is to it)
      const taken = new Set<string>();
      const pairs: { a: Segment; n: number; key: string; d: number }[] = [];
      for (const a of amounts) {
        const n = this.limitOf(a);
        if (n === null) {
          if (/\d/.test(a.text)) this.warnings.push(`${where}: limit "${a.text}" is not an amount; left out`);
          continue;
        }
        // a lone digit or two in an OCR'd amounts column is the limit line's '$' read with the digits whitelist
        if (this.ctx.method !== 'text' && n < 100) continue;
        // (no further than half the distance between limit lines, where OCR pages give it: an amount whose own
        // label was lost is on the next line, not this label's)
        const within = Math.min(1.2 * a.height + 2, pitch !== null ? 0.5 * pitch : Infinity);
        for (const l of mine) {
          const d = Math.abs(limitLabelSlot(this.lines, l.hit) - centerY(a));
          if (d <= within) pairs.push({ a, n, key: l.key, d });
        }
      }
      const placed = new Set<Segment>();
      for (const p of pairs.sort((x, y) => x.d - y.d)) {
        if (placed.has(p.a) || taken.has(p.key)) continue;
        placed.add(p.a);
        taken.add(p.key);
        rowLimits.push({ key: p.key, amount: p.n, words: p.a.words, y: centerY(p.a) });
      }
      if (this.ctx.method !== 'text') {
        // (the row's labels read place its lines too, those whose amounts are blank included: the only amount of an
        // auto row, its combined single limit, is placed by the BODILY INJURY labels under it when its own is garbled)
        const placedLines = [...rowLimits, ...mine.map((l) => ({ key: l.key, y: limitLabelSlot(this.lines, l.hit) }))];
        // (the WC row's name is level with its PER STATUTE line, the line above E.L. EACH ACCIDENT: with every E.L.
        // label lost, it places them)
        if (row === 'workers_compensation' && placedLines.length === 0 && band.name !== undefined && pitch !== null) {
          placedLines.push({ key: PER_STATUTE_LINE, y: band.name });
        }
        for (const a of amounts) {
          if (placed.has(a)) continue;
          const n = this.limitOf(a);
          if (n === null || n < 100) continue;
          // (no label read near it: an amount on the band's first line, above every label read, is on the row's first
          // limit line, which the form prints level with the row's name: EACH OCCURRENCE, COMBINED SINGLE LIMIT; the
          // WC row's first line is its PER STATUTE box)
          const first = pitch !== null && row !== 'workers_compensation' && centerY(a) - band.y0 < 0.8 * pitch && placedLines.every((l) => l.y > centerY(a) + 0.5 * pitch) ? LIMIT_ORDER[row][0]! : null;
          const key = limitByLine(row, centerY(a), placedLines, pitch) ?? first;
          if (key === null || taken.has(key)) continue;
          placed.add(a);
          taken.add(key);
          rowLimits.push({ key, amount: n, words: a.words, y: centerY(a) });
          this.warnings.push(`${where}: the label of limit ${n} was not legible; taken for ${key.replace(/_/g, ' ')} by its line`);
        }
      }
      rowLimits.sort((x, y) => x.y - y.y);
      if (row === 'umbrella_excess') {
        // RETENTION $ amount is printed in the TYPE column right of its label
        // (OCR reads its '$' as S: 'retentionS'; and boxes the amount a little higher than the label, with the X of the
        // box before it, so the amount is looked for up to two label heights above the label's middle)
        // (on OCR anywhere in its segment: marks of the DED box before it are read as words, 'OED XX" RETENTIONS'; and
        // up to a line below the band, the last line of the row: the next row's label, boxed by OCR with a rule's
        // piece above it, starts the next band too high)
        const ret = this.label(['RETENTION $', 'RETENTION', 'RETENTIONS'], this.ctx.method === 'text' ? {} : { anywhere: true }).find(
          (h) => centerY(h) >= band.y0 && centerY(h) < band.y1 + (this.ctx.method === 'text' ? 0 : h.height),
        );
        if (ret) {
          const dollars = new Set(this.lines.flatMap((l) => l.words).filter((w) => w.text === '$'));
          const up = this.ctx.method === 'text' ? 1 : 2;
          // (on OCR pages a speck right of the label read as a digit, '3', is no retention: a retention is $100 or more;
          // nor does one nearer the label's line, '0' under it, keep the amount beside the label from being taken)
          const least = this.ctx.method === 'text' ? 1 : 100;
          // (the nearest to the label's line: the region reaches up to the policy number's line, and a mark of the
          // RETENTION box read into the label makes it taller)
          // (on OCR, an amount the strip read as none, '10,00' where the strip's edge cut a typed '$10,000' short, is its
          // whole-page reading)
          const amountOf = (s: Segment) => this.limit(s.text) ?? (this.ctx.method === 'text' ? null : this.readingLimit(s));
          const seg = nearestByY(
            this.segmentsIn({ x0: ret.right + 0.1, x1: ret.right + 25 * ret.height, y0: centerY(ret) - up * ret.height, y1: centerY(ret) + ret.height }, dollars).filter((s) => (amountOf(s) ?? -1) >= least),
            centerY(ret),
            Infinity,
          );
          const amount = seg ? amountOf(seg) : ret.rest ? amountOf(ret.rest) : null;
          if (amount !== null && amount >= least) rowLimits.push({ key: 'retention', amount, words: (seg ?? ret.rest)!.words, y: centerY(ret) });
        } else if (this.ctx.method !== 'text') {
          // the label too garbled to find ('rerenmons'): the row's last line prints only DED and RETENTION in the TYPE
          // column, so an amount there, in the lower third of the row's band, is the retention
          const third = band.y0 + (2 * (band.y1 - band.y0)) / 3;
          // (the garbled label and the amount after its '$' may be one segment, 'Retenmons $25,000', or after its '$'
          // lost, 'revenmions 10.000', the words before it holding no digit: its last word then)
          const amountOf = (c: Segment) => {
            const last = c.words[c.words.length - 1]!;
            return c.words.length > 1 && /^\$?[\d,.]+$/.test(last.text) && !c.words.slice(0, -1).some((w) => /\d/.test(w.text)) ? segmentOf([last]) : c;
          };
          const amounts = cells('type')
            .map(amountOf)
            .filter((c) => centerY(c) >= third && /^[$sS]?\s*[\d,.]+$/.test(c.text.trim()) && (this.limit(c.text) ?? 0) >= 100);
          const last = amounts.sort(byY)[amounts.length - 1];
          if (last) {
            rowLimits.push({ key: 'retention', amount: this.limit(last.text)!, words: last.words, y: centerY(last) });
            this.warnings.push(`${where}: the RETENTION label was not legible; ${this.limit(last.text)} on its line taken for the retention`);
          }
        }
      }
    }
    // (on OCR a speck read as a digit, '1', is no date: a date has four digits at least)
    const dateDigits = this.ctx.method === 'text' ? 1 : 4;
    // (nor is a cell read '024' one whose other reading is a date: '9/7/2024')
    const isDate = (t: string) => normalizeDate(t) !== null || (t.match(/\d/g) ?? []).length >= dateDigits;
    const dated = (segs: Segment[]) => segs.filter((s) => isDate(s.text) || otherReadings(s).some(isDate));
    const effDates = dated(effs);
    const expDates = dated(exps);
    // (of a lone policy's several date segments, the one read as a date, else as digits enough, nearest its policy
    // number: a speck read '1' above the date, given the date's reading of the whole-page pass, is none)
    const dateRank = (s: Segment) => (normalizeDate(s.text) !== null ? 0 : isDate(s.text) ? 1 : 2);
    if (numbers.length === 0 && effDates.length === 0 && expDates.length === 0 && rowLimits.length === 0) return [];

    const anchors = numbers.length > 0 ? numbers : effDates.length > 0 ? effDates : expDates.length > 0 ? expDates : [segmentOf(rowLimits[0]!.words)];
    const count = anchors.length;
    const pickFor = (segs: Segment[], i: number, rank?: (s: Segment) => number): Segment | null => {
      if (segs.length === 0) return null;
      if (segs.length === count) return segs[i]!;
      if (count === 1) {
        if (!rank || this.ctx.method === 'text') return segs[0]!;
        const best = Math.min(...segs.map(rank));
        return nearestByY(segs.filter((s) => rank(s) === best), centerY(anchors[0]!), Infinity);
      }
      return nearestByY(segs, centerY(anchors[i]!), Infinity);
    };
    // (on OCR pages, rule remnants in the letter column ('Il', '|') give way to a letter read there, and specks beside
    // the flag columns' strips, 't', to flags read there)
    const readCells = (col: 'ltr' | 'addl' | 'subr', read: (text: string) => unknown) => {
      const all = cells(col).sort(byY);
      const readable = all.filter((c) => read(c.text) !== null);
      return this.ctx.method !== 'text' && readable.length > 0 ? readable : all;
    };
    // (and a remnant of the column's left rule read in one cell with the letter, 'II A', is no part of it; and a lone
    // '8' there is a B: the column holds no digit, and tesseract reads a scan's B so now and then, as it reads an 8
    // as B)
    const letterIn = this.ctx.method === 'text' ? letterOf : (t: string) => letterOf(t.replace(RULE_REMNANT_BEFORE, '').replace(/^\s*8\s*$/, 'B'));
    const letters = readCells('ltr', letterIn);
    const addl = readCells('addl', (t) => this.flagOf(t));
    const subr = readCells('subr', (t) => this.flagOf(t));
    const types = row === 'other' ? cells('type').sort(byY) : [];

    const coverage: Coverage =
      row === 'umbrella_excess' ? (boxes.has('excess') && !boxes.has('umbrella') ? 'excess_liability' : 'umbrella_liability') : row;
    const basis = row === 'general_liability' || row === 'umbrella_excess' ? basisOf(boxes, where, this.warnings) : null;
    const details = detailsOf(row, boxes, this.proprietorExcluded(row, band));

    const out: { policy: PolicyFields; words: Record<string, Word[]> }[] = [];
    for (let i = 0; i < count; i++) {
      const anchorY = centerY(anchors[i]!);
      const nextY = i + 1 < count ? centerY(anchors[i + 1]!) : Infinity;
      const prevY = i > 0 ? centerY(anchors[i - 1]!) : -Infinity;
      const mineY = (y: number) => count === 1 || (y >= (prevY + anchorY) / 2 && y < (anchorY + nextY) / 2);
      const num = numbers[i] ?? null;
      const ltr = pickFor(letters, i);
      const eff = pickFor(effDates, i, dateRank);
      const exp = pickFor(expDates, i, dateRank);
      const ai = pickFor(addl, i);
      const sw = pickFor(subr, i);
      const letter = ltr ? letterIn(ltr.text) : null;
      if (ltr && letter === null) this.warnings.push(`${where}: "${ltr.text}" is not an insurer letter`);
      const flag = (seg: Segment | null, name: string) => {
        if (!seg) return false;
        const v = this.flagOf(seg.text);
        if (v === null) this.warnings.push(`${where}: ${name} "${seg.text}" is not Y or N; read as not marked`);
        return v === true;
      };
      const limitsOfPolicy = rowLimits.filter((l) => mineY(l.y));
      const limits: Record<string, number> = {};
      const words: Record<string, Word[]> = {};
      for (const l of limitsOfPolicy) {
        limits[l.key] = l.amount;
        words[`limits/${l.key}`] = l.words;
      }
      const description = row === 'other' ? cleanText(types.filter((t) => mineY(centerY(t))).map((t) => t.text).join(' ')) : null;
      const policy: PolicyFields = {
        coverage: row === 'other' ? 'other' : coverage,
        description,
        insurerLetter: letter,
        policyNumber: num ? (this.ctx.method === 'text' ? cleanText(num.text) : ocrPolicyNumber(num.text)) : null,
        ...this.dates(eff, exp, where),
        additionalInsured: row === 'workers_compensation' ? false : flag(ai, 'ADDL INSD'),
        subrogationWaived: flag(sw, 'SUBR WVD'),
        basis: row === 'other' ? null : basis,
        limits,
        details: row === 'other' ? {} : { ...details },
      };
      if (num) words.policyNumber = num.words;
      if (eff) words.effectiveDate = eff.words;
      if (exp) words.expirationDate = exp.words;
      if (ltr && letter) words.insurerLetter = ltr.words;
      const undated = this.ctx.method !== 'text' && eff && exp && (policy.effectiveDate === null || policy.expirationDate === null);
      out.push({ policy, words, ...(undated ? { undated: { eff, exp, where } } : {}) });
    }
    return out;
  }

  /**
   * An amount cell's limit: its text's, or on OCR where that is no amount (',000,000': a first digit blanked with the
   * '$' printed close before it), or one opening with a 0 ('000,000': tesseract dropped a thin first 1), its other
   * reading's ('$1,000,000', the whole-page pass's).
   */
  private limitOf(seg: Segment): number | null {
    const n = this.limit(seg.text);
    if (this.ctx.method === 'text') return n;
    if (n !== null && !/^[^\d]*0/.test(seg.text)) return this.limitByInk(seg, n);
    return this.readingLimit(seg) ?? n;
  }

  /** The limit of an amount cell's first other reading (OCR: the whole-page pass's) that is one of $100 or more. */
  private readingLimit(seg: Segment): number | null {
    return otherReadings(seg).map((t) => this.limit(t)).find((v) => v !== null && v >= 100) ?? null;
  }

  /**
   * A round limit OCR read with a zero too few or too many ('100000' for 1000000, two zeros that touch read as one;
   * '10060000', one read as two): its glyphs' ink (Word.inkWidth) spans a digit more, or less, than its digits printed
   * as the page prints its amounts, and as much as the limit with one zero more, or less. That limit it is (warned).
   */
  private limitByInk(seg: Segment, n: number): number {
    const print = this.amountPrint;
    const word = seg.words[0]!;
    if (print === null || seg.words.length !== 1 || word.inkWidth === undefined || seg.text !== word.text || !/^[\d,]+$/.test(word.text) || !/^[1-9]5?0+$/.test(String(n))) return n;
    const off = (v: number) => word.inkWidth! / print.digitWidth - printedUnits(v, print.grouped);
    if (Math.abs(off(n)) < INK_DIGIT_OFF) return n;
    const other = off(n) > 0 ? n * 10 : n / 10;
    if (other < 100 || Math.abs(off(other)) > INK_FITS) return n;
    this.warnings.push(`limit read "${word.text}" taken for ${other}: its digits' ink is as wide as ${printedAmount(other, print.grouped)}`);
    return other;
  }

  /** A limit amount; on OCR also one whose first thousands comma was lost ("1000 000", "2000,000", "1.000.000"). */
  private limit(text: string): number | null {
    if (this.ctx.method === 'text') return normalizeLimit(text);
    // the limit line's '$' as OCR glues it onto the amount, a word of its own ('is 100,000', "'s 2,000,000", 'js: 250,000'),
    // taken off first: '3 500,000' is no amount grouped by a space; and a '$' typed with the amount after the printed
    // one ("i's $1,000.000"), or a '$' read as two glyphs glued to it ('$S1.000,000')
    // (and a 0 read as the letter O in the digits: '$S1O00.000')
    const amount = text.replace(/[$§][sS]?(?=\d[\dOo,. ]*$)/, ' ').replace(OCR_DOLLAR_BEFORE, '').trim().replace(/^\d[\dOo,. ]*$/, (d) => d.replace(/[Oo]/g, '0'));
    const typedDollar = withoutTypedDollar(amount, this.dollarDigits);
    if (typedDollar !== null) return typedDollar;
    const n = normalizeLimit(amount) ?? ocrLimit(amount);
    const round = n === null ? null : roundLimit(n);
    if (round !== null && round !== n) this.warnings.push(`limit read ${n} taken for ${round}: a 6, 8 or 9 among its zeros is a misread 0`);
    return round ?? n;
  }

  /**
   * A row's effective and expiration dates. On OCR, a date whose slashes were lost or misread ('1221/2024') is read
   * by ocrDates only as the row confirms it: the two dates fall on the same month and day (policies run a year, or
   * years), the expiration after the effective date, and the pair needing the fewest slips is the only one so cheap.
   * A repair the row does not confirm is no date.
   */
  private dates(eff: Segment | null, exp: Segment | null, where: string): { effectiveDate: string | null; expirationDate: string | null } {
    const text = (seg: Segment | null) => dateCellText(seg, this.ctx.method);
    // OCR set both of a row's dates in the effective column, as two words ('10/26/2023 10/2642024'): one each
    if (this.ctx.method !== 'text' && eff && !exp && eff.words.length === 2 && eff.words.every((w) => /\/.*\d{2}$/.test(w.text)) && normalizeDate(text(eff)) === null) {
      [eff, exp] = [segmentOf([eff.words[0]!]), segmentOf([eff.words[1]!])];
    }
    let effectiveDate = eff ? normalizeDate(text(eff)) : null;
    let expirationDate = exp ? normalizeDate(text(exp)) : null;
    if (this.ctx.method !== 'text' && (effectiveDate === null || expirationDate === null)) {
      // OCR runs a row's two dates together ('04/24/202404/24/2025'), into one column or across both: the first date
      // of the row is the effective one, the last the expiration
      const found = [eff, exp].map((seg) => text(seg).match(/\d{1,2}\/\d{1,2}\/\d{4}/g) ?? []);
      const all = found.flat().map(normalizeDate).filter((d): d is string => d !== null);
      if (found.some((dates) => dates.length >= 2) && all.length >= 2 && all[0]! < all[all.length - 1]!) {
        effectiveDate ??= all[0]!;
        expirationDate ??= all[all.length - 1]!;
      }
    }
    if (this.ctx.method !== 'text' && eff && exp && (effectiveDate === null || expirationDate === null)) {
      // (a date cell OCR read twice offers both readings: the one a plain date, or the row confirms, is taken)
      // (a plain date in a year no policy can have yet, '8/25/73' beside '8/75/24', offers its repairs too)
      // (and a plain date's cell read twice offers its other plain reading too, a slip dearer: '7/23/2025' beside
      // '2/23/2025', where the effective date read '7737074' or '2/23/2024')
      const options = (seg: Segment, plain: string | null) => {
        if (plain !== null && yearOf(plain) <= this.latestPolicyYear) {
          const others = otherReadings(seg).map((t) => normalizeDate(t.replace(/\s+/g, ''))).filter((d): d is string => d !== null && d !== plain && yearOf(d) <= this.latestPolicyYear);
          return [{ iso: plain, cost: 0 }, ...[...new Set(others)].map((iso) => ({ iso, cost: 1 }))];
        }
        const readings = otherReadings(seg);
        // (a date whose digits, printed as the page prints its dates, the reading does not show, one slip dearer:
        // '031112025' is 03/11/2025 with a slash read as 1 and one lost, not 03/01/2025 with both read as 1, where the
        // page prints '03/11/2024': 03/01/2025 would show '0301')
        const print = this.datePrint;
        const unshown = (t: string, iso: string) => (print && !showsDate(t, iso, print) ? 1 : 0);
        return [text(seg), ...readings]
          .flatMap((t) => (plain === null ? dateReadings(t) : ocrDates(t)).map((o) => ({ iso: o.iso, cost: o.cost + unshown(t, o.iso) })))
          .filter((o) => yearOf(o.iso) <= this.latestPolicyYear);
      };
      // (and a date other rows read, a digit OCR confuses from a cell's reading, one slip dearer: '632024' beside
      // '67872023' is 6/3/2024 to 6/8/2023, where the other rows read 6/8/2023 to 6/8/2024, an 8 read as 3)
      const others = new Set(this.otherRowsDates(eff, exp));
      const withOthers = (found: { iso: string; cost: number }[]) => [
        ...found,
        ...found.flatMap((o) => digitSlips(o.iso).filter((d) => others.has(d)).map((iso) => ({ iso, cost: o.cost + 1 }))),
      ];
      const cheapest = new Map<string, { e: string; x: string; cost: number }>();
      const expOptions = withOthers(options(exp, expirationDate));
      for (const e of withOthers(options(eff, effectiveDate))) {
        for (const x of expOptions) {
          const key = `${e.iso} ${x.iso}`;
          const whole = e.iso.slice(5) === x.iso.slice(5) && x.iso > e.iso && yearOf(x.iso) - yearOf(e.iso) <= MAX_TERM_YEARS;
          if (whole && (cheapest.get(key)?.cost ?? Infinity) > e.cost + x.cost) cheapest.set(key, { e: e.iso, x: x.iso, cost: e.cost + x.cost });
        }
      }
      const pairs = [...cheapest.values()].sort((a, b) => a.cost - b.cost);
      const tied = pairs.filter((p) => p.cost === pairs[0]?.cost);
      const confirmed = tied.filter((p) => others.has(p.e) && others.has(p.x));
      // (else by the cells' readings: the pair more of them give, two slips at most, '31724' and '3117724' both
      // 3/17/24 where only the first is 3/1/24 too)
      const support = (seg: Segment, iso: string) => [text(seg), ...otherReadings(seg)].filter((t) => dateReadings(t).some((o) => o.iso === iso && o.cost <= READING_SLIPS)).length;
      const votes = tied.map((p) => support(eff, p.e) + support(exp, p.x));
      const most = tied.filter((_, i) => votes[i] === Math.max(...votes));
      // (of several, the one pair whose printed widths the cells' ink has, by how the page prints its other dates:
      // '31126' and '3126' 24 pt wide, as wide as the '5/10/26' read '5/1026' two rows down, are 3/11/26, not 3/1/26)
      const fitting = tied.length > 1 && this.datePrint ? fitsPrint(tied, eff, exp, this.datePrint) : null;
      // (where neither cell read as a date, the one pair of another row's term a slip dearer than the cheapest wins
      // over it: a WC row's '037112024' and '031122025' are 03/01/2024 to 03/01/2025 at two slips, reading slashes as
      // 1s, and 03/11/2024 to 03/11/2025 at three, where the other rows read 03/11/2024 to 03/11/2025)
      const garbled = effectiveDate === null && expirationDate === null;
      const nearTerm = garbled && pairs.length > 0 ? pairs.filter((p) => p.cost <= pairs[0]!.cost + 1 && others.has(p.e) && others.has(p.x)) : [];
      if (nearTerm.length === 1 && !tied.includes(nearTerm[0]!)) {
        [effectiveDate, expirationDate] = [nearTerm[0]!.e, nearTerm[0]!.x];
        this.warnings.push(`${where}: dates "${text(eff)}" and "${text(exp)}" read as ${effectiveDate} to ${expirationDate}, another row's term, a slip from the cheapest reading`);
      } else if (tied.length === 1) [effectiveDate, expirationDate] = [tied[0]!.e, tied[0]!.x];
      else if (fitting) {
        [effectiveDate, expirationDate] = [fitting.e, fitting.x];
        this.warnings.push(`${where}: dates "${text(eff)}" and "${text(exp)}" read as ${effectiveDate} to ${expirationDate}, the term whose printed width the cells have`);
      } else if (confirmed.length === 1) {
        [effectiveDate, expirationDate] = [confirmed[0]!.e, confirmed[0]!.x];
        this.warnings.push(`${where}: dates "${text(eff)}" and "${text(exp)}" read as ${effectiveDate} to ${expirationDate}, the term of another row`);
      } else if (most.length === 1) {
        [effectiveDate, expirationDate] = [most[0]!.e, most[0]!.x];
        this.warnings.push(`${where}: dates "${text(eff)}" and "${text(exp)}" read as ${effectiveDate} to ${expirationDate}, the term most readings of the cells give`);
      } else {
        // (else the one pair a year apart: a policy seldom runs longer, '2232028' beside '2232025', a 5 read as 8)
        const year = most.filter((p) => yearOf(p.x) - yearOf(p.e) === 1);
        if (year.length === 1) {
          [effectiveDate, expirationDate] = [year[0]!.e, year[0]!.x];
          this.warnings.push(`${where}: dates "${text(eff)}" and "${text(exp)}" read as ${effectiveDate} to ${expirationDate}, the one term of a year their readings give`);
        }
      }
    }
    if (this.ctx.method !== 'text' && eff && exp && effectiveDate !== null && expirationDate !== null && effectiveDate.slice(5) !== expirationDate.slice(5)) {
      // two dates read, no whole year apart ('06/19/2025' to '05/19/2026'): where a cell was read twice and its other
      // reading, a date too, makes the only pair on one month and day, that reading is taken (each pass misreads a
      // digit now and then, the same digit seldom); so is the cell's text without a stroke read as 1 before it ('11/6/2025'
      // beside '1/6/2026': the column's rule, or a speck, read before the date)
      const withoutStroke = (t: string) => (STROKE_BEFORE_DATE.test(t) ? [t.slice(1)] : []);
      const readings = (seg: Segment, iso: string) => [
        iso,
        ...[...otherReadings(seg), ...withoutStroke(text(seg).replace(/\s+/g, ''))].map((t) => normalizeDate(t.replace(/\s+/g, ''))).filter((d): d is string => d !== null),
      ];
      const whole = new Map<string, [string, string]>();
      for (const e of readings(eff, effectiveDate)) for (const x of readings(exp, expirationDate)) if (e.slice(5) === x.slice(5) && x > e) whole.set(`${e} ${x}`, [e, x]);
      if (whole.size === 1) {
        const [e, x] = [...whole.values()][0]!;
        this.warnings.push(`${where}: dates "${text(eff)}" and "${text(exp)}" are no whole year apart; another reading of the cells, or one without a stroke read as 1 before it, gives ${e} to ${x}`);
        [effectiveDate, expirationDate] = [e, x];
      }
    }
    // (both dates one day, each read surely: a certificate that prints its expiration as its effective date, which is
    // left as printed for the review to see; a misread year digit is seldom read surely)
    const sameDaySurely = this.ctx.method !== 'text' && effectiveDate !== null && effectiveDate === expirationDate && Math.min(eff?.confidence ?? 0, exp?.confidence ?? 0) >= SAME_DAY_SURE;
    if (sameDaySurely) this.warnings.push(`${where}: dates read ${effectiveDate} to ${expirationDate}, one day, both surely: left as printed`);
    if (this.ctx.method !== 'text' && effectiveDate !== null && expirationDate !== null && !sameDaySurely) {
      const mended = mendPolicyYears(effectiveDate, expirationDate, eff?.confidence ?? 1, exp?.confidence ?? 1, this.latestPolicyYear);
      if (mended) {
        this.warnings.push(`${where}: dates read ${effectiveDate} to ${expirationDate}, an expiration before the effective date; one year digit taken for misread: ${mended[0]} to ${mended[1]}`);
        [effectiveDate, expirationDate] = mended;
      }
    }
    if (this.ctx.method !== 'text') {
      const mended = plausiblePolicyDates(effectiveDate, expirationDate, eff ? otherReadings(eff) : [], exp ? otherReadings(exp) : [], this.certificateYear, this.latestPolicyYear);
      if (mended) {
        this.warnings.push(`${where}: dates read ${effectiveDate ?? 'none'} to ${expirationDate ?? 'none'}, a year no policy on a certificate of ${this.certificateYear ?? 'this century'} has; taken for ${mended[0] ?? 'none'} to ${mended[1] ?? 'none'}, the nearest reading that is one`);
        [effectiveDate, expirationDate] = mended;
      }
    }
    if (this.ctx.method !== 'text' && eff && exp && effectiveDate !== null && expirationDate !== null) {
      const term = otherRowsTerm(effectiveDate, expirationDate, this.otherRowsDates(eff, exp));
      if (term) {
        this.warnings.push(`${where}: dates read ${effectiveDate} to ${expirationDate}, no one-year term; taken for ${term[0]} to ${term[1]}, another row's term, digits OCR confuses away`);
        [effectiveDate, expirationDate] = term;
      }
    }
    if (this.ctx.method !== 'text' && eff && exp && (effectiveDate === null) !== (expirationDate === null)) {
      // one cell read as no date ('9/76/75', a serif 2 read as 7 twice) beside one read plainly: another row's term
      // whose other date is the plain one, the unread cell's digits at most TERM_SLIPS confused digits from it
      const others = this.otherRowsDates(eff, exp);
      const e = effectiveDate ?? looseIso(text(eff));
      const x = expirationDate ?? looseIso(text(exp));
      const term = e !== null && x !== null ? otherRowsTerm(e, x, others) : null;
      if (term && (effectiveDate === null ? term[1] === expirationDate : term[0] === effectiveDate)) {
        this.warnings.push(`${where}: dates "${text(eff)}" and "${text(exp)}" taken for ${term[0]} to ${term[1]}, another row's term, digits OCR confuses away`);
        [effectiveDate, expirationDate] = term;
      }
    }
    for (const [seg, iso, name] of [[eff, effectiveDate, 'effective'], [exp, expirationDate, 'expiration']] as const) {
      if (seg && iso === null && cleanText(seg.text) !== null && !/^MM\/DD\/YYYY$/i.test(seg.text.trim())) this.warnings.push(`${where} ${name} date: "${seg.text}" is not a date`);
    }
    // (a row's dates taken, each pair a term other rows garbled alike may be confirmed by: gridDates)
    if (this.ctx.method !== 'text' && eff && exp && effectiveDate !== null && expirationDate !== null) {
      this.gridDates.push({ iso: effectiveDate, y: centerY(eff) }, { iso: expirationDate, y: centerY(exp) });
    }
    return { effectiveDate, expirationDate };
  }

  /** The dates read in other rows than the one of cells `e` and `x`: more than a line away from them. */
  private otherRowsDates(e: Segment, x: Segment): string[] {
    return this.gridDates.filter((d) => Math.abs(d.y - centerY(e)) > e.height && Math.abs(d.y - centerY(x)) > x.height).map((d) => d.iso);
  }

  /**
   * Once every row is read (OCR): a row whose cells dates() left without a date or two takes the term of another row,
   * one read after it too, that each cell's readings (each repair ocrDates finds, or the date taken) come within
   * TERM_SLIPS confused digits of, when only one term does ('8212025' and '3212026' beside rows of 2025-08-21 to
   * 2026-08-21, an 8 read as 3). Warned, in place of the cells' "is not a date".
   */
  private lateTerm(policy: PolicyFields, eff: Segment, exp: Segment, where: string): void {
    const others = this.otherRowsDates(eff, exp);
    const options = (seg: Segment, iso: string | null) =>
      iso !== null ? [iso] : [...new Set([dateCellText(seg, this.ctx.method), ...otherReadings(seg)].flatMap((t) => dateReadings(t).map((o) => o.iso)))];
    const terms = new Map<string, [string, string]>();
    for (const e of options(eff, policy.effectiveDate)) {
      for (const x of options(exp, policy.expirationDate)) {
        const term = otherRowsTerm(e, x, others);
        if (term) terms.set(term.join(' '), term);
      }
    }
    if (terms.size !== 1) return;
    const [e, x] = [...terms.values()][0]!;
    const unread = new Set([`${where} effective date: "${eff.text}" is not a date`, `${where} expiration date: "${exp.text}" is not a date`]);
    for (let i = this.warnings.length - 1; i >= 0; i--) if (unread.has(this.warnings[i]!)) this.warnings.splice(i, 1);
    this.warnings.push(`${where}: dates "${dateCellText(eff, this.ctx.method)}" and "${dateCellText(exp, this.ctx.method)}" taken for ${e} to ${x}, another row's term, digits OCR confuses away`);
    policy.effectiveDate = e;
    policy.expirationDate = x;
  }

  /** The WC row's "ANY PROPRIETOR … EXCLUDED?" Y/N box, beside its 'Y / N' label. */
  private proprietorExcluded(row: Row | 'other', band: { y0: number; y1: number }): boolean | null {
    if (row !== 'workers_compensation') return null;
    const yn = this.label('Y / N').find((h) => centerY(h) >= band.y0 && centerY(h) < band.y1);
    if (!yn) return null;
    const h = yn.height;
    const seg = this.segmentsIn({ x0: yn.x - 2 * h, x1: yn.right + 2 * h, y0: yn.bottom, y1: yn.bottom + 4 * h }).find((s) => /^[YN]$/i.test(s.text.trim()));
    return seg ? normalizeFlag(seg.text) : null;
  }

  // ---- description of operations ----

  private readDescription(x: Extraction) {
    const header = this.label(['DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES']).find((h) => /LOCATION/i.test(h.line.words.map((w) => w.text).join(' ')));
    if (!header) return;
    const holder = printedLabels(this.label('CERTIFICATE HOLDER')).find((h) => h.y > header.bottom);
    const y1 = holder ? holder.y - 0.5 : this.page.height;
    const rows = this.lines.filter((l) => l.y > header.bottom - 0.2 * header.height && centerY(l) < y1 && l !== header.line);
    x.descriptionOfOperations = cleanMultiline(rows.map((l) => l.words.map((w) => w.text).join(' ')).join('\n'));
  }
}

// ---- helpers ----

/**
 * Of a label's hits, those printed as the form prints its box labels, in capitals ('CERTIFICATE HOLDER'), where any
 * is: the same words in a description of operations ('waiver of subrogation in favor of the certificate holder',
 * '30 days notice of cancellation') are no label. All of them where none is (a form of a carrier's own).
 */
export function printedLabels(hits: LabelHit[]): LabelHit[] {
  const capitals = hits.filter((h) => !/\p{Ll}/u.test(h.text));
  return capitals.length > 0 ? capitals : hits;
}

const byY = (a: Segment, b: Segment) => centerY(a) - centerY(b) || a.x - b.x;

function colOf(cols: Record<Column, { x0: number; x1: number }>, cx: number): Column | null {
  for (const [name, c] of Object.entries(cols) as [Column, { x0: number; x1: number }][]) if (cx >= c.x0 && cx < c.x1) return name;
  return null;
}

function nearestByY(segs: Segment[], y: number, within: number): Segment | null {
  let best: Segment | null = null;
  for (const s of segs) {
    const d = Math.abs(centerY(s) - y);
    if (d <= within && (!best || d < Math.abs(centerY(best) - y))) best = s;
  }
  return best;
}

const INSURER_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Letters whose small and capital forms differ only in size, which OCR of a lone word cannot tell apart. */
const SIZE_ONLY_CASE = /^[cosuvwxzp]+$/;

/**
 * A policy number as OCR read it: a part in small letters that differ from capitals only in size ('cup 6254097-26')
 * is the capitals printed (policy numbers are printed in capitals); so is such a part with its last letter read a
 * second time as a capital ('wcC-888888' for WC-888888).
 */
export function ocrPolicyNumber(text: string): string | null {
  const clean = cleanText(text);
  if (clean === null) return null;
  const once = clean.replace(/\b([a-z]+)([A-Z])(?=[\d-])/g, (part, small: string, capital: string) => (SIZE_ONLY_CASE.test(small) && small.at(-1)!.toUpperCase() === capital ? small : part));
  // (and a 5 read as '§', which no policy number holds)
  return once.replace(/\b[a-z]+\b/g, (part) => (SIZE_ONLY_CASE.test(part) ? part.toUpperCase() : part)).replace(/§/g, '5');
}

/**
 * A limit whose typed '$' OCR read as a 5 before it ('55,000' for '$5,000', '52,000,000' for '$2,000,000'), or null: a
 * limit of one significant digit after a 5 is that limit (limits of 5 and another digit, 5,500,000, print a comma
 * after the 5). With its commas lost too ('51000000'), a 5 and another digit then five zeros or more, which no limit
 * prints. `dollarDigits`: the digits taken for the '$' (a page whose amounts show a typed '$' read as 3 or 8 too).
 */
export function withoutTypedDollar(amount: string, dollarDigits = '5'): number | null {
  if (!/^\d/.test(amount) || !dollarDigits.includes(amount[0]!)) return null;
  const m = /^\d([1-9]0{0,2}(?:,000)+)$/.exec(amount) ?? /^\d([1-9]0{5,})$/.exec(amount);
  return m ? normalizeLimit(m[1]!) : null;
}

/** The '$' of a limit line as OCR reads it before the amount, as a word of its own. */
// (an s after any two marks that are no digits but a stroke's 1: '1S', '(S', 'os', ";'s"; a lone mark that is no
// digit, 'y' (of 'y s', its s dropped as the '$'); a 3, 5 or 8 only after a
// quote mark, or before a whole amount of thousands with no space in it, a stroke read as 1 before it or not: '5 000'
// and '5 500 000' are amounts printed with spaces for separators, '5 1,000,000', '3 500,000', '13 5,000,000' and
// '5 500000' are not; so are a 3, 5 or 8 after a bracket or with an s after it, before such an amount: '(3 2,000,000',
// '3s 100,000')
const OCR_DOLLAR_BEFORE = /^\s*(?:[^\s02-9]{0,2}[sS$§][:;.,_]?|[^\s\d]|["“”'‘’`]5|8S|[([{]?[1Il|]?[358][sS]?(?=\s+[1-9]\d{0,2}(?:[,.]?\d{3})+\s*$))\s+(?=\d)/;

/** The x where the limit lines' '$' is printed: the median of three or more read there, else null. */
function dollarColumn(dollars: Word[]): number | null {
  return dollars.length >= 3 ? median(dollars.map((w) => w.x)) : null;
}

/**
 * A policy number OCR split over two lines: its letters alone ('CPP', its box taller than the line with a rule's piece
 * above it) and, up to a line lower and right of them, its digits. One number, on OCR pages.
 */
function joinSplitNumbers(numbers: Segment[], method: LayoutContext['method']): Segment[] {
  if (method === 'text') return numbers;
  const out: Segment[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const a = numbers[i]!;
    const b = numbers[i + 1];
    const h = Math.min(a.height, b?.height ?? a.height);
    if (b && /^[A-Z]{1,4}$/.test(a.text) && /^\d/.test(b.text) && b.x > a.right && b.x - a.right < 3 * h && centerY(b) - centerY(a) < 1.5 * Math.max(a.height, b.height) && b.bottom - a.bottom < h) {
      out.push(segmentOf([...a.words, ...b.words]));
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * A row's dates as OCR read them with the expiration before the effective date, on the same month and day: one digit
 * of one year misread ('2028-02-10' to '2026-02-10', the 5 read as 8). The repair that makes the policy run one year
 * with a single digit changed; when both years could be the misread one, the one OCR was less sure of; null when
 * neither is.
 */
export function mendPolicyYears(effective: string, expiration: string, effectiveConfidence = 1, expirationConfidence = 1, latestYear = Infinity): [string, string] | null {
  if (effective.slice(4) !== expiration.slice(4) || expiration > effective) return null;
  const ey = Number(effective.slice(0, 4));
  const xy = Number(expiration.slice(0, 4));
  const oneDigit = (a: number, b: number) => [...String(a)].filter((c, i) => c !== String(b)[i]).length === 1;
  const options: [string, string][] = [];
  // (never into a year no policy can have yet: '2073' to '2024' is 2023 to 2024, not 2073 to 2074)
  if (oneDigit(ey, xy - 1)) options.push([`${xy - 1}${effective.slice(4)}`, expiration]);
  if (oneDigit(xy, ey + 1) && ey + 1 <= latestYear) options.push([effective, `${ey + 1}${expiration.slice(4)}`]);
  if (options.length === 2 && effectiveConfidence !== expirationConfidence) return options[effectiveConfidence < expirationConfidence ? 0 : 1]!;
  return options.length === 1 ? options[0]! : null;
}

/**
 * A NAIC code OCR read with the rule left of its column before it, as a 1 or a stroke ('137540', '|37540', ',11570'):
 * the five digits after it. Anything else as read.
 */
export function withoutRuleDigit(text: string): string {
  const m = /^\s*[1Il|!,.]\s*(\d{5})\s*$/.exec(text);
  return m ? m[1]! : text;
}

/** The fewest digits a reading of the certificate date's cell shows for a date it shows whole to be taken by them alone. */
const SHOWN_WHOLE_DIGITS = 5;

/** The most slips a certificate date read with no date in it may carry, its repair confirmed by the policies' term. */
const CERTIFICATE_DATE_SLIPS = 2;

/** A date cell's reading gives a date it is at most this many slips from (ocrDates' costs). */
const READING_SLIPS = 2;

/**
 * How sure OCR must be of both a row's dates, read as one day, for them to be taken as printed, not as a year digit
 * misread (mendPolicyYears).
 */
const SAME_DAY_SURE = 0.9;

/** A policy's term runs at most this many years; a row read as longer misread a year digit. */
const MAX_TERM_YEARS = 5;

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
/** A policy on a certificate runs within this many years of the certificate's date. */
const CERTIFICATE_YEARS = 6;
/** What a term that is no whole number of years costs, as dear as two slips: most policies run a year or years. */
const OTHER_DAY_COST = 2;

/**
 * A row's dates as OCR read them with a year no policy has ('7025', '2076' beside 2025 on a certificate of 2026: a
 * serif 2 read as 7), mended: of the readings of each cell (as read, the cell's other readings, and the dates one
 * confused digit away, each dearer than the last), the one pair, cheapest, whose years are plausible (this century,
 * within CERTIFICATE_YEARS of the certificate's year where it was read, none after `latestYear`) and whose term runs forwards for at most
 * MAX_TERM_YEARS, on the same month and day where one such pair is cheapest. Null when the row's dates are plausible,
 * or no single pair is.
 */
export function plausiblePolicyDates(
  effective: string | null,
  expiration: string | null,
  effectiveReadings: readonly string[],
  expirationReadings: readonly string[],
  certificateYear: number | null,
  latestYear = Infinity,
): [string | null, string | null] | null {
  const plausible = (iso: string | null) =>
    iso === null || (yearOf(iso) >= 2000 && yearOf(iso) < 2100 && yearOf(iso) <= latestYear && (certificateYear === null || Math.abs(yearOf(iso) - certificateYear) <= CERTIFICATE_YEARS));
  const term = (e: string | null, x: string | null) => e === null || x === null || (x > e && yearOf(x) - yearOf(e) <= MAX_TERM_YEARS);
  if (plausible(effective) && plausible(expiration) && term(effective, expiration)) return null;
  const options = (iso: string | null, readings: readonly string[]): { iso: string | null; cost: number }[] => {
    if (iso === null) return [{ iso, cost: 0 }];
    // (another reading is one slip, and as many more as it takes to read it as a date)
    const others = readings.flatMap((t) => dateReadings(t.replace(/\s+/g, '')).map((d) => ({ iso: d.iso, cost: 1 + d.cost })));
    return [{ iso, cost: 0 }, ...others, ...digitSlips(iso).map((d) => ({ iso: d, cost: 2 }))];
  };
  const pairs = new Map<string, { e: string | null; x: string | null; cost: number }>();
  for (const e of options(effective, effectiveReadings)) {
    for (const x of options(expiration, expirationReadings)) {
      if (!plausible(e.iso) || !plausible(x.iso) || !term(e.iso, x.iso)) continue;
      // (a term of whole years: a month and day read the same in both cells)
      const cost = e.cost + x.cost + (e.iso !== null && x.iso !== null && e.iso.slice(5) !== x.iso.slice(5) ? OTHER_DAY_COST : 0);
      const key = `${e.iso} ${x.iso}`;
      if ((pairs.get(key)?.cost ?? Infinity) > cost) pairs.set(key, { e: e.iso, x: x.iso, cost });
    }
  }
  const sorted = [...pairs.values()].sort((a, b) => a.cost - b.cost);
  if (sorted.length === 0 || sorted[1]?.cost === sorted[0]!.cost) return null;
  return [sorted[0]!.e, sorted[0]!.x];
}

/** The words that close a company's name with its legal form. */
const COMPANY_FORM = '(?:Inc|Incorporated|LLC|L\\.L\\.C|Co|Corp|Corporation|Company|Ltd|LP|LLP|PLLC|PC)';
/** A name line ending in its company's form word and running on into a street: [name, street]. */
const NAME_THEN_STREET = new RegExp(`^(.*\\b${COMPANY_FORM}\\.?),?\\s+(\\d.*)$`, 'iu');
/** A line beginning with the form word of the name above it, perhaps running on into a street: [form, street]. */
const FORM_THEN_STREET = new RegExp(`^(${COMPANY_FORM}\\.?)(?:,?\\s+(\\d.*))?$`, 'iu');
const ENDS_WITH_FORM = new RegExp(`\\b${COMPANY_FORM}\\.?$`, 'iu');

/**
 * Marks of three characters or less OCR read after a company's closing word ('Company oY', 'Company oo r'), none of
 * them a suffix of its own.
 */
const TRAILING_MARKS = /(\b(?:Co\.?|Company|Corp\.?|Corporation|Inc\.?|Ltd\.?|LLC|Insurance|Assurance|Mutual|Exchange|Association|Indemnity))(?:\s+(?!(?:Co|Inc|Ltd|LLC|LP|PLC|SA|SE|AG|NV)\.?(?:\s|$))(?:\S{1,3}|[^\p{L}\p{N}&\s]+))+$/u;

/**
 * A company name's closing suffix as OCR slips on it: 'Inc.' run into the word before it ('Underwritersinc.'), or
 * read with an e for its c ('Ine', 'Ine.') or a g with its point ('Ing.'), none of them a word that closes a name; and
 * LLC after a comma read with an E, I or 1 for an L or a G for the C (', ELC'). Only after a comma, where a company's
 * form stands, is a three-letter word one slip from LLC taken for it, but for 'LLG', which is no word; 'LL.C' and
 * 'L.LC' are LLC, closing a name or before the rest of it ('LL.C DBA …').
 */
export function ocrCompanySuffix(name: string): string {
  // (and 'LL.C' or 'L.LC': a speck read as a period inside LLC, which is written LLC or L.L.C.)
  // (and 'LLG' closing a name with no comma before it: its two Ls read right, no word of its own)
  return specklessLlc(name.replace(/(\p{L}{4,})[Ii]nc\.$/u, '$1 Inc.').replace(/(\p{L}[.,]?\s+)(?:Ine\.?|Ing\.)$/u, '$1Inc.').replace(/(\p{L}\s+)LLG$/u, '$1LLC')).replace(/,\s*(?:[EI1][L1I]|[L1I][EI1]|LL)[CG]\.?$/u, (m) => (m.replace(/[,\s.]/g, '') === 'LLC' ? m : ', LLC'));
}

/**
 * Words of insurers' names OCR reads as another English word, one letter apart ('Specially' for Specialty, 'Casually'
 * for Casualty): an insurer's name has the first, never the second. Mended in the case they were read in.
 */
const INSURER_WORD_SLIPS = /\b(?:specia|casua)lly\b/giu;

/**
 * A limit OCR read with a 0 as 6, 8 or 9 ('1,000,006', '1,008,000', '506,000'; '5009', '2,999,900', '1,000,999': a
 * zero whose hairline top or foot the scan lost): limits are round, two significant digits at most. An amount of three
 * significant digits or more that its 6s and 8s after the first two digits, read as 0s, leave round is that round
 * amount; so is one whose digits after the first two are 0s and 9s, a 9 among them, with its 9s read as 0s, a second
 * digit 9 too (no limit is 5,900 or 1,990,000). Null when it is not such a misreading.
 */
export function roundLimit(n: number): number | null {
  const t = String(n);
  const significant = t.replace(/0+$/, '');
  if (significant.length < 3) return null;
  if (/^[09]*9[09]*$/.test(t.slice(2))) return Number(t[0]! + (t[1] === '9' ? '0' : t[1]!) + t.slice(2).replace(/9/g, '0'));
  const mended = t.slice(0, 2) + t.slice(2).replace(/[68]/g, '0');
  return mended.replace(/0+$/, '').length <= 2 ? Number(mended) : null;
}

/** An amount's width in digits, a comma counted as half a digit. */
const amountUnits = (t: string) => t.replace(/,/g, '').length + 0.5 * (t.length - t.replace(/,/g, '').length);

/** How far (digits) an amount's ink may be from its digits' width before a zero too few or too many is looked for. */
const INK_DIGIT_OFF = 0.75;
/** How close (digits) an amount's ink is to the width of the limit with one zero more or less, to be taken for it. */
const INK_FITS = 0.35;

type AmountPrint = { grouped: boolean; digitWidth: number };

/** A policy read from a band of the grid, the words of each value, and, on OCR, its date cells where it has no dates. */
type BandPolicy = { policy: PolicyFields; words: Record<string, Word[]>; undated?: { eff: Segment; exp: Segment; where: string } };

/** An amount as the page prints it: grouped by commas ('1,000,000') or not. */
const printedAmount = (n: number, grouped: boolean) => (grouped ? n.toLocaleString('en-US') : String(n));
const printedUnits = (n: number, grouped: boolean) => amountUnits(printedAmount(n, grouped));

/**
 * How OCR found the page's amounts printed, from those whose ink it measured (Word.inkWidth): grouped by commas when
 * most were read with them (a comma OCR lost is still printed), and the width of a digit at that printing, the median
 * over them; null with fewer than three.
 */
function amountPrint(words: Word[]): AmountPrint | null {
  const amounts = words.filter((w) => w.inkWidth !== undefined && /^[1-9][\d,]{3,}$/.test(w.text));
  const grouped = 2 * amounts.filter((w) => w.text.includes(',')).length > amounts.length;
  const per = amounts.map((w) => w.inkWidth! / printedUnits(Number(w.text.replace(/,/g, '')), grouped));
  return per.length >= 3 ? { grouped, digitWidth: median(per) } : null;
}

/**
 * The width of one digit in the amounts OCR read ('1,000,000'): the median over them, so that a box OCR stretched or a
 * digit too many does not move it; null with fewer than three.
 */
function amountDigitWidth(words: Word[]): number | null {
  const per = words.filter((w) => /^[1-9]\d{0,2}(?:,\d{3})+$/.test(w.text)).map((w) => w.width / amountUnits(w.text));
  return per.length >= 3 ? median(per) : null;
}

/**
 * An amount whose first digit OCR made up of what was left of the '$' ('3500,000' for '500,000'): its box is as wide
 * as the amount without that digit, not with it. That digit goes.
 */
export function withoutPhantomDigit(seg: Segment, digitWidth: number): Segment {
  const first = seg.words[0];
  // (what is left starts with a digit that begins an amount: '100,000' is no phantom 1 before '00,000', whatever the
  // widths, which a '$' OCR boxed with the other amounts but did not read stretches)
  if (!first || !/^[1358][1-9]/.test(first.text)) return seg;
  const rest = first.text.slice(1);
  if (normalizeLimit(rest) === null && ocrLimit(rest) === null) return seg;
  const off = (t: string) => Math.abs(first.width - digitWidth * amountUnits(t));
  if (!(off(rest) < off(first.text) && off(rest) < 0.5 * digitWidth)) return seg;
  return { ...seg, text: [rest, ...seg.words.slice(1).map((w) => w.text)].join(' ') };
}

/** The x where the amounts after the '$' begin: the median of three or more whole amounts read right of it, else null. */
function amountColumn(words: Word[], dollarX: number): number | null {
  // (amounts grouped by commas, or read without them: '1000000')
  const xs = words.filter((w) => /^[1-9](?:\d{0,2}(?:,\d{3})+|\d{3,})$/.test(w.text) && w.x > dollarX + 2).map((w) => w.x);
  return xs.length >= 3 ? median(xs) : null;
}

/**
 * An amount whose first character OCR read where the '$' is printed ('11,000,000' for '$1,000,000', the digits-only
 * pass reading the '$' as 1, 3 or 5): that character was the '$', and goes, when what is left is an amount. It stands
 * at the '$', or one character before where the other amounts begin (`amountX`), its second character there.
 */
export function withoutDollarDigit(seg: Segment, dollarX: number, amountX: number | null = null): Segment {
  const first = seg.words[0];
  if (!first) return seg;
  const charWidth = first.width / first.text.length;
  const atDollar = Math.abs(first.x - dollarX) <= Math.max(2, 0.4 * first.height);
  const oneBefore = amountX !== null && Math.abs(first.x + charWidth - amountX) < 0.6 * charWidth;
  if (!atDollar && !oneBefore) return seg;
  // (grouped by commas or not: '11,000,000', '1300000'; what is left opens with a digit 1 to 9: the 1 of '10,000' boxed
  // from where the '$' is printed is no '$')
  const m = /^[1358S$]([1-9]\d{0,2}(?:[,.]\d{3})+|[1-9]\d{2,})$/.exec(first.text);
  if (!m) return seg;
  return { ...seg, text: [m[1]!, ...seg.words.slice(1).map((w) => w.text)].join(' ') };
}

/** A date cell's text as a date: the date it is plainly (no slip), else the repairs ocrDates finds, by their slips. */
/** The one date a cell's text reads as: plainly (cost 0), or by the cheapest repair when no other is as cheap; else null. */
function soleDate(text: string): { iso: string; cost: number } | null {
  const plain = normalizeDate(text);
  if (plain !== null) return { iso: plain, cost: 0 };
  const options = ocrDates(text);
  return options.length > 0 && options[1]?.cost !== options[0]!.cost ? options[0]! : null;
}

/** How a page prints its dates (zero-padded month and day or not, a two- or four-digit year), and its width a character. */
type DatePrint = { padded: boolean; yearDigits: 2 | 4; pitch: number };

/** The ways a date is printed: each style's text for an ISO date. */
const DATE_STYLES: { padded: boolean; yearDigits: 2 | 4 }[] = [
  { padded: false, yearDigits: 2 },
  { padded: false, yearDigits: 4 },
  { padded: true, yearDigits: 2 },
  { padded: true, yearDigits: 4 },
];

/** An ISO date as a style prints it ('2026-03-11' → '3/11/26' unpadded with a two-digit year). */
function printedDate(iso: string, style: { padded: boolean; yearDigits: 2 | 4 }): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const part = (v: string) => (style.padded ? v : String(Number(v)));
  return `${part(m)}/${part(d)}/${style.yearDigits === 2 ? y.slice(2) : y}`;
}

/** A date style needs this many of the page's dates to tell it, and those dates agree on a character's width this well. */
const MIN_PRINT_SAMPLES = 2;
const PRINT_PITCH_SPREAD = 0.1;

/**
 * How the page prints its grid's dates, from the date words whose reading is one date (plainly or by a repair with no
 * rival as cheap) and whose digits are that date's in exactly one style (a slash lost or read as a digit leaves the
 * digits: '5/1026' is 5/10/26, unpadded with a two-digit year): the style most of them are in, at least
 * MIN_PRINT_SAMPLES, and the median width of its printed characters, when they agree within PRINT_PITCH_SPREAD. Null
 * when the words do not tell.
 */
export function datePrintOf(words: Word[]): DatePrint | null {
  const samples = new Map<number, number[]>();
  for (const w of words) {
    const iso = soleDate(w.text)?.iso;
    if (iso === undefined) continue;
    const digits = w.text.replace(/\D/g, '');
    const styles = DATE_STYLES.map((style, i) => [i, printedDate(iso, style)] as const).filter(([, t]) => t.replace(/\D/g, '') === digits);
    if (new Set(styles.map(([, t]) => t)).size !== 1) continue;
    for (const [i, t] of styles) samples.set(i, [...(samples.get(i) ?? []), w.width / t.length]);
  }
  const best = [...samples].sort((a, b) => b[1].length - a[1].length);
  if (!best[0] || best[0][1].length < MIN_PRINT_SAMPLES || best[1]?.[1].length === best[0][1].length) return null;
  const pitches = best[0][1].sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)]!;
  if (pitches[pitches.length - 1]! - pitches[0]! > 2 * PRINT_PITCH_SPREAD * pitch) return null;
  return { ...DATE_STYLES[best[0][0]]!, pitch };
}

/** A cell's ink fits a printed date within this share of a character, and no other pair's within this many characters. */
const PRINT_FIT = 0.4;
const PRINT_RIVAL = 0.8;

/**
 * Of a row's pairs of dates tied by their readings, the one whose printed widths, in the page's style (datePrintOf),
 * the two cells' ink has: each cell within PRINT_FIT of a character of its date's width, and every other pair off by
 * PRINT_RIVAL characters more; null when none fits so.
 */
export function fitsPrint<T extends { e: string; x: string }>(pairs: T[], eff: Segment, exp: Segment, print: DatePrint): T | null {
  const off = (seg: Segment, iso: string) => Math.abs(seg.right - seg.x - print.pitch * printedDate(iso, print).length) / print.pitch;
  const misfit = pairs.map((p) => ({ p, a: off(eff, p.e), b: off(exp, p.x) }));
  const fits = misfit.filter((m) => m.a <= PRINT_FIT && m.b <= PRINT_FIT);
  if (fits.length !== 1) return null;
  const [fit] = fits;
  return misfit.every((m) => m === fit || m.a + m.b >= fit!.a + fit!.b + PRINT_RIVAL) ? fit!.p : null;
}

/**
 * Whether a date cell's reading shows a date's digits as the page prints dates (`style`): they are the reading's
 * digits in order, others between them (a slash read as a digit, a stroke before), each as printed or as a digit OCR
 * takes it for (DATE_DIGIT_SLIPS: a 7 read as 1, a 2 as 7).
 */
export function showsDate(text: string, iso: string, style: { padded: boolean; yearDigits: 2 | 4 }): boolean {
  const read = text.replace(/\D/g, '');
  let at = 0;
  for (const d of printedDate(iso, style).replace(/\D/g, '')) {
    while (at < read.length && read[at] !== d && !(DATE_DIGIT_SLIPS[read[at]!] ?? '').includes(d)) at++;
    if (at++ >= read.length) return false;
  }
  return true;
}

function dateReadings(text: string): { iso: string; cost: number }[] {
  const iso = normalizeDate(text);
  return iso !== null ? [{ iso, cost: 0 }] : ocrDates(text);
}

/** A date cell's text opening with a piece of the column's rule, or a speck, read as a stroke ('102/21/2025'). */
const STROKE_BEFORE_DATE = /^[1Il|]\d{1,2}\//;

/** What OCR makes of a date's slash: itself, a digit or letter of like shape, a colon (a thin slash broken), or nothing. */
const DATE_SLASHES = ['/', '1', '7', 'I', 'l', '|', ':', ''];

/**
 * The dates a typed date may be, as OCR reads it with its slashes lost or read as a digit ('1221/2024', '12121/2024',
 * '21712023' for 2/7/2023, '1125126' for 11/25/26): every split into month, separator, day, separator and a four- or
 * two-digit year whose month and day are real. Each comes with its cost, the slips it needs: a slash read as itself
 * costs nothing, one lost or read as a digit costs one, and both read as the same digit cost one (one glyph, misread
 * alike). With `mistakes`, also one 7 read as 1 or 1 as 7, or 2 as 7 (DATE_DIGIT_SLIPS), one slip more. Cheapest first.
 */
/** The digits a date's digit as OCR read it may have been printed as (ocrDates' one slip). */
const DATE_DIGIT_SLIPS: Record<string, string> = { '7': '12', '1': '7' };

export function ocrDates(text: string, mistakes = true): { iso: string; cost: number }[] {
  const t = text.trim();
  if (!/^[\d/|Il:]+$/.test(t)) return [];
  const found = new Map<string, number>();
  for (const yearLength of [4, 2]) {
    const head = t.slice(0, -yearLength);
    const year = t.slice(-yearLength);
    if (!/^\d+$/.test(year) || head.length < 2 || head.length > 7) continue;
    for (const s2 of DATE_SLASHES) {
      if (!head.endsWith(s2)) continue;
      const md = head.slice(0, head.length - s2.length);
      for (let ml = 1; ml <= 2; ml++) {
        for (const s1 of DATE_SLASHES) {
          const month = md.slice(0, ml);
          if (md.slice(ml, ml + s1.length) !== s1) continue;
          const day = md.slice(ml + s1.length);
          if (!/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) continue;
          const iso = normalizeDate(`${month}/${day}/${year}`);
          // (a policy's dates lie within this century)
          if (iso === null || iso < '2000' || iso >= '2100') continue;
          const cost = s1 !== '/' && s1 !== '' && s1 === s2 ? 1 : (s1 === '/' ? 0 : 1) + (s2 === '/' ? 0 : 1);
          found.set(iso, Math.min(found.get(iso) ?? Infinity, cost));
        }
      }
    }
  }
  // a piece of the column's rule read before the date ('102/21/2025'): one slip more
  if (STROKE_BEFORE_DATE.test(t)) {
    for (const d of ocrDates(t.slice(1), false)) if (!found.has(d.iso)) found.set(d.iso, d.cost + 1);
  }
  // a 7 read as 1 or a 1 as 7 ('2121126' for 2/27/26, a bold slash-like 7 once its bar thins), or a 2 read as 7 (a
  // serif 2 whose foot stood on the cell's rule and went with it: '8/75/24' for 8/25/24): one slip more, once
  if (mistakes) {
    for (let i = 0; i < t.length; i++) {
      for (const swap of DATE_DIGIT_SLIPS[t[i]!] ?? '') {
        for (const d of ocrDates(t.slice(0, i) + swap + t.slice(i + 1), false)) if ((found.get(d.iso) ?? Infinity) > d.cost + 1) found.set(d.iso, d.cost + 1);
      }
    }
  }
  return [...found].map(([iso, cost]) => ({ iso, cost })).sort((a, b) => a.cost - b.cost);
}

/** Digits OCR takes for one another in type (each pair both ways). */
const CONFUSED_DIGITS: Record<string, string> = { '0': '689', '1': '47', '2': '7', '3': '58', '4': '1', '5': '3689', '6': '058', '7': '12', '8': '03569', '9': '058' };

/** The most digits OCR confused a row's two dates by, apart from another row's term, where that term is taken. */
const TERM_SLIPS = 2;

/**
 * A row's dates read as no term of one year ('2024-05-13' to '2028-05-13', the 5 read as 8; '2023-11-29' to
 * '2024-11-28'), taken for another row's term of one year: both its dates read elsewhere in the grid (`others`, the
 * other rows' dates), at most TERM_SLIPS confused digits (CONFUSED_DIGITS) from the row's, and the only such term.
 * A certificate's policies often share a term, and a policy seldom runs other than a year; a row read as a year
 * stays as read. Null when nothing is taken.
 */
export function otherRowsTerm(effective: string, expiration: string, others: readonly string[]): [string, string] | null {
  const oneYear = (e: string, x: string) => e.slice(5) === x.slice(5) && yearOf(x) - yearOf(e) === 1;
  if (oneYear(effective, expiration)) return null;
  const seen = new Set(others);
  // (each date with the dates a slip, and two, away, and how many)
  const near = (iso: string) => {
    const out = new Map<string, number>([[iso, 0]]);
    for (let slips = 1; slips <= TERM_SLIPS; slips++) for (const [d, n] of [...out]) if (n === slips - 1) for (const t of digitSlips(d)) if (!out.has(t)) out.set(t, slips);
    return out;
  };
  const terms = new Set<string>();
  for (const [e, a] of near(effective)) {
    if (!seen.has(e)) continue;
    for (const [x, b] of near(expiration)) if (a + b <= TERM_SLIPS && seen.has(x) && oneYear(e, x)) terms.add(`${e} ${x}`);
  }
  if (terms.size !== 1) return null;
  const [e, x] = [...terms][0]!.split(' ') as [string, string];
  return [e, x];
}

/** A date cell's text without spaces; on OCR, without what a rule's piece beside the cell was read as ('- 08/09/2025'). */
function dateCellText(seg: Segment | null, method: string): string {
  if (!seg) return '';
  return (method === 'text' ? seg.text : seg.text.replace(/^[-–—_|.,:;'‘’]+\s+|\s+[-–—_|.,:;'‘’]+$/g, '')).replace(/\s+/g, '');
}

/**
 * A cell's M/D/Y digits as an ISO date's, valid or not ('9/76/75' → '2075-09-76'), for counting the digits OCR
 * confused against a date read elsewhere (otherRowsTerm); null for text of another shape.
 */
export function looseIso(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  return `${m[3]!.length === 2 ? `20${m[3]}` : m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** The valid ISO dates one confused digit away from an ISO date (CONFUSED_DIGITS). */
export function digitSlips(iso: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < iso.length; i++) {
    for (const d of CONFUSED_DIGITS[iso[i]!] ?? '') {
      const t = iso.slice(0, i) + d + iso.slice(i + 1);
      if (normalizeDate(t) === t) out.push(t);
    }
  }
  return out;
}

/**
 * An amount as OCR reads a printed limit with a separator lost or misread: "1000 000", "2000,000", "1.000.000",
 * "1,000, 000". Every group after the first must be three digits, so that two amounts run together are not one.
 */
export function ocrLimit(text: string): number | null {
  const t = text.trim().replace(/^\$\s*/, '');
  if (!/^\d[\d,. ]*\d$/.test(t)) return null;
  const groups = t.split(/[,. ]+/);
  // (a second and last group of six: a separator lost between two, '2,000000'; not after another, '4,000,000000')
  const sixes = groups.length === 2 && groups[1]!.length === 6;
  if (groups.length < 2 || groups[0]!.length > 4 || (!sixes && groups.slice(1).some((g) => g.length !== 3))) return null;
  const n = Number(groups.join(''));
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The INSURER A … F rows of an OCR reading, placed by position where OCR garbled a label ("INSURER" without its letter,
 * "INSURERC" read as something else): the labels repeat at a fixed pitch, so two labels found give the pitch, and each
 * missing letter's row is where the sequence puts it. A row placed so stands in for its label (its box is the found
 * labels' left edge at the predicted height); a blank row then reads as no insurer, as before. Labels found keep
 * their place; a label whose height disagrees with the sequence by more than a third of the pitch is dropped.
 */
export function insurerRowsByPosition(found: { letter: string; hit: LabelHit }[]): { letter: string; hit: LabelHit }[] {
  if (found.length < 2) return found;
  const sorted = [...found].sort((a, b) => INSURER_LETTERS.indexOf(a.letter) - INSURER_LETTERS.indexOf(b.letter));
  // the pitch: the median over pairs of found labels, each pair's distance over its letters' distance
  const pitches: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const steps = INSURER_LETTERS.indexOf(sorted[j]!.letter) - INSURER_LETTERS.indexOf(sorted[i]!.letter);
      const p = (centerY(sorted[j]!.hit) - centerY(sorted[i]!.hit)) / steps;
      if (p > 0) pitches.push(p);
    }
  }
  if (pitches.length === 0) return found;
  const pitch = median(pitches);
  // where letter A's row is, by the median of what each label says
  const origin = median(sorted.map((l) => centerY(l.hit) - INSURER_LETTERS.indexOf(l.letter) * pitch));
  const agrees = sorted.filter((l) => Math.abs(centerY(l.hit) - (origin + INSURER_LETTERS.indexOf(l.letter) * pitch)) < pitch / 3);
  if (agrees.length < 2) return found;
  const ref = agrees[0]!.hit;
  const out: { letter: string; hit: LabelHit }[] = [];
  INSURER_LETTERS.forEach((letter, i) => {
    const own = agrees.find((l) => l.letter === letter);
    if (own) return out.push(own);
    const cy = origin + i * pitch;
    // rows below F or above A are not on the form; rows between the found ones and up to F are
    out.push({ letter, hit: { ...ref, words: [], y: cy - ref.height / 2, bottom: cy + ref.height / 2, rest: null, score: 0 } });
  });
  return out;
}

/**
 * The text printed beside an insurer label: segments on the label's row, joined left to right. On OCR, without the
 * segments after the first that are a speck's reading: three characters at most, none read SPECK_SURE (a photo's
 * speck far right of 'Bluestem Workers Compensation Mutual', before its code, read 'Co' at 0%).
 */
function nearestRowText(segs: Segment[], label: LabelHit, spacing: number, ocr = false): Segment | null {
  const near = nearestByY(segs, centerY(label), 0.5 * spacing);
  if (!near) return null;
  const row = segs.filter((s) => Math.abs(centerY(s) - centerY(near)) < 0.4 * Math.max(s.height, near.height)).sort((a, b) => a.x - b.x);
  const speck = (s: Segment) => s.text.replace(/\s+/g, '').length <= 3 && s.words.every((w) => w.confidence < SPECK_SURE);
  return segmentOf(row.filter((s, i) => !ocr || i === 0 || !speck(s)).flatMap((s) => s.words));
}

/** A short word apart from an insurer's name read at least this sure (0..1) is no speck's reading. */
const SPECK_SURE = 0.3;

/**
 * The distance between two limit lines of the grid, from the limit labels found: the median over pairs of one row's
 * labels of their distance over how many lines apart the form prints them. Null when no row has two.
 */
function limitPitch(labels: { row: Row; key: string; hit: LabelHit }[], lines: Line[]): number | null {
  const pitches: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      if (a.row !== b.row) continue;
      const order = LIMIT_ORDER[a.row];
      const steps = order.indexOf(b.key) - order.indexOf(a.key);
      if (steps === 0) continue;
      const p = (limitLabelSlot(lines, b.hit) - limitLabelSlot(lines, a.hit)) / steps;
      if (p > 0) pitches.push(p);
    }
  }
  return pitches.length > 0 ? median(pitches) : null;
}

/**
 * The limit an amount whose label OCR could not read stands for: the form prints a row's limit lines in a fixed order
 * at one pitch, so the row's limits already placed by their labels say which line the amount is on. Null when no
 * placed limit is near enough, or the line is off by more than a third of the pitch.
 */
export function limitByLine(row: Row, y: number, placed: { key: string; y: number }[], pitch: number | null): string | null {
  if (pitch === null || placed.length === 0) return null;
  // (the WC row's limit lines start below its PER STATUTE line, which has no amount)
  const order = row === 'workers_compensation' ? [PER_STATUTE_LINE, ...LIMIT_ORDER[row]] : LIMIT_ORDER[row];
  const anchors = [...placed].filter((p) => order.includes(p.key)).sort((a, b) => Math.abs(a.y - y) - Math.abs(b.y - y));
  if (anchors.length === 0) return null;
  const lineFrom = (anchor: { key: string; y: number }): string | null => {
    const steps = (y - anchor.y) / pitch;
    const whole = Math.round(steps);
    if (whole === 0 || Math.abs(steps - whole) > 1 / 3 || Math.abs(whole) > 3) return null;
    const key = order[order.indexOf(anchor.key) + whole];
    return key === undefined || key === PER_STATUTE_LINE ? null : key;
  };
  const nearest = lineFrom(anchors[0]!);
  if (nearest !== null) return nearest;
  // (the nearest off the pitch, a two-line label's first line whose second OCR lost, 'PROPERTY DAMAGE' over its
  // amount: the line two or more of the others agree on, none saying another)
  const others = anchors.slice(1).map(lineFrom).filter((k): k is string => k !== null);
  return others.length >= 2 && others.every((k) => k === others[0]) ? others[0]! : null;
}

/**
 * Where a limit label's amount sits vertically: the middle of the label and the continuation line printed under it
 * ("DAMAGE TO RENTED" / "PREMISES (Ea occurrence)", "COMBINED SINGLE LIMIT" / "(Ea accident)").
 */
function limitLabelSlot(lines: Line[], hit: LabelHit): number {
  let bottom = hit.bottom;
  // only the labels printed on two lines have a second line (a tight OCR page puts the next label's close under this
  // one: EACH OCCURRENCE must not take DAMAGE TO RENTED's "PREMISES (Ea occurrence)")
  if (!/^(?:D?AMAGE|COMBINED|PROPERTY)/.test(foldLabel(hit.text))) return (hit.y + bottom) / 2;
  for (const line of lines) {
    if (line.y <= hit.y + 0.3 * hit.height || line.y > bottom + 0.5 * hit.height) continue;
    // (its bracket as OCR reads it too: '{Pec' for '(Per accident)')
    const cont = line.segments.find((s) => Math.abs(s.x - hit.x) < hit.height && /^(?:[({[]|PREMISES)/i.test(s.text));
    if (cont) bottom = cont.bottom;
  }
  return (hit.y + bottom) / 2;
}

function headerBlockLeft(lines: Line[], h: LabelHit): number {
  let left = h.x;
  for (const line of lines) {
    if (line.y <= h.y || line.y > h.bottom + 0.8 * h.height) continue;
    for (const s of line.segments) if (s.x < h.right && s.right > h.x) left = Math.min(left, s.x);
  }
  return left;
}

function headerBlockRight(lines: Line[], h: LabelHit): number {
  let right = h.right;
  for (const line of lines) {
    if (line.y <= h.y || line.y > h.bottom + 0.8 * h.height) continue;
    for (const s of line.segments) if (s.x < h.right && s.right > h.x) right = Math.max(right, s.right);
  }
  return right;
}

/** Whether OCR words are what it makes of specks: under four letters in all, or no word of three letters read at 50%. */
function isSpeckReading(seg: Segment): boolean {
  const letters = (t: string) => t.match(/\p{L}/gu)?.length ?? 0;
  return letters(seg.text) < 4 || !seg.words.some((w) => letters(w.text) >= 3 && w.confidence >= 0.5);
}

/** Printed cell text that is not a value: the '$' of a limit line, the WC row's N/A, the Y/N hint. */
function isPrintedFiller(text: string): boolean {
  const t = text.replace(/\s+/g, '').toUpperCase();
  return t === '$' || t === 'N/A' || t === 'Y/N' || t === '';
}

/** On OCR pages, a piece of a vertical rule read before a word: 'Il', 'II', '|', '1'. */
const RULE_REMNANT_BEFORE = /^[Il|!1]{1,2}\s+(?=\S)/;

function letterOf(text: string): string | null {
  // OCR reads a lone C in a box as '©'
  const t = text.trim().toUpperCase().replace(/^©$/, 'C');
  return /^[A-F]$/.test(t) ? t : null;
}

/** "Livonia, Mi 48152" or the three boxes "Dallas" "TX" "75201" → city, state, ZIP. */
function parseCityLine(row: Segment[]): { city: string | null; state: string | null; postalCode: string | null } | null {
  const text = row.map((s) => s.text).join(' ');
  const m = /^(.*?)[,\s]+([A-Za-z01]{2})\.?\s+(\d{5}(?:-\d{4})?)$/.exec(text.trim());
  if (!m) return null;
  // OCR reads the I and O of a state's code as 1 and 0 ('1A', '0H'): taken back when that makes a state's code
  let state = m[2]!;
  if (/\d/.test(state)) {
    const letters = state.replace(/1/g, 'I').replace(/0/g, 'O').toUpperCase();
    if (!US_STATE_CODES.has(letters)) return null;
    state = letters;
  }
  return { city: cleanText(m[1]!.replace(/,$/, '')), state, postalCode: m[3]! };
}

/** The postal codes of the US states, the District of Columbia and the territories. */
const US_STATE_CODES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI'.split(' '),
);

function basisOf(boxes: Set<Checkbox>, where: string, warnings: string[]): 'occurrence' | 'claims_made' | null {
  const claims = boxes.has('claimsMade');
  const occur = boxes.has('occurrence');
  if (claims && occur) {
    warnings.push(`${where}: both CLAIMS-MADE and OCCUR are marked`);
    return null;
  }
  return claims ? 'claims_made' : occur ? 'occurrence' : null;
}

function detailsOf(row: Row | 'other', boxes: Set<Checkbox>, proprietorExcluded: boolean | null): Record<string, unknown> {
  switch (row) {
    case 'general_liability':
      return {
        aggregateAppliesPer: boxes.has('perPolicy') ? 'policy' : boxes.has('perProject') ? 'project' : boxes.has('perLocation') ? 'location' : boxes.has('perOther') ? 'other' : null,
      };
    case 'automobile_liability':
      return {
        anyAuto: boxes.has('anyAuto'),
        ownedAutosOnly: boxes.has('owned'),
        scheduledAutos: boxes.has('scheduled'),
        hiredAutosOnly: boxes.has('hired'),
        nonOwnedAutosOnly: boxes.has('nonOwned'),
      };
    case 'workers_compensation':
      return { perStatute: boxes.has('perStatute'), proprietorExcluded };
    default:
      return {};
  }
}
