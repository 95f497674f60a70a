// Photos of a printed page: the sheet lies on a darker background, seen at an angle and lit unevenly. The sheet is
// found as the largest bright region of a small copy of the image, its four corners as that region's extreme points
// along the diagonals, and the quadrilateral is warped back to an upright letter-shaped page; the light's fall-off is
// then divided out (each pixel over the paper brightness around it). Scans and screenshots, which are paper to their
// edges, are left alone.
import { cropGrey, otsuThreshold } from './preprocess.js';
import type { GreyBitmap } from './render.js';

/** Width of the copy the sheet is looked for in. */
const PROBE_WIDTH = 400;
/** The sheet must cover at least this much of the image, and the border this much background, to be taken for a photo. */
const MIN_SHEET_FRACTION = 0.3;
const MIN_BACKGROUND_BORDER = 0.5;

export type Quad = [[number, number], [number, number], [number, number], [number, number]];

/** The corners (TL, TR, BR, BL, in pixels) of a sheet photographed on a darker background, or null for a scan. */
export function findSheet(grey: GreyBitmap): Quad | null {
  const f = Math.min(1, PROBE_WIDTH / grey.width);
  const w = Math.max(8, Math.round(grey.width * f));
  const h = Math.max(8, Math.round(grey.height * f));
  const small = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) small[y * w + x] = grey.data[Math.min(grey.height - 1, Math.floor(y / f)) * grey.width + Math.min(grey.width - 1, Math.floor(x / f))]!;
  const threshold = otsuThreshold({ width: w, height: h, data: small });
  const bright = (i: number) => small[i]! > threshold;
  // a scan is paper to its edges: most of the border must be background
  let border = 0;
  let dark = 0;
  for (let x = 0; x < w; x++) for (const y of [0, h - 1]) (border++, bright(y * w + x) || dark++);
  for (let y = 0; y < h; y++) for (const x of [0, w - 1]) (border++, bright(y * w + x) || dark++);
  if (dark < MIN_BACKGROUND_BORDER * border) return null;
  // the largest bright region, by flood fill (text inside the sheet leaves holes, not separate regions)
  const label = new Int32Array(w * h).fill(-1);
  const stack: number[] = [];
  let best = -1;
  let bestSize = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== -1 || !bright(start)) continue;
    let size = 0;
    label[start] = start;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      size++;
      const x = i % w;
      for (const j of [i - w, i + w, x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1]) {
        if (j < 0 || j >= w * h || label[j] !== -1 || !bright(j)) continue;
        label[j] = start;
        stack.push(j);
      }
    }
    if (size > bestSize) {
      bestSize = size;
      best = start;
    }
  }
  if (best < 0 || bestSize < MIN_SHEET_FRACTION * w * h) return null;
  // corners: the region's extreme points along x+y and x-y
  let tl = [0, 0, Infinity];
  let br = [0, 0, -Infinity];
  let tr = [0, 0, -Infinity];
  let bl = [0, 0, Infinity];
  for (let i = 0; i < w * h; i++) {
    if (label[i] !== best) continue;
    const x = i % w;
    const y = (i - x) / w;
    if (x + y < tl[2]!) tl = [x, y, x + y];
    if (x + y > br[2]!) br = [x, y, x + y];
    if (x - y > tr[2]!) tr = [x, y, x - y];
    if (x - y < bl[2]!) bl = [x, y, x - y];
  }
  const up = (p: number[]): [number, number] => [(p[0]! + 0.5) / f, (p[1]! + 0.5) / f];
  return [up(tl), up(tr), up(br), up(bl)];
}

/** The projective map taking the four points `from` onto the four points `to`. */
export function homography(from: Quad, to: Quad): (x: number, y: number) => [number, number] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const k = a[r]![c]! / a[c]![c]!;
      for (let j = c; j < 9; j++) a[r]![j]! -= k * a[c]![j]!;
    }
  }
  const m = a.map((row, i) => row[8]! / row[i]!);
  return (x, y) => {
    const d = m[6]! * x + m[7]! * y + 1;
    return [(m[0]! * x + m[1]! * y + m[2]!) / d, (m[3]! * x + m[4]! * y + m[5]!) / d];
  };
}

/**
 * A photographed sheet warped back to an upright page `width` pixels wide, letter-shaped (11 / 8.5), with its light
 * evened out; null when the image is not a photo of a sheet on a background.
 */
export function straightenPhoto(grey: GreyBitmap, width?: number): GreyBitmap | null {
  const quad = findSheet(grey);
  if (!quad) return null;
  const [tl, tr, br, bl] = quad;
  // a page square to the image's edges inside a dark frame is a screenshot (a viewer's window), not a photo: its
  // frame is cut off, and its pixels are left as they are (evening out light and sharpening a screenshot's small,
  // smooth letters makes them worse)
  const slack = 0.01 * grey.width;
  if ([tl[0] - bl[0], tr[0] - br[0], tl[1] - tr[1], bl[1] - br[1]].every((d) => Math.abs(d) <= slack)) {
    return cropGrey(grey, Math.round((tl[0] + bl[0]) / 2), Math.round((tl[1] + tr[1]) / 2), Math.round((tr[0] + br[0]) / 2), Math.round((bl[1] + br[1]) / 2));
  }
  const top = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
  const bottom = Math.hypot(br[0] - bl[0], br[1] - bl[1]);
  const outW = Math.round(width ?? Math.max(top, bottom));
  const outH = Math.round((outW * 11) / 8.5);
  const toPhoto = homography(
    [
      [0, 0],
      [outW, 0],
      [outW, outH],
      [0, outH],
    ],
    quad,
  );
  const data = new Uint8Array(outW * outH);
  const { width: sw, height: sh, data: src } = grey;
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const [fx, fy] = toPhoto(x + 0.5, y + 0.5);
      const x0 = Math.floor(fx - 0.5);
      const y0 = Math.floor(fy - 0.5);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= sh) {
        data[y * outW + x] = 255;
        continue;
      }
      const wx = fx - 0.5 - x0;
      const wy = fy - 0.5 - y0;
      const i = y0 * sw + x0;
      const t = src[i]! + (src[i + 1]! - src[i]!) * wx;
      const b = src[i + sw]! + (src[i + sw + 1]! - src[i + sw]!) * wx;
      data[y * outW + x] = t + (b - t) * wy;
    }
  }
  return sharpen(evenLight({ width: outW, height: outH, data }));
}

/**
 * Unsharp masking: each pixel pushed away from the mean of the (2r+1)² box around it by `amount` times its distance.
 * A phone photo is a little out of focus: thin strokes of small print come out mid-grey and the gaps between bold
 * capitals fill in, so that no one threshold keeps both; sharpened, the strokes darken and the gaps clear.
 */
export function sharpen(b: GreyBitmap, radius = 2, amount = 1.5): GreyBitmap {
  const { width, height, data } = b;
  // box means by a summed-area table (rows of width + 1)
  const w1 = width + 1;
  const sums = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x]!;
      sums[(y + 1) * w1 + x + 1] = sums[y * w1 + x + 1]! + row;
    }
  }
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const mean = (sums[y1 * w1 + x1]! - sums[y0 * w1 + x1]! - sums[y1 * w1 + x0]! + sums[y0 * w1 + x0]!) / ((y1 - y0) * (x1 - x0));
      const v = data[y * width + x]!;
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(v + amount * (v - mean))));
    }
  }
  return { width, height, data: out };
}

/**
 * Divides out uneven light: each pixel over the paper brightness around it (the brightest values of 32-pixel blocks,
 * smoothed and interpolated), so that a shadow across the sheet does not turn into ink when binarized.
 */
export function evenLight(b: GreyBitmap, block = 32): GreyBitmap {
  const bw = Math.ceil(b.width / block);
  const bh = Math.ceil(b.height / block);
  const paper = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      // the 90th percentile of the block: paper even where text covers part of it, without a stray bright speck
      const hist = new Uint32Array(256);
      let n = 0;
      for (let y = by * block; y < Math.min(b.height, (by + 1) * block); y++) for (let x = bx * block; x < Math.min(b.width, (bx + 1) * block); x++, n++) hist[b.data[y * b.width + x]!]!++;
      let seen = 0;
      let v = 255;
      for (; v > 0; v--) if ((seen += hist[v]!) >= 0.1 * n) break;
      paper[by * bw + bx] = Math.max(v, 40);
    }
  }
  // a block far darker than its brightest neighbour is mostly ink (a logo, a bar): it takes that neighbour's paper
  const smooth = new Float32Array(paper.length);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const y = by + dy;
        const x = bx + dx;
        if (y >= 0 && y < bh && x >= 0 && x < bw) m = Math.max(m, paper[y * bw + x]!);
      }
      const own = paper[by * bw + bx]!;
      smooth[by * bw + bx] = own >= 0.8 * m ? own : m;
    }
  }
  const out = new Uint8Array(b.data.length);
  for (let y = 0; y < b.height; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < b.width; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(bw - 1, x0 + 1);
      const wx = fx - x0;
      const p = (smooth[y0 * bw + x0]! * (1 - wx) + smooth[y0 * bw + x1]! * wx) * (1 - wy) + (smooth[y1 * bw + x0]! * (1 - wx) + smooth[y1 * bw + x1]! * wx) * wy;
      out[y * b.width + x] = Math.min(255, (b.data[y * b.width + x]! * 255) / p);
    }
  }
  return { width: b.width, height: b.height, data: out };
}
