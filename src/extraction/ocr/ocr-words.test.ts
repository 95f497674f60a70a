// What is kept of tesseract's words: rule remnants glued to a word are cut off, words that are nothing but remnants
// are dropped, and a checked box read as [X] stays whole for the layout reader.
import { describe, expect, it } from 'vitest';
import { capitalIReadAsL, cleanWordText, toPageWords } from './ocr.js';

describe('OCR word clean-up', () => {
  it('cuts rule remnants off words and drops remnant-only words', () => {
    expect(cleanWordText('|X|')).toBe('X');
    expect(cleanWordText('1,000,000|')).toBe('1,000,000');
    // (a word boxed with the rule under it)
    expect(cleanWordText('Tampa_')).toBe('Tampa');
    expect(cleanWordText('[X]')).toBe('[X]');
    for (const junk of ['|', '—', '[]', '_', '--', "'", 'i']) expect(cleanWordText(junk), junk).toBeNull();
    // printed text that is short but real stays
    for (const kept of ['$', '-', '&', '/', 'X', 'A', 'N/A']) expect(cleanWordText(kept), kept).toBe(kept);
  });

  it('places words of a crop on the page in points', () => {
    const [w] = toPageWords([{ text: '02/26/2024', left: 10, top: 20, width: 100, height: 25, confidence: 91 }], 300 / 72, 1000, 2000);
    expect(w).toMatchObject({ text: '02/26/2024', x: 242.4, y: 484.8, width: 24, height: 6, confidence: 0.91 });
  });

  it("drops letters read in a box flatter than any printed letter (a speck read 'oo'), and keeps a flat dash", () => {
    const s = 300 / 72;
    const words = toPageWords(
      [
        { text: 'oo', left: 0, top: 0, width: 30, height: 2, confidence: 0 },
        { text: 'Inc.', left: 100, top: 0, width: 60, height: 25, confidence: 94 },
        { text: 'ace', left: 200, top: 0, width: 40, height: 9, confidence: 90 },
        { text: '-', left: 300, top: 0, width: 10, height: 3, confidence: 90 },
      ],
      s,
      0,
      0,
    );
    expect(words.map((w) => w.text)).toEqual(['Inc.', 'ace', '-']);
  });

  it("drops a stroke read in a box a hairline wide (a rule's edge read 'I' before a policy number), and keeps an I or 1 of type", () => {
    const s = 300 / 72;
    const words = toPageWords(
      [
        { text: 'I', left: 0, top: 0, width: 1, height: 19, confidence: 85 },
        { text: 'CGL', left: 20, top: 0, width: 67, height: 26, confidence: 92 },
        { text: 'I', left: 100, top: 0, width: 3, height: 24, confidence: 90 },
        { text: '1', left: 200, top: 0, width: 8, height: 24, confidence: 90 },
      ],
      s,
      0,
      0,
    );
    expect(words.map((w) => w.text)).toEqual(['CGL', 'I', '1']);
    // (at 200 dpi, one pixel is more than a hairline's width in points: still dropped)
    expect(toPageWords([{ text: 'l', left: 0, top: 0, width: 1, height: 13, confidence: 85 }], 200 / 72, 0, 0)).toEqual([]);
  });

  it("reads a word's first letter as I where OCR gave a lower-case l no word starts with ('lronbridge', 'lnc.', 'lNSURED')", () => {
    expect(capitalIReadAsL('lronbridge')).toBe('Ironbridge');
    expect(capitalIReadAsL('lnc.')).toBe('Inc.');
    expect(capitalIReadAsL('lNSURED')).toBe('INSURED');
    expect(capitalIReadAsL('(lnsurer')).toBe('(Insurer');
    // English words, abbreviations and what is no word at all stay as read
    for (const kept of ['liability', 'llama', 'lynx', 'lbs', 'ltd', 'l', 'lWC123', 'l-2', 'Ironbridge']) expect(capitalIReadAsL(kept), kept).toBe(kept);
    const [w] = toPageWords([{ text: 'lronbridge', left: 0, top: 0, width: 100, height: 25, confidence: 96 }], 300 / 72, 0, 0);
    expect(w!.text).toBe('Ironbridge');
  });
});
