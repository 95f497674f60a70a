// Positioned words from a PDF's text layer (pdfjs getTextContent), for the generic reader's tests and the bench
// until the text-layer reader is wired in. Each text item is cut into words at spaces; a word's x is placed in
// proportion to its characters, which is close enough for cells and columns.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { PageWords, Word } from '../layout/words.js';

type TextItemLike = { str: string; transform: number[]; width: number; height: number };

export async function textLayerWords(doc: PDFDocumentProxy, maxPages = 10): Promise<PageWords[]> {
  const out: PageWords[] = [];
  for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const words: Word[] = [];
    for (const raw of content.items) {
      if (!('str' in raw)) continue;
      const item = raw as TextItemLike;
      if (item.str.trim() === '') continue;
      const size = Math.hypot(item.transform[2], item.transform[3]) || item.height || 10;
      const [x0, y0] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]);
      const perChar = item.str.length > 0 ? item.width / item.str.length : 0;
      for (const m of item.str.matchAll(/\S+/g)) {
        words.push({ text: m[0], x: x0 + perChar * (m.index ?? 0), y: y0 - size * 0.8, width: perChar * m[0].length, height: size, confidence: 1 });
      }
    }
    out.push({ page: n, width: viewport.width, height: viewport.height, source: 'text', words });
    page.cleanup();
  }
  return out;
}
