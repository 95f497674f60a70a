import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, rgb } from 'pdf-lib';
import UTIF from 'utif';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../domain/demo-data.js';
import { ExtractionError } from '../errors.js';
import { openPdf } from '../pdf/open.js';
import { faxPdf } from '../../../test/fixtures/scan.js';
import { boxMean, enlargement, imageHeaderSize, loadImagePages, MAX_PIXELS, renderPdfPage, rgbaToGrey, smoothEnlargedBilevel, type GreyBitmap } from './render.js';

/** A PNG that declares `width`×`height` in its header; the pixel data is not there (the refusal must come first). */
function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

describe('loadImagePages', () => {
  it('refuses an image over the pixel limit before decoding it, saying why', async () => {
    const bytes = pngHeader(10_000, 8_000);
    expect(imageHeaderSize(bytes)).toEqual({ width: 10_000, height: 8_000 });
    const err = await loadImagePages(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractionError);
    expect((err as ExtractionError).code).toBe('unsupported');
    expect((err as ExtractionError).message).toMatch(/10000×8000 pixels \(80\.0 megapixels\); the limit for OCR is 60 megapixels/);
    expect(10_000 * 8_000).toBeGreaterThan(MAX_PIXELS);
  });

  it('reads a JPEG header size and places a portrait image on a letter page', async () => {
    const canvas = createCanvas(850, 1100);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 850, 1100);
    const jpeg = canvas.encodeSync('jpeg', 80);
    expect(imageHeaderSize(jpeg)).toEqual({ width: 850, height: 1100 });
    const [page] = await loadImagePages(jpeg);
    expect(page.widthPt).toBe(612);
    expect(page.heightPt).toBeCloseTo(792, 0);
    expect(page.bitmap.width).toBe(2550); // enlarged to 300 dpi
    expect(page.photo).toBeUndefined(); // an image of the page alone (a scan, a screenshot), no photo of a sheet
  });

  it('decodes every page of a TIFF', async () => {
    const width = 200;
    const height = 100;
    const rgba = new Uint8Array(width * height * 4).fill(255);
    for (let y = 48; y < 53; y++) for (let x = 20; x < 180; x++) rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3); // a black bar
    const tiff = Buffer.from(UTIF.encodeImage(rgba, width, height));
    const pages = await loadImagePages(tiff);
    expect(pages).toHaveLength(1);
    const { bitmap } = pages[0];
    const scale = bitmap.width / width;
    expect(bitmap.data[Math.round(50.5 * scale) * bitmap.width + Math.round(100 * scale)]).toBeLessThan(60);
    expect(bitmap.data[Math.round(20 * scale) * bitmap.width + Math.round(100 * scale)]).toBeGreaterThan(200);
  });

  it('stretches a fax TIFF whose rows stand further apart than its columns (204 × 98 dpi) to square pixels', async () => {
    // a letter page's proportions at 20 × 10 dpi: 170 × 110 pixels, a portrait page once its rows are doubled
    const width = 170;
    const height = 110;
    const rgba = new Uint8Array(width * height * 4).fill(255);
    for (let y = 50; y < 60; y++) for (let x = 20; x < 150; x++) rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3); // a black bar
    const fax = await loadImagePages(Buffer.from(UTIF.encodeImage(rgba, width, height, { t282: [204], t283: [98] })));
    expect(fax[0]!.widthPt).toBe(612);
    expect(fax[0]!.heightPt / fax[0]!.widthPt).toBeCloseTo((110 * 204) / 98 / 170, 2);
    // the bar, 10 rows of 110, keeps its share of the page's height
    const { bitmap } = fax[0]!;
    const column = Array.from({ length: bitmap.height }, (_, y) => bitmap.data[y * bitmap.width + Math.round(bitmap.width / 2)]!);
    expect(column.filter((v) => v < 128).length / bitmap.height).toBeCloseTo(10 / 110, 2);
    // the same image with square pixels (200 × 200 dpi) is a landscape page, as it was
    const square = await loadImagePages(Buffer.from(UTIF.encodeImage(rgba, width, height, { t282: [200], t283: [200] })));
    expect(square[0]!.widthPt).toBe(792);
  });

  it('calls bytes that are no image unsupported', async () => {
    await expect(loadImagePages(Buffer.from('%PDF-1.7'))).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('renderPdfPage', () => {
  it('gives the grey of getImageData for a page with colours, see-through fills and an image', async () => {
    const image = createCanvas(200, 120);
    const ictx = image.getContext('2d');
    ictx.fillStyle = 'rgba(40, 160, 90, 0.6)';
    ictx.fillRect(0, 0, 200, 120);
    ictx.fillStyle = '#000';
    ictx.font = '20px sans-serif';
    ictx.fillText('INSURER A', 20, 60);
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 50, y: 500, width: 300, height: 200, color: rgb(0.9, 0.2, 0.1), opacity: 0.4 });
    page.drawText('Certificate holder', { x: 60, y: 400, size: 24, color: rgb(0.1, 0.5, 0.9), opacity: 0.7 });
    page.drawImage(await doc.embedPng(image.encodeSync('png')), { x: 300, y: 50, width: 250, height: 150, opacity: 0.5 });
    const pdf = await openPdf(await doc.save(), { render: true });
    try {
      const dpi = 100;
      const rendered = await renderPdfPage(pdf.doc, 1, dpi);
      // the same page drawn as renderPdfPage draws it, read back with getImageData
      const p = await pdf.doc.getPage(1);
      const viewport = p.getViewport({ scale: dpi / 72 });
      const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      type Params = Parameters<typeof p.render>[0];
      await p.render({ canvas: canvas as unknown as Params['canvas'], canvasContext: ctx as unknown as Params['canvasContext'], viewport }).promise;
      const expected = rgbaToGrey(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
      expect([rendered.bitmap.width, rendered.bitmap.height]).toEqual([canvas.width, canvas.height]);
      expect(Buffer.from(rendered.bitmap.data).equals(Buffer.from(expected))).toBe(true);
      expect(new Set(rendered.bitmap.data).size).toBeGreaterThan(10); // the page is not blank
    } finally {
      await pdf.close();
    }
  });
});

/** A black-and-white bitmap of random glyph-like blocks, each pixel repeated `kx` times across and `ky` times down. */
function blockyPage(width: number, height: number, kx: number, ky: number): GreyBitmap {
  const w = Math.ceil(width / kx);
  const h = Math.ceil(height / ky);
  const rng = new Rng(7);
  const small = new Uint8Array(w * h).map(() => (rng.chance(0.3) ? 0 : 255));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = small[Math.floor(y / ky) * w + Math.floor(x / kx)]!;
  return { width, height, data };
}

describe('a black-and-white page enlarged in blocks (a fax drawn at 300 dpi)', () => {
  it('measures the enlargement each way from its repeated rows and columns', () => {
    const fax = enlargement(blockyPage(600, 600, 1.5, 3));
    expect(fax.x).toBeCloseTo(1.5, 1);
    expect(fax.y).toBeCloseTo(3, 1);
    const own = enlargement(blockyPage(600, 600, 1, 1));
    expect(own.x).toBeLessThan(1.1);
    expect(own.y).toBeLessThan(1.1);
  });

  it('averages each pixel over a box', () => {
    const b: GreyBitmap = { width: 4, height: 3, data: new Uint8Array([0, 255, 255, 255, 0, 255, 255, 255, 0, 255, 255, 255]) };
    expect(Array.from(boxMean(b, 2, 1).data.subarray(0, 4))).toEqual([0, 128, 255, 255]);
    expect(Array.from(boxMean(b, 1, 3).data.subarray(0, 4))).toEqual([0, 255, 255, 255]);
  });

  it('is smoothed; a page scanned at its own resolution and a page of greys are left as they are', () => {
    const blocky = blockyPage(300, 300, 1.5, 3);
    const smoothed = smoothEnlargedBilevel(blocky);
    expect(smoothed).not.toBe(blocky);
    expect(smoothed.data.some((v) => v > 0 && v < 255)).toBe(true);
    const own = blockyPage(300, 300, 1, 1);
    expect(smoothEnlargedBilevel(own)).toBe(own);
    const grey = { ...blocky, data: blocky.data.map((v) => (v === 0 ? 30 : 240)) };
    expect(smoothEnlargedBilevel(grey)).toBe(grey);
  });

  it('is what renderPdfPage gives for a faxed page (200 × 100 dpi): the edges of its glyphs are grey, not steps', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    page.drawText('INSURER A: Tessera Specialty Insurance Company 21466', { x: 40, y: 700, size: 10 });
    const fax = await faxPdf(await doc.save(), 3, { speckRate: 0 });
    const pdf = await openPdf(fax.bytes, { render: true });
    try {
      const rendered = await renderPdfPage(pdf.doc, 1);
      const greys = rendered.bitmap.data.reduce((n, v) => n + (v > 0 && v < 255 ? 1 : 0), 0);
      expect(greys).toBeGreaterThan(1000);
    } finally {
      await pdf.close();
    }
  });
});
