// The form-field widgets of a PDF page as pdfjs reports them (getAnnotations): each field's name, value and the box
// it is drawn in, in PDF points with the origin at the page's top-left as displayed (the same space as the text
// layer's words and ReadProvenance). For the boxes of values read from form fields, and the remarks of a filled
// ACORD 101 page.
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Box } from '../layout/words.js';

export type Widget = { name: string; box: Box; value: string | boolean | null };

type Annotation = { subtype?: string; fieldName?: string; rect?: number[]; fieldValue?: unknown; checkBox?: boolean; exportValue?: string };

/** The page's field widgets, in the order pdfjs lists them. */
export async function pageWidgets(page: PDFPageProxy): Promise<Widget[]> {
  const viewport = page.getViewport({ scale: 1 });
  const annotations = (await page.getAnnotations()) as Annotation[];
  const out: Widget[] = [];
  for (const a of annotations) {
    if (a.subtype !== 'Widget' || !a.fieldName || !a.rect || a.rect.length < 4) continue;
    const [x0, y0, x1, y1] = viewport.convertToViewportRectangle(a.rect) as number[];
    const box: Box = { page: page.pageNumber, x: Math.min(x0!, x1!), y: Math.min(y0!, y1!), width: Math.abs(x1! - x0!), height: Math.abs(y1! - y0!) };
    const raw = a.fieldValue;
    const value = a.checkBox ? raw !== null && raw !== undefined && raw !== 'Off' && raw === (a.exportValue ?? raw) : typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.join('\n') : null;
    out.push({ name: a.fieldName, box, value });
  }
  return out;
}
