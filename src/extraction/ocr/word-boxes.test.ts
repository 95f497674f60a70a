// A speck that tesseract boxed with a word is cut off the word's box; an i's dot, an accent and glyphs of two parts
// ('=', ':') are not.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import type { GreyBitmap } from './render.js';
import { trimmedBox, trimSpecksFromBoxes } from './word-boxes.js';

const S = 4; // pixels a point

/** A white bitmap with black rectangles [x, y, w, h] in pixels. */
function page(rects: [number, number, number, number][]): GreyBitmap {
  const width = 400;
  const height = 200;
  const data = new Uint8Array(width * height).fill(255);
  for (const [x, y, w, h] of rects) for (let r = y; r < y + h; r++) data.fill(0, r * width + x, r * width + x + w);
  return { width, height, data };
}

const word = (x: number, y: number, width: number, height: number): Word => ({ text: 'Certificate', x, y, width, height, confidence: 0.2 });

describe('a word boxed with a speck above or below it', () => {
  // glyphs 7.5 pt tall (30 px) from y 100 px to 130 px, 10 to 40 pt across
  const glyphs: [number, number, number, number][] = [
    [40, 100, 20, 30],
    [70, 108, 20, 22],
    [100, 100, 40, 30],
  ];

  it('is cut down to its glyphs where the speck stands apart, above or below', () => {
    const above = page([...glyphs, [90, 64, 3, 3]]);
    // tesseract's box from the speck's top (16 pt) to the glyphs' foot (32.5 pt)
    expect(trimmedBox(word(10, 16, 30, 16.5), above, S)).toMatchObject({ y: 25, height: 7.5 });
    const below = page([...glyphs, [120, 150, 3, 3]]);
    expect(trimmedBox(word(10, 25, 30, 13.25), below, S)).toMatchObject({ y: 25, height: 7.5 });
  });

  it('is kept whole where there is no speck, or the mark is close (an i’s dot) or inky (a glyph of two parts)', () => {
    expect(trimmedBox(word(10, 25, 30, 7.5), page(glyphs), S)).toBeNull();
    // a dot 3 px (three quarters of a point) over its stem
    expect(trimmedBox(word(10, 25.5, 30, 7), page([[70, 108, 20, 22], [75, 102, 3, 3]]), S)).toBeNull();
    // '=': two bars alike, a gap of 3 pt between them
    expect(trimmedBox(word(10, 25, 10, 6), page([[40, 100, 30, 4], [40, 116, 30, 4]]), S)).toBeNull();
  });

  it('changes no other word of the page, and gives the page itself when none is trimmed', () => {
    const bitmap = page([...glyphs, [90, 64, 3, 3]]);
    const words: PageWords = { page: 1, width: 100, height: 50, source: 'ocr', words: [word(10, 16, 30, 16.5), { ...word(60, 40, 10, 5), text: 'far' }] };
    const out = trimSpecksFromBoxes(words, bitmap, S);
    expect(out.words.map((w) => [w.y, w.height])).toEqual([
      [25, 7.5],
      [40, 5],
    ]);
    const clean: PageWords = { ...words, words: [word(10, 25, 30, 7.5)] };
    expect(trimSpecksFromBoxes(clean, page(glyphs), S)).toBe(clean);
  });
});
