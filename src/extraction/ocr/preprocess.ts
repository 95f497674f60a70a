// Cleaning a greyscale page before OCR: binarize (Otsu), estimate and undo the skew of a scan (projection profiles
// over ±3°), and remove ruled lines, because tesseract drops or garbles text that sits inside ruled boxes, and an
// ACORD form is all ruled boxes. Plain loops over typed arrays; a 300 dpi letter page takes a few hundred ms.
import type { GreyBitmap } from './render.js';

export const INK = 0;
const PAPER = 255;

/** A piece of 8-connected ink: the bitmap indexes of its pixels, and its box (pixels, inclusive). */
export type InkPiece = { pixels: number[]; left: number; right: number; top: number; bottom: number };

/**
 * The piece of 8-connected ink (pixels darker than mid-grey) pixel `start` belongs to. Its pixels are marked in `seen`
 * (a byte a pixel of the bitmap), so that a scan over the bitmap follows each piece once.
 */
export function inkPieceAt(b: GreyBitmap, start: number, seen: Uint8Array): InkPiece {
  const { width, height, data } = b;
  const pixels: number[] = [];
  const x = start % width;
  const y = (start - x) / width;
  const piece = { pixels, left: x, right: x, top: y, bottom: y };
  seen[start] = 1;
  const stack = [start];
  while (stack.length > 0) {
    const i = stack.pop()!;
    pixels.push(i);
    const px = i % width;
    const py = (i - px) / width;
    if (py < piece.top) piece.top = py;
    if (py > piece.bottom) piece.bottom = py;
    if (px < piece.left) piece.left = px;
    if (px > piece.right) piece.right = px;
    for (let dy = -1; dy <= 1; dy++) {
      const ny = py + dy;
      if (ny < 0 || ny >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const nx = px + dx;
        if (nx < 0 || nx >= width) continue;
        const j = ny * width + nx;
        if (!seen[j] && data[j]! < 128) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
  }
  return piece;
}

/** Otsu's threshold of a greyscale bitmap: pixels at or below it are ink. */
export function otsuThreshold(bitmap: GreyBitmap): number {
  const histogram = new Float64Array(256);
  const data = bitmap.data;
  for (let i = 0; i < data.length; i++) histogram[data[i]]++;
  const total = data.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * histogram[v];
  let sumBelow = 0;
  let countBelow = 0;
  let best = 127;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    countBelow += histogram[t];
    if (countBelow === 0) continue;
    const countAbove = total - countBelow;
    if (countAbove === 0) break;
    sumBelow += t * histogram[t];
    const meanBelow = sumBelow / countBelow;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const variance = countBelow * countAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/**
 * A black-and-white bitmap (0 ink, 255 paper). Without a threshold, Otsu's is used. `out` (as many pixels) is written
 * instead of a new array when given.
 */
export function binarize(bitmap: GreyBitmap, threshold = otsuThreshold(bitmap), out: Uint8Array = new Uint8Array(bitmap.data.length)): GreyBitmap {
  const data = bitmap.data;
  for (let i = 0; i < data.length; i++) out[i] = data[i] <= threshold ? INK : PAPER;
  return { width: bitmap.width, height: bitmap.height, data: out };
}

/**
 * The paper's grey: the median of the pixels lighter than `threshold` (the page's background, as the scanner or the
 * camera's evened-out light gives it), over every seventh pixel (a page's paper is millions of them).
 */
function paperLevel(bitmap: GreyBitmap, threshold: number): number {
  const histogram = new Uint32Array(256);
  const data = bitmap.data;
  for (let i = 0; i < data.length; i += 7) histogram[data[i]]++;
  let lighter = 0;
  for (let v = threshold + 1; v < 256; v++) lighter += histogram[v];
  let seen = 0;
  for (let v = threshold + 1; v < 256; v++) {
    seen += histogram[v];
    if (seen >= lighter / 2) return v;
  }
  return PAPER;
}

/**
 * As binarize, keeping the hairlines a scan greys out: a serif type's thin strokes (the tops and feet of its zeros)
 * are lighter than Otsu's threshold, and '1,000,000' read without them is '1,0)0,0)0', '100,000' or '19000'. A pixel
 * lighter than `threshold` is ink still when it is no lighter than halfway to the paper and is a ridge: darker, by
 * more than the scan's noise, than the pixels `reach` away on both sides of it across a row or down a column. A thin
 * stroke is such a ridge; the grey fringe along a thick stroke's edge and the grey of the paper are not, so strokes
 * keep their width and the paper stays clean. `reach` is half a point (a hairline blurred by the scan spreads that
 * far).
 */
export function binarizeKeepingHairlines(bitmap: GreyBitmap, threshold: number, pixelsPerPoint: number, out: Uint8Array = new Uint8Array(bitmap.data.length)): GreyBitmap {
  const { width, height, data } = bitmap;
  const paper = paperLevel(bitmap, threshold);
  if (paper - threshold < 8) return binarize(bitmap, threshold, out);
  const lightest = threshold + HAIRLINE_REACH * (paper - threshold);
  const margin = HAIRLINE_CONTRAST * (paper - threshold);
  const reach = Math.max(1, Math.round(0.5 * pixelsPerPoint));
  const across = reach * width;
  // A run of ridges (along the row for ridges across it, down the column for ridges across the column) is a hairline
  // when it runs from ink to ink (the top of a zero between its sides), or on from ink for three reaches or more; and
  // it is no longer than HAIRLINE_LONGEST_PT. Shorter, off a stroke into the paper, it is a speck of the scan's or a
  // JPEG block's edge; touching no ink, or longer, a faint rule. One pass: the runs along a row are followed in
  // `rowStart`, those down the columns in `columnStarts`, and a run's pixels are made ink when it ends.
  const longRun = 3 * reach;
  const isInk = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && data[y * width + x]! <= threshold;
  // ink at most `reach` on from a run's end (x, y), stepping by (dx, dy), or beside that path
  const inkBeyond = (x: number, y: number, dx: number, dy: number) => {
    for (let k = 0; k < reach; k++) {
      const px = x + k * dx;
      const py = y + k * dy;
      if (isInk(px, py) || isInk(px - dy, py - dx) || isInk(px + dy, py + dx)) return true;
    }
    return false;
  };
  const longestRun = Math.round(HAIRLINE_LONGEST_PT * pixelsPerPoint);
  const hairline = (length: number, inkBefore: boolean, inkAfter: boolean) =>
    length <= longestRun && ((inkBefore && inkAfter) || (length >= longRun && (inkBefore || inkAfter)));
  const endRow = (y: number, from: number, to: number) => {
    if (hairline(to - from, inkBeyond(from - 1, y, -1, 0), inkBeyond(to, y, 1, 0))) out.fill(INK, y * width + from, y * width + to);
  };
  const endColumn = (x: number, from: number, to: number) => {
    if (hairline(to - from, inkBeyond(x, from - 1, 0, -1), inkBeyond(x, to, 0, 1))) for (let k = from; k < to; k++) out[k * width + x] = INK;
  };
  const columnStarts = new Int32Array(width).fill(-1);
  let openColumns = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    if (y < reach || y >= height - reach) {
      for (let i = row; i < row + width; i++) out[i] = data[i]! <= threshold ? INK : PAPER;
      continue;
    }
    for (let i = row; i < row + reach; i++) out[i] = data[i]! <= threshold ? INK : PAPER;
    for (let i = row + width - reach; i < row + width; i++) out[i] = data[i]! <= threshold ? INK : PAPER;
    let rowStart = -1;
    for (let x = reach; x < width - reach; x++) {
      const i = row + x;
      const v = data[i]!;
      let alongRow = false;
      let downColumn = false;
      out[i] = v <= threshold ? INK : PAPER;
      if (v > threshold && v <= lightest) {
        const side = v + margin;
        alongRow = data[i - across]! >= side && data[i + across]! >= side;
        downColumn = data[i - reach]! >= side && data[i + reach]! >= side;
      }
      if (alongRow) {
        if (rowStart < 0) rowStart = x;
      } else if (rowStart >= 0) {
        endRow(y, rowStart, x);
        rowStart = -1;
      }
      if (downColumn) {
        if (columnStarts[x]! < 0) {
          columnStarts[x] = y;
          openColumns++;
        }
      } else if (openColumns > 0 && columnStarts[x]! >= 0) {
        endColumn(x, columnStarts[x]!, y);
        columnStarts[x] = -1;
        openColumns--;
      }
    }
    if (rowStart >= 0) endRow(y, rowStart, width - reach);
  }
  for (let x = 0; x < width; x++) if (columnStarts[x]! >= 0) endColumn(x, columnStarts[x]!, height - reach);
  return { width, height, data: out };
}

/** How far toward the paper a hairline's grey may be (a fraction of the way from the threshold). */
const HAIRLINE_REACH = 0.5;
/** A hairline is no longer than this (points): a glyph's stroke. A longer ridge is a faint rule. */
const HAIRLINE_LONGEST_PT = 6;
/** How much darker than the pixels on both sides a hairline's grey is (a fraction of the threshold's distance to the paper). */
const HAIRLINE_CONTRAST = 0.15;

/**
 * The angle in degrees by which the page's content is turned, in the canvas convention (positive = clockwise on
 * screen, y down), searched within ±maxDegrees. Rotating the page by the negative of it straightens it. Works on a
 * binarized bitmap: the angle at which rows of ink (text lines, ruled lines) project most sharply onto the y axis.
 */
export function estimateSkew(binary: GreyBitmap, maxDegrees = 3): number {
  return projectionSharpness(binary, maxDegrees).degrees;
}

/**
 * The angle (as estimateSkew's) within ±maxDegrees at which the bitmap's ink projects most sharply onto its rows, and
 * that profile's sharpness: the sum of its squared row counts (ink in bands with paper between scores high; the same
 * ink spread evenly, low), and the profile itself (ink per row at that angle, sampled). The angle is searched in
 * `steps` of degrees, each finer one around the best of the one before.
 */
export function projectionSharpness(binary: GreyBitmap, maxDegrees: number, steps: readonly number[] = [0.25, 0.05, 0.01]): { degrees: number; score: number; profile: Float64Array } {
  const { width, height, data } = binary;
  // ink pixel coordinates, sampled down to a bounded count; relative to the centre
  const MAX_POINTS = 250_000;
  let ink = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === INK) ink++;
  if (ink < 50) return { degrees: 0, score: 0, profile: new Float64Array(0) };
  const stride = Math.max(1, Math.ceil(ink / MAX_POINTS));
  const xs = new Float32Array(Math.ceil(ink / stride) + 1);
  const ys = new Float32Array(xs.length);
  let n = 0;
  let seen = 0;
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x] !== INK) continue;
      if (seen++ % stride !== 0) continue;
      xs[n] = x - cx;
      ys[n] = y - cy;
      n++;
    }
  }
  const diagonal = Math.ceil(Math.hypot(width, height)) + 2;
  const bins = new Float64Array(diagonal);
  const offset = diagonal / 2;
  const score = (degrees: number): number => {
    const a = (degrees * Math.PI) / 180;
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    bins.fill(0);
    for (let i = 0; i < n; i++) {
      // the y of the point once the page is turned back by `degrees`
      const y = ys[i] * cos - xs[i] * sin + offset;
      bins[y | 0]++;
    }
    let s = 0;
    for (let i = 0; i < diagonal; i++) s += bins[i] * bins[i];
    return s;
  };
  let bestScore = -1;
  const search = (from: number, to: number, step: number): number => {
    let best = from;
    bestScore = -1;
    for (let d = from; d <= to + 1e-9; d += step) {
      const s = score(d);
      if (s > bestScore) {
        bestScore = s;
        best = d;
      }
    }
    return best;
  };
  // (each step's search around the best angle of the step before)
  let best = search(-maxDegrees, maxDegrees, steps[0]!);
  for (let k = 1; k < steps.length; k++) best = search(best - steps[k - 1]!, best + steps[k - 1]!, steps[k]!);
  const degrees = Math.round(best * 100) / 100;
  const top = bestScore;
  score(best);
  return { degrees, score: top, profile: bins };
}

/**
 * The bitmap turned by `degrees` (canvas convention: positive = clockwise on screen) about its centre, same size,
 * bilinear; what comes in from outside is paper.
 */
export function rotate(bitmap: GreyBitmap, degrees: number): GreyBitmap {
  const { width, height, data } = bitmap;
  if (degrees === 0) return { width, height, data: data.slice() };
  const out = new Uint8Array(width * height);
  const a = (degrees * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - cy;
    // source = rotation by -a of the destination point
    let sx = -0.5 + cx + (-cx + 0.5) * cos + dy * sin;
    let sy = -0.5 + cy - (-cx + 0.5) * sin + dy * cos;
    const row = y * width;
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[row + x] = PAPER;
        continue;
      }
      const i = y0 * width + x0;
      const v = data[i]!;
      // most of a page is blank paper: four equal neighbours give their value without the arithmetic (the same value
      // it would give)
      if (data[i + 1] === v && data[i + width] === v && data[i + width + 1] === v) {
        out[row + x] = v;
        continue;
      }
      const wx = sx - x0;
      const wy = sy - y0;
      const top = data[i] + (data[i + 1] - data[i]) * wx;
      const bottom = data[i + width] + (data[i + width + 1] - data[i + width]) * wx;
      out[row + x] = top + (bottom - top) * wy;
    }
  }
  return { width, height, data: out };
}

export type LineRemovalOptions = {
  /** Horizontal ink runs at least this long (pixels) are rules. */
  minHorizontal: number;
  /** Vertical ink runs at least this long (pixels) are rules. */
  minVertical: number;
  /** A rule is at most this thick (pixels); ink crossing a rule with a longer run across it is a glyph and is kept. */
  maxThickness: number;
  /**
   * Gaps of up to this many paper pixels inside a run are bridged, as long as the run stays at least RULE_FILL ink: a
   * thin rule of a noisy or upsampled scan binarizes into dashes, each shorter than a rule, which OCR then reads as
   * letters (J, E, -). Default 0 (runs end at the first paper pixel).
   */
  maxGap?: number;
  /**
   * Also removes each thin run across a rule, at most this many pixels, once any pixel of it lies on the rule: the
   * fringe rows of a slightly slanted or blurred rule are shorter than a rule and would otherwise stay as dashes. Keep
   * it below a rule plus a glyph's stroke, or a glyph standing on the rule loses its foot. Default 0 (off).
   */
  fringes?: number;
  /**
   * Horizontal runs are measured over this many rows either side of a pixel's own (ink in any of them counts): a rule
   * that slants or bends (a photo's, a few pixels over the page) steps from row to row, and on its own row each step
   * is shorter than a rule. Default 0.
   */
  slant?: number;
  /**
   * Also removes rules left as dashes (a photo's rule broken by uneven light into pieces, each shorter than a rule):
   * thin horizontal pieces at least this long (pixels), in a row of three or more, gaps no longer than twice this,
   * covering at least DASHED_FILL of their span, which is at least ten times this. Default 0 (off).
   */
  dashes?: number;
};

/** Dashes of a broken rule cover at least this share of the span from the first to the last. */
const DASHED_FILL = 0.4;

/**
 * Clears the rules OCR cleaning left as dashes (LineRemovalOptions.dashes): per row, the thin horizontal runs at
 * least `minDash` long, chained with those of the rows beside it (a rule slants a pixel or two over the page).
 */
function removeDashedRules(out: Uint8Array, width: number, height: number, minDash: number, maxThickness: number): void {
  // thin runs: every column of the run has at most maxThickness rows of ink around the row
  const thinAt = (x: number, y: number): [number, number] | null => {
    let top = y;
    while (top > 0 && out[(top - 1) * width + x] === INK && y - top < maxThickness) top--;
    let bottom = y;
    while (bottom < height - 1 && out[(bottom + 1) * width + x] === INK && bottom - top < maxThickness) bottom++;
    return bottom - top + 1 <= maxThickness ? [top, bottom] : null;
  };
  type Dash = { y: number; x0: number; x1: number };
  const dashes: Dash[] = [];
  rowInkRuns(out, width, height, (y, x, end) => {
    if (end - x < minDash) return;
    let thin = 0;
    for (let c = x; c < end; c++) if (thinAt(c, y)) thin++;
    if (thin >= 0.9 * (end - x)) dashes.push({ y, x0: x, x1: end - 1 });
  });
  // chains: dashes left to right whose rows are within two pixels of the last one's, gaps at most 2 × minDash
  dashes.sort((a, b) => a.x0 - b.x0);
  const used = new Set<Dash>();
  for (const first of dashes) {
    if (used.has(first)) continue;
    const chain = [first];
    let last = first;
    for (const d of dashes) {
      // (sorted by x0: once one starts past the gap, so do all after it)
      if (d.x0 - last.x1 > 2 * minDash) break;
      if (d.x0 <= last.x1 || used.has(d) || Math.abs(d.y - last.y) > 2) continue;
      chain.push(d);
      last = d;
    }
    const span = last.x1 - first.x0 + 1;
    const inked = chain.reduce((n, d) => n + d.x1 - d.x0 + 1, 0);
    if (chain.length < 3 || span < 10 * minDash || inked < DASHED_FILL * span) continue;
    for (const d of chain) {
      used.add(d);
      for (let c = d.x0; c <= d.x1; c++) {
        const t = thinAt(c, d.y);
        if (t) for (let yy = t[0]; yy <= t[1]; yy++) out[yy * width + c] = PAPER;
      }
    }
  }
}

/** A bridged run is a rule only when at least this share of it is ink (a row through text has far more gaps). */
const RULE_FILL = 0.8;

/** The longest run length counted; longer runs count as this long. */
const MAX_RUN = 65535;

/**
 * Lengths of the ink runs along one line of pixels (`n` pixels, the i-th at data[start + i * step]), written to out[i]
 * for each ink pixel i of the line (at most MAX_RUN). Gaps up to `maxGap` are bridged when the bridged run stays
 * RULE_FILL ink.
 */
function runLengths(data: Uint8Array, out: Uint16Array, start: number, step: number, n: number, maxGap: number): void {
  let i = 0;
  while (i < n) {
    if (data[start + i * step] !== INK) {
      i++;
      continue;
    }
    // the plain run from i
    let end = i;
    while (end < n && data[start + end * step] === INK) end++;
    let spanEnd = end;
    let ink = end - i;
    if (maxGap > 0) {
      // extend across short gaps
      let j = end;
      for (;;) {
        let gap = 0;
        while (j < n && data[start + j * step] !== INK && gap <= maxGap) (j++, gap++);
        if (j >= n || gap > maxGap) break;
        let k = j;
        while (k < n && data[start + k * step] === INK) k++;
        if ((ink + k - j) / (k - i) < RULE_FILL) break;
        ink += k - j;
        spanEnd = k;
        j = k;
      }
    }
    const length = Math.min(MAX_RUN, spanEnd - i);
    for (let k = i; k < spanEnd; k++) if (data[start + k * step] === INK) out[k] = length;
    i = spanEnd;
  }
}

/**
 * A copy of a binarized bitmap without its ruled lines: a pixel goes when it lies on a long horizontal run and a
 * short vertical one (or the reverse), or on long runs both ways (where rules cross). Glyph strokes that cross or
 * touch a rule survive, since their run across the rule is longer than the rule is thick.
 */
export function removeRuledLines(binary: GreyBitmap, options: LineRemovalOptions): GreyBitmap {
  const { width, height, data } = binary;
  const size = width * height;
  const runs = runClasses(binary, options);
  const out = data.slice();
  for (let i = 0; i < size; i++) {
    if (data[i] !== INK) continue;
    const r = runs[i]!;
    // on a long horizontal run and a thin or long vertical one, or on a long vertical run and a thin horizontal one
    if ((r & H_RULE && r & (V_THIN | V_RULE)) || (r & V_RULE && r & H_THIN)) out[i] = PAPER;
  }
  if (options.fringes) removeFringes(data, out, runs, width, height, options.fringes);
  if (options.dashes) removeDashedRules(out, width, height, options.dashes, options.maxThickness);
  despeckleInPlace(out, width, height);
  return { width, height, data: out };
}

// What line removal asks of the two runs through an ink pixel is only ever one of these comparisons with the options'
// lengths, so each pixel keeps their answers as bits (one byte a pixel) rather than both run lengths (two 16-bit
// arrays the size of the page, the largest memory of a page's cleaning).
/** The horizontal run is at least minHorizontal long. */
const H_RULE = 1;
/** The horizontal run is at most maxThickness long. */
const H_THIN = 2;
/** The vertical run is at least minVertical long. */
const V_RULE = 4;
/** The vertical run is at most maxThickness long. */
const V_THIN = 8;

/** For each ink pixel of a binarized bitmap, the H_* and V_* bits of the runs through it. */
function runClasses(binary: GreyBitmap, options: LineRemovalOptions): Uint8Array {
  const runs = rawRunClasses(binary, options);
  if (options.maxGap) keepThinRules(runs, binary, options.maxGap, Math.round(options.minHorizontal / 2), options.slant ?? 0);
  return runs;
}

/** Share of a horizontal rule's ink pixels that must be thin across it (V_THIN). */
const RULE_THIN_SHARE = 0.75;

/**
 * Takes back H_RULE from runs that are no rule: a bridged run along a line of bold type (the bars of "BER" in
 * NUMBER: touching letters, or gaps of a pixel or two) is as long and as full as a rule, but the glyphs' stems cross
 * it every few pixels, each far thicker than a rule. A rule is thin nearly all along, and somewhere along it thin for
 * longer than a glyph is wide (`minStretch`), even where the text it underlines touches it.
 */
function keepThinRules(runs: Uint8Array, binary: GreyBitmap, maxGap: number, minStretch: number, slant: number): void {
  const { width, height, data } = binary;
  // per column of the rows y - slant … y + slant (a slanting rule steps between them): whether any pixel lies on a
  // long horizontal run, and whether any of those is thick across it
  const onRule = new Uint8Array(width);
  const thick = new Uint8Array(width);
  const clear: number[] = [];
  // (rows with no pixel on a long run, most of a page, have nothing to judge: skipped)
  const ruled = new Uint8Array(height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (runs[row + x]! & H_RULE) {
        ruled[y] = 1;
        break;
      }
    }
  }
  for (let y = 0; y < height; y++) {
    if (ruled.subarray(Math.max(0, y - slant), y + slant + 1).indexOf(1) < 0) {
      if (y >= slant) flush(y - slant);
      continue;
    }
    onRule.fill(0);
    thick.fill(0);
    for (let yy = Math.max(0, y - slant); yy <= Math.min(height - 1, y + slant); yy++) {
      const r = yy * width;
      for (let x = 0; x < width; x++) {
        const c = runs[r + x]!;
        if (data[r + x] !== INK || !(c & H_RULE)) continue;
        onRule[x] = 1;
        if (!(c & V_THIN)) thick[x] = 1;
      }
    }
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (!onRule[x]) {
        x++;
        continue;
      }
      // one run: columns on a rule at most maxGap apart
      let end = x;
      let last = x;
      let ink = 0;
      let thin = 0;
      let stretchFrom = -1;
      let longest = 0;
      while (end < width && end - last <= maxGap + 1) {
        if (onRule[end]) {
          ink++;
          if (!thick[end]) {
            thin++;
            if (stretchFrom < 0) stretchFrom = end;
            longest = Math.max(longest, end - stretchFrom + 1);
          } else stretchFrom = -1;
          last = end;
        }
        end++;
      }
      if (thin < RULE_THIN_SHARE * ink || longest < minStretch) clear.push(row + x, row + last);
      x = last + 1;
    }
    // the row's own pixels are cleared once its band is read (the next rows' bands still see them as they were)
    if (y >= slant) flush(y - slant);
  }
  for (let y = Math.max(0, height - slant); y < height; y++) flush(y);

  function flush(upTo: number): void {
    // runs are recorded as [from, to] pixel indices; those of rows up to `upTo` are applied
    let kept = 0;
    for (let i = 0; i < clear.length; i += 2) {
      if (Math.floor(clear[i]! / width) > upTo) {
        clear[kept++] = clear[i]!;
        clear[kept++] = clear[i + 1]!;
        continue;
      }
      for (let k = clear[i]!; k <= clear[i + 1]!; k++) runs[k]! &= ~H_RULE;
    }
    clear.length = kept;
  }
}

function rawRunClasses(binary: GreyBitmap, options: LineRemovalOptions): Uint8Array {
  const { width, height, data } = binary;
  const { minHorizontal, minVertical, maxThickness } = options;
  const maxGap = options.maxGap ?? 0;
  const runs = new Uint8Array(width * height);
  const line = new Uint16Array(Math.max(width, height));
  const horizontal = (length: number) => (length >= minHorizontal ? H_RULE : 0) | (length <= maxThickness ? H_THIN : 0);
  const vertical = (length: number) => (length >= minVertical ? V_RULE : 0) | (length <= maxThickness ? V_THIN : 0);
  const slant = options.slant ?? 0;
  const band = slant > 0 ? new Uint8Array(width) : null;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    // (a row of no ink has no runs: the blank rows between lines of text are skipped)
    if (data.subarray(row, row + width).indexOf(INK) < 0) continue;
    if (band) {
      // (ink in any of the rows: INK is 0 and PAPER 255, so their bytes ANDed)
      const first = Math.max(0, y - slant);
      band.set(data.subarray(first * width, first * width + width));
      for (let yy = first + 1; yy <= Math.min(height - 1, y + slant); yy++) {
        const r = yy * width;
        for (let x = 0; x < width; x++) band[x]! &= data[r + x]!;
      }
      runLengths(band, line, 0, 1, width, maxGap);
    } else runLengths(data, line, row, 1, width, maxGap);
    for (let x = 0; x < width; x++) if (data[row + x] === INK) runs[row + x]! |= horizontal(line[x]!);
  }
  if (maxGap > 0) {
    // (a column with the columns `slant` either side of it, as a row with its neighbours above: a photo's vertical
    // rules lean and bend as its horizontal ones do, a pixel or two over a form's height; widened row by row once,
    // where the pixels lie in memory, then followed down each column)
    // (each column followed as a row of the transposed bitmap: down a column of the page itself, every step is a
    // cache miss)
    const columns = transpose(slant > 0 ? widenRows(data, width, height, slant) : data, width, height);
    for (let x = 0; x < width; x++) {
      const at = x * height;
      runLengths(columns, line, at, 1, height, maxGap);
      // (the transposed page's own bytes become the run's bits: each is read before it is written)
      for (let y = 0; y < height; y++) columns[at + y] = columns[at + y] === INK ? vertical(line[y]!) : 0;
    }
    const bits = transpose(columns, height, width);
    for (let i = 0; i < runs.length; i++) if (data[i] === INK) runs[i]! |= bits[i]!;
    return runs;
  }
  // plain vertical runs
  columnInkRuns(data, width, height, (x, from, to) => {
    const bits = vertical(Math.min(MAX_RUN, to - from));
    for (let k = from; k < to; k++) runs[k * width + x]! |= bits;
  });
  return runs;
}

/** Tile edge (pixels) of transpose: a tile's rows, read and written, stay in the cache. */
const TILE = 64;

/** The `width` × `height` bytes turned about the diagonal (row y of the result is column y of the input), tile by tile. */
export function transpose(data: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let y0 = 0; y0 < height; y0 += TILE) {
    const y1 = Math.min(height, y0 + TILE);
    for (let x0 = 0; x0 < width; x0 += TILE) {
      const x1 = Math.min(width, x0 + TILE);
      for (let y = y0; y < y1; y++) {
        const row = y * width;
        for (let x = x0; x < x1; x++) out[x * height + y] = data[row + x]!;
      }
    }
  }
  return out;
}

/** Calls `each(y, x, end)` for every run of ink [x, end) along every row y of a bitmap's pixels, top to bottom. */
function rowInkRuns(data: Uint8Array, width: number, height: number, each: (y: number, x: number, end: number) => void): void {
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (data[row + x] !== INK) {
        x++;
        continue;
      }
      let end = x;
      while (end < width && data[row + end] === INK) end++;
      each(y, x, end);
      x = end;
    }
  }
}

/**
 * Calls `each(x, from, to)` for every run of ink, rows [from, to), down every column x of a bitmap's pixels, found row
 * by row where the pixels lie in memory: each column's open run is closed at its first paper pixel.
 */
function columnInkRuns(data: Uint8Array, width: number, height: number, each: (x: number, from: number, to: number) => void): void {
  const from = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (y < height && data[row + x] === INK) {
        if (from[x]! < 0) from[x] = y;
      } else if (from[x]! >= 0) {
        each(x, from[x]!, y);
        from[x] = -1;
      }
    }
  }
}

/** A copy of a bitmap's ink with each ink pixel spread `reach` pixels left and right along its row. */
function widenRows(data: Uint8Array, width: number, height: number, reach: number): Uint8Array {
  const out = new Uint8Array(data.length).fill(PAPER);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x] !== INK) continue;
      const to = Math.min(width - 1, x + reach);
      for (let xx = Math.max(0, x - reach); xx <= to; xx++) out[row + xx] = INK;
    }
  }
  return out;
}

/**
 * Clears each thin ink run (at most `maxThickness`) across a rule when one of its pixels lies on the rule: vertical runs
 * through horizontal rules, horizontal runs through vertical rules.
 */
function removeFringes(data: Uint8Array, out: Uint8Array, runs: Uint8Array, width: number, height: number, maxThickness: number): void {
  // vertical runs through horizontal rules: from each pixel on a rule, up and down its column's ink, each run once
  // (found row by row, where the pixels lie in memory: the rows of rules are few)
  const doneTo = new Int32Array(width).fill(-1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (!(runs[row + x]! & H_RULE) || data[row + x] !== INK || y <= doneTo[x]!) continue;
      let top = y;
      while (top > 0 && data[(top - 1) * width + x] === INK) top--;
      let end = y + 1;
      while (end < height && data[end * width + x] === INK) end++;
      doneTo[x] = end - 1;
      if (end - top <= maxThickness) for (let k = top; k < end; k++) out[k * width + x] = PAPER;
    }
  }
  // horizontal runs through vertical rules
  rowInkRuns(data, width, height, (y, x, end) => {
    if (end - x > maxThickness) return;
    const row = y * width;
    for (let k = x; k < end; k++) {
      if (runs[row + k]! & V_RULE) {
        out.fill(PAPER, row + x, row + end);
        return;
      }
    }
  });
}

/**
 * A page with this many lone specks or more is cleared of them before it is read: a fax has thousands; a clean scan
 * or photo a few dozen to two hundred, left as they are (clearing them changed a field here and there, for better
 * and for worse).
 */
const SPECKLED_PAGE = 400;

/** An ink piece no bigger than this each way (points) with no other ink near it is a speck (removeLoneSpecks). */
const SPECK_PT = 1.5;
/**
 * How far from any other ink a speck stands (points), along its row and up and down: a period stands about a point
 * after its letter (a fax's jagged edges can take it further: at 1.2 pt 'Inc.' lost its period, at 1.8 pt each way
 * too many specks above and below type stayed), an i's dot half a point over its stem.
 */
const SPECK_CLEARANCE_PT = { across: 1.8, down: 1.1 };

/**
 * Makes paper of the specks of a noisy scan or fax in place: pieces of 8-connected ink at most SPECK_PT across each
 * way with no other ink within SPECK_CLEARANCE_PT of their box (a fax's noise, a scanner's dust, at 300 dpi a few
 * pixels each; tesseract reads a row of them beside a name as letters: 'Pruitt Holdings LLC Lo on'). A period, a
 * comma, an i's dot and a colon's stand within a point of their letters, and stay. With `least`, only a page with at
 * least that many is cleared. Returns how many it removed.
 */
export function removeLoneSpecks(binary: GreyBitmap, pixelsPerPoint: number, options: { least?: number } = {}): number {
  // (counted first, where a least number is asked: a page with a few specks is left as it is)
  const least = options.least ?? 0;
  if (least > 0 && loneSpecks(binary, pixelsPerPoint, false) < least) return 0;
  return loneSpecks(binary, pixelsPerPoint, true);
}

/** The lone specks of the page (removeLoneSpecks), counted, and made paper where `clear`. */
function loneSpecks(binary: GreyBitmap, pixelsPerPoint: number, clear: boolean): number {
  const { width, height, data } = binary;
  const most = Math.max(2, Math.round(SPECK_PT * pixelsPerPoint));
  const across = Math.max(2, Math.round(SPECK_CLEARANCE_PT.across * pixelsPerPoint));
  const down = Math.max(2, Math.round(SPECK_CLEARANCE_PT.down * pixelsPerPoint));
  // each piece is followed only while it fits a speck's box: a larger one is given up at once (its pixels followed so
  // far marked done, and a later piece that meets them is part of it), so the page's type and rules cost little
  const CURRENT = 1;
  const DONE = 2;
  const seen = new Uint8Array(data.length);
  const stack = new Int32Array(most * most + 8);
  const pixels = new Int32Array(most * most + 8);
  let removed = 0;
  for (let sy = 0; sy < height; sy++) {
    const row = sy * width;
    for (let sx = 0; sx < width; sx++) {
      const start = row + sx;
      if (data[start] !== INK || seen[start] !== 0) continue;
      // (ink before it on its row or on the row above was met first: its piece was followed whole, and then this
      // pixel was seen, or given up)
      if (sx > 0 && data[start - 1] === INK) continue;
      if (sy > 0 && (data[start - width] === INK || (sx > 0 && data[start - width - 1] === INK) || (sx + 1 < width && data[start - width + 1] === INK))) continue;
      let left = sx;
      let right = sx;
      let top = sy;
      let bottom = sy;
      let count = 0;
      let depth = 0;
      let speck = true;
      seen[start] = CURRENT;
      stack[depth++] = start;
      while (depth > 0 && speck) {
        const i = stack[--depth]!;
        pixels[count++] = i;
        const py = (i / width) | 0;
        const px = i - py * width;
        for (let dy = -1; dy <= 1 && speck; dy++) {
          const ny = py + dy;
          if (ny < 0 || ny >= height) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            if (nx < 0 || nx >= width) continue;
            const j = ny * width + nx;
            if (data[j] !== INK || seen[j] === CURRENT) continue;
            // (ink of a piece given up earlier: this is part of it)
            if (seen[j] === DONE) {
              speck = false;
              break;
            }
            if (nx < left) left = nx;
            if (nx > right) right = nx;
            if (ny < top) top = ny;
            if (ny > bottom) bottom = ny;
            if (right - left >= most || bottom - top >= most || depth >= stack.length) {
              seen[j] = DONE;
              speck = false;
              break;
            }
            seen[j] = CURRENT;
            stack[depth++] = j;
          }
        }
      }
      for (let k = 0; k < count; k++) seen[pixels[k]!] = DONE;
      for (let k = 0; k < depth; k++) seen[stack[k]!] = DONE;
      if (!speck) continue;
      // alone: the ink within its box grown by the clearance is its own
      let ink = 0;
      const x0 = Math.max(0, left - across);
      const x1 = Math.min(width - 1, right + across);
      for (let y = Math.max(0, top - down), y1 = Math.min(height - 1, bottom + down); y <= y1 && ink <= count; y++) {
        for (let x = x0, r = y * width; x <= x1; x++) if (data[r + x] === INK) ink++;
      }
      if (ink !== count) continue;
      if (clear) for (let k = 0; k < count; k++) data[pixels[k]!] = PAPER;
      removed++;
    }
  }
  return removed;
}

/** Drops lone ink pixels (no ink among the 8 neighbours): scanner noise and what line removal leaves of a rule. */
export function despeckle(binary: GreyBitmap): GreyBitmap {
  const { width, height } = binary;
  const data = binary.data.slice();
  despeckleInPlace(data, width, height);
  return { width, height, data };
}

/**
 * despeckle without a second page: each pixel is judged by its neighbours as they were before any was dropped, from
 * copies of the row above (already changed) and of its own row; the row below is not changed yet.
 */
function despeckleInPlace(data: Uint8Array, width: number, height: number): void {
  if (height < 3) return;
  let above = data.slice(0, width);
  let row = new Uint8Array(width);
  for (let y = 1; y < height - 1; y++) {
    const start = y * width;
    row.set(data.subarray(start, start + width));
    const below = start + width;
    for (let x = 1; x < width - 1; x++) {
      if (row[x] !== INK) continue;
      if (
        row[x - 1] !== INK && row[x + 1] !== INK &&
        above[x - 1] !== INK && above[x] !== INK && above[x + 1] !== INK &&
        data[below + x - 1] !== INK && data[below + x] !== INK && data[below + x + 1] !== INK
      ) {
        data[start + x] = PAPER;
      }
    }
    const next = above;
    above = row;
    row = next;
  }
}

export type CleanedPage = {
  bitmap: GreyBitmap;
  /** The straightened page in black and white before its rules were removed: where the rules are. */
  binary: GreyBitmap;
  /** The straightened page in grey (its dark bars turned light), before binarizing: where small type reads better. */
  grey: GreyBitmap;
  /** The skew found and undone, degrees, canvas convention (see estimateSkew). */
  skewDegrees: number;
};

/**
 * The OCR-ready page: straightened, black and white, without rules. `pixelsPerPoint` scales the rule sizes.
 * `fringes` (default on) also clears broken rules and the stepped edges of slanted ones.
 */
/**
 * The vertical rules cleanPage removes, in pixels at `pixelsPerPoint`: at least minVertical tall (taller than 16 pt
 * capitals, shorter than one form row of two), at most maxThickness thick, their gaps up to maxGap bridged (the ACORD
 * cleaning's; glyph strokes are joined across them again by the same measures, strokes.ts).
 */
export function ruleSizes(pixelsPerPoint: number): { minVertical: number; maxThickness: number; maxGap: number } {
  return { minVertical: Math.round(15 * pixelsPerPoint), maxThickness: Math.max(2, Math.round(2.5 * pixelsPerPoint)), maxGap: Math.max(1, Math.round(0.5 * pixelsPerPoint)) };
}

/**
 * A copy of the page with its filled bars (a heading printed light on a dark or coloured band) turned dark on light,
 * or the page itself when it has none: binarized whole, such a bar is one block of ink and its heading is lost. A bar
 * is a region of cells (two points square) markedly darker than the paper, at least 40 pt wide and 8 pt tall, its top
 * and bottom rows of cells solid (bold type is never that); inside it, cut one cell in from its edges, a pixel lighter
 * than halfway from the bar's tone to the paper's is ink and every other one paper.
 */
export function liftDarkBars(grey: GreyBitmap, pixelsPerPoint: number): GreyBitmap {
  const { width, height, data } = grey;
  const cell = Math.max(2, Math.round(2 * pixelsPerPoint));
  const cw = Math.floor(width / cell);
  const ch = Math.floor(height / cell);
  if (cw < 3 || ch < 3) return grey;
  const paper = paperLevel(grey, otsuThreshold(grey));
  const means = new Uint8Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let sum = 0;
      for (let y = cy * cell; y < (cy + 1) * cell; y++) for (let x = cx * cell, i = y * width + x; x < (cx + 1) * cell; x++, i++) sum += data[i]!;
      means[cy * cw + cx] = sum / (cell * cell);
    }
  }
  const filled = (i: number) => means[i]! < paper * 0.6;
  const seen = new Uint8Array(cw * ch);
  let out: Uint8Array | null = null;
  for (let start = 0; start < means.length; start++) {
    if (seen[start] || !filled(start)) continue;
    // the region of filled cells (4-connected) and its box
    const stack = [start];
    seen[start] = 1;
    let [left, right, top, bottom] = [cw, 0, ch, 0];
    const cells: number[] = [];
    while (stack.length > 0) {
      const i = stack.pop()!;
      cells.push(i);
      const x = i % cw;
      const y = (i - x) / cw;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      for (const j of [x > 0 ? i - 1 : -1, x < cw - 1 ? i + 1 : -1, y > 0 ? i - cw : -1, y < ch - 1 ? i + cw : -1]) {
        if (j >= 0 && !seen[j] && filled(j)) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    const w = right - left + 1;
    const h = bottom - top + 1;
    if (w * cell < 40 * pixelsPerPoint || h * cell < 8 * pixelsPerPoint) continue;
    const solidRow = (y: number) => {
      let n = 0;
      for (let x = left; x <= right; x++) if (filled(y * cw + x)) n++;
      return n >= 0.85 * w;
    };
    // (a row near its top and one near its bottom: a scan leaves the bar a little crooked)
    const near = (from: number, step: number) => [0, 1, 2].some((k) => solidRow(from + k * step));
    if (!near(top, 1) || !near(bottom, -1) || cells.length < 0.6 * w * h) continue;
    // the bar's tone: the median of its solid cells
    const tones = cells.map((i) => means[i]!).sort((a, b) => a - b);
    const split = (tones[tones.length >> 1]! + paper) / 2;
    out ??= data.slice();
    for (let y = (top + 1) * cell; y < bottom * cell; y++) {
      for (let x = (left + 1) * cell, i = y * width + x; x < right * cell; x++, i++) out[i] = data[i]! > split ? INK : PAPER;
    }
    // (and its edge, the cells all round left as they were, made paper, and in the cells beyond them what is darker
    // than the paper, the bar's own edge where it began inside one: left dark, its ends stood as strokes a bar tall
    // beside the heading, that tesseract read into its first word ('FIRST' boxed 10 pt tall, so that the heading's
    // line broke in two) or as a word of their own ('1'))
    const light = (split + paper) / 2;
    for (let cy = Math.max(0, top - 1); cy <= Math.min(ch - 1, bottom + 1); cy++) {
      for (let cx = Math.max(0, left - 1); cx <= Math.min(cw - 1, right + 1); cx++) {
        if (cy > top && cy < bottom && cx > left && cx < right) continue;
        const edge = cy >= top && cy <= bottom && cx >= left && cx <= right;
        for (let y = cy * cell; y < (cy + 1) * cell; y++) {
          for (let x = cx * cell, i = y * width + x; x < (cx + 1) * cell; x++, i++) if (edge || data[i]! < light) out[i] = PAPER;
        }
      }
    }
  }
  return out ? { width, height, data: out } : grey;
}

/** A leader's dot is boxed within this (points); its neighbours stand at most LEADER_GAP_PT apart, at one height. */
const LEADER_DOT_PT = 1.1;
const LEADER_GAP_PT = 5;
/** A leader has this many dots or more (an ellipsis three). */
const LEADER_DOTS = 6;

/**
 * Clears dot leaders from a black-and-white bitmap, in place: rows of LEADER_DOTS or more dots, evenly spaced, with
 * nothing between them ("Insured ........ Apex Roofing"). Tesseract reads a leader as words ('Hdtv', 'AAA EEE hr bee')
 * that stand between a label and its value. A period, an ellipsis or the dots of a word's i's (each over its stem) are
 * no such row.
 */
export function removeDotLeaders(bitmap: GreyBitmap, pixelsPerPoint: number): void {
  const { data } = bitmap;
  const maxDot = Math.max(2, Math.round(LEADER_DOT_PT * pixelsPerPoint));
  const seen = new Uint8Array(data.length);
  const dots: InkPiece[] = [];
  const stack: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (seen[i] || data[i]! >= 128) continue;
    const piece = smallPieceAt(bitmap, i, seen, maxDot, stack);
    // (the dot of an i or a j has its stem just below)
    if (piece && !inkBelow(bitmap, piece, 2 * maxDot)) dots.push(piece);
  }
  const cx = (d: InkPiece) => (d.left + d.right) / 2;
  const cy = (d: InkPiece) => (d.top + d.bottom) / 2;
  dots.sort((a, b) => cx(a) - cx(b));
  const maxGap = LEADER_GAP_PT * pixelsPerPoint;
  const chains: InkPiece[][] = [];
  // (the chains whose last dot is near enough to go on; dots come left to right)
  let open: InkPiece[][] = [];
  for (const d of dots) {
    open = open.filter((c) => d.left - c.at(-1)!.right <= maxGap);
    // the chain this dot goes on: its last dot just left, at the same height, with paper between them
    const chain = open.find((c) => {
      const last = c.at(-1)!;
      return d.left > last.right && Math.abs(cy(d) - cy(last)) <= maxDot / 2 && paperBetween(bitmap, last, d);
    });
    if (chain) chain.push(d);
    else {
      chains.push([d]);
      open.push(chains.at(-1)!);
    }
  }
  for (const chain of chains) {
    if (chain.length < LEADER_DOTS) continue;
    // evenly spaced: each step within a third of the middle step
    const steps = chain.slice(1).map((d, k) => cx(d) - cx(chain[k]!)).sort((a, b) => a - b);
    const mid = steps[steps.length >> 1]!;
    if (steps[0]! < mid * 0.66 || steps.at(-1)! > mid * 1.34) continue;
    for (const d of chain) for (const i of d.pixels) data[i] = PAPER;
  }
}

/**
 * As inkPieceAt, for a piece boxed within `max` pixels each way: the whole piece is marked in `seen`, but its pixels
 * are kept only while it is that small, and a larger one (a glyph, a rule: nearly all of a page's ink) is null.
 * `stack` is scratch space, handed from call to call.
 */
function smallPieceAt(b: GreyBitmap, start: number, seen: Uint8Array, max: number, stack: number[]): InkPiece | null {
  const { width, height, data } = b;
  const x = start % width;
  const y = (start - x) / width;
  let pixels: number[] | null = [];
  let [left, right, top, bottom] = [x, x, y, y];
  seen[start] = 1;
  stack.length = 0;
  stack.push(start);
  while (stack.length > 0) {
    const i = stack.pop()!;
    const px = i % width;
    const py = (i - px) / width;
    if (pixels) {
      pixels.push(i);
      if (py < top) top = py;
      if (py > bottom) bottom = py;
      if (px < left) left = px;
      if (px > right) right = px;
      if (right - left >= max || bottom - top >= max) pixels = null;
    }
    for (let ny = Math.max(0, py - 1); ny <= Math.min(height - 1, py + 1); ny++) {
      for (let nx = Math.max(0, px - 1); nx <= Math.min(width - 1, px + 1); nx++) {
        const j = ny * width + nx;
        if (!seen[j] && data[j]! < 128) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
  }
  return pixels && { pixels, left, right, top, bottom };
}

/** Whether there is ink within `reach` pixels under a piece, across its width. */
function inkBelow(b: GreyBitmap, piece: InkPiece, reach: number): boolean {
  for (let y = piece.bottom + 1; y <= Math.min(b.height - 1, piece.bottom + reach); y++) {
    for (let x = piece.left, i = y * b.width + x; x <= piece.right; x++, i++) if (b.data[i]! < 128) return true;
  }
  return false;
}

/** Whether the rows of two dots hold no ink between them. */
function paperBetween(b: GreyBitmap, a: InkPiece, c: InkPiece): boolean {
  const top = Math.min(a.top, c.top);
  const bottom = Math.max(a.bottom, c.bottom);
  for (let y = top; y <= bottom; y++) for (let x = a.right + 1, i = y * b.width + x; x < c.left; x++, i++) if (b.data[i]! < 128) return false;
  return true;
}

export function cleanPage(page: GreyBitmap, pixelsPerPoint: number, options: { fringes?: boolean; hairlines?: boolean } = {}): CleanedPage {
  const fringes = options.fringes ?? true;
  const hairlines = options.hairlines ?? true;
  const threshold = otsuThreshold(page);
  const binary = binarize(page, threshold);
  const skewDegrees = estimateSkew(binary);
  // small angles are left alone: resampling costs more legibility than a tenth of a degree costs tesseract. A turned
  // page is binarized into the same array: the crooked one was only needed to find the angle.
  // (a scan's page binarized again keeping its hairlines, where asked: binarizeKeepingHairlines; the straight page's
  // dark bars turned light first, liftDarkBars)
  const straight = Math.abs(skewDegrees) >= 0.1 ? rotate(page, -skewDegrees) : null;
  const grey = liftDarkBars(straight ?? page, pixelsPerPoint);
  if (hairlines) binarizeKeepingHairlines(grey, threshold, pixelsPerPoint, binary.data);
  else if (grey !== page) binarize(grey, threshold, binary.data);
  // (a page speckled all over only: a fax's noise, not a clean scan's few specks)
  removeLoneSpecks(binary, pixelsPerPoint, { least: SPECKLED_PAGE });
  const bitmap = withoutRules(binary, pixelsPerPoint, fringes);
  return { bitmap, binary, grey, skewDegrees: Math.abs(skewDegrees) >= 0.1 ? skewDegrees : 0 };
}

/**
 * A page cleaned again from the same straightened black-and-white page with the other rule removal (`fringes`: see
 * cleanPage): binarizing and straightening, the costly part, are done once for both.
 */
export function recleanPage(cleaned: CleanedPage, pixelsPerPoint: number, options: { fringes: boolean }): CleanedPage {
  return { ...cleaned, bitmap: withoutRules(cleaned.binary, pixelsPerPoint, options.fringes) };
}

/** A copy of the straightened black-and-white page without its rules and dot leaders. */
function withoutRules(binary: GreyBitmap, pixelsPerPoint: number, fringes: boolean): GreyBitmap {
  const sizes = ruleSizes(pixelsPerPoint);
  const bitmap = removeRuledLines(binary, {
    minHorizontal: Math.round(18 * pixelsPerPoint), // a quarter inch: longer than any glyph's bar
    minVertical: sizes.minVertical,
    maxThickness: sizes.maxThickness,
    // a form's thin rules as a scanner or camera gives them: broken by noise, their edges stepped, slanting or bending
    // a few pixels across the page (a photo's); bridged, followed from row to row, and taken whole. Off for pages whose text stands on rules (a heading's feet would go with them): see ocr/index.ts
    // (and the rules a photo's uneven light broke into dashes, 6 pt or longer: no glyph's bar is so long)
    ...(fringes ? { maxGap: sizes.maxGap, fringes: Math.max(2, Math.round(1.2 * pixelsPerPoint)), slant: 1, dashes: Math.round(6 * pixelsPerPoint) } : {}),
  });
  removeDotLeaders(bitmap, pixelsPerPoint);
  return bitmap;
}

/**
 * A copy of a black-and-white bitmap without its plain rules: every ink run at least `minHorizontal` pixels long
 * along a row, or `minVertical` down a column, made paper, with no exception for the glyphs that touch them. The
 * glyphs' own shapes are then measured without the rule joined to them (a 0 standing against the rule above it boxed
 * with a piece of the rule looks like a 9: glyphs.ts), where cleanPage keeps such a crossing's ink for the glyph.
 */
export function withoutRuns(binary: GreyBitmap, minHorizontal: number, minVertical: number): GreyBitmap {
  const { width, height, data } = binary;
  const out = data.slice();
  rowInkRuns(data, width, height, (y, x, end) => {
    if (end - x >= minHorizontal) out.fill(PAPER, y * width + x, y * width + end);
  });
  columnInkRuns(data, width, height, (x, from, to) => {
    if (to - from >= minVertical) for (let k = from; k < to; k++) out[k * width + x] = PAPER;
  });
  return { width, height, data: out };
}

/**
 * The x (pixels) of vertical rules crossing most of the rows [y0, y1) between x0 and x1: columns whose ink covers at
 * least `coverage` of those rows, neighbouring columns merged into one rule at their middle.
 */
export function verticalRules(binary: GreyBitmap, x0: number, x1: number, y0: number, y1: number, coverage = 0.7): number[] {
  const { width, data } = binary;
  const left = Math.max(0, Math.floor(x0));
  const right = Math.min(width, Math.ceil(x1));
  const top = Math.max(0, Math.floor(y0));
  const bottom = Math.min(binary.height, Math.ceil(y1));
  if (right <= left || bottom <= top) return [];
  const counts = new Uint32Array(right - left);
  for (let y = top; y < bottom; y++) {
    const row = y * width;
    for (let x = left; x < right; x++) if (data[row + x] === INK) counts[x - left]!++;
  }
  const need = coverage * (bottom - top);
  const rules: number[] = [];
  let start = -1;
  for (let i = 0; i <= counts.length; i++) {
    const on = i < counts.length && counts[i]! >= need;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      rules.push(left + (start + i - 1) / 2);
      start = -1;
    }
  }
  return rules;
}

/**
 * The pixels [left, right) × [top, bottom) of a bitmap (clamped to it), inside a white margin of `pad` pixels
 * (tesseract finds text touching the image edge poorly).
 */
export function cropGrey(src: GreyBitmap, left: number, top: number, right: number, bottom: number, pad = 0): GreyBitmap {
  const x0 = Math.max(0, Math.min(src.width, left));
  const y0 = Math.max(0, Math.min(src.height, top));
  const x1 = Math.max(x0, Math.min(src.width, right));
  const y1 = Math.max(y0, Math.min(src.height, bottom));
  const width = x1 - x0 + 2 * pad;
  const height = y1 - y0 + 2 * pad;
  const data = new Uint8Array(width * height).fill(PAPER);
  for (let y = y0; y < y1; y++) data.set(src.data.subarray(y * src.width + x0, y * src.width + x1), (y - y0 + pad) * width + pad);
  return { width, height, data };
}
