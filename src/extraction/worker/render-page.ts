// One page of a certificate file as a greyscale PNG, for the review screen to show beside the fields. Runs inside the
// reader's worker thread (worker.ts), so a hostile file meets the same heap and time limits as a reading; the work is
// bounded here too: the page must exist among the first MAX_RENDER_PAGES, and the image has at most MAX_RENDER_PIXELS.
import { PNG } from 'pngjs';
import { ExtractionError } from '../errors.js';
import { detectFileKind } from '../extract.js';
import { loadImagePages, renderPdfPage, resizeGrey, type GreyBitmap } from '../ocr/render.js';
import { turnBitmap, type QuarterTurns } from '../ocr/orientation.js';
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

/**
 * Renders page `n` (1-based) of PDF, PNG, JPEG or TIFF bytes `width` pixels wide (less for very tall pages), turned
 * `turned` quarter turns clockwise (the width is the turned page's).
 */
export async function renderPage(bytes: Buffer, n: number, width: number, turned: QuarterTurns = 0): Promise<RenderedPage> {
  if (!Number.isInteger(n) || n < 1) throw new NoSuchPageError(`there is no page ${n}`);
  const wanted = Math.min(MAX_RENDER_WIDTH, Math.max(MIN_RENDER_WIDTH, Math.round(width)));
  const shown = (bitmap: GreyBitmap, pages: number): RenderedPage => {
    const upright = turnBitmap(bitmap, turned);
    return { png: encodeGreyPng(upright), width: upright.width, height: upright.height, pages };
  };
  const kind = detectFileKind(bytes);
  if (kind === 'unknown') throw new ExtractionError('unsupported', 'not a PDF, PNG, JPEG or TIFF file');
  if (kind !== 'pdf') {
    const pages = await loadImagePages(bytes);
    checkPage(pages.length, n);
    const page = pages[n - 1]!;
    const w = fitWidth(wanted, page.bitmap.width, page.bitmap.height, turned);
    return shown(resizeGrey(page.bitmap, w / page.bitmap.width), pages.length);
  }
  const pdf = await openPdf(bytes, { render: true });
  try {
    checkPage(pdf.pages, n);
    const viewport = (await pdf.doc.getPage(n)).getViewport({ scale: 1 });
    const w = fitWidth(wanted, viewport.width, viewport.height, turned);
    // renderPdfPage takes a resolution: the one that makes the page w pixels wide
    const rendered = await renderPdfPage(pdf.doc, n, (72 * w) / viewport.width);
    return shown(rendered.bitmap, pdf.pages);
  } finally {
    await pdf.close();
  }
}

function checkPage(pages: number, n: number): true {
  if (n > pages) throw new NoSuchPageError(`there is no page ${n}; the file has ${pages} page${pages === 1 ? '' : 's'}`);
  if (n > MAX_RENDER_PAGES) throw new NoSuchPageError(`page ${n} is past the first ${MAX_RENDER_PAGES} pages, which are all that are shown`);
  return true;
}

/**
 * The width to render the page at: the one that makes it `wanted` wide once turned (a quarter turn makes its height
 * its width), narrowed so that its pixels stay within MAX_RENDER_PIXELS.
 */
function fitWidth(wanted: number, pageWidth: number, pageHeight: number, turned: QuarterTurns): number {
  if (!(pageWidth > 0 && pageHeight > 0)) throw new ExtractionError('corrupt', 'the page has no size');
  if (turned % 2 === 1) wanted = Math.max(1, Math.round((wanted * pageWidth) / pageHeight));
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
