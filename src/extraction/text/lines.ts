// Positioned words grouped the way a reader sees them: lines (words sharing a baseline), segments (runs of words on
// a line with no wide gap: one label or one value), and printed labels found by tolerant matching, so that the
// layout mappers work the same on a PDF text layer and on OCR words (case, punctuation and the usual OCR slips
// '0'↔'O', '1'/'l'↔'I', one dropped or doubled letter do not stop a label from being found).
import type { Box, Word } from '../layout/words.js';

export type Segment = { words: Word[]; text: string; x: number; y: number; right: number; bottom: number; height: number; confidence: number };
export type Line = { words: Word[]; segments: Segment[]; y: number; bottom: number };

/** A gap wider than this (a fraction of the text height) ends a segment: a column boundary, not a space. */
const SEGMENT_GAP = 0.9;

export function segmentOf(words: Word[]): Segment {
  const x = Math.min(...words.map((w) => w.x));
  const y = Math.min(...words.map((w) => w.y));
  const right = Math.max(...words.map((w) => w.x + w.width));
  const bottom = Math.max(...words.map((w) => w.y + w.height));
  return {
    words,
    text: words.map((w) => w.text).join(' '),
    x,
    y,
    right,
    bottom,
    height: Math.max(...words.map((w) => w.height)),
    confidence: Math.min(...words.map((w) => w.confidence)),
  };
}

export const centerY = (b: { y: number; bottom: number }) => (b.y + b.bottom) / 2;
export const centerX = (b: { x: number; right: number }) => (b.x + b.right) / 2;

/** The middle value (the upper of the two middle ones for an even count); undefined for none. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Words grouped into lines (by vertical overlap of their boxes' middles) and each line into segments. */
/**
 * OCR word boxes hug the glyphs (a capital's height, about 0.7 of the type size; a text layer's box is the type size),
 * and OCR drops the periods and hyphens inside labels ("E.L. DISEASE - EA EMPLOYEE" read "EL DISEASE EA EMPLOYEE"):
 * the gap that ends a segment between OCR words is this much wider, in their heights.
 */
export const OCR_SEGMENT_GAP = 1.4;

export function groupLines(words: readonly Word[], segmentGap = SEGMENT_GAP): Line[] {
  const sorted = [...words].filter((w) => w.text.trim() !== '').sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const lines: { words: Word[]; mid: number; h: number }[] = [];
  for (const w of sorted) {
    const mid = w.y + w.height / 2;
    // the nearest open line whose middle is within 40% of the text height
    let best: (typeof lines)[number] | null = null;
    for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i--) {
      const l = lines[i]!;
      if (Math.abs(l.mid - mid) < 0.4 * Math.min(l.h, w.height) && (!best || Math.abs(l.mid - mid) < Math.abs(best.mid - mid))) best = l;
    }
    if (best) {
      best.words.push(w);
      best.mid = (best.mid * (best.words.length - 1) + mid) / best.words.length;
      // (the line's height is its tallest word's: a speck of OCR noise that opened the line, 2 points high, would
      // otherwise hold every word after it to its own tiny tolerance, and split a name's line in two)
      best.h = Math.max(best.h, w.height);
    } else lines.push({ words: [w], mid, h: w.height });
  }
  return lines.map((l) => {
    const ws = l.words.sort((a, b) => a.x - b.x);
    return { words: ws, segments: splitSegments(ws, segmentGap), y: Math.min(...ws.map((w) => w.y)), bottom: Math.max(...ws.map((w) => w.y + w.height)) };
  });
}

/** Splits the words of one line (sorted by x) where the gap is wider than SEGMENT_GAP × their height. */
export function splitSegments(words: readonly Word[], segmentGap = SEGMENT_GAP): Segment[] {
  const out: Segment[] = [];
  let run: Word[] = [];
  for (const w of words) {
    const prev = run[run.length - 1];
    if (prev && w.x - (prev.x + prev.width) > segmentGap * Math.min(prev.height, w.height)) {
      out.push(segmentOf(run));
      run = [];
    }
    run.push(w);
  }
  if (run.length) out.push(segmentOf(run));
  return out;
}

/**
 * Text folded for label matching: upper case, letters and digits only, with the look-alikes OCR confuses mapped to
 * one letter (0→O, 1/L/|→I, 5→S, 8→B). Only used to compare labels, never for values.
 */
export function foldLabel(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9|]/g, '')
    .replace(/0/g, 'O')
    .replace(/[1L|]/g, 'I')
    .replace(/5/g, 'S')
    .replace(/8/g, 'B');
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** `word` (any case) written in the case of `original`: all capitals, a capital first, or small letters. */
export function inCaseOf(original: string, word: string): string {
  if (original === original.toUpperCase()) return word.toUpperCase();
  return /^[A-Z]/.test(original) ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word.toLowerCase();
}

/**
 * `word` respelt as the word of `list` nearest it (letters compared without case), in the word's own case: null where
 * no list word is within `reach(listWord)` edits of it, or two are equally near.
 */
export function nearestListWord(word: string, list: readonly string[], reach: (listWord: string) => number): string | null {
  const lower = word.toLowerCase();
  let best = Infinity;
  let nearest: string[] = [];
  for (const t of list) {
    const max = reach(t);
    const d = editDistance(lower, t.toLowerCase(), max);
    if (d > max || d > best) continue;
    if (d < best) nearest = [];
    best = d;
    nearest.push(t);
  }
  return nearest.length === 1 ? inCaseOf(word, nearest[0]!) : null;
}

/** Whether `pattern` occurs somewhere in `text` with at most `max` slips (edits), the text's other letters free. */
export function containsNear(text: string, pattern: string, max: number): boolean {
  // Sellers: edit distance where a match may start anywhere in the text (the first row costs nothing)
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  if (prev[pattern.length]! <= max) return true;
  for (let i = 1; i <= text.length; i++) {
    const cur = [0];
    for (let j = 1; j <= pattern.length; j++) {
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (text[i - 1] === pattern[j - 1] ? 0 : 1)));
    }
    if (cur[pattern.length]! <= max) return true;
    prev = cur;
  }
  return false;
}

/** How many slips a label of this folded length may carry: none below 10 letters (INSURED/INSURER), then one per 7. */
export function tolerance(folded: string): number {
  return folded.length < 10 ? 0 : Math.floor((folded.length - 3) / 7);
}

const foldedWords = new WeakMap<Word, string>();
function foldWord(w: Word): string {
  let f = foldedWords.get(w);
  if (f === undefined) {
    f = foldLabel(w.text);
    foldedWords.set(w, f);
  }
  return f;
}

export type LabelHit = Segment & { /** 1 = exact, lower with each slip */ score: number; line: Line; rest: Segment | null };

/**
 * Every place the label is printed: word runs that begin a segment and fold to the label within its tolerance (with
 * `prefix`, also a run whose last word starts with the label's end).
 * `rest` holds the words of that segment after the label (a value printed right after its label).
 */
export function findLabel(lines: readonly Line[], label: string | readonly string[], opts: { exact?: boolean; anywhere?: boolean; prefix?: boolean; afterStroke?: boolean } = {}): LabelHit[] {
  const targets = (typeof label === 'string' ? [label] : label).map(foldLabel).filter((t) => t !== '');
  const counts = targets.map(letterCounts);
  const hits: LabelHit[] = [];
  for (const line of lines) {
    for (const seg of line.segments) {
      let best: { start: number; n: number; score: number } | null = null;
      // (`afterStroke`: also after one stroke OCR made of the box's rule before it, 'I PRODUCER', with a speck beside
      // it read as a mark, "I' PRODUCER")
      const lead = opts.afterStroke && seg.words.length > 1 && /^[|Il1!¦]['’`.,:;]?$/.test(seg.words[0]!.text) ? 1 : 0;
      const starts = opts.anywhere ? seg.words.length : 1 + lead;
      const prefixes = prefixesOf(seg);
      for (let start = 0; start < starts && !best; start++) {
        targets.forEach((target, t) => {
          const max = opts.exact ? 0 : tolerance(target);
          for (let n = start + 1; n <= seg.words.length; n++) {
            const acc = start === 0 ? prefixes[n - 1]! : prefixes[n - 1]!.slice(prefixes[start - 1]!.length);
            // `prefix`: the label's last word may run on into what OCR glued to it ('EXCESSUAS' for EXCESS LIAB)
            if (opts.prefix && acc.length > target.length && acc.startsWith(target)) {
              if (!best || 0.9 > best.score) best = { start, n, score: 0.9 };
              break;
            }
            if (acc.length > target.length + max) break;
            if (acc.length < target.length - max) continue;
            let d = 0;
            if (acc !== target) {
              // a cheap lower bound (letters that differ) before the full edit distance
              if (max === 0 || letterDifference(acc, counts[t]!) > 2 * max) continue;
              d = editDistance(acc, target, max);
            }
            if (d <= max) {
              const score = 1 - d / Math.max(4, target.length);
              if (!best || score > best.score) best = { start, n, score };
            }
          }
        });
      }
      if (!best) continue;
      const b: { start: number; n: number; score: number } = best;
      const words = seg.words.slice(b.start, b.n);
      const restWords = seg.words.slice(b.n);
      hits.push({ ...segmentOf(words), score: b.score, line, rest: restWords.length ? segmentOf(restWords) : null });
    }
  }
  return hits.sort((a, b) => a.y - b.y || a.x - b.x);
}

const segmentPrefixes = new WeakMap<Segment, string[]>();
/** The folded text of the segment's first 1, 2, 3 … words. */
function prefixesOf(seg: Segment): string[] {
  let p = segmentPrefixes.get(seg);
  if (!p) {
    p = [];
    let acc = '';
    for (const w of seg.words) {
      acc += foldWord(w);
      p.push(acc);
    }
    segmentPrefixes.set(seg, p);
  }
  return p;
}

function letterCounts(s: string): Int16Array {
  const c = new Int16Array(36);
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    c[k >= 65 ? k - 65 : 26 + (k - 48)]! += 1;
  }
  return c;
}

/** Sum over letters of |count in a − count in b|: at most twice the edit distance. */
function letterDifference(a: string, b: Int16Array): number {
  const c = Int16Array.from(b);
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i);
    c[k >= 65 ? k - 65 : 26 + (k - 48)]! -= 1;
  }
  let sum = 0;
  for (let i = 0; i < 36; i++) sum += Math.abs(c[i]!);
  return sum;
}

/** The box around some words, for provenance. */
export function boxOf(page: number, words: readonly Word[]): Box {
  const s = segmentOf([...words]);
  return { page, x: s.x, y: s.y, width: s.right - s.x, height: s.bottom - s.y };
}
