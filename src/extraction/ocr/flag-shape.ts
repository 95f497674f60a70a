// The letter of a flag (the ADDL INSD and SUBR WVD columns hold Y, X or N) told by its shape, for a flag tesseract
// reads with the right letter and no confidence: a photo breaks a Y's arm off its stem, or a column's rule runs
// through it, and tesseract reads the lone letter 'Y' at 0 to 2% however plain it is to the eye. The shape is told by
// the runs of ink across rows in three bands of the mark's height: a Y is two arms at the top (or one, where the
// other went with a rule), one stroke where they meet and one upright stem under it; an X is two strokes at the top
// and at the foot that cross in the middle; an N is two stems with the diagonal between them, two or three strokes
// in every band.
import { inkPieceAt, type InkPiece } from './preprocess.js';
import type { GreyBitmap } from './render.js';

export type FlagLetter = 'Y' | 'X' | 'N';

/** A flag told by its shape, and its mark's box in the bitmap's pixels. */
export type FlagMark = { letter: FlagLetter; left: number; top: number; width: number; height: number };

/** Pieces of ink under this share of the largest are specks or a rule's remnant, no part of the mark. */
const PIECE_SHARE = 0.1;
/** A mark is at least this many pixels tall (a 6 pt capital at 150 dpi is 12). */
const MIN_HEIGHT = 8;
/** A flag's width over its height lies between these (an N in Courier is wider than tall, an I far narrower). */
const MIN_ASPECT = 0.4;
const MAX_ASPECT = 1.6;

/**
 * The flag a bitmap of one mark (a flag column's line of ink, rules and specks taken away) shows, or null when its
 * shape is none of Y, X and N clearly.
 */
export function flagShape(b: GreyBitmap): FlagMark | null {
  const seen = new Uint8Array(b.width * b.height);
  const pieces: InkPiece[] = [];
  for (let i = 0; i < b.data.length; i++) if (!seen[i] && b.data[i]! < 128) pieces.push(inkPieceAt(b, i, seen));
  if (pieces.length === 0) return null;
  const largest = Math.max(...pieces.map((p) => p.pixels.length));
  const inMark = pieces.filter((p) => p.pixels.length >= PIECE_SHARE * largest);
  const x0 = Math.min(...inMark.map((p) => p.left));
  const x1 = Math.max(...inMark.map((p) => p.right));
  const w = x1 - x0 + 1;
  const pieceTop = Math.min(...inMark.map((p) => p.top));
  const rows = Math.max(...inMark.map((p) => p.bottom)) - pieceTop + 1;
  const all = new Uint8Array(w * rows);
  for (const p of inMark) for (const i of p.pixels) all[(Math.floor(i / b.width) - pieceTop) * w + (i % b.width) - x0] = 1;
  const [first, last] = letterRows(all, w, rows);
  const [y0, h] = [pieceTop + first, last - first + 1];
  const mark = (letter: FlagLetter): FlagMark => ({ letter, left: x0, top: y0, width: w, height: h });
  if (h < MIN_HEIGHT || w / h < MIN_ASPECT || w / h > MAX_ASPECT) return null;
  const ink = all.subarray(first * w, (last + 1) * w);
  const cap = band(ink, w, h, 0, 0.1);
  const top = band(ink, w, h, 0.12, 0.32);
  const middle = band(ink, w, h, 0.45, 0.55);
  const foot = band(ink, w, h, 0.65, 0.85);
  // (strokes at both sides: within the mark's left and right 30%, serifs widening it)
  const sides = (s: Band) => s.runs >= 2 && s.left <= 0.3 && s.right >= 0.7;
  // an X: its strokes from the corners cross in the middle, as one short stroke (an H's bar spans it, a K's arms meet
  // at its stem)
  if (sides(top) && sides(foot) && middle.runs === 1 && middle.width <= 0.38 && Math.abs(middle.centre - 0.5) <= 0.1) return mark('X');
  // an N: two stems with the diagonal between them in the middle
  if (sides(top) && sides(foot) && middle.runs === 3 && sides(middle)) return mark('N');
  // a Y: one upright stem under the middle, where one stroke joins it, and two arms above it, or one arm off to a side
  // of the stem (the other gone with a rule); no bar across its top (a T, a 7)
  const stem = foot.runs === 1 && foot.width <= 0.45 && foot.centre >= 0.2 && foot.centre <= 0.8;
  const arms = sides(top) && top.runs === 2 ? true : top.runs === 1 && top.width <= 0.5 && Math.abs(top.centre - foot.centre) >= 0.25;
  if (stem && arms && cap.widest <= 0.6 && middle.runs === 1 && Math.abs(middle.centre - foot.centre) <= 0.25) return mark('Y');
  return null;
}

/**
 * The first and last rows of the mark's letter in its ink (`w` × `rows`, 1 inked): its rows less those at its top or
 * foot inked narrower than half its strokes, a hairline left of the column's rule standing on an arm's tip (a photo's Y typed across the rule,
 * the remnant 5 px over its left arm: the bands, measured from the hairline's top, found the arms' meeting in the
 * middle band and no Y).
 */
function letterRows(ink: Uint8Array, w: number, rows: number): [number, number] {
  // each row's ink and its narrowest run; the strokes' width is the median of those
  const inked: number[] = [];
  const narrowest: number[] = [];
  for (let y = 0; y < rows; y++) {
    let count = 0;
    let least = Infinity;
    for (let x = 0, run = 0; x <= w; x++) {
      if (x < w && ink[y * w + x]) run++;
      else if (run > 0) [least, count, run] = [Math.min(least, run), count + run, 0];
    }
    inked.push(count);
    if (count > 0) narrowest.push(least);
  }
  narrowest.sort((a, b) => a - b);
  const stroke = narrowest[Math.floor(narrowest.length / 2)] ?? 0;
  let [first, last] = [0, rows - 1];
  while (first < last && inked[first]! <= stroke / 2) first++;
  while (last > first && inked[last]! <= stroke / 2) last--;
  return [first, last];
}

/**
 * Runs of ink across a band of rows: their commonest number and, over the rows with that many, the first run's mean
 * centre and least width (a stem's, under a serif or a blot), the mean of where the first starts and the last ends,
 * and the widest run of any row, all as shares of the mark's width.
 */
type Band = { runs: number; centre: number; width: number; left: number; right: number; widest: number };

/**
 * The runs of ink across the rows from `from` to `to` (shares of the mark's height). Gaps of one pixel inside a run
 * are bridged (a photo's ink is grainy).
 */
function band(ink: Uint8Array, w: number, h: number, from: number, to: number): Band {
  const rows: [number, number][][] = [];
  const first = Math.floor(from * h);
  const last = Math.min(h - 1, Math.max(first, Math.ceil(to * h) - 1));
  for (let y = first; y <= last; y++) {
    const runs: [number, number][] = [];
    for (let x = 0; x < w; x++) {
      if (!ink[y * w + x]) continue;
      const open = runs[runs.length - 1];
      if (open && x - open[1] <= 2) open[1] = x;
      else runs.push([x, x]);
    }
    rows.push(runs);
  }
  const tally = new Map<number, number>();
  for (const r of rows) tally.set(r.length, (tally.get(r.length) ?? 0) + 1);
  const runs = [...tally].reduce((best, t) => (t[1] > best[1] ? t : best), [0, -1])[0];
  const modal = rows.filter((r) => r.length === runs && runs > 0);
  const mean = (f: (r: [number, number][]) => number) => (modal.length === 0 ? 0 : modal.reduce((n, r) => n + f(r), 0) / modal.length / w);
  return {
    runs,
    centre: mean((r) => (r[0]![0] + r[0]![1] + 1) / 2),
    width: modal.length === 0 ? 0 : Math.min(...modal.map((r) => r[0]![1] - r[0]![0] + 1)) / w,
    left: mean((r) => r[0]![0]),
    right: mean((r) => r[r.length - 1]![1] + 1),
    widest: Math.max(0, ...rows.flat().map(([a, z]) => z - a + 1)) / w,
  };
}
