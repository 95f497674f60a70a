// Two readings of a page, row by row the surer kept (readings.ts): words laid out as tesseract gives them.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import { surerReading } from './readings.js';

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
