// Which way up a page is: the EXIF orientation of a phone's photo, the direction a page's lines of type run, and a
// page scanned upside down, each read upright (real OCR of generated certificates).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { fillAcord25 } from '../../../test/fixtures/acord25-fill.js';
import { DEFAULT_FORM, DEFAULT_SEED } from '../../../test/fixtures/generate.js';
import { carrierCertificate } from '../../../test/fixtures/noncert.js';
import { photoJpeg, scanPdf, withExifOrientation } from '../../../test/fixtures/scan.js';
import { documentSeed, generateCertificate } from '../../../test/fixtures/values.js';
import { readCertificate } from '../extract.js';
import { openPdf } from '../pdf/open.js';
import { terminateOcr } from './index.js';
import { exifOrientation, medianConfidence, orientBitmap, turnBitmap, turnPage, typeRunsDown } from './orientation.js';
import { renderPdfPage, type GreyBitmap } from './render.js';

afterAll(() => terminateOcr());

// 3 wide, 2 high:  1 2 3
//                  4 5 6
const b: GreyBitmap = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
const rows = (g: GreyBitmap) => Array.from({ length: g.height }, (_, y) => [...g.data.subarray(y * g.width, (y + 1) * g.width)]);

describe('orientBitmap', () => {
  it('turns and mirrors a bitmap as each EXIF orientation says', () => {
    expect(rows(orientBitmap(b, 1))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(rows(orientBitmap(b, 2))).toEqual([
      [3, 2, 1],
      [6, 5, 4],
    ]);
    expect(rows(orientBitmap(b, 3))).toEqual([
      [6, 5, 4],
      [3, 2, 1],
    ]);
    expect(rows(orientBitmap(b, 4))).toEqual([
      [4, 5, 6],
      [1, 2, 3],
    ]);
    expect(rows(orientBitmap(b, 5))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    // 6: a quarter clockwise (the left column becomes the top row, read from the bottom)
    expect(rows(orientBitmap(b, 6))).toEqual([
      [4, 1],
      [5, 2],
      [6, 3],
    ]);
    expect(rows(orientBitmap(b, 7))).toEqual([
      [6, 3],
      [5, 2],
      [4, 1],
    ]);
    expect(rows(orientBitmap(b, 8))).toEqual([
      [3, 6],
      [2, 5],
      [1, 4],
    ]);
    // an orientation no tag has is none
    expect(orientBitmap(b, 9)).toBe(b);
  });

  it('four quarter turns, or a quarter and three, come back to the start', () => {
    let g = b;
    for (let k = 0; k < 4; k++) g = turnBitmap(g, 1);
    expect(rows(g)).toEqual(rows(b));
    expect(rows(turnBitmap(turnBitmap(b, 1), 3))).toEqual(rows(b));
    const page = { page: 1, bitmap: b, pixelsPerPoint: 1, widthPt: 3, heightPt: 2 };
    expect(turnPage(page, 1)).toMatchObject({ widthPt: 2, heightPt: 3, bitmap: { width: 2, height: 3 } });
    expect(turnPage(page, 2)).toMatchObject({ widthPt: 3, heightPt: 2 });
  });
});

describe('exifOrientation', () => {
  const jpeg = () => new Uint8Array(createCanvas(8, 6).encodeSync('jpeg', 80));
  it("reads a JPEG's EXIF orientation tag, and takes a JPEG without one as stored", () => {
    expect(exifOrientation(jpeg())).toBe(1);
    for (const o of [3, 6, 8]) expect(exifOrientation(withExifOrientation(jpeg(), o))).toBe(o);
  });

  it("reads a PNG's eXIf chunk", () => {
    const png = PNG.sync.write(Object.assign(new PNG({ width: 4, height: 4 }), { data: Buffer.alloc(64, 255) }));
    // the TIFF structure of withExifOrientation's segment, little-endian this time, in a chunk after IHDR
    const tiff = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    const chunk = Buffer.alloc(12 + tiff.length);
    chunk.writeUInt32BE(tiff.length, 0);
    chunk.write('eXIf', 4, 'latin1');
    tiff.copy(chunk, 8);
    const ihdrEnd = 8 + 12 + 13;
    expect(exifOrientation(Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]))).toBe(6);
    expect(exifOrientation(png)).toBe(1);
  });

  it('takes damaged EXIF data for none, never reading past it', () => {
    const tagged = withExifOrientation(jpeg(), 6);
    // the IFD's offset pointed far past the segment
    const broken = tagged.slice();
    broken.set([0x7f, 0xff, 0xff, 0xff], 2 + 4 + 6 + 4);
    expect(exifOrientation(broken)).toBe(1);
    // cut off inside the segment
    expect(exifOrientation(tagged.subarray(0, 20))).toBe(1);
    expect(exifOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00]))).toBe(1);
  });
});

describe('typeRunsDown', () => {
  it("tells a page turned a quarter either way by its lines of type, whatever its design", async () => {
    // (seed 4's prose: short lines at the page's left, whose columns project about as sharply as its rows)
    for (const design of ['table', 'stacked', 'prose'] as const) {
      const { pdf } = await carrierCertificate(4, design, `carrier-${design}.pdf`);
      const opened = await openPdf(Buffer.from(pdf), { render: true });
      const page = await renderPdfPage(opened.doc, 1, 200);
      await opened.close();
      expect([0, 1, 2, 3].map((q) => typeRunsDown(turnPage(page, q as 0 | 1 | 2 | 3))), design).toEqual([false, true, false, true]);
    }
  });

  it('finds nothing running down a blank page', () => {
    const blank = { width: 850, height: 1100, data: new Uint8Array(850 * 1100).fill(250) };
    expect(typeRunsDown({ page: 1, bitmap: blank, pixelsPerPoint: 850 / 612, widthPt: 612, heightPt: 792 })).toBe(false);
  });
});

describe('medianConfidence', () => {
  it('is the median confidence of the words of three letters or digits or more', () => {
    const w = (text: string, confidence: number) => ({ text, confidence, x: 0, y: 0, width: 1, height: 1 });
    expect(medianConfidence([w('of', 0.1), w('|', 0.1), w('POLICY', 0.95), w('NUMBER', 0.9), w('x7z', 0.2)])).toBe(0.9);
    expect(medianConfidence([w('a', 0.9)])).toBe(0);
  });
});

describe('certificates read upright however they came in', { timeout: 120_000 }, () => {
  it('a carrier certificate scanned a quarter turned clockwise: turned on, found upside down, read turned back', async () => {
    const { pdf, expected } = await carrierCertificate(11, 'table', 'turned.pdf');
    const { bytes } = await scanPdf(pdf, 11, { quarterTurns: 1 });
    const { extraction, provenance } = await readCertificate(Buffer.from(bytes), 'turned.pdf');
    expect(extraction.warnings).toContain('page 1 is sideways: it was read turned 90° anticlockwise');
    expect(provenance.pages[0]).toMatchObject({ page: 1, turned: 3, width: 612, height: 792 });
    expect(extraction.insured.name).toBe(expected!.insured.name);
    expect(extraction.policies.map((p) => p.policyNumber)).toEqual(expected!.policies.map((p) => p.policyNumber));
  });

  it.skipIf(!existsSync(DEFAULT_FORM))('an ACORD 25 scanned upside down, and one photographed with the phone held sideways (EXIF)', async () => {
    const fixture = generateCertificate(documentSeed(DEFAULT_SEED, 3));
    const flattened = await fillAcord25(new Uint8Array(await fs.readFile(DEFAULT_FORM)), fixture, 'flattened');
    const want = fixture.extraction.policies.map((p) => p.policyNumber);

    const scan = await scanPdf(flattened, fixture.seed, { quarterTurns: 2 });
    const scanned = await readCertificate(Buffer.from(scan.bytes), 'upside-down.pdf');
    expect(scanned.extraction.warnings).toContain('page 1 is upside down: it was read turned over');
    expect(scanned.provenance.pages[0]!.turned).toBe(2);
    expect(scanned.extraction.form.type).toBe('ACORD 25');
    expect(scanned.extraction.policies.map((p) => p.policyNumber)).toEqual(want);

    const photo = await photoJpeg(flattened, fixture.seed, { exifOrientation: 6 });
    const photographed = await readCertificate(Buffer.from(photo.bytes), 'sideways.jpg');
    // turned upright by its tag, as any viewer shows it: nothing to warn of
    expect(photographed.provenance.pages[0]!.turned).toBeUndefined();
    expect(photographed.extraction.warnings.filter((w) => /sideways|upside/.test(w))).toEqual([]);
    expect(photographed.extraction.insured.name).toBe(fixture.extraction.insured.name);
    expect(photographed.extraction.policies.map((p) => p.policyNumber)).toEqual(want);
  });
});
