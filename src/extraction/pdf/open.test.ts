import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { describe, expect, it } from 'vitest';
import { renderPdfPage } from '../ocr/render.js';
import { textLayerWords } from '../text/words.js';
import { rc4 } from './decrypt.js';
import { openPdf, parseXfaLeaves, pdfjs } from './open.js';

describe('rc4', () => {
  it.each([
    ['Key', 'Plaintext', 'bbf316e8d940af0ad3'],
    ['Wiki', 'pedia', '1021bf0420'],
    ['Secret', 'Attack at dawn', '45a01f645fc35b383552544b9bf5'],
  ])('rc4(%s, %s)', (key, text, hex) => {
    expect(Buffer.from(rc4(Buffer.from(key), Buffer.from(text))).toString('hex')).toBe(hex);
  });
});

describe('parseXfaLeaves', () => {
  it('reads leaf elements, empty ones, and XML escapes; the first occurrence wins', () => {
    const xml = '<xfa:datasets xmlns:xfa="x"><xfa:data><F><P1><Producer_FullName_A>Smith &amp; Sons</Producer_FullName_A><Insurer_FullName_B/><Vehicle_AnyAutoIndicator_A>1</Vehicle_AnyAutoIndicator_A><Producer_FullName_A>later</Producer_FullName_A></P1></F></xfa:data></xfa:datasets>';
    const leaves = parseXfaLeaves(xml);
    expect(leaves.get('Producer_FullName_A')).toBe('Smith & Sons');
    expect(leaves.get('Insurer_FullName_B')).toBe('');
    expect(leaves.get('Vehicle_AnyAutoIndicator_A')).toBe('1');
  });
});

const HYBRID = path.resolve(__dirname, '../../../../shared/corpus/forms/acord25-2016-03-xfa-hybrid-encrypted.pdf');
describe.skipIf(!fs.existsSync(HYBRID))(`openPdf on the owner-password XFA hybrid${fs.existsSync(HYBRID) ? '' : ' (skipped: ../shared/corpus/forms is not present)'}`, () => {
  it('reads both the AcroForm fields and the decrypted XFA datasets', async () => {
    const pdf = await openPdf(fs.readFileSync(HYBRID));
    try {
      expect(pdf.hasXfa).toBe(true);
      expect(pdf.fields.get('F[0].P1[0].Producer_FullName_A[0]')).toEqual({ kind: 'text', value: '' });
      expect(pdf.fields.get('F[0].P1[0].GeneralLiability_OccurrenceIndicator_A[0]')).toEqual({ kind: 'checkbox', checked: false });
      expect(pdf.xfaDatasets?.get('Form_EditionIdentifier_A')).toBe('ACORD 0025 2016-03');
      expect(pdf.xfaDatasets?.get('Producer_FullName_A')).toBe('');
      expect(pdf.warnings).toEqual([]);
    } finally {
      await pdf.close();
    }
  });
});

describe('pdfjs', () => {
  it('is loaded once, with its worker code on this thread, and is the module an import gives', async () => {
    expect(await import('pdfjs-dist/legacy/build/pdf.mjs')).toBe(pdfjs);
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeTypeOf('function');
  });
});

describe('openPdf and the standard fonts', () => {
  /** A page of Helvetica text, named and not embedded (as fillers and flatteners write values). */
  async function helveticaPage(): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText('Summit Ridge Indemnity Company 2,000,000', { x: 60, y: 700, size: 11, font });
    return doc.save();
  }

  /** The fonts a page's operator list sets, as pdfjs loaded them for this document. */
  async function loadedFonts(doc: PDFDocumentProxy): Promise<{ missingFile?: boolean }[]> {
    const page = await doc.getPage(1);
    const ops = await page.getOperatorList();
    const names = ops.fnArray.flatMap((fn, i) => (fn === pdfjs.OPS.setFont ? [(ops.argsArray[i] as [string])[0]] : []));
    return names.map((name) => (page as unknown as { commonObjs: { get(n: string): { missingFile?: boolean } } }).commonObjs.get(name));
  }

  it('reads without their glyph programs, the same words at the same places, and renders with them', async () => {
    const bytes = await helveticaPage();
    const reading = await openPdf(bytes);
    const rendering = await openPdf(bytes, { render: true });
    try {
      const fonts = await loadedFonts(reading.doc);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.missingFile === true)).toBe(true);
      expect((await loadedFonts(rendering.doc)).every((f) => f.missingFile === false)).toBe(true);
      const words = async (doc: PDFDocumentProxy) => (await textLayerWords(await doc.getPage(1), { marks: false })).words;
      expect(await words(reading.doc)).toEqual(await words(rendering.doc));
      // rendered, both draw the font's own glyphs
      const other = await reading.renderable();
      expect(other).not.toBe(reading.doc);
      expect(await reading.renderable()).toBe(other);
      expect(await rendering.renderable()).toBe(rendering.doc);
      const a = await renderPdfPage(other, 1, 100);
      const b = await renderPdfPage(rendering.doc, 1, 100);
      expect(Buffer.from(a.bitmap.data).equals(Buffer.from(b.bitmap.data))).toBe(true);
      expect(new Set(a.bitmap.data).size).toBeGreaterThan(2);
    } finally {
      await reading.close();
      await rendering.close();
    }
  });

  it('closes the document it opened for rendering with the one it reads', async () => {
    const reading = await openPdf(await helveticaPage());
    const other = await reading.renderable();
    expect(other.loadingTask.destroyed).toBe(false);
    await reading.close();
    expect(other.loadingTask.destroyed).toBe(true);
  });
});
