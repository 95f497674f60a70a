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

/** A letter page's height over its width. */
const LETTER = 11 / 8.5;

/** The point `k` times the way from `to` to `from` beyond `from`. */
function beyond(from: [number, number], to: [number, number], k: number): [number, number] {
  return [from[0] + (from[0] - to[0]) * k, from[1] + (from[1] - to[1]) * k];
}

/**
 * Which of the sheet's edges a dark band was lost beyond, and how deep (a share of the sheet's height) it holds type:
 * the top's or the foot's, whichever has paper-bright pixels (the band's white letters) just outside it where the desk
 * has none. Null when neither or both do.
 */
function lostBand(grey: GreyBitmap, quad: Quad): { side: 'top' | 'bottom'; depth: number } | null {
  const [tl, tr, br, bl] = quad;
  const at = (x: number, y: number) => grey.data[Math.round(y) * grey.width + Math.round(x)]!;
  const within = (x: number, y: number) => x >= 0 && y >= 0 && x <= grey.width - 1 && y <= grey.height - 1;
  // the desk's grey from the image's border, the paper's from the sheet's middle
  const border: number[] = [];
  for (let k = 0; k < 200; k++) border.push(at((k / 200) * (grey.width - 1), 0), at((k / 200) * (grey.width - 1), grey.height - 1));
  const inside: number[] = [];
  for (let u = 0.3; u <= 0.7; u += 0.05) for (let v = 0.3; v <= 0.7; v += 0.05) inside.push(at(tl[0] + (tr[0] - tl[0]) * u + (bl[0] - tl[0]) * v, tl[1] + (tr[1] - tl[1]) * u + (bl[1] - tl[1]) * v));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  const split = (median(border) + median(inside)) / 2;
  // for each depth outside an edge (steps of half a percent of the sheet's height, up to BAND_DEPTH), the share of
  // paper-bright pixels along it between the edge's ends
  const shares = (a: [number, number], b: [number, number], inward: [number, number]) => {
    const out: number[] = [];
    for (let d = 0.005; d <= BAND_DEPTH; d += 0.005) {
      let bright = 0;
      let n = 0;
      for (let u = 0.05; u <= 0.95; u += 0.005) {
        const x = a[0] + (b[0] - a[0]) * u - (inward[0] - a[0]) * d;
        const y = a[1] + (b[1] - a[1]) * u - (inward[1] - a[1]) * d;
        if (!within(x, y)) continue;
        n++;
        if (at(x, y) > split) bright++;
      }
      out.push(n === 0 ? 0 : bright / n);
    }
    return out;
  };
  const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
  const top = shares(tl, tr, bl);
  const foot = shares(bl, br, tl);
  const side = sum(top) > 0.1 && sum(top) > 4 * sum(foot) ? 'top' : sum(foot) > 0.1 && sum(foot) > 4 * sum(top) ? 'bottom' : null;
  if (!side) return null;
  // as deep as its last row with type, and a margin
  const rows = side === 'top' ? top : foot;
  const last = rows.findLastIndex((share) => share > 0.002);
  return { side, depth: (last + 1) * 0.005 + 0.02 };
}

/** How far beyond a sheet's edge (a share of its height) a lost band is looked for. */
const BAND_DEPTH = 0.2;

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
 * A photographed sheet warped back to an upright page `width` pixels wide, letter-shaped (11 / 8.5, or 8.5 / 11 for
 * a sheet wider than tall), with its light evened out; null when the image is not a photo of a sheet on a background.
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
  const left = Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
  const right = Math.hypot(br[0] - tr[0], br[1] - tr[1]);
  // a sheet wider than tall is a landscape page (a memorandum printed across): warped to a portrait page, its letters
  // would come out two thirds taller than wide
  const landscape = left + right < top + bottom;
  // a portrait sheet found short of a letter page lost a band at its top or foot that photographed as dark as the desk:
  // a letterhead printed white on a dark bar across the page. The edge it was lost at goes out past its white type.
  if (!landscape && (left + right) / (top + bottom) < LETTER * 0.97) {
    const band = lostBand(grey, quad);
    if (band?.side === 'top') [quad[0], quad[1]] = [beyond(tl, bl, band.depth), beyond(tr, br, band.depth)];
    if (band?.side === 'bottom') [quad[3], quad[2]] = [beyond(bl, tl, band.depth), beyond(br, tr, band.depth)];
  }
  const outW = Math.round(width ?? Math.max(top, bottom));
  const outH = Math.round(landscape ? outW / LETTER : outW * LETTER);
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

/** A block darker than this share of the paper beside it is inside a band (evenLight). */
const BAND_DARK = 0.5;

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
  // a block far darker than its brightest neighbour is mostly ink (a logo, a bar): it takes that neighbour's paper;
  // and a block inside a bar many blocks tall (a letterhead's band), no lighter than a neighbour that took paper so,
  // takes it from that neighbour, round after round, so that the band stays dark (its white type is told by
  // liftDarkBars) rather than be evened out to paper in blotches. (Only a block darker than BAND_DARK of that paper:
  // paper shaded by the light's fall-off is lighter, and the paper passed on must not run down the fall-off.)
  const smooth = new Float32Array(paper.length);
  const inked = new Uint8Array(paper.length);
  const around = (bx: number, by: number, each: (j: number) => void) => {
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const y = by + dy;
      const x = bx + dx;
      if ((dx !== 0 || dy !== 0) && y >= 0 && y < bh && x >= 0 && x < bw) each(y * bw + x);
    }
  };
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const i = by * bw + bx;
      let m = paper[i]!;
      around(bx, by, (j) => (m = Math.max(m, paper[j]!)));
      inked[i] = paper[i]! < 0.8 * m ? 1 : 0;
      smooth[i] = inked[i] ? m : paper[i]!;
    }
  }
  for (let changed = true, round = 0; changed && round < bw + bh; round++) {
    changed = false;
    for (let by = 0; by < bh; by++) {
      for (let bx = 0; bx < bw; bx++) {
        const i = by * bw + bx;
        if (inked[i]) continue;
        let m = 0;
        around(bx, by, (j) => {
          if (inked[j] && paper[i]! <= 1.15 * paper[j]! && paper[i]! < BAND_DARK * smooth[j]!) m = Math.max(m, smooth[j]!);
        });
        if (m > 0) {
          inked[i] = 1;
          smooth[i] = m;
          changed = true;
        }
      }
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
