import { describe, expect, it } from 'vitest';
import { rejoinAcrossRules } from './strokes.js';
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
