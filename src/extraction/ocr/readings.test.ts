// Two readings of a page, row by row the surer kept (readings.ts): words laid out as tesseract gives them.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import type { PixelWord } from './ocr.js';
import { changedBoxes, readWhereChanged, surerReading } from './readings.js';
import type { GreyBitmap } from './render.js';

const word = (text: string, x: number, y: number, confidence: number, height = 7): Word => ({ text, x, y, width: text.length * 4, height, confidence });
const page = (words: Word[]): PageWords => ({ page: 1, width: 612, height: 792, source: 'ocr', words });

describe('surerReading', () => {
  it('takes each row from the reading tesseract is surer of, and drops the shreds of a rule read as letters', () => {
    const thorough = page([
      word('Underwriter', 40, 100, 0.92),
      word('Harborview', 40, 120, 0.96),
      word('Specialty', 90, 120, 0.95),
      word('41298', 200, 120, 0.96),
      // (an underlined heading whose feet went with its rule)
      word('Cer1ificale', 40, 160, 0.41),
      word('ot', 90, 160, 0.3),
    ]);
    const gentle = page([
      word('Underwriter', 40, 100, 0.93),
      word('new', 40, 111, 0.34, 2.6),
      word('wl', 70, 111, 0.42, 2.6),
      word('torview', 48, 121, 0.55),
      word('peciaty', 90, 120, 0.41),
      word('Im', 180, 121, 0.2),
      word('41298', 200, 120, 0.9),
      word('Certificate', 40, 160, 0.95),
      word('of', 90, 160, 0.96),
    ]);
    const got = surerReading(thorough, gentle).words.map((w) => w.text);
    expect(got).toEqual(['Underwriter', 'Harborview', 'Specialty', '41298', 'Certificate', 'of']);
  });

  it('keeps the gentle reading where the two are equally sure, and a short mark that is no letter', () => {
    const same = [word('Policy', 40, 100, 0.9), word('-', 80, 103, 0.4, 0.5)];
    expect(surerReading(page(same), page(same)).words.map((w) => w.text)).toEqual(['Policy', '-']);
  });
});

/** A white bitmap with black rectangles [left, top, right, bottom) (pixels). */
function bitmap(width: number, height: number, rects: [number, number, number, number][]): GreyBitmap {
  const data = new Uint8Array(width * height).fill(255);
  for (const [l, t, r, b] of rects) for (let y = t; y < b; y++) data.fill(0, y * width + l, y * width + r);
  return { width, height, data };
}

describe('reading a second cleaning where it differs', () => {
  // 1 pixel a point: two lines of 'words' (blocks 10 high, 3 apart within a line), a wide gap between two cells
  const words: [number, number, number, number][] = [
    [20, 20, 50, 30],
    [53, 20, 90, 30],
    [200, 20, 240, 30],
    [20, 60, 60, 70],
    [63, 60, 100, 70],
  ];
  it("boxes the differing pixels grown to the whole of the words they touch, to paper on every side", () => {
    const a = bitmap(300, 100, words);
    // the second cleaning kept a rule's shred under the first line's second word
    const b = bitmap(300, 100, [...words, [60, 31, 80, 32]]);
    const boxes = changedBoxes(a, b, 1);
    expect(boxes).toHaveLength(1);
    const [box] = boxes;
    // the first line's two words (3 apart) and no more: the cell 110 away and the line 30 below stay outside
    expect(box!.left).toBeLessThanOrEqual(20);
    expect(box!.right).toBeGreaterThanOrEqual(90);
    expect(box!.right).toBeLessThan(200);
    expect(box!.top).toBeLessThanOrEqual(20);
    expect(box!.bottom).toBeGreaterThanOrEqual(32);
    expect(box!.bottom).toBeLessThan(60);
    expect(changedBoxes(a, a, 1)).toEqual([]);
  });

  it('keeps the first reading outside the boxes and reads each box alone, or gives up where most of the page changed', async () => {
    const a = bitmap(300, 100, words);
    const b = bitmap(300, 100, [...words, [60, 31, 80, 32]]);
    const first = page([word('Cer1ificale', 20, 20, 0.4, 10), word('ot', 53, 20, 0.3, 10), word('Issued', 200, 18, 0.9, 10), word('Next', 20, 60, 0.9, 10)]);
    const crops: GreyBitmap[] = [];
    const recognize = async (crop: GreyBitmap): Promise<PixelWord[]> => {
      crops.push(crop);
      // a reading of the crop: its words at crop pixels (12 of paper around the box)
      return [{ text: 'Certificate', left: 14, top: 12, width: 30, height: 10, confidence: 95 }];
    };
    const toWords = (pw: PixelWord[], left: number, top: number): Word[] => pw.map((w) => ({ text: w.text, x: w.left + left, y: w.top + top, width: w.width, height: w.height, confidence: w.confidence / 100 }));
    const got = await readWhereChanged(a, first, b, 1, recognize, toWords);
    expect(crops).toHaveLength(1);
    // (in the first reading's order, the region's words where its first word stood: the form is recognized from the
    // words as text, 'Certificate of Insurance' in a row of words tesseract put a little higher or lower)
    expect(got!.words.map((w) => [w.text, w.x, w.y])).toEqual([
      ['Certificate', expect.any(Number), expect.any(Number)],
      ['Issued', 200, 18],
      ['Next', 20, 60],
    ]);
    // (most of the page changed: no regions, the page is read whole by the caller)
    const c = bitmap(300, 100, [...words, [0, 0, 300, 2], [0, 40, 300, 42], [0, 90, 300, 92], [0, 0, 2, 100], [150, 0, 152, 100], [298, 0, 300, 100]]);
    expect(await readWhereChanged(a, first, c, 1, recognize, toWords)).toBeNull();
  });
});
