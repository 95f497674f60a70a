// Pages as greyscale bitmaps for OCR: a PDF page rendered with pdfjs onto an @napi-rs/canvas (the canvas pdfjs itself
// uses under Node), or a PNG/JPEG/TIFF decoded to pixels. Work is bounded: an image over MAX_PIXELS is refused before
// it is decoded, and a TIFF gives at most MAX_IMAGE_PAGES pages.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import UTIF from 'utif';
import { ExtractionError } from '../errors.js';
import { exifOrientation, orientBitmap } from './orientation.js';
import { straightenPhoto } from './perspective.js';

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/** One byte per pixel, 0 = black, 255 = white, rows top to bottom. */
export type GreyBitmap = { width: number; height: number; data: Uint8Array };

/**
 * A page ready for OCR: its bitmap and how bitmap pixels relate to the page's points (top-left origin):
 * point = pixel / pixelsPerPoint.
 */
export type PageBitmap = {
  page: number;
  bitmap: GreyBitmap;
  pixelsPerPoint: number;
  widthPt: number;
  heightPt: number;
  /**
   * A phone photo of a sheet, warped upright and its light evened out (perspective.ts): its paper keeps a grey texture
   * that a scan's has not.
   */
  photo?: boolean;
};

/** Tesseract reads body text best at about 300 dpi. */
export const RENDER_DPI = 300;
/** ~60 megapixels: above this a page or image is refused (an 8.5×11 in page at 300 dpi is 8.4 MP). */
export const MAX_PIXELS = 60_000_000;
export const MAX_IMAGE_PAGES = 20;
/** An image is treated as a page this many points wide (US Letter) when it is portrait, 792 when landscape. */
const LETTER_SHORT_SIDE_PT = 612;
const LETTER_LONG_SIDE_PT = 792;
/** Small images (screenshots) are enlarged towards 300 dpi on a letter page, at most this much. */
const MAX_UPSCALE = 3;

function refuseOversized(width: number, height: number, what: string): void {
  if (!(width > 0 && height > 0)) throw new ExtractionError('corrupt', `${what} has no pixels`);
  if (width * height > MAX_PIXELS) {
    const mp = ((width * height) / 1e6).toFixed(1);
    throw new ExtractionError('unsupported', `${what} is ${width}×${height} pixels (${mp} megapixels); the limit for OCR is ${MAX_PIXELS / 1e6} megapixels`);
  }
}

/** Renders page `n` (1-based) of an opened PDF at `dpi`, in greyscale. Page rotation (/Rotate) is applied by pdfjs. */
export async function renderPdfPage(doc: PDFDocumentProxy, n: number, dpi = RENDER_DPI): Promise<PageBitmap> {
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  // a page so large that 300 dpi would pass the limit is rendered at a lower resolution instead of refused
  const pixelsAtScale = base.width * base.height * scale * scale;
  if (pixelsAtScale > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / pixelsAtScale) * 0.99;
  const viewport = page.getViewport({ scale });
  const width = Math.round(viewport.width);
  const height = Math.round(viewport.height);
  refuseOversized(width, height, `page ${n}`);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  let data: Uint8Array;
  try {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    try {
      // @napi-rs/canvas is the canvas pdfjs itself uses under Node; its types are not the DOM's
      await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], canvasContext: context as unknown as RenderParameters['canvasContext'], viewport }).promise;
    } finally {
      page.cleanup();
    }
    data = canvasGrey(canvas, context, width, height);
  } finally {
    // the surface (34 MB at 300 dpi) is native memory that V8 does not count: left to the garbage collector it
    // outlives the page by several pages. A canvas with no pixels holds none.
    canvas.width = 0;
    canvas.height = 0;
  }
  const pixelsPerPoint = width / base.width;
  // (a black-and-white scan or fax enlarged to 300 dpi as blocks of pixels, smoothed)
  return { page: n, bitmap: smoothEnlargedBilevel({ width, height, data }), pixelsPerPoint, widthPt: base.width, heightPt: base.height };
}

/**
 * A page of black and white only that pdfjs enlarged without smoothing, smoothed as an enlargement by linear
 * interpolation would have been; any other page as it is. pdfjs draws an image without /Interpolate enlarged by
 * nearest neighbour, so a fax's 200 × 100 dpi black-and-white image drawn at 300 dpi is blocks of 1.5 × 3 pixels, and
 * its glyphs' edges are stairs a third of a letter's stroke high: tesseract reads them as other glyphs (6 as 8, 9 as 8,
 * e as a) and the rule removal takes their steps for rules' ends. Each pixel becomes the mean of a box the size of
 * the enlargement's blocks (enlargement): the edges become ramps of grey that the page's thresholding places between
 * the image's own pixels. (Faxed ACORD 25s 88.3 → 96.8% of fields, faxed carrier certificates 71.3 → 76.6%.)
 */
export function smoothEnlargedBilevel(bitmap: GreyBitmap): GreyBitmap {
  // (every 7th pixel: a page of grey, a photo's or an antialiased render's, shows it within its first rows)
  if (!isBlackAndWhite(bitmap, 7)) return bitmap;
  const { x, y } = enlargement(bitmap);
  const kx = Math.round(x);
  const ky = Math.round(y);
  return kx < 2 && ky < 2 ? bitmap : boxMean(bitmap, kx, ky);
}

/** Whether the bitmap's pixels (every `step`th of them) are all pure black or white. */
export function isBlackAndWhite(bitmap: GreyBitmap, step = 1): boolean {
  const data = bitmap.data;
  for (let i = 0; i < data.length; i += step) if (data[i] !== 0 && data[i] !== 255) return false;
  return true;
}

/**
 * How many times a bitmap was enlarged each way by repeating its pixels: of its rows (and columns) with black in
 * them, the share the same as the one before is (k − 1) / k for an enlargement by k (a fax's 100 dpi lines drawn at
 * 300 dpi: two rows of three repeat the one above), about 0 for a page scanned at its own resolution.
 */
export function enlargement(bitmap: GreyBitmap): { x: number; y: number } {
  const { width, height, data } = bitmap;
  const rows = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let inkRows = 0;
  let sameRows = 0;
  const inkColumns = new Uint8Array(width);
  const changedColumns = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    const at = y * width;
    if (data.subarray(at, at + width).indexOf(0) < 0) continue;
    inkRows++;
    if (y > 0 && rows.compare(rows, at - width, at, at, at + width) === 0) sameRows++;
    for (let x = 0; x < width; x++) {
      if (data[at + x] === 0) inkColumns[x] = 1;
      if (x > 0 && data[at + x] !== data[at + x - 1]) changedColumns[x] = 1;
    }
  }
  let inked = 0;
  let same = 0;
  for (let x = 1; x < width; x++) {
    if (inkColumns[x] === 0) continue;
    inked++;
    if (changedColumns[x] === 0) same++;
  }
  const factor = (repeated: number, of: number) => (of === 0 ? 1 : 1 / Math.max(0.01, 1 - repeated / of));
  return { x: factor(same, inked), y: factor(sameRows, inkRows) };
}

/** Each pixel the mean of the `kx` × `ky` box around it (clipped at the bitmap's edges). */
export function boxMean(bitmap: GreyBitmap, kx: number, ky: number): GreyBitmap {
  const { width, height, data } = bitmap;
  // (sums along rows first, then down columns; at most 255 × kx each)
  const across = new Uint16Array(data.length);
  const left = kx >> 1;
  for (let y = 0; y < height; y++) {
    const at = y * width;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = 0; k < kx; k++) sum += data[at + Math.min(width - 1, Math.max(0, x + k - left))]!;
      across[at + x] = sum;
    }
  }
  const out = new Uint8Array(data.length);
  const up = ky >> 1;
  const n = kx * ky;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = 0; k < ky; k++) sum += across[Math.min(height - 1, Math.max(0, y + k - up)) * width + x]!;
      out[y * width + x] = Math.round(sum / n);
    }
  }
  return { width, height, data: out };
}

/**
 * The canvas in greyscale, read from its own pixels (canvas.data()): getImageData would first copy the whole surface
 * (34 MB at 300 dpi), even for a band of it. Those pixels are premultiplied by alpha; a page drawn over the white fill
 * is opaque, where both are the same. Should any pixel be see-through, getImageData's unpremultiplied copy is used,
 * so the grey is the same either way.
 */
function canvasGrey(canvas: Canvas, context: SKRSContext2D, width: number, height: number): Uint8Array {
  return opaqueToGrey(canvas.data(), width, height) ?? rgbaToGrey(context.getImageData(0, 0, width, height).data, width, height);
}

/**
 * rgbaToGrey of pixels that are all opaque, in one pass that also checks that they are (a separate pass over the 34 MB
 * of a 300 dpi page only to check cost as much as the conversion); null as soon as one is not.
 */
function opaqueToGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array | null {
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    if (rgba[i + 3] !== 255) return null;
    // rgbaToGrey's value for alpha 1, to the bit
    out[j] = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
  }
  return out;
}

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export function imageKind(bytes: Uint8Array): ImageKind | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  return null;
}

/** The pixel size a PNG or JPEG declares in its header, read without decoding it; null when not found. */
export function imageHeaderSize(bytes: Uint8Array): { width: number; height: number } | null {
  const kind = imageKind(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // a PNG starts with its IHDR chunk; without one the bytes are not a PNG a decoder should be handed
  if (kind === 'png') {
    const ihdr = bytes.length >= 33 && Buffer.from(bytes.subarray(12, 16)).toString('latin1') === 'IHDR';
    return ihdr ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
  }
  if (kind === 'jpeg') {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1];
      if (marker === 0xff) {
        i += 1; // fill byte
        continue;
      }
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + view.getUint16(i + 2);
    }
  }
  return null;
}

/** The pages of a PNG, JPEG or TIFF image as greyscale bitmaps, each placed on a letter-sized page of points. */
export async function loadImagePages(bytes: Uint8Array): Promise<PageBitmap[]> {
  const kind = imageKind(bytes);
  if (kind === null) throw new ExtractionError('unsupported', 'not a PNG, JPEG or TIFF image');
  if (kind === 'tiff') return loadTiffPages(bytes);
  // the native decoder is handed only images whose header declares a size: it can crash the process on garbage
  const size = imageHeaderSize(bytes);
  if (!size) throw new ExtractionError('corrupt', `the ${kind.toUpperCase()} image is truncated or damaged: its header declares no size`);
  refuseOversized(size.width, size.height, 'the image');
  // (stored as the camera's sensor saw it, turned upright as its EXIF orientation says: a phone held upright stores
  // its photo sideways)
  let decoded = orientBitmap(decodeGrey(bytes, kind), exifOrientation(bytes));
  // a phone photo of a printed sheet: warped back to an upright page with its light evened out (the crooked
  // original is let go as soon as the straight one exists)
  const straightened = straightenPhoto(decoded);
  decoded = straightened ?? decoded;
  const upscale = upscaleFor(decoded.width, decoded.height);
  const page = placeOnPage(1, upscale === 1 ? decoded : resizeGrey(decoded, upscale));
  return [{ ...page, ...(straightened ? { photo: true } : {}) }];
}

/**
 * A PNG or JPEG decoded to greyscale. Pure-JS decoders: a damaged image becomes an error here, where a native decoder
 * could crash the whole process. The RGBA pixels (4 bytes a pixel) live only inside this call.
 */
function decodeGrey(bytes: Uint8Array, kind: 'png' | 'jpeg'): GreyBitmap {
  let rgba: { width: number; height: number; data: Uint8Array };
  try {
    rgba =
      kind === 'png'
        ? PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
        : decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
  } catch (err) {
    throw new ExtractionError('corrupt', `the ${kind.toUpperCase()} image could not be decoded: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  refuseOversized(rgba.width, rgba.height, 'the image');
  return { width: rgba.width, height: rgba.height, data: rgbaToGrey(rgba.data, rgba.width, rgba.height) };
}

function loadTiffPages(bytes: Uint8Array): PageBitmap[] {
  let ifds: UTIF.IFD[];
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    ifds = UTIF.decode(buffer);
  } catch (err) {
    throw new ExtractionError('corrupt', `the TIFF image could not be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  // sub-IFDs (thumbnails) are not pages; UTIF lists only top-level IFDs here
  const pages = ifds.slice(0, MAX_IMAGE_PAGES);
  if (pages.length === 0) throw new ExtractionError('empty', 'the TIFF has no images');
  return pages.map((ifd, i) => {
    const declaredWidth = Number(ifd['t256']?.[0] ?? 0);
    const declaredHeight = Number(ifd['t257']?.[0] ?? 0);
    refuseOversized(declaredWidth, declaredHeight, `TIFF page ${i + 1}`);
    try {
      UTIF.decodeImage(buffer, ifd);
    } catch (err) {
      throw new ExtractionError('corrupt', `TIFF page ${i + 1} could not be decoded: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    // (turned upright as its orientation tag says)
    const grey = orientBitmap({ width: ifd.width, height: ifd.height, data: rgbaToGrey(UTIF.toRGBA8(ifd), ifd.width, ifd.height) }, Number(ifd['t274']?.[0] ?? 1));
    // UTIF keeps the decoded page on its IFD, which lives until the last page is done: let it go with this one
    ifd.data = new Uint8Array(0);
    const square = squarePixels(grey, Number(ifd['t282']?.[0] ?? 0), Number(ifd['t283']?.[0] ?? 0));
    const upscale = upscaleFor(square.width, square.height);
    const bitmap = upscale > 1.05 ? resizeGrey(square, upscale) : square;
    return placeOnPage(i + 1, bitmap);
  });
}

/**
 * A TIFF page whose resolution across and down differ (its XResolution and YResolution tags) stretched so that its
 * pixels are square: a fax's TIFF is 204 × 98 dpi in standard mode, its rows twice as far apart as its columns, and
 * read as it is the page would be half its height. Resolutions more than four times apart are no fax's, and are taken
 * for a damaged tag (the page as it is).
 */
function squarePixels(grey: GreyBitmap, xDpi: number, yDpi: number): GreyBitmap {
  const aspect = xDpi > 0 && yDpi > 0 ? xDpi / yDpi : 1;
  if (Math.abs(aspect - 1) < 0.05 || aspect > 4 || aspect < 0.25) return grey;
  // (the sparser way stretched; where that would pass the pixel limit, the denser way shrunk instead)
  const [fx, fy] = aspect > 1 ? [1, aspect] : [1 / aspect, 1];
  if (grey.width * fx * grey.height * fy <= MAX_PIXELS) return resizeGrey(grey, fx, fy);
  return resizeGrey(grey, 1 / fy, 1 / fx);
}

/** How much to enlarge an image so that, placed on a letter page, it reads at about RENDER_DPI. */
function upscaleFor(width: number, height: number): number {
  const shortSideInches = (width <= height ? LETTER_SHORT_SIDE_PT : LETTER_LONG_SIDE_PT) / 72;
  const wanted = (shortSideInches * RENDER_DPI) / width;
  const limit = Math.sqrt(MAX_PIXELS / (width * height));
  return Math.max(1, Math.min(wanted, MAX_UPSCALE, limit));
}

/** An image has no page size of its own; it is taken for a US Letter page (612 pt wide portrait, 792 landscape). */
function placeOnPage(page: number, bitmap: GreyBitmap): PageBitmap {
  const widthPt = bitmap.width <= bitmap.height ? LETTER_SHORT_SIDE_PT : LETTER_LONG_SIDE_PT;
  const pixelsPerPoint = bitmap.width / widthPt;
  return { page, bitmap, pixelsPerPoint, widthPt, heightPt: bitmap.height / pixelsPerPoint };
}

export function rgbaToGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    const a = rgba[i + 3] / 255;
    const grey = 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
    out[j] = grey * a + 255 * (1 - a); // transparent reads as white paper
  }
  return out;
}

/** Bilinear resize by `factor` (across, and down too unless `factorY` says otherwise). */
export function resizeGrey(src: GreyBitmap, factor: number, factorY = factor): GreyBitmap {
  const width = Math.max(1, Math.round(src.width * factor));
  const height = Math.max(1, Math.round(src.height * factorY));
  const data = new Uint8Array(width * height);
  const sw = src.width;
  const sh = src.height;
  const s = src.data;
  // (each column's two source columns and weights are the same on every row: worked out once)
  const x0s = new Int32Array(width);
  const x1s = new Int32Array(width);
  const wxs = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
    x0s[x] = Math.floor(fx);
    x1s[x] = Math.min(sw - 1, x0s[x]! + 1);
    wxs[x] = fx - x0s[x]!;
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) / factorY - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const wy = fy - y0;
    const r0 = y0 * sw;
    const r1 = y1 * sw;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const x0 = x0s[x]!;
      const x1 = x1s[x]!;
      const wx = wxs[x]!;
      const top = s[r0 + x0]! * (1 - wx) + s[r0 + x1]! * wx;
      const bottom = s[r1 + x0]! * (1 - wx) + s[r1 + x1]! * wx;
      data[row + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return { width, height, data };
}
