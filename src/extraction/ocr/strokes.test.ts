import { describe, expect, it } from 'vitest';
import { isolateMarks, rejoinAcrossRules } from './strokes.js';
import type { GreyBitmap } from './render.js';

/** A white bitmap with `ink` pixels black. */
function bitmap(width: number, height: number, ink: (x: number, y: number) => boolean): GreyBitmap {
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink(x, y)) data[y * width + x] = 0;
  return { width, height, data };
}

describe('rejoinAcrossRules', () => {
  // a vertical rule three pixels wide down columns 20-22, an X's strokes crossing it between rows 20 and 30, and a
  // mark touching the rule from the left only
  const rule = (x: number) => x >= 20 && x <= 22;
  const stroke = (x: number, y: number) => y >= 20 && y <= 30 && Math.abs(x - 21 - (y - 25)) <= 1 && x >= 15 && x <= 27;
  const mark = (x: number, y: number) => y >= 40 && y <= 42 && x >= 15 && x <= 19;
  const binary = bitmap(40, 60, (x, y) => rule(x) || stroke(x, y) || mark(x, y));
  // the cleaning took the whole rule out, the stroke's pixels on it too
  const cleaned = bitmap(40, 60, (x, y) => !rule(x) && (stroke(x, y) || mark(x, y)));

  it('puts back the rows of a removed rule a stroke runs on from on both sides of it', () => {
    const out = rejoinAcrossRules(cleaned, binary, 4, 20);
    const at = (x: number, y: number) => out.data[y * 40 + x] === 0;
    expect(at(21, 25)).toBe(true);
    expect(at(21, 24)).toBe(true);
    // the rule elsewhere stays out, and so does it beside the mark that touches it from one side only
    expect(at(21, 10)).toBe(false);
    expect(at(21, 41)).toBe(false);
    // the crop given is left as it was
    expect(cleaned.data[25 * 40 + 21]).toBe(255);
  });

  it('puts back nothing where no rule was taken out, or one wider than a rule', () => {
    expect(rejoinAcrossRules(cleaned, cleaned, 4, 20).data).toEqual(cleaned.data);
    expect(rejoinAcrossRules(cleaned, binary, 2, 20).data).toEqual(cleaned.data);
  });
});

describe('isolateMarks', () => {
  // an X between rows 20 and 34 (its strokes three pixels thick) in columns 20-34, a rule's remnant two pixels wide
  // down columns 27-28 from row 0 to row 59, and a tick left of the X
  const x = (px: number, py: number) => py >= 20 && py <= 34 && px >= 20 && px <= 34 && (Math.abs(px - 20 - (py - 20)) <= 1 || Math.abs(px - 20 - (34 - py)) <= 1);
  const remnant = (px: number) => px === 27 || px === 28;
  const tick = (px: number, py: number) => px >= 12 && px <= 13 && py >= 21 && py <= 24;
  const crop = bitmap(48, 60, (px, py) => x(px, py) || remnant(px) || tick(px, py));
  const at = (b: GreyBitmap, px: number, py: number) => b.data[py * 48 + px] === 0;

  it("takes away a thin line's lone stretches and a speck beside the mark, and keeps the mark", () => {
    const out = isolateMarks(crop, 3, 30);
    // the remnant above and below the X, and where it runs alone between the X's arms, is gone
    expect(at(out, 27, 5)).toBe(false);
    expect(at(out, 27, 50)).toBe(false);
    expect(at(out, 27, 21)).toBe(false);
    // where it runs into an arm of the X the row is wider than the line: kept
    expect(at(out, 27, 25)).toBe(true);
    // the X's strokes stay, the tick goes
    for (let py = 20; py <= 34; py++) for (let px = 20; px <= 34; px++) if (x(px, py) && !remnant(px)) expect(at(out, px, py)).toBe(true);
    expect(at(out, 12, 22)).toBe(false);
    // the crop given is left as it was
    expect(at(crop, 27, 5)).toBe(true);
  });

  it('keeps a line shorter than a long run, the pieces of a broken mark, and a crop of nothing but a mark', () => {
    // an N broken into its two uprights and its diagonal, each a piece of its own, and a line as tall as a glyph
    const n = bitmap(48, 60, (px, py) => py >= 20 && py <= 34 && ((px >= 20 && px <= 22) || (px >= 32 && px <= 34) || (px >= 24 && px <= 30 && Math.abs(px - 24 - (py - 20) / 2) <= 1)));
    expect(isolateMarks(n, 3, 30).data).toEqual(n.data);
    const plain = bitmap(48, 60, (px, py) => x(px, py));
    expect(isolateMarks(plain, 3, 30).data).toEqual(plain.data);
  });

  it("keeps an arm a photo broke off a Y's stem, a pixel or two from it, however small beside the rest", () => {
    // the left arm and the stem one piece (rows 20-34), the right arm a piece of its own, two pixels right of the left
    // arm's end: a fifth of the rest's ink, and no thin line
    const leftAndStem = (px: number, py: number) => (py >= 20 && py <= 27 && Math.abs(px - 20 - (py - 20)) <= 2) || (py >= 27 && py <= 34 && px >= 26 && px <= 29);
    const rightArm = (px: number, py: number) => py >= 20 && py <= 23 && px >= 32 && px <= 35 && Math.abs(px - 35 + (py - 20)) <= 1;
    const y = bitmap(48, 60, (px, py) => leftAndStem(px, py) || rightArm(px, py));
    expect(isolateMarks(y, 3, 30).data).toEqual(y.data);
  });
});
