// Check boxes of an ACORD 25 scan decided by the ink inside them, not by what OCR makes of the mark: tesseract reads
// an X in a box as "X", "x", "1X", "[X]", "Co", glues it onto the label ("XxX COMMERCIAL GENERAL LIABILITY") or drops
// it, and a missed EXCESS LIAB turns an excess policy into an umbrella. The box is printed just left of its label, so
// each label found on the page places a window over its box; the window's ink, less the box's own edges (rows and
// columns mostly ink), says whether it is marked. The OCR words inside the window go, and a marked box gets one 'X'
// word where the layout reader (acord25/layout.ts) looks for marks: just left of the label, on its line.
import { descriptionHeaderY } from '../acord25/layout.js';
import { policyNumberLabel } from '../acord25/ocr-cells.js';
import type { PageWords, Word } from '../layout/words.js';
import { findLabel, foldLabel, groupLines, median, type LabelHit, type Line } from '../text/lines.js';
import type { GreyBitmap } from './render.js';

/**
 * The labels with a box left of them (the layout reader's check-box labels, and what OCR leaves of two-line ones).
 * UMBRELLA and EXCESS alone, or with what OCR glued onto them, are looked for apart (checkBoxWindows).
 */
export const CHECK_BOX_LABELS = [
  'COMMERCIAL GENERAL LIABILITY',
  'CLAIMS-MADE',
  'OCCUR',
  'POLICY',
  'PRO-',
  'PRO- JECT',
  'PROJECT',
  'LOC',
  'OTHER:',
  'ANY AUTO',
  'OWNED',
  'ALL OWNED',
  'SCHEDULED',
  'HIRED',
  'NON-OWNED',
  'UMBRELLA LIAB',
  'EXCESS LIAB',
  'DED',
  'RETENTION',
  'RETENTION $',
  'PER',
  'PER STATUTE',
  'STATUTE',
  'OTH-',
  'OTH-ER',
];

/** What OCR makes of a box's mark read as a word of its own: 'X', '1X', '[X]', 'x'. */
const MARK_READING = /^[^\p{L}\p{N}]*[1lI]?[Xx][^\p{L}\p{N}]*$/u;

/** Labels printed as the first of two lines, their box beside both. */
const TWO_LINE_FIRST = new Set(['OWNED', 'ALLOWNED', 'SCHEDULED', 'HIRED', 'NONOWNED', 'PRO', 'PER', 'OTH']);

/** Share of a window's pixels (edges left out) that must be ink for its box to count as marked. */
export const MARK_INK = 0.03;
/** A row or column of the window at least this much ink is a box edge or a rule, not the mark. */
const EDGE_FILL = 0.45;

/**
 * A check box's window in page points: [x0, x1) × [y0, y1), with the label it belongs to, and where the label's
 * letters start when OCR boxed its first word from the mark on (`labelX`).
 */
export type BoxWindow = { x0: number; x1: number; y0: number; y1: number; label: LabelHit; labelX?: number };

/**
 * The windows over the check boxes of the coverage grid: left of each check-box label between the grid's header
 * (POLICY NUMBER) and DESCRIPTION OF OPERATIONS. Empty when the grid is not found.
 */
export function checkBoxWindows(page: PageWords, lines: Line[] = groupLines(page.words)): BoxWindow[] {
  const number = policyNumberLabel(lines);
  if (!number) return [];
  const bottom = descriptionHeaderY(lines, number.bottom + 40) ?? page.height;
  const top = number.bottom + 2;
  const windows: BoxWindow[] = [];
  // (no window reaches into the insurer letter column left of the boxes: a label OCR boxed from the box's edge on and
  // ran into its next word, 'EXCESSLIAB', would place its window over the letter, and the letter would go as a mark)
  // (left of TYPE OF INSURANCE: OCR reads ADDL's INSD as INSR now and then, and the windows, kept right of that, all
  // fell on the policy numbers: 'CA' of 'CA 1017665-24' went as SCHEDULED's mark)
  const type = findLabel(lines, 'TYPE OF INSURANCE')[0];
  const letters = findLabel(lines, ['INSR', 'INSR LTR', 'LTR'], { exact: true }).find(
    (l) => Math.abs(l.y - number.y) < 3 * number.height && l.right < number.x && l.right < (type?.x ?? Infinity),
  );
  const leftmost = letters ? letters.right + 1 : 0;
  const short = CHECK_BOX_LABELS.filter((l) => l.replace(/[^A-Za-z]/g, '').length < 5);
  const long = CHECK_BOX_LABELS.filter((l) => !short.includes(l));
  // short labels must be whole words; long ones may follow a mark OCR glued to them
  const hits = [
    ...findLabel(lines, short, { exact: true }),
    ...findLabel(lines, long, { anywhere: true }),
    // UMBRELLA / EXCESS with what OCR glued onto them ('Excessuas'): their boxes decide umbrella or excess
    ...findLabel(lines, ['UMBRELLA', 'EXCESS'], { anywhere: true, prefix: true }),
  ].filter((h) => h.y > top && h.bottom < bottom);
  // (the labels' letter width, where a label's own other words cannot tell it: 'Excess' boxed from the X on, its
  // 'LIAB' read 'ua')
  const labelWords = hits.flatMap((h) => h.words).filter((o) => o.text.length >= 3 && /^\p{L}+$/u.test(o.text));
  const labelLetter = labelWords.length >= 3 ? median(labelWords.map((o) => o.width / o.text.length)) : null;
  for (const hit of hits) {
    // "(Per accident)", "(Per person)": a limit's wording, not the PER STATUTE box
    if (/^[({]/.test(hit.words[0]!.text) || (hit.rest && /ACCIDENT|PERSON/i.test(hit.rest.text))) continue;
    // right of the policy columns only the workers' compensation boxes (PER STATUTE, OTH-ER) are printed: a POLICY
    // there is "E.L. DISEASE - POLICY LIMIT", whose hyphen would pass for a mark
    if (hit.x > number.right && !/^(?:PER|STATUTE|OTH)/.test(foldLabel(hit.text))) continue;
    const h = Math.max(4, Math.min(8, hit.height));
    // OCR glues the box's edge onto a short label ("{Per", "|LOC"): the label starts after it
    // (a mark read as a word of its own, 'X', that the label was matched from: 'X UMBRELLA LIAB' is one slip from the
    // label; the label starts after it)
    const first = hit.words.length > 1 && MARK_READING.test(hit.words[0]!.text) ? hit.words[1]! : hit.words[0]!;
    const lead = /^[^\p{L}\p{N}]*/u.exec(first.text)![0].length;
    let x = lead > 0 && lead < first.text.length ? first.x + (first.width * lead) / first.text.length : first.x;
    // and boxes the mark with the label's first word, its text unchanged ('EXCESS' from the X on): the word is wider
    // than its letters, measured by the words after it, and the label starts where its letters do
    let labelX: number | undefined;
    const after = [...hit.words.slice(hit.words.indexOf(first) + 1), ...(hit.rest?.words ?? [])];
    const others = after.filter((o) => o.text.length >= 3);
    // (a word OCR boxed on over the next word, 'UMBRELLA' to the end of 'LIAB', is measured to where the next begins:
    // it was stretched to the right, not boxed from a mark on its left)
    if (lead === 0 && (others.length > 0 || labelLetter !== null)) {
      const letter = others.length > 0 ? Math.min(...others.map((o) => o.width / o.text.length)) : labelLetter!;
      const next = after[0];
      const width = next && next.x > first.x ? Math.min(first.width, next.x - first.x) : first.width;
      const mark = width - letter * first.text.length;
      if (mark > 0.3 * width) x = labelX = first.x + mark;
    }
    const folded = hit.text.toUpperCase().replace(/[^A-Z]/g, '');
    // a label printed on two lines (OWNED / AUTOS ONLY, PRO- / JECT, PER / STATUTE) has its box beside both lines
    let cy = (hit.y + hit.bottom) / 2;
    if (TWO_LINE_FIRST.has(folded)) {
      const below = lines.find((l) => l.y > hit.y + 0.5 * h && l.y < hit.bottom + 0.9 * h && l.segments.some((s) => Math.abs(s.x - x) < 1.5 * h));
      cy = below ? (cy + (below.y + below.bottom) / 2) / 2 : cy + 0.6 * h;
    } else if (folded === 'STATUTE') cy -= 0.6 * h;
    // (where the window would reach into the letter column, the label's first word was boxed from the box's edge on:
    // the box is the first thing right of the column, and the label's letters start after it)
    if (x - 17 < leftmost && first.x < leftmost + 16) x = labelX = leftmost + 17;
    const w: BoxWindow = { x0: x - 17, x1: x - 1.2, y0: cy - 5, y1: cy + 5, label: hit, ...(labelX !== undefined ? { labelX } : {}) };
    // the same box found twice (PER and PER STATUTE, PRO- and PROJECT, EXCESS LIAB and EXCESS): once
    if (!windows.some((o) => Math.abs(o.x0 - w.x0) < 4 && Math.abs(o.y0 - w.y0) < 4)) windows.push(w);
  }
  return windows;
}

/**
 * The share of ink inside the window of `binary` (rules and box edges not removed), leaving out rows and columns that
 * are mostly ink (the box's edges, a column rule) and the pixels next to them.
 */
export function markInk(binary: GreyBitmap, pixelsPerPoint: number, w: { x0: number; x1: number; y0: number; y1: number }): number {
  const left = Math.max(0, Math.floor(w.x0 * pixelsPerPoint));
  const right = Math.min(binary.width, Math.ceil(w.x1 * pixelsPerPoint));
  const top = Math.max(0, Math.floor(w.y0 * pixelsPerPoint));
  const bottom = Math.min(binary.height, Math.ceil(w.y1 * pixelsPerPoint));
  const cols = right - left;
  const rows = bottom - top;
  if (cols < 3 || rows < 3) return 0;
  const ink = (x: number, y: number) => binary.data[y * binary.width + x]! < 128;
  const rowInk = new Uint32Array(rows);
  const colInk = new Uint32Array(cols);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (!ink(left + x, top + y)) continue;
      rowInk[y]!++;
      colInk[x]!++;
    }
  }
  const pad = Math.max(1, Math.round(0.4 * pixelsPerPoint));
  const edgeRows = new Uint8Array(rows);
  const edgeCols = new Uint8Array(cols);
  for (let y = 0; y < rows; y++) if (rowInk[y]! >= EDGE_FILL * cols) for (let k = Math.max(0, y - pad); k <= Math.min(rows - 1, y + pad); k++) edgeRows[k] = 1;
  for (let x = 0; x < cols; x++) if (colInk[x]! >= EDGE_FILL * rows) for (let k = Math.max(0, x - pad); k <= Math.min(cols - 1, x + pad); k++) edgeCols[k] = 1;
  let counted = 0;
  let marked = 0;
  for (let y = 0; y < rows; y++) {
    if (edgeRows[y]) continue;
    for (let x = 0; x < cols; x++) {
      if (edgeCols[x]) continue;
      counted++;
      if (ink(left + x, top + y)) marked++;
    }
  }
  return counted < 0.2 * rows * cols ? 0 : marked / counted;
}

/** Mark-like words OCR leaves in a box window: short, not a label's word. */
const BOX_WORD = /^\S{1,3}$/u;

/**
 * The page's words with the check boxes of its coverage grid decided by ink: OCR's words inside each box window are
 * dropped and a marked box gets an 'X' word just left of its label. Pages without the grid come back unchanged.
 */
export function decideCheckBoxes(page: PageWords, binary: GreyBitmap, pixelsPerPoint: number): PageWords {
  const lines = groupLines(page.words);
  const windows = checkBoxWindows(page, lines);
  if (windows.length === 0) return page;
  // (a mark the label was matched from, 'X UMBRELLA LIAB', is no word of it)
  const labelWords = new Set(windows.flatMap((w) => w.label.words.filter((word) => !MARK_READING.test(word.text))));
  const inWindow = (word: Word, w: BoxWindow) => {
    const cx = word.x + word.width / 2;
    const cy = word.y + word.height / 2;
    return cx >= w.x0 - 2 && cx < w.x1 + 0.5 && cy >= w.y0 - 1 && cy < w.y1 + 1;
  };
  const marks: Word[] = [];
  const drop = new Set<Word>();
  for (const w of windows) {
    for (const word of page.words) if (!labelWords.has(word) && BOX_WORD.test(word.text) && inWindow(word, w)) drop.add(word);
    if (markInk(binary, pixelsPerPoint, w) < MARK_INK) continue;
    marks.push(markWord(w, (w.label.y + w.label.bottom) / 2, w.label.height));
  }
  for (const fallback of [perStatuteFallback(page, lines, windows, binary, pixelsPerPoint), umbrellaExcessFallback(page, lines, windows, binary, pixelsPerPoint)]) {
    if (!fallback) continue;
    for (const word of fallback.drop) drop.add(word);
    marks.push(...fallback.words);
  }
  // a label's first word boxed from the mark on is boxed from its letters, so that the mark stands left of it
  const moved = new Map<Word, Word>();
  for (const w of windows) {
    const first = w.label.words[0]!;
    if (w.labelX !== undefined) moved.set(first, { ...first, x: w.labelX, width: first.x + first.width - w.labelX });
  }
  return { ...page, words: [...page.words.filter((word) => !drop.has(word)).map((word) => moved.get(word) ?? word), ...marks] };
}

/**
 * The WC row's PER STATUTE box when OCR garbled its small two-line label ("BER", "X BER re"): the box is the first
 * thing in the limits column on the WORKERS COMPENSATION line, its label right of it. The garbled words there go, and
 * the label (with an 'X' when the box is marked) is put back where the layout reader looks for it.
 */
function perStatuteFallback(page: PageWords, lines: Line[], windows: BoxWindow[], binary: GreyBitmap, pixelsPerPoint: number): { drop: Word[]; words: Word[] } | null {
  const folded = (w: BoxWindow) => w.label.text.toUpperCase().replace(/[^A-Z]/g, '');
  if (windows.some((w) => ['PER', 'PERSTATUTE', 'STATUTE'].includes(folded(w)))) return null;
  const wc = findLabel(lines, 'WORKERS COMPENSATION')[0];
  if (!wc) return null;
  // the limits column's left edge: its printed labels below the WC row's label
  const limits = findLabel(lines, ['E.L. EACH ACCIDENT', 'E.L. DISEASE - EA EMPLOYEE', 'E.L. DISEASE - POLICY LIMIT']).filter((h) => h.y > wc.y - 2 && h.y < wc.y + 40 && h.x > wc.right);
  if (limits.length === 0) return null;
  const limX = Math.min(...limits.map((h) => h.x)) - 0.5;
  const h = Math.max(4, Math.min(8, wc.height));
  const cy = wc.y + 1.2 * h;
  const box = { x0: limX + 1.5, x1: limX + 14, y0: cy - 5, y1: cy + 5 };
  const drop = page.words.filter((w) => {
    const cx = w.x + w.width / 2;
    const wy = w.y + w.height / 2;
    return cx > limX && cx < limX + 34 && wy > cy - 6 && wy < cy + 6 && w.text.length <= 7;
  });
  const label: Word = { text: 'PER', x: limX + 18.5, y: cy - h / 2, width: 1.6 * h, height: h, confidence: 0.5 };
  const words = [label];
  if (markInk(binary, pixelsPerPoint, box) >= MARK_INK) words.push({ text: 'X', x: limX + 5, y: label.y, width: 0.9 * h, height: h, confidence: 0.9 });
  return { drop, words };
}

/**
 * The UMBRELLA LIAB box when OCR garbled its label ('UMBRELLAUAB', 'umerELLA LIAB'), or the EXCESS LIAB box when it
 * garbled that one: the two are printed one above the other, boxes in one column, so the label read places the other
 * on the line of words just above (or below) it. The garbled words there go, and the label (with an 'X' when its box
 * is marked) is put back where the layout reader looks for it; otherwise the mark in the garbled one's box would be
 * taken for the box of the label read (an umbrella policy read as excess).
 */
function umbrellaExcessFallback(page: PageWords, lines: Line[], windows: BoxWindow[], binary: GreyBitmap, pixelsPerPoint: number): { drop: Word[]; words: Word[] } | null {
  const folded = (w: BoxWindow) => w.label.text.toUpperCase().replace(/[^A-Z]/g, '');
  const umbrella = windows.find((w) => folded(w).startsWith('UMBRELLA'));
  const excess = windows.find((w) => folded(w).startsWith('EXCESS'));
  if ((umbrella && excess) || (!umbrella && !excess)) return null;
  const found = (umbrella ?? excess)!;
  const missing = umbrella ? 'EXCESS LIAB' : 'UMBRELLA LIAB';
  const h = Math.max(4, Math.min(8, found.label.height));
  const x = found.x1 + 1.2;
  // the other label's line: the nearest line above (below) within three label heights with a word starting near x
  // (by the lines' middles: a line OCR opened with a mark boxed twice a label high, 'xX', starts above the label read
  // and is its own line)
  const dir = umbrella ? 1 : -1;
  const mid = (l: { y: number; bottom: number }) => (l.y + l.bottom) / 2;
  const labelMid = mid(found.label);
  const line = lines
    .filter((l) => dir * (mid(l) - labelMid) > 0.8 * h && dir * (mid(l) - labelMid) < 3 * h)
    .filter((l) => l.words.some((w) => w.x > x - 3 * h && w.x < x + 3 * h && /[A-Za-z]{3}/.test(w.text)))
    .sort((a, b) => Math.abs(mid(a) - labelMid) - Math.abs(mid(b) - labelMid))[0];
  if (!line) return null;
  const cy = (line.y + line.bottom) / 2;
  const box = { x0: found.x0, x1: found.x1, y0: cy - 5, y1: cy + 5 };
  const span = x + missing.length * 0.55 * h;
  const drop = line.words.filter((w) => {
    const cx = w.x + w.width / 2;
    return cx > box.x0 - 2 && cx < span && !/\d/.test(w.text);
  });
  const labelWords = missing.split(' ').map((text, i): Word => ({ text, x: x + (i === 0 ? 0 : 0.62 * h * 9), y: cy - h / 2, width: 0.6 * h * text.length, height: h, confidence: 0.5 }));
  const words = [...labelWords];
  if (markInk(binary, pixelsPerPoint, box) >= MARK_INK) words.push(markWord(box, cy, h));
  return { drop, words };
}

/**
 * The 'X' put in a marked box, centred on `cy`: inside the box's window and a word's gap clear of the label, so that
 * the label still begins its own segment. Its size is a label's, within bounds: OCR gives a label that took in a box
 * edge the height of the box ('EXCESS' 13 points high), and a mark that large would reach into the letter column.
 */
function markWord(box: { x0?: number; x1: number }, cy: number, labelHeight: number): Word {
  const h = Math.max(4, Math.min(6, labelHeight));
  return { text: 'X', x: Math.max(box.x1 - 1.5 * h - 6, box.x0 ?? -Infinity), y: cy - h / 2, width: 0.9 * h, height: h, confidence: 0.9 };
}
