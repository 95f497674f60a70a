// Cleaning a greyscale page before OCR: binarize (Otsu), estimate and undo the skew of a scan (projection profiles
// over ±3°), and remove ruled lines, because tesseract drops or garbles text that sits inside ruled boxes, and an
// ACORD form is all ruled boxes. Plain loops over typed arrays; a 300 dpi letter page takes a few hundred ms.
import type { GreyBitmap } from './render.js';

const INK = 0;
const PAPER = 255;

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

/** A black-and-white bitmap (0 ink, 255 paper). Without a threshold, Otsu's is used. */
export function binarize(bitmap: GreyBitmap, threshold = otsuThreshold(bitmap)): GreyBitmap {
  const out = new Uint8Array(bitmap.data.length);
  const data = bitmap.data;
  for (let i = 0; i < data.length; i++) out[i] = data[i] <= threshold ? INK : PAPER;
  return { width: bitmap.width, height: bitmap.height, data: out };
}

/**
 * The angle in degrees by which the page's content is turned, in the canvas convention (positive = clockwise on
 * screen, y down), searched within ±maxDegrees. Rotating the page by the negative of it straightens it. Works on a
 * binarized bitmap: the angle at which rows of ink (text lines, ruled lines) project most sharply onto the y axis.
 */
export function estimateSkew(binary: GreyBitmap, maxDegrees = 3): number {
  const { width, height, data } = binary;
  // ink pixel coordinates, sampled down to a bounded count; relative to the centre
  const MAX_POINTS = 250_000;
  let ink = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === INK) ink++;
  if (ink < 50) return 0;
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
  const search = (from: number, to: number, step: number): number => {
    let best = from;
    let bestScore = -1;
    for (let d = from; d <= to + 1e-9; d += step) {
      const s = score(d);
      if (s > bestScore) {
        bestScore = s;
        best = d;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.25);
  const fine = search(coarse - 0.25, coarse + 0.25, 0.05);
  const finest = search(fine - 0.05, fine + 0.05, 0.01);
  return Math.round(finest * 100) / 100;
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
      const wx = sx - x0;
      const wy = sy - y0;
      const i = y0 * width + x0;
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
};

/** A bridged run is a rule only when at least this share of it is ink (a row through text has far more gaps). */
const RULE_FILL = 0.8;

/**
 * Lengths of the ink runs along one line of pixels (`n` pixels, the i-th at data[start + i * step]), written to `out`
 * at the same places. Gaps up to `maxGap` are bridged when the bridged run stays RULE_FILL ink.
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
    const length = Math.min(65535, spanEnd - i);
    for (let k = i; k < spanEnd; k++) if (data[start + k * step] === INK) out[start + k * step] = length;
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
  const horizontal = new Uint16Array(size);
  const vertical = new Uint16Array(size);
  const maxGap = options.maxGap ?? 0;
  // horizontal run length of every ink pixel
  for (let y = 0; y < height; y++) runLengths(data, horizontal, y * width, 1, width, maxGap);
  if (maxGap > 0) {
    for (let x = 0; x < width; x++) runLengths(data, vertical, x, width, height, maxGap);
  } else {
    // vertical run length, row-major for the cache: count down, then spread each run's total back up
    for (let i = 0; i < size; i++) if (data[i] === INK) vertical[i] = i >= width ? Math.min(65535, vertical[i - width] + 1) : 1;
    for (let i = size - width - 1; i >= 0; i--) if (vertical[i] !== 0 && vertical[i + width] !== 0) vertical[i] = vertical[i + width];
  }

  const out = data.slice();
  const { minHorizontal, minVertical, maxThickness } = options;
  for (let i = 0; i < size; i++) {
    if (data[i] !== INK) continue;
    const h = horizontal[i];
    const v = vertical[i];
    if ((h >= minHorizontal && (v <= maxThickness || v >= minVertical)) || (v >= minVertical && h <= maxThickness)) out[i] = PAPER;
  }
  if (options.fringes) removeFringes(data, out, horizontal, vertical, width, height, options.fringes, options);
  return { width, height, data: despeckle({ width, height, data: out }).data };
}

/**
 * Clears each thin ink run (at most `maxThickness`) across a rule when one of its pixels lies on the rule: vertical runs
 * through horizontal rules, horizontal runs through vertical rules.
 */
function removeFringes(data: Uint8Array, out: Uint8Array, horizontal: Uint16Array, vertical: Uint16Array, width: number, height: number, maxThickness: number, o: LineRemovalOptions): void {
  const { minHorizontal, minVertical } = o;
  // vertical runs (column by column) through horizontal rules
  for (let x = 0; x < width; x++) {
    let y = 0;
    while (y < height) {
      if (data[y * width + x] !== INK) {
        y++;
        continue;
      }
      let end = y;
      let first = -1;
      let last = -1;
      while (end < height && data[end * width + x] === INK) {
        if (horizontal[end * width + x]! >= minHorizontal) {
          if (first < 0) first = end;
          last = end;
        }
        end++;
      }
      if (first >= 0 && end - y <= maxThickness) for (let k = y; k < end; k++) out[k * width + x] = PAPER;
      y = end;
    }
  }
  // horizontal runs through vertical rules
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (data[row + x] !== INK) {
        x++;
        continue;
      }
      let end = x;
      let first = -1;
      let last = -1;
      while (end < width && data[row + end] === INK) {
        if (vertical[row + end]! >= minVertical) {
          if (first < 0) first = end;
          last = end;
        }
        end++;
      }
      if (first >= 0 && end - x <= maxThickness) out.fill(PAPER, row + x, row + end);
      x = end;
    }
  }
}

/** Drops lone ink pixels (no ink among the 8 neighbours): scanner noise and what line removal leaves of a rule. */
export function despeckle(binary: GreyBitmap): GreyBitmap {
  const { width, height, data } = binary;
  const out = data.slice();
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (data[i] !== INK) continue;
      if (
        data[i - 1] !== INK && data[i + 1] !== INK &&
        data[i - width - 1] !== INK && data[i - width] !== INK && data[i - width + 1] !== INK &&
        data[i + width - 1] !== INK && data[i + width] !== INK && data[i + width + 1] !== INK
      ) {
        out[i] = PAPER;
      }
    }
  }
  return { width, height, data: out };
}

export type CleanedPage = {
  bitmap: GreyBitmap;
  /** The straightened page in black and white before its rules were removed: where the rules are. */
  binary: GreyBitmap;
  /** The skew found and undone, degrees, canvas convention (see estimateSkew). */
  skewDegrees: number;
};

/**
 * The OCR-ready page: straightened, black and white, without rules. `pixelsPerPoint` scales the rule sizes.
 * `fringes` (default on) also clears broken rules and the stepped edges of slanted ones.
 */
export function cleanPage(grey: GreyBitmap, pixelsPerPoint: number, options: { fringes?: boolean } = {}): CleanedPage {
  const fringes = options.fringes ?? true;
  const threshold = otsuThreshold(grey);
  const skewDegrees = estimateSkew(binarize(grey, threshold));
  // small angles are left alone: resampling costs more legibility than a tenth of a degree costs tesseract
  const straight = Math.abs(skewDegrees) >= 0.1 ? rotate(grey, -skewDegrees) : grey;
  const binary = binarize(straight, threshold);
  const bitmap = removeRuledLines(binary, {
    minHorizontal: Math.round(18 * pixelsPerPoint), // a quarter inch: longer than any glyph's bar
    minVertical: Math.round(15 * pixelsPerPoint), // taller than 16 pt capitals, shorter than one form row of two
    maxThickness: Math.max(2, Math.round(2.5 * pixelsPerPoint)),
    // a form's thin rules as a scanner or camera gives them: broken by noise, their edges stepped; bridged and taken
    // whole. Off for pages whose text stands on rules (a heading's feet would go with them): see ocr/index.ts
    ...(fringes ? { maxGap: Math.max(1, Math.round(0.5 * pixelsPerPoint)), fringes: Math.max(2, Math.round(1.2 * pixelsPerPoint)) } : {}),
  });
  return { bitmap, binary, skewDegrees: Math.abs(skewDegrees) >= 0.1 ? skewDegrees : 0 };
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
