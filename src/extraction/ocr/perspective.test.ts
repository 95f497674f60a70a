// Straightening a phone photo of a sheet: the sheet's corners are found on a synthetic photo (a white quadrilateral
// on a dark desk, lit unevenly), a scan that is paper to its edges is left alone, and uneven light is evened out.
import { describe, expect, it } from 'vitest';
import { evenLight, findSheet, homography, sharpen, straightenPhoto, type Quad } from './perspective.js';
import { binarize, otsuThreshold } from './preprocess.js';
import type { GreyBitmap } from './render.js';

const W = 600;
const H = 800;
const CORNERS: Quad = [
  [90, 70],
  [520, 95],
  [560, 740],
  [40, 720],
];

/** A dark desk with a bright sheet whose corners are CORNERS, a dark bar across the sheet's middle, light falling off to the right. */
function photo(corners: Quad = CORNERS, banner = false): GreyBitmap {
  const toSheet = homography(corners, [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ]);
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [u, v] = toSheet(x, y);
      const onSheet = u >= 0 && u <= 1 && v >= 0 && v <= 1;
      const ink = onSheet && v > 0.48 && v < 0.52 && u > 0.2 && u < 0.8;
      const light = 1 - 0.4 * (x / W);
      // (a letterhead's band across the sheet's top tenth, as dark as the desk, its title white)
      const band = banner && onSheet && v < 0.1;
      const title = band && v > 0.04 && v < 0.06 && u > 0.2 && u < 0.6;
      data[y * W + x] = (onSheet ? (title ? 235 : band ? 70 : ink ? 30 : 235) : 70) * light;
    }
  }
  return { width: W, height: H, data };
}

describe('photo straightening', () => {
  it('finds the four corners of the sheet within a few pixels', () => {
    const quad = findSheet(photo());
    expect(quad).not.toBeNull();
    quad!.forEach(([x, y], i) => {
      expect(Math.abs(x - CORNERS[i]![0]), `corner ${i} x`).toBeLessThan(6);
      expect(Math.abs(y - CORNERS[i]![1]), `corner ${i} y`).toBeLessThan(6);
    });
  });

  it('cuts a screenshot (a page square to the image inside a dark frame) out of its frame and leaves its pixels alone', () => {
    const width = 300;
    const height = 400;
    const data = new Uint8Array(width * height).fill(60);
    for (let y = 10; y < 390; y++) for (let x = 10; x < 290; x++) data[y * width + x] = x % 9 === 0 && y % 11 === 0 ? 120 : 240;
    const out = straightenPhoto({ width, height, data })!;
    expect(Math.abs(out.width - 280)).toBeLessThanOrEqual(2);
    expect(Math.abs(out.height - 380)).toBeLessThanOrEqual(2);
    // no light evening or sharpening: the page's own grey values, unchanged
    const values = new Set(out.data);
    expect([...values].every((v) => v === 120 || v === 240 || v === 60)).toBe(true);
  });

  it('leaves a scan (paper to its edges) alone', () => {
    const scan = { width: W, height: H, data: new Uint8Array(W * H).fill(240) };
    for (let x = 100; x < 500; x++) scan.data[400 * W + x] = 0;
    expect(findSheet(scan)).toBeNull();
    expect(straightenPhoto(scan)).toBeNull();
  });

  it('warps the sheet to an upright letter page with the bar level across its middle', () => {
    const page = straightenPhoto(photo(), 425)!;
    expect(page.width).toBe(425);
    expect(page.height).toBe(550);
    // the bar is at 48..52 % of the height, from 20 to 80 % of the width: dark there, paper above and below
    const at = (fx: number, fy: number) => page.data[Math.round(fy * page.height) * page.width + Math.round(fx * page.width)]!;
    for (const fx of [0.25, 0.5, 0.75]) {
      expect(at(fx, 0.5), `bar at ${fx}`).toBeLessThan(100);
      expect(at(fx, 0.4), `paper above at ${fx}`).toBeGreaterThan(200);
      expect(at(fx, 0.6), `paper below at ${fx}`).toBeGreaterThan(200);
    }
  });

  it('warps a sheet wider than tall to a landscape letter page', () => {
    const page = straightenPhoto(
      photo([
        [60, 200],
        [550, 220],
        [570, 560],
        [40, 570],
      ]),
      550,
    )!;
    expect([page.width, page.height]).toEqual([550, 425]);
    const at = (fx: number, fy: number) => page.data[Math.round(fy * page.height) * page.width + Math.round(fx * page.width)]!;
    for (const fx of [0.25, 0.5, 0.75]) {
      expect(at(fx, 0.5), `bar at ${fx}`).toBeLessThan(100);
      expect(at(fx, 0.4), `paper above at ${fx}`).toBeGreaterThan(200);
    }
  });

  it("keeps a letterhead's dark band across the sheet's top that the desk's grey hides, and the page's proportions", () => {
    const page = straightenPhoto(photo(CORNERS, true), 425)!;
    expect([page.width, page.height]).toEqual([425, 550]);
    const at = (fx: number, fy: number) => page.data[Math.round(fy * page.height) * page.width + Math.round(fx * page.width)]!;
    // the bar across the sheet's middle stays at the page's middle (the page cut at the band's foot would put it at
    // 0.42..0.47 of its height)
    for (const fx of [0.3, 0.5, 0.7]) {
      expect(at(fx, 0.5), `bar at ${fx}`).toBeLessThan(100);
      expect(at(fx, 0.455), `paper above at ${fx}`).toBeGreaterThan(200);
      expect(at(fx, 0.545), `paper below at ${fx}`).toBeGreaterThan(200);
    }
  });

  it('evens out light that falls off across the page', () => {
    const b = { width: 256, height: 64, data: new Uint8Array(256 * 64) };
    for (let y = 0; y < 64; y++) for (let x = 0; x < 256; x++) b.data[y * 256 + x] = (x % 16 === 0 ? 40 : 230) * (1 - 0.45 * (x / 256));
    const even = evenLight(b);
    // before: 230 at the left edge, 130 at the right; after: paper on both sides, within a block's worth of fall-off
    const left = even.data[10 * 256 + 5]!;
    const right = even.data[10 * 256 + 250]!;
    expect(left).toBeGreaterThan(210);
    expect(right).toBeGreaterThan(210);
    expect(Math.abs(left - right)).toBeLessThan(25);
    expect(even.data[10 * 256 + 240]!).toBeLessThan(80);
  });

  it("keeps a dark band many blocks tall dark all through (a letterhead's), its white type white", () => {
    const b = { width: 512, height: 400, data: new Uint8Array(512 * 400).fill(230) };
    // the band: rows 0..159 (five blocks), grey 70, with a white title across rows 60..79
    for (let y = 0; y < 160; y++) for (let x = 0; x < 512; x++) b.data[y * 512 + x] = y >= 60 && y < 80 && x >= 100 && x < 300 ? 230 : 70;
    const even = evenLight(b);
    for (const [x, y] of [[50, 30], [256, 100], [400, 140], [450, 70]]) expect(even.data[y! * 512 + x!], `band at ${x},${y}`).toBeLessThan(110);
    expect(even.data[70 * 512 + 200]!).toBeGreaterThan(200);
    expect(even.data[300 * 512 + 200]!).toBeGreaterThan(240);
  });

  it("passes no paper down the light's fall-off from a block of dense type", () => {
    // paper falling from 255 at the left to 120 at the right (a tenth a block at its dark end); a block of dense type (its
    // brightest tenth 200) at the left
    const b = { width: 256, height: 128, data: new Uint8Array(256 * 128) };
    for (let y = 0; y < 128; y++) for (let x = 0; x < 256; x++) b.data[y * 256 + x] = x >= 32 && x < 64 && y >= 32 && y < 64 ? 200 : 255 - (135 * x) / 255;
    const even = evenLight(b);
    for (const x of [120, 180, 250]) expect(even.data[100 * 256 + x], `paper at ${x}`).toBeGreaterThan(200);
  });
});

describe('sharpen', () => {
  /** Thin strokes (2 px) and a bold block side by side, blurred as an out-of-focus phone blurs them. */
  function blurredPrint(): GreyBitmap {
    const width = 200;
    const height = 60;
    const sharp = new Uint8Array(width * height).fill(250);
    for (let y = 10; y < 50; y++) {
      for (let x = 20; x < 80; x += 8) sharp[y * width + x] = sharp[y * width + x + 1] = 20; // thin strokes, 6 px apart
      for (let x = 110; x < 180; x++) if ((x - 110) % 12 < 9) sharp[y * width + x] = 20; // bold strokes, 3 px gaps
    }
    const data = new Uint8Array(sharp.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        let n = 0;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
          const yy = Math.min(height - 1, Math.max(0, y + dy));
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          sum += sharp[yy * width + xx]!;
          n++;
        }
        data[y * width + x] = sum / n;
      }
    }
    return { width, height, data };
  }
  const inkColumns = (b: GreyBitmap, x0: number, x1: number) => {
    let runs = 0;
    let inside = false;
    for (let x = x0; x < x1; x++) {
      const ink = b.data[30 * b.width + x]! === 0;
      if (ink && !inside) runs++;
      inside = ink;
    }
    return runs;
  };

  it('keeps thin strokes apart and the gaps between bold ones open under one threshold', () => {
    const sharpened = sharpen(blurredPrint());
    const binary = binarize(sharpened, otsuThreshold(sharpened));
    expect(inkColumns(binary, 15, 85)).toBe(8); // each thin stroke on its own
    expect(inkColumns(binary, 105, 185)).toBe(6); // the bold strokes not run together
  });
});
