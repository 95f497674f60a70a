import { createCanvas } from '@napi-rs/canvas';
import UTIF from 'utif';
import { describe, expect, it } from 'vitest';
import { ExtractionError } from '../errors.js';
import { imageHeaderSize, loadImagePages, MAX_PIXELS } from './render.js';

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
    const jpeg = await canvas.encode('jpeg', 80);
    expect(imageHeaderSize(jpeg)).toEqual({ width: 850, height: 1100 });
    const [page] = await loadImagePages(jpeg);
    expect(page.widthPt).toBe(612);
    expect(page.heightPt).toBeCloseTo(792, 0);
    expect(page.bitmap.width).toBe(2550); // enlarged to 300 dpi
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

  it('calls bytes that are no image unsupported', async () => {
    await expect(loadImagePages(Buffer.from('%PDF-1.7'))).rejects.toMatchObject({ code: 'unsupported' });
  });
});
