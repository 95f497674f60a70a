// A glyph typed across a vertical rule loses, with the rule, the part of it the rule ran through: an X over the SUBR
// column's left rule comes out of the cleaning with an arm gone, a Y without its left arm, which tesseract reads as
// '¥', '%' or nothing. Where a stroke leaves the removed rule on one side and carries on on the other, in the same
// rows, it crossed the rule; where the ink taken out of a row is wider than the rule is elsewhere and joins ink the
// cleaning kept, a glyph's stroke lay on the rule. Those rows of the rule are the glyph's ink and are put back.
import { INK, inkPieceAt, type InkPiece } from './preprocess.js';
import type { GreyBitmap } from './render.js';

/** A row's removed run is a glyph's stroke on the rule when it is at least this many pixels wider than the rule. */
const WIDER_THAN_RULE = 2;

/**
 * `cleaned` (a crop of the cleaned page; a copy where anything is put back) with the glyph strokes that lay on or crossed a removed
 * vertical rule put back, judged against `binary` (the same pixels before the rules were removed). A rule column is
 * one the cleaning took at least `minRule` pixels out of, from the first to the last, across gaps of paper up to
 * `maxGap` (a photo's rule is broken). In each row, a run of such columns' removed pixels at most `maxThickness`
 * wide is put back where the cleaned bitmap has ink just left of it and just right of it (within as many rows as the
 * run is wide: a slanting stroke steps a row a pixel), or where it is WIDER_THAN_RULE wider than the rule's own runs
 * (their median width) and has kept ink beside it, and the runs as wide on from those in the rows above and below,
 * up to maxThickness rows away (an arm's end lies on the rule with nothing kept beside it).
 */
export function rejoinAcrossRules(cleaned: GreyBitmap, binary: GreyBitmap, maxThickness: number, minRule: number, maxGap = 0): GreyBitmap {
  const { width, height } = cleaned;
  if (binary.width !== width || binary.height !== height) throw new RangeError('the two bitmaps differ in size');
  const removed = (x: number, y: number) => binary.data[y * width + x] === INK && cleaned.data[y * width + x] !== INK;
  const ruleColumn = new Uint8Array(width);
  for (let x = 0; x < width; x++) {
    let first = -1;
    let last = -1;
    for (let y = 0; y < height && !ruleColumn[x]; y++) {
      if (removed(x, y)) {
        if (first < 0) first = y;
        last = y;
        if (last - first + 1 >= minRule) ruleColumn[x] = 1;
      } else if (binary.data[y * width + x] === INK || y - last > maxGap) first = -1;
    }
  }
  // the removed runs of each row across rule columns: [row, from, to)
  const runs: [number, number, number][] = [];
  for (let y = 0; y < height; y++) {
    let x = 0;
    while (x < width) {
      if (!ruleColumn[x] || !removed(x, y)) {
        x++;
        continue;
      }
      let end = x;
      while (end < width && ruleColumn[end] && removed(end, y)) end++;
      if (end - x <= maxThickness) runs.push([y, x, end]);
      x = end;
    }
  }
  if (runs.length === 0) return cleaned;
  const widths = runs.map(([, a, b]) => b - a).sort((a, b) => a - b);
  const ruleWidth = widths[widths.length >> 1]!;
  const kept = (x: number, y: number) => x >= 0 && x < width && y >= 0 && y < height && cleaned.data[y * width + x] === INK;
  const inkNear = (x: number, y: number, rows: number) => {
    for (let yy = y - rows; yy <= y + rows; yy++) if (kept(x, yy)) return true;
    return false;
  };
  const out = cleaned.data.slice();
  const wide = (x: number, end: number) => end - x >= ruleWidth + WIDER_THAN_RULE;
  const restored = new Set<number>();
  runs.forEach(([y, x, end], i) => {
    const rows = Math.max(1, end - x);
    const crossing = inkNear(x - 1, y, rows) && inkNear(end, y, rows);
    const onRule = wide(x, end) && (inkNear(x - 1, y, 1) || inkNear(end, y, 1));
    if (crossing || onRule) restored.add(i);
  });
  // (and the rows of such a stroke on from those, wider than the rule, under or over a row put back: an arm's end
  // lies on the rule with nothing kept beside it)
  const rowRuns = new Map<number, number[]>();
  runs.forEach(([y], i) => rowRuns.set(y, [...(rowRuns.get(y) ?? []), i]));
  // (no further than maxThickness rows from a row put back on its own merits: a rule drawn thicker there, as a
  // photo's light draws it, is not followed down the page)
  const queue = [...restored].map((i) => [i, runs[i]![0]] as const);
  while (queue.length > 0) {
    const [i, seed] = queue.pop()!;
    const [y, x, end] = runs[i]!;
    for (const j of [...(rowRuns.get(y - 1) ?? []), ...(rowRuns.get(y + 1) ?? [])]) {
      const [yj, a, b] = runs[j]!;
      if (restored.has(j) || !wide(a, b) || b <= x || a >= end || Math.abs(yj - seed) > maxThickness) continue;
      restored.add(j);
      queue.push([j, seed]);
    }
  }
  for (const i of restored) {
    const [y, x, end] = runs[i]!;
    out.fill(INK, y * width + x, y * width + end);
  }
  return { width, height, data: out };
}

/**
 * A copy of a crop of one column of single marks (flags, letters) with what is no part of a mark taken away, as a
 * photo leaves it beside a flag typed against the column's rule:
 * - the stretches of a thin vertical line (a rule's remnant the cleaning did not take, bent on a photo) that stand
 *   alone: pixels of a vertical ink run at least `longRun` pixels long, in rows where the ink around them is no wider
 *   than `maxThickness` (where the line crosses a mark's stroke, the stroke's row is wider, and it stays);
 * - specks and ticks beside a mark: in each band of rows holding ink, a connected piece of ink under SPECK_SHARE of
 *   the band's largest piece and wholly left or right of it ("'X": a piece of the rule's edge left of an X), unless
 *   it is wider than `maxThickness` and no further from it (an arm a photo broke off a Y's stem).
 */
export function isolateMarks(crop: GreyBitmap, maxThickness: number, longRun: number): GreyBitmap {
  const { width, height } = crop;
  const data = crop.data.slice();
  const ink = (x: number, y: number) => x >= 0 && x < width && y >= 0 && y < height && data[y * width + x] === INK;
  // the thin line's lone stretches
  const drop: number[] = [];
  for (let x = 0; x < width; x++) {
    let y = 0;
    while (y < height) {
      if (!ink(x, y)) {
        y++;
        continue;
      }
      let end = y;
      while (end < height && ink(x, end)) end++;
      if (end - y >= longRun) {
        for (let r = y; r < end; r++) {
          let a = x;
          let b = x;
          while (ink(a - 1, r)) a--;
          while (ink(b + 1, r)) b++;
          if (b - a + 1 <= maxThickness) drop.push(r * width + x);
        }
      }
      y = end;
    }
  }
  for (const i of drop) data[i] = 255;
  // the specks beside a mark, band by band
  const seen = new Uint8Array(width * height);
  const pieces: InkPiece[] = [];
  const cleared = { width, height, data };
  for (let start = 0; start < width * height; start++) if (!seen[start] && data[start] === INK) pieces.push(inkPieceAt(cleared, start, seen));
  const size = (p: InkPiece) => p.pixels.length;
  for (const p of pieces) {
    // the largest piece whose rows meet this one's
    const beside = pieces.filter((o) => o !== p && o.top <= p.bottom && o.bottom >= p.top);
    const largest = beside.reduce<InkPiece | null>((best, o) => (best === null || size(o) > size(best) ? o : best), null);
    if (largest === null || size(p) >= SPECK_SHARE * size(largest)) continue;
    // (a piece as wide as a stroke next to the mark is a piece of it: a photo breaks a Y's arm off its stem)
    const gap = p.right < largest.left ? largest.left - p.right - 1 : p.left > largest.right ? p.left - largest.right - 1 : -1;
    if (gap >= 0 && (gap > maxThickness || p.right - p.left + 1 <= maxThickness)) for (const i of p.pixels) data[i] = 255;
  }
  return { width, height, data };
}

/** A piece of ink under this share of the largest beside it, and apart from it, is a speck, not part of a mark. */
const SPECK_SHARE = 0.35;
