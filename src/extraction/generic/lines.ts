// Positioned words → reading lines and cells. A line is the words sharing a baseline band; a cell (segment) is a
// run of words on a line with no wide gap between them. Carrier certificates put a label and its value either in
// one cell ("Policy No: GL-1"), in neighbouring cells of one line, or in a block under the label; all three are read
// from these lines.
import type { PageWords, Word } from '../layout/words.js';
import { median } from '../text/lines.js';

export type Segment = { text: string; x: number; right: number; words: Word[] };
export type Line = { page: number; y: number; height: number; x: number; right: number; words: Word[]; segments: Segment[]; text: string };

/** Lines of a page, top to bottom, each with its words left to right and cut into cells at wide gaps. */
export function pageLines(page: PageWords): Line[] {
  const words = page.words.filter((w) => w.text.trim() !== '').sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const rows: Word[][] = [];
  for (const w of words) {
    const mid = w.y + w.height / 2;
    const row = rows.find((r) => {
      const h = Math.max(...r.map((o) => o.height), w.height);
      const rowMid = r.reduce((s, o) => s + o.y + o.height / 2, 0) / r.length;
      return Math.abs(rowMid - mid) < h * 0.45;
    });
    if (row) row.push(w);
    else rows.push([w]);
  }
  const lines = rows.map((row) => toLine(page.page, row));
  return lines.sort((a, b) => a.y - b.y || a.x - b.x);
}

function toLine(page: number, row: Word[]): Line {
  row.sort((a, b) => a.x - b.x);
  // (an empty row has no median: 10)
  const height = median(row.map((w) => w.height)) || 10;
  const segments: Segment[] = [];
  let current: Word[] = [];
  let right = -Infinity;
  for (const w of row) {
    // a gap wider than about two spaces starts a new cell
    if (current.length > 0 && w.x - right > Math.max(height * 0.75, 5)) {
      segments.push(toSegment(current));
      current = [];
    }
    current.push(w);
    right = Math.max(right, w.x + w.width);
  }
  if (current.length) segments.push(toSegment(current));
  return {
    page,
    y: Math.min(...row.map((w) => w.y)),
    height,
    x: row[0].x,
    right: Math.max(...row.map((w) => w.x + w.width)),
    words: row,
    segments,
    text: segments.map((s) => s.text).join(' | '),
  };
}

function toSegment(words: Word[]): Segment {
  return { text: words.map((w) => w.text).join(' ').replace(/\s+/g, ' ').trim(), x: words[0].x, right: Math.max(...words.map((w) => w.x + w.width)), words };
}

/** The plain text of a set of pages, line by line (cells separated by two spaces), for pattern tests. */
export function pagesText(pages: PageWords[]): string {
  return pages.map((p) => pageLines(p).map((l) => l.segments.map((s) => s.text).join('  ')).join('\n')).join('\n\f\n');
}
