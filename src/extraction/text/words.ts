// A PDF page's text layer as positioned words (layout/words.ts): pdfjs text items split on spaces and glyph runs
// merged into words, placed in PDF points with the origin at the top-left of the page as it is displayed (so /Rotate
// and a CropBox that does not start at 0,0 are already applied). Check marks that a flattener drew as vector paths
// (pdf-lib draws a checked box as a stroked tick inside a small appearance form) become 'X' words, so that the mappers
// see them as they see a typed X.
import { pdfjs } from '../pdf/open.js';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ExtractionError } from '../errors.js';
import type { PageWords, Word } from '../layout/words.js';
import { inflateLimitError, installBoundedInflate, withInflateBudget } from '../pdf/inflate.js';
import { apply, multiply, type Matrix } from '../pdf/matrix.js';

installBoundedInflate();

/** Text drawn more than this far from horizontal (side stamps, rotated watermarks) is left out. */
const MAX_SKEW_RADIANS = 0.17;
/** Two glyph runs closer than this (a fraction of the font size) are one word. */
const JOIN_GAP_EM = 0.15;
/** A vector check mark is drawn inside an appearance box no bigger than this (points). */
const MAX_MARK_BOX = 24;
/** Confidence of a check mark read from vector paths: its position says what it marks, its shape is not checked. */
export const VECTOR_MARK_CONFIDENCE = 0.9;

type TextItem = { str: string; transform: number[]; width: number; height: number };

/** The words of one page's text layer, with vector check marks as 'X' words. */
export async function textLayerWords(page: PDFPageProxy, options: { marks?: boolean } = {}): Promise<PageWords> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  // both parse the page's content; started together they share the font loads instead of waiting twice
  const [content, marks] = await Promise.all([
    boundedRead(page, () => page.getTextContent()),
    options.marks !== false ? vectorMarks(page) : Promise.resolve([]),
  ]);
  const fragments: Word[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const t = item as TextItem;
    if (t.str.trim() === '') continue;
    const m = multiply(vt, t.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    if (size <= 0) continue;
    const angle = Math.atan2(m[1], m[0]);
    if (Math.abs(angle) > MAX_SKEW_RADIANS) continue;
    // item.width is along the text direction in user space; the viewport has scale 1, so lengths carry over
    const width = t.width > 0 ? t.width : size * 0.5 * t.str.length;
    fragments.push(...splitItem(t.str, m[4], m[5] - size, width, size));
  }
  const words = mergeGlyphRuns(fragments);
  words.push(...marks);
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, source: 'text', words };
}

/**
 * One pdfjs read of a page within the inflation limits (pdf/inflate.ts). A page past them, or one pdfjs cannot parse
 * at all (it throws only for what it cannot recover from, such as a stack overflow), is an ExtractionError.
 */
async function boundedRead<T>(page: PDFPageProxy, read: () => Promise<T>): Promise<T> {
  let result: Awaited<ReturnType<typeof withInflateBudget<T>>>;
  try {
    result = await withInflateBudget(read);
  } catch (err) {
    if (err instanceof ExtractionError) throw err;
    throw new ExtractionError('corrupt', `page ${page.pageNumber} of the PDF could not be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const overflow = inflateLimitError(result.budget);
  if (overflow) throw overflow;
  return result.value;
}

/** Splits one text item on white space; each word's x is placed by its share of the characters. */
function splitItem(str: string, x: number, top: number, width: number, size: number): Word[] {
  const out: Word[] = [];
  const perChar = width / Math.max(1, str.length);
  for (const m of str.matchAll(/\S+/g)) {
    out.push({ text: m[0], x: x + m.index * perChar, y: top, width: m[0].length * perChar, height: size, confidence: 1 });
  }
  return out;
}

/** Joins fragments on the same baseline that touch (per-glyph or per-run text items) into words. */
function mergeGlyphRuns(fragments: Word[]): Word[] {
  const sorted = [...fragments].sort((a, b) => a.y + a.height - (b.y + b.height) || a.x - b.x);
  const lines: Word[][] = [];
  for (const f of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.y + l[0]!.height - (f.y + f.height)) < 0.25 * Math.min(l[0]!.height, f.height));
    if (line) line.push(f);
    else lines.push([f]);
  }
  const out: Word[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let open = false;
    for (const f of line) {
      const c = open ? out[out.length - 1]! : null;
      const gap = c ? f.x - (c.x + c.width) : Infinity;
      if (c && gap < JOIN_GAP_EM * Math.min(c.height, f.height) && gap > -0.5 * f.height && Math.abs(c.height - f.height) < 0.3 * c.height) {
        const right = Math.max(c.x + c.width, f.x + f.width);
        const top = Math.min(c.y, f.y);
        out[out.length - 1] = { ...c, text: c.text + f.text, width: right - c.x, y: top, height: Math.max(c.y + c.height, f.y + f.height) - top };
      } else {
        out.push(f);
        open = true;
      }
    }
  }
  return out;
}

/**
 * Check marks drawn as vector paths inside small appearance forms (flattened checkboxes): a stroked or filled path
 * inside a form XObject of at most MAX_MARK_BOX points that draws no text and does not just trace its border.
 */
export async function vectorMarks(page: PDFPageProxy): Promise<Word[]> {
  const vt = page.getViewport({ scale: 1 }).transform as Matrix;
  const ops = await boundedRead(page, () => page.getOperatorList());
  const O = pdfjs.OPS;
  const paint = new Set<number>([O.stroke, O.closeStroke, O.fill, O.eoFill, O.fillStroke, O.eoFillStroke, O.closeFillStroke, O.closeEOFillStroke]);
  const marks: Word[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  type Form = { box: { w: number; h: number }; text: boolean; paths: [number, number, number, number][] };
  const forms: Form[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === O.save) stack.push(ctm);
    else if (fn === O.restore) ctm = stack.pop() ?? ctm;
    else if (fn === O.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === O.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args[0] as ArrayLike<number> | null;
      if (matrix) ctm = multiply(ctm, Array.from(matrix) as Matrix);
      const bbox = args[1] as ArrayLike<number> | null;
      const w = bbox ? Math.abs(bbox[2]! - bbox[0]!) : Infinity;
      const h = bbox ? Math.abs(bbox[3]! - bbox[1]!) : Infinity;
      forms.push({ box: { w, h }, text: false, paths: [] });
    } else if (fn === O.paintFormXObjectEnd) {
      const form = forms.pop();
      ctm = stack.pop() ?? ctm;
      if (form && !form.text && form.box.w <= MAX_MARK_BOX && form.box.h <= MAX_MARK_BOX) {
        for (const p of form.paths) marks.push(markWord(vt, p));
      }
    } else if (fn === O.showText || fn === O.showSpacedText) {
      for (const f of forms) f.text = true;
    } else if (fn === O.constructPath && forms.length > 0) {
      const form = forms[forms.length - 1]!;
      if (form.box.w > MAX_MARK_BOX || form.box.h > MAX_MARK_BOX) continue;
      const [op, , minMax] = args as [number, unknown, ArrayLike<number> | null];
      if (!paint.has(op) || !minMax) continue;
      const [x0, y0, x1, y1] = [minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!];
      // a border traces the whole box; a mark sits inside it
      if (x1 - x0 >= 0.9 * form.box.w && y1 - y0 >= 0.9 * form.box.h) continue;
      if (x1 - x0 <= 0 && y1 - y0 <= 0) continue;
      const a = apply(ctm, x0, y0);
      const b = apply(ctm, x1, y1);
      form.paths.push([a[0], a[1], b[0], b[1]]);
    }
  }
  return marks;
}

function markWord(vt: Matrix, [x0, y0, x1, y1]: [number, number, number, number]): Word {
  const a = apply(vt, x0, y0);
  const b = apply(vt, x1, y1);
  const x = Math.min(a[0], b[0]);
  const y = Math.min(a[1], b[1]);
  return { text: 'X', x, y, width: Math.abs(a[0] - b[0]), height: Math.abs(a[1] - b[1]), confidence: VECTOR_MARK_CONFIDENCE };
}
