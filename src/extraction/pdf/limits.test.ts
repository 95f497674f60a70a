import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deeplyNestedPdf, hugeImagePdf, pdfBomb, writePdf, zerosDeflate } from '../../../test/fixtures/bad-input.js';
import { MAX_INFLATED_STREAM_BYTES } from './inflate.js';
import { MAX_NESTING, pdfLimitProblem } from './limits.js';

const page = (extra = '') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ${extra}>>`;
const base = (pageDict: string, ...more: { dict: string; stream?: Uint8Array }[]) =>
  writePdf([{ dict: '<< /Type /Catalog /Pages 2 0 R >>' }, { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' }, { dict: pageDict }, ...more]);

describe('pdfLimitProblem', () => {
  it('passes an ordinary PDF, with compressed streams and strings holding brackets', () => {
    const content = zlib.deflateSync(Buffer.from('BT /F1 10 Tf 54 740 Td ([[[ not nesting <<) Tj ET'));
    expect(pdfLimitProblem(base(page('/Contents 4 0 R /Annots [] '), { dict: '<< /Filter /FlateDecode >>', stream: content }))).toBeNull();
  });

  it('refuses nesting past the limit and allows it up to the limit', () => {
    expect(pdfLimitProblem(deeplyNestedPdf(MAX_NESTING + 1))).toMatch(/nested more than/);
    // the page dictionary itself is one level
    expect(pdfLimitProblem(deeplyNestedPdf(MAX_NESTING - 1))).toBeNull();
  });

  it('does not count brackets inside stream data', () => {
    const data = Buffer.alloc(4 * MAX_NESTING, '['.charCodeAt(0));
    expect(pdfLimitProblem(base(page('/Contents 4 0 R '), { dict: '<< >>', stream: data }))).toBeNull();
  });

  it('refuses an image claiming more pixels than the limit, and passes a page-sized scan', () => {
    expect(pdfLimitProblem(hugeImagePdf(100_000, 100_000))).toMatch(/100000×100000 pixels/);
    expect(pdfLimitProblem(hugeImagePdf(2550, 3300))).toBeNull();
  });

  it('refuses a stream that inflates past the limit and passes one just under it', () => {
    expect(pdfLimitProblem(pdfBomb(MAX_INFLATED_STREAM_BYTES / 1024 / 1024 + 1))).toMatch(/decompression bomb/);
    expect(pdfLimitProblem(pdfBomb(MAX_INFLATED_STREAM_BYTES / 1024 / 1024 - 1))).toBeNull();
  });

  it('finds a bomb whose /Length is indirect or wrong', () => {
    const bomb = zerosDeflate(MAX_INFLATED_STREAM_BYTES / 1024 / 1024 + 1);
    const bytes = Buffer.from(base(page('/Contents 4 0 R '), { dict: '<< /Filter /FlateDecode >>', stream: bomb }));
    const wrong = Buffer.from(bytes.toString('latin1').replace(`/Length ${bomb.length}`, '/Length 9 0 R'), 'latin1');
    expect(pdfLimitProblem(wrong)).toMatch(/decompression bomb/);
  });
});
