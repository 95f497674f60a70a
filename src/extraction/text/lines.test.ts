// Grouping positioned words into lines and segments.
import { describe, expect, it } from 'vitest';
import type { Word } from '../layout/words.js';
import { containsNear, findLabel, groupLines, inCaseOf, nearestListWord, OCR_SEGMENT_GAP } from './lines.js';

const word = (text: string, x: number, y: number, height: number, width = text.length * 4): Word => ({ text, x, y, width, height, confidence: 0.9 });

describe('groupLines', () => {
  it("keeps a name's words on one line when a speck of OCR noise, a couple of points high, opened it", () => {
    // 'Demo Property Group' (the capitals' boxes 5.8 and 7.2 high) and a speck of the holder box's rule beside them
    const lines = groupLines([word('Demo', 74, 692.64, 5.76), word('Property', 97, 692.64, 7.2), word('Group', 130, 692.64, 7.2), word('I', 307, 693.84, 2.4, 0.24)], OCR_SEGMENT_GAP);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.segments[0]!.text).toBe('Demo Property Group');
  });

  it('keeps lines a line apart apart', () => {
    const lines = groupLines([word('c/o', 74, 704.4, 5.8), word('Demo', 74, 692.6, 5.8), word('Property', 97, 692.6, 7.2), word('Management', 90, 704.6, 7.2)]);
    expect(lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['Demo Property', 'c/o Management']);
  });
});

describe('findLabel', () => {
  it('finds a box label after one stroke OCR made of the rule before it, when asked, and only at the start of its segment', () => {
    const lines = groupLines([word('I', 18, 117, 6, 1), word('PRODUCER', 23, 118, 4.5), word('CONTACT', 311, 117, 4.5)]);
    expect(findLabel(lines, 'PRODUCER', { exact: true })).toEqual([]);
    const hit = findLabel(lines, 'PRODUCER', { exact: true, afterStroke: true })[0];
    expect(hit?.text).toBe('PRODUCER');
    expect(hit?.x).toBe(23);
    expect(findLabel(groupLines([word('THE', 18, 117, 4.5), word('PRODUCER', 33, 117, 4.5)]), 'PRODUCER', { exact: true, afterStroke: true })).toEqual([]);
    // the stroke with a speck beside it read as a mark ("I' PRODUCER")
    const marked = findLabel(groupLines([word("I'", 17, 117, 4, 1.4), word('PRODUCER', 21, 117.2, 4.3)]), 'PRODUCER', { exact: true, afterStroke: true })[0];
    expect(marked?.x).toBe(21);
  });
});

describe('containsNear', () => {
  it('finds a phrase anywhere in a text with at most the given slips', () => {
    expect(containsNear('OFNVEHICLESACORDIOIADDITIONAREMARKSSCHEDUIE', 'ADDITIONALREMARKSSCHEDUIE', 1)).toBe(true);
    expect(containsNear('XXADDITIONALREMARKSSCHEDUIEYY', 'ADDITIONALREMARKSSCHEDUIE', 0)).toBe(true);
    expect(containsNear('OFNVEHICLESACORDIOIADDITIONAREMARKSSCHEDUIE', 'ADDITIONALREMARKSSCHEDUIE', 0)).toBe(false);
    expect(containsNear('ADDITIONREMARKS', 'ADDITIONALREMARKSSCHEDUIE', 3)).toBe(false);
    expect(containsNear('', 'AB', 2)).toBe(true);
  });
});

describe('nearestListWord', () => {
  const words = ['liability', 'umbrella', 'excess', 'exceso'];
  it("respells a word as the one list word nearest it, in the word's own case", () => {
    expect(nearestListWord('LIABILTY', words, () => 1)).toBe('LIABILITY');
    expect(nearestListWord('Umbrela', words, () => 1)).toBe('Umbrella');
    expect(nearestListWord('umbrellx', words, () => 1)).toBe('umbrella');
    // the nearest wins over one within reach but farther
    expect(nearestListWord('excesx', ['excess', 'exxesz'], () => 2)).toBe('excess');
  });
  it('leaves a word no list word is within reach of, or two are equally near', () => {
    expect(nearestListWord('LIABLTY', words, () => 1)).toBeNull();
    expect(nearestListWord('LIABLTY', words, (t) => (t.length >= 9 ? 2 : 1))).toBe('LIABILITY');
    expect(nearestListWord('excesa', words, () => 1)).toBeNull();
  });
  it('writes a word in the case of another', () => {
    expect(inCaseOf('POLICY', 'number')).toBe('NUMBER');
    expect(inCaseOf('Policy', 'NUMBER')).toBe('Number');
    expect(inCaseOf('policy', 'Number')).toBe('number');
  });
});
