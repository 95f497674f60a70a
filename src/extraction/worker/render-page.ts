// One page of a certificate file as a greyscale PNG, for the review screen to show beside the fields. Runs inside the
// reader's worker thread (worker.ts), so a hostile file meets the same heap and time limits as a reading; the work is
// bounded here too: the page must exist among the first MAX_RENDER_PAGES, and the image has at most MAX_RENDER_PIXELS.
import { PNG } from 'pngjs';
import { ExtractionError } from '../errors.js';
import { detectFileKind } from '../extract.js';
import { loadImagePages, renderPdfPage, resizeGrey, type GreyBitmap } from '../ocr/render.js';
import { openPdf } from '../pdf/open.js';
import { MAX_RENDER_PAGES, MAX_RENDER_PIXELS, MAX_RENDER_WIDTH, MIN_RENDER_WIDTH, type RenderedPage } from './protocol.js';


/** A page that does not exist; the route answers 404 for it, unlike a file that cannot be rendered. */
export class NoSuchPageError extends Error {
  readonly code = 'no_such_page';
  constructor(message: string) {
    super(message);
    this.name = 'NoSuchPageError';
  }
}

/** Renders page `n` (1-based) of PDF, PNG, JPEG or TIFF bytes `width` pixels wide (less for very tall pages). */
export async function renderPage(bytes: Buffer, n: number, width: number): Promise<RenderedPage> {
  if (!Number.isInteger(n) || n < 1) throw new NoSuchPageError(`there is no page ${n}`);
  const wanted = Math.min(MAX_RENDER_WIDTH, Math.max(MIN_RENDER_WIDTH, Math.round(width)));
  const kind = detectFileKind(bytes);
  if (kind === 'unknown') throw new ExtractionError('unsupported', 'not a PDF, PNG, JPEG or TIFF file');
  if (kind !== 'pdf') {
    const pages = await loadImagePages(bytes);
    checkPage(pages.length, n);
    const page = pages[n - 1]!;
    const w = fitWidth(wanted, page.bitmap.width, page.bitmap.height);
    const bitmap = resizeGrey(page.bitmap, w / page.bitmap.width);
    return { png: encodeGreyPng(bitmap), width: bitmap.width, height: bitmap.height, pages: pages.length };
  }
  const pdf = await openPdf(bytes, { render: true });
  try {
    checkPage(pdf.pages, n);
    const viewport = (await pdf.doc.getPage(n)).getViewport({ scale: 1 });
    const w = fitWidth(wanted, viewport.width, viewport.height);
    // renderPdfPage takes a resolution: the one that makes the page w pixels wide
    const rendered = await renderPdfPage(pdf.doc, n, (72 * w) / viewport.width);
    const { bitmap } = rendered;
    return { png: encodeGreyPng(bitmap), width: bitmap.width, height: bitmap.height, pages: pdf.pages };
  } finally {
    await pdf.close();
  }
}

function checkPage(pages: number, n: number): true {
  if (n > pages) throw new NoSuchPageError(`there is no page ${n}; the file has ${pages} page${pages === 1 ? '' : 's'}`);
  if (n > MAX_RENDER_PAGES) throw new NoSuchPageError(`page ${n} is past the first ${MAX_RENDER_PAGES} pages, which are all that are shown`);
  return true;
}

/** The width to render at: the one asked for, narrowed so that the page's pixels stay within MAX_RENDER_PIXELS. */
function fitWidth(wanted: number, pageWidth: number, pageHeight: number): number {
  if (!(pageWidth > 0 && pageHeight > 0)) throw new ExtractionError('corrupt', 'the page has no size');
  const height = (wanted * pageHeight) / pageWidth;
  if (wanted * height <= MAX_RENDER_PIXELS) return wanted;
  return Math.max(1, Math.floor(Math.sqrt((MAX_RENDER_PIXELS * pageWidth) / pageHeight)));
}

function encodeGreyPng(bitmap: GreyBitmap): Uint8Array {
  const png = new PNG({ width: bitmap.width, height: bitmap.height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = Buffer.from(bitmap.data.buffer, bitmap.data.byteOffset, bitmap.data.byteLength);
  // a copy with its own memory: the encoder's buffer may share a pooled one, and this one is transferred to the parent
  return new Uint8Array(PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }));
}
