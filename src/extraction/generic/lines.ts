// Positioned words → reading lines and cells. A line is the words sharing a baseline band; a cell (segment) is a
// run of words on a line with no wide gap between them. Carrier certificates put a label and its value either in
// one cell ("Policy No: GL-1"), in neighbouring cells of one line, or in a block under the label; all three are read
// from these lines.
import type { PageWords, Word } from '../layout/words.js';
import { median } from '../text/lines.js';
import { joinSplitLabelWords, MONTH_WORD, mendLabelWords, mendMonthNames, mendSlashlessDates } from './values.js';

export type Segment = { text: string; x: number; right: number; words: Word[] };
export type Line = { page: number; y: number; height: number; x: number; right: number; words: Word[]; segments: Segment[]; text: string; ocr?: boolean };

/** A run of three or more dots, dashes of dots or underscores: the leader between a label and its value. */
const LEADER = /^[.·…_]{3,}$/;

/**
 * Lines of a page, top to bottom, each with its words left to right and cut into cells at wide gaps. Dot leaders
 * between a label and its value are dropped (the two stay separate cells), and where the page sets two columns side
 * by side (two boxes, two cards) each column's lines come whole, the left column's before the right's.
 */
export function pageLines(page: PageWords): Line[] {
  return withWrappedYears(splitColumns(rowLines(page)));
}

const MONTH_DAY_END = new RegExp(String.raw`\b${MONTH_WORD}\s+\d{1,2},?$`, 'i');

/**
 * Lines with a date's year wrapped alone onto the next line of a narrow cell ('March 12, 2025 – March 12,' over
 * '2026') joined to the cell it ends: a line of one year alone, under a cell ending in a month and day, within its
 * span and two line heights below.
 */
function withWrappedYears(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    // (each of its cells a year alone: two cards side by side wrap theirs onto one line)
    const years = line.segments.every((s) => /^(19|20)\d\d\.?$/.test(s.text.trim()));
    const above = years ? out.findLast((l) => l.page === line.page && l.y < line.y && line.y - l.y <= 2 * Math.max(l.height, line.height)) : undefined;
    const into = above ? line.segments.map((y) => above.segments.findIndex((s) => MONTH_DAY_END.test(s.text) && y.x >= s.x - 2 && y.x <= s.right + 2 * line.height)) : [];
    if (!above || into.some((k) => k < 0) || new Set(into).size !== into.length) {
      out.push(line);
      continue;
    }
    const segments = above.segments.map((s, j) => {
      const y = line.segments[into.indexOf(j)];
      return y ? { ...s, text: `${s.text} ${y.text.trim()}`, right: Math.max(s.right, y.right), words: [...s.words, ...y.words] } : s;
    });
    out[out.indexOf(above)] = { ...above, segments, words: [...above.words, ...line.words], right: Math.max(above.right, line.right), text: segments.map((s) => s.text).join(' | ') };
  }
  return out;
}

function rowLines(page: PageWords): Line[] {
  const words = page.words
    .map((w) => (/[.·…]{3,}$/.test(w.text) && !LEADER.test(w.text) ? { ...w, text: w.text.replace(/[.·…]{3,}$/, '') } : w))
    .filter((w) => w.text.trim() !== '' && !LEADER.test(w.text))
    .sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const rows: Word[][] = [];
  for (const w of words) {
    const mid = w.y + w.height / 2;
    const row = rows.find((r) => {
      const h = Math.max(...r.map((o) => o.height), w.height);
      const rowMid = r.reduce((s, o) => s + o.y + o.height / 2, 0) / r.length;
      return Math.abs(rowMid - mid) < h * 0.45;
    });
    if (row) row.push(w);
    else rows.push([w]);
  }
  // (a line OCR made of specks and a rule's remnants alone, '-', '—', is none: it would stand between a heading and
  // its value)
  const lines = rows.map((row) => toLine(page.page, row, page.source === 'ocr')).filter((l) => !l.ocr || /[\p{L}\p{N}]/u.test(l.text));
  return lines.sort((a, b) => a.y - b.y || a.x - b.x);
}

function toLine(page: number, row: Word[], ocr = false): Line {
  row.sort((a, b) => a.x - b.x);
  // (an empty row has no median: 10)
  const height = median(row.map((w) => w.height)) || 10;
  const segments: Segment[] = [];
  let current: Word[] = [];
  let right = -Infinity;
  // a gap wider than about two spaces starts a new cell (OCR's boxes are tight to the ink, and its heights are the
  // letters', not the font's: its spaces measure wider)
  let wide = ocr ? Math.max(height * 1.2, 7) : Math.max(height * 0.75, 5);
  // (OCR of a line of prose set wide, a typewriter's letters: its own spaces are the measure, wherever five or more
  // show how wide they are)
  // (and a text layer's line set wide, letter-spaced: 'Lamar Union Lofts Owner, LLC' with 6.6 pt spaces in 7.8 pt type)
  const gaps = row.slice(1).map((w, k) => w.x - (row[k]!.x + row[k]!.width)).filter((g) => g > 0 && g < height * 2);
  if (gaps.length >= 5) {
    gaps.sort((a, b) => a - b);
    const space = gaps[Math.floor(gaps.length * 0.4)]!;
    // (a text layer's only where all of them are wide and alike: a table's row has its words' own narrow spaces too)
    if (ocr || (gaps[0]! >= 0.5 * height && gaps.at(-1)! <= 1.6 * gaps[0]!)) wide = Math.max(wide, 1.5 * space);
  }
  // (a policy's period whose slashes OCR lost: '832025 | 832026')
  // (and its garbled headings: 'Policy Nutnber')
  // (and its label words split in pieces: 'INSU RE D')
  if (ocr) row = mendMonthNames(mendLabelWords(joinSplitLabelWords(mendSlashlessDates(withoutLeadingSpecks(row, wide), wide))));
  for (const w of row) {
    if (current.length > 0 && w.x - right > wide) {
      segments.push(toSegment(current));
      current = [];
    }
    current.push(w);
    right = Math.max(right, w.x + w.width);
  }
  if (current.length) segments.push(toSegment(current));
  return {
    page,
    y: Math.min(...row.map((w) => w.y)),
    height,
    x: row[0].x,
    right: Math.max(...row.map((w) => w.x + w.width)),
    words: row,
    segments,
    text: segments.map((s) => s.text).join(' | '),
    ...(ocr ? { ocr } : {}),
  };
}

/**
 * An OCR row without the lone small letter a speck or a rule's end made at a cell's start, before a capital ('f' in
 * 'f Date Issued'): any lower-case letter alone but 'a' (an article), 'x' and 'v' (a box's mark); and without a
 * rule's piece read as a letter.
 */
function withoutLeadingSpecks(row: Word[], cellGap: number): Word[] {
  // (and a stroke twice as tall as the row's letters, read as '1' or 'I': a card's edge, a rule's piece)
  const tall = 1.6 * (median(row.map((w) => w.height)) || 10);
  return row.filter((w, k) => {
    if (/^[1Il|!\[\]]$/.test(w.text) && w.height >= tall) return false;
    const prev = row[k - 1];
    const next = row[k + 1];
    const starts = !prev || w.x - (prev.x + prev.width) > cellGap;
    return !(starts && /^[b-uwyz]$/.test(w.text) && next && /^[A-Z]/.test(next.text) && next.x - (w.x + w.width) <= cellGap);
  });
}

/** Lines in a column run have at most this many cells on each side of the gutter (a label, and a value OCR may cut in two). */
const MAX_SIDE_CELLS = 3;

/** Where a cell's text starts: its first word of two characters or more (OCR reads a card's edge as an 'I' or '|'). */
function cellStart(seg: Segment): number {
  return (seg.words.find((w) => w.text.length >= 2) ?? seg.words[0]!).x;
}

/** A field's label: words without digits, and no value's word ('Yes', 'Included', 'Statutory'). */
function isFieldLabel(text: string): boolean {
  return /[A-Za-z]{2}/.test(text) && !/\d/.test(text) && !/^(yes|no|y|n|x|included|excluded|statutory|none|n\/a|per\s+statute)$/i.test(text.trim());
}

/**
 * Two labels alike, letters compared, one slip allowed in a longer one (OCR's 'Palicy #' for 'Policy #'), or one the
 * start of the other, eight letters or more.
 */
function sameLabel(a: string, b: string): boolean {
  const fa = a.toLowerCase().replace(/[^a-z]/g, '');
  const fb = b.toLowerCase().replace(/[^a-z]/g, '');
  if (fa === fb) return fa.length > 0;
  // (one cut short where OCR split it, 'Coverage pe' | 'cd' for 'Coverage period')
  const [short, long] = fa.length < fb.length ? [fa, fb] : [fb, fa];
  if (short.length >= 8 && long.startsWith(short)) return true;
  if (fa.length !== fb.length || fa.length < 5) return false;
  let diff = 0;
  for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) diff++;
  return diff <= 1;
}
/** The narrowest gutter between two columns, in points. */
const MIN_GUTTER = 8;

/**
 * Two columns set side by side: a run of lines (three or more) that no cell crosses at a gutter, each side holding at
 * most three cells a line, and either two lines holding the same label and its value on both sides (two cards, each
 * with its "Policy #" and "Term"), or three lines each holding a label and its value on both sides, the right side's
 * labels starting at one x (two cards of different policies; a table's rows hold more cells, or values where labels
 * stand; a line of one label and one value is no two columns; a line of four labels is a row of headings). The run's
 * lines are cut at the gutter and given column by column. Lines before and after the run keep their place.
 */
export function splitColumns(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const run = columnRun(lines, i);
    if (!run) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const left: Line[] = [];
    const right: Line[] = [];
    for (const line of lines.slice(i, run.end)) {
      const l = line.words.filter((w) => w.x + w.width <= run.gutter);
      const r = line.words.filter((w) => w.x + w.width > run.gutter);
      if (l.length > 0) left.push(toLine(line.page, l, line.ocr));
      if (r.length > 0) right.push(toLine(line.page, r, line.ocr));
    }
    out.push(...left, ...right);
    i = run.end;
  }
  return out;
}

/** The column run starting at line `start`: where it ends (exclusive) and the gutter's x. */
function columnRun(lines: Line[], start: number): { end: number; gutter: number } | null {
  const first = lines[start]!;
  if (first.segments.length < 2) return null;
  // the gutter is in a gap of one of the run's first lines (the first may be two headings, wide apart)
  const candidates = lines
    .slice(start, start + 3)
    .filter((l) => l.page === first.page)
    .flatMap((l) => l.segments.slice(1).map((s, k) => [l.segments[k]!.right, s.x] as const))
    .filter(([lo, hi]) => hi - lo >= MIN_GUTTER)
    .map(([lo, hi]) => (lo + hi) / 2);
  let best: { end: number; gutter: number } | null = null;
  for (const x of candidates) {
    let both = 0;
    const pairs: number[] = [];
    let firstRight = 0;
    let end = start;
    for (let j = start; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.page !== first.page) break;
      if (j > start && line.y - (lines[j - 1]!.y + lines[j - 1]!.height) > Math.max(line.height, lines[j - 1]!.height) * 2.5) break;
      if (line.segments.some((s) => s.x < x + MIN_GUTTER / 2 && s.right > x - MIN_GUTTER / 2)) break;
      const l = line.segments.filter((s) => s.right <= x);
      const r = line.segments.filter((s) => s.x >= x);
      if (l.length > MAX_SIDE_CELLS || r.length > MAX_SIDE_CELLS || (j === start && (l.length === 0 || r.length === 0))) break;
      if (j === start) firstRight = cellStart(r[0]!);
      // the two columns alike: the same label on both sides (two cards of a policy each)
      if (l.length >= 2 && r.length >= 2 && sameLabel(l[0]!.text, r[0]!.text) && Math.abs(cellStart(r[0]!) - firstRight) <= 6) both++;
      // a label and its value on each side (the right side's labels, the cards' edge, at one x)
      // (a value: a line of four labels is a table's headings, a grid of boxes each policy's row over its values)
      if (l.length === 2 && r.length === 2 && isFieldLabel(l[0]!.text) && isFieldLabel(r[0]!.text) && !(isFieldLabel(l[1]!.text) && isFieldLabel(r[1]!.text))) pairs.push(cellStart(r[0]!));
      end = j + 1;
    }
    // (the run's first line starts its right side where those labels start: cards' headings, not a label's value set
    // far right)
    const aligned = pairs.filter((px) => Math.abs(px - firstRight) <= 3).length;
    if ((both >= 2 || aligned >= 3) && end - start >= 3 && (!best || end > best.end)) best = { end, gutter: x };
  }
  return best;
}

function toSegment(words: Word[]): Segment {
  return { text: words.map((w) => w.text).join(' ').replace(/\s+/g, ' ').trim(), x: words[0].x, right: Math.max(...words.map((w) => w.x + w.width)), words };
}

/** The plain text of a set of pages, line by line (cells separated by two spaces), for pattern tests. */
export function pagesText(pages: PageWords[]): string {
  return pages.map((p) => pageLines(p).map((l) => l.segments.map((s) => s.text).join('  ')).join('\n')).join('\n\f\n');
}
