// What a page paints, in the order it paints it: text runs (with where they land and whether they can be seen) and
// opaque areas (filled paths, images) that may be painted over earlier text. One pass over pdfjs's operator list,
// with the text state tracked the way pdfjs's canvas renderer tracks it, so a run's box is where the renderer draws
// it. Coordinates are PDF points with the origin at the top-left of the page as displayed (as layout/words.ts).
import { pdfjs } from '../pdf/open.js';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { apply, multiply, type Matrix } from '../pdf/matrix.js';

export type Rect = { x0: number; y0: number; x1: number; y1: number };

/** One showText operation: its text, its box, its place in paint order, and whether the renderer makes it visible. */
export type TextRun = Rect & { seq: number; text: string; invisible: boolean };

/** An area painted opaquely (a filled path's bounds, or an image's placement), in paint order. */
export type Cover = Rect & { seq: number; kind: 'fill' | 'image' };

export type PaintedPage = { width: number; height: number; runs: TextRun[]; covers: Cover[] };

/** Below this fill alpha a filled area does not hide what is under it. */
const OPAQUE_ALPHA = 0.9;
/** Glyph box above and below the baseline, as a fraction of the font size (ascent / descent of common fonts). */
const ASCENT = 0.8;
const DESCENT = 0.2;

/** The axis-aligned box around a rectangle given in the space of `m`. */
function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

type State = {
  ctm: Matrix;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
  fillAlpha: number;
  blendNormal: boolean;
  fillWhite: boolean;
};

type Glyph = { unicode?: string; width?: number; isSpace?: boolean } | number | null;

const O = pdfjs.OPS;
const FILL_OPS = new Set<number>([O.fill, O.eoFill, O.fillStroke, O.eoFillStroke, O.closeFillStroke, O.closeEOFillStroke]);
const IMAGE_OPS = new Set<number>([O.paintImageXObject, O.paintInlineImageXObject, O.paintInlineImageXObjectGroup]);
const SHOW_OPS = new Set<number>([O.showText, O.showSpacedText, O.nextLineShowText, O.nextLineSetSpacingShowText]);

/** The page's text runs and opaque areas in paint order. */
export async function paintedPage(page: PDFPageProxy): Promise<PaintedPage> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const ops = await page.getOperatorList();
  const runs: TextRun[] = [];
  const covers: Cover[] = [];
  let s: State = { ctm: [1, 0, 0, 1, 0, 0], fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, renderMode: 0, fillAlpha: 1, blendNormal: true, fillWhite: false };
  const stack: State[] = [];
  // text position as pdfjs's canvas keeps it: a text matrix plus a pen position and line start inside it
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  let lastPath: Rect | null = null;

  const showText = (seq: number, glyphs: Glyph[]) => {
    let advance = 0;
    let text = '';
    let start: number | null = null;
    let end = 0;
    for (const g of glyphs) {
      if (g === null || g === undefined) continue;
      if (typeof g === 'number') {
        advance -= (g * s.fontSize) / 1000;
        continue;
      }
      const width = ((g.width ?? 0) * s.fontSize) / 1000 + s.charSpacing + (g.isSpace ? s.wordSpacing : 0);
      const ch = g.unicode ?? '';
      if (ch.trim() !== '') {
        if (start === null) start = advance;
        end = advance + width;
      }
      text += ch;
      advance += width;
    }
    if (start !== null && s.fontSize > 0) {
      const m = multiply(multiply(vt, s.ctm), tm);
      const base = y + s.rise;
      const box = boxOf(m, x + start * s.hScale, base - DESCENT * s.fontSize, x + end * s.hScale, base + ASCENT * s.fontSize);
      // modes 3 (invisible) and 7 (clip only) paint nothing; white text on the white page is not seen either
      const invisible = s.renderMode === 3 || s.renderMode === 7 || (s.fillWhite && s.renderMode % 4 === 0);
      runs.push({ ...box, seq, text, invisible });
    }
    x += advance * s.hScale;
  };
  const moveText = (dx: number, dy: number) => {
    x = lineX += dx;
    y = lineY += dy;
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    switch (fn) {
      case O.save:
        stack.push({ ...s });
        break;
      case O.restore:
        s = stack.pop() ?? s;
        break;
      case O.transform:
        s.ctm = multiply(s.ctm, args as Matrix);
        break;
      case O.paintFormXObjectBegin: {
        stack.push({ ...s });
        const matrix = args[0] as ArrayLike<number> | null;
        if (matrix) s.ctm = multiply(s.ctm, Array.from(matrix) as Matrix);
        break;
      }
      case O.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case O.setGState:
        for (const [key, value] of (args[0] as [string, unknown][]) ?? []) {
          if (key === 'ca' && typeof value === 'number') s.fillAlpha = value;
          if (key === 'BM') s.blendNormal = value === 'source-over' || value === 'Normal' || value === null;
        }
        break;
      case O.setFillRGBColor:
        s.fillWhite = typeof args[0] === 'string' ? /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(args[0]) : false;
        break;
      case O.setFillGray:
      case O.setFillColor:
      case O.setFillColorN:
      case O.setFillCMYKColor:
      case O.setFillColorSpace:
        s.fillWhite = false;
        break;
      case O.beginText:
        tm = [1, 0, 0, 1, 0, 0];
        x = y = lineX = lineY = 0;
        break;
      case O.setFont:
        s.fontSize = Math.abs(Number(args[1]) || 0);
        break;
      case O.setCharSpacing:
        s.charSpacing = Number(args[0]) || 0;
        break;
      case O.setWordSpacing:
        s.wordSpacing = Number(args[0]) || 0;
        break;
      case O.setHScale:
        s.hScale = (Number(args[0]) || 100) / 100;
        break;
      case O.setLeading:
        s.leading = -(Number(args[0]) || 0);
        break;
      case O.setTextRise:
        s.rise = Number(args[0]) || 0;
        break;
      case O.setTextRenderingMode:
        s.renderMode = Number(args[0]) || 0;
        break;
      case O.setTextMatrix: {
        const m = (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? Array.from(args[0] as ArrayLike<number>) : args) as Matrix;
        tm = [m[0], m[1], m[2], m[3], m[4], m[5]].map(Number) as Matrix;
        x = y = lineX = lineY = 0;
        break;
      }
      case O.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case O.setLeadingMoveText:
        s.leading = Number(args[1]) || 0;
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case O.nextLine:
        moveText(0, s.leading);
        break;
      default:
        if (SHOW_OPS.has(fn)) {
          if (fn === O.nextLineShowText) moveText(0, s.leading);
          if (fn === O.nextLineSetSpacingShowText) {
            s.wordSpacing = Number(args[0]) || 0;
            s.charSpacing = Number(args[1]) || 0;
            moveText(0, s.leading);
          }
          const glyphs = (fn === O.nextLineSetSpacingShowText ? args[2] : args[0]) as Glyph[] | undefined;
          if (Array.isArray(glyphs)) showText(i, glyphs);
        } else if (fn === O.constructPath) {
          const [op, , minMax] = args as [number, unknown, ArrayLike<number> | null];
          lastPath = minMax && minMax.length >= 4 ? boxOf(multiply(vt, s.ctm), minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!) : null;
          if (FILL_OPS.has(op) && lastPath && s.fillAlpha >= OPAQUE_ALPHA && s.blendNormal) covers.push({ ...lastPath, seq: i, kind: 'fill' });
        } else if (FILL_OPS.has(fn)) {
          if (lastPath && s.fillAlpha >= OPAQUE_ALPHA && s.blendNormal) covers.push({ ...lastPath, seq: i, kind: 'fill' });
        } else if (IMAGE_OPS.has(fn)) {
          // an image fills the unit square of the current matrix
          if (s.fillAlpha >= OPAQUE_ALPHA && s.blendNormal) covers.push({ ...boxOf(multiply(vt, s.ctm), 0, 0, 1, 1), seq: i, kind: 'image' });
        }
    }
  }
  return { width: viewport.width, height: viewport.height, runs, covers };
}
