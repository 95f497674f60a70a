// Values painted over after issue: the rule from paint order (pure, on made-up paint lists), and whole certificates
// edited with pdf-lib at test time (test/fixtures/tamper.ts; the blank ACORD 25 is read from ../shared/corpus and
// the fixtures stay in memory) read through readCertificate: the page's values win, with a warning naming them.
// Only the edited certificates are OCRed; the clean control and the placeholder case must not need it.
import fs from 'node:fs';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FORM } from '../../../test/fixtures/generate.js';
import { tamperedCertificate, type TamperKind } from '../../../test/fixtures/tamper.js';
import { readCertificate } from '../extract.js';
import { terminateOcr } from '../ocr/index.js';
import { openPdf } from '../pdf/open.js';
import { textLayerWords } from '../text/words.js';
import { checkTextLayer, DISAGREEMENT_CONFIDENCE, disagreementWarning, findSuspects, hasOverlappingWords, sameText, savedAgain } from './index.js';
import type { Cover, PaintedPage, TextRun } from './paint.js';

const HAVE_FORM = fs.existsSync(DEFAULT_FORM);

const run = (seq: number, text: string, x0: number, y0: number, extra: Partial<TextRun> = {}): TextRun => ({ seq, text, x0, y0, x1: x0 + 6 * text.length, y1: y0 + 10, invisible: false, ...extra });
const cover = (seq: number, x0: number, y0: number, x1: number, y1: number, kind: Cover['kind'] = 'fill'): Cover => ({ seq, x0, y0, x1, y1, kind });
const page = (runs: TextRun[], covers: Cover[] = []): PaintedPage => ({ width: 612, height: 792, runs, covers });
/** Filler text so that the runs under test are a minority of the page's runs, as on a real certificate. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => run(1000 + i, `label ${i}`, 20, 400 + 12 * i));

describe('findSuspects', () => {
  it('finds text that a later opaque fill covers, and not text painted on top of it', () => {
    const suspects = findSuspects(1, page([run(1, '1,000,000', 500, 300), run(3, '5,000,000', 500, 300), ...filler(5)], [cover(2, 498, 298, 570, 312)]));
    expect(suspects).toHaveLength(1);
    expect(suspects[0]!.reason).toBe('covered');
    expect(suspects[0]!.hidden).toEqual(['1,000,000']);
  });

  it('ignores a fill painted before the text (a shaded label cell) and a thin rule across it', () => {
    expect(findSuspects(1, page([run(2, 'EACH OCCURRENCE', 300, 300), ...filler(5)], [cover(1, 290, 295, 420, 315), cover(3, 290, 305, 420, 306)]))).toEqual([]);
  });

  it('finds an image patch over text, but not a page-sized image (a scan) or a text layer hidden on every line', () => {
    expect(findSuspects(1, page([run(1, '05/08/2026', 380, 338), ...filler(5)], [cover(2, 378, 336, 425, 348, 'image')]))[0]?.hidden).toEqual(['05/08/2026']);
    expect(findSuspects(1, page([run(1, '05/08/2026', 380, 338), ...filler(5)], [cover(2, 0, 0, 612, 792, 'image')]))).toEqual([]);
    const scanLayer = filler(6).map((r) => ({ ...r, invisible: true }));
    expect(findSuspects(1, page(scanLayer))).toEqual([]);
  });

  it('finds invisible text among visible text, and different values written at one place', () => {
    const invisible = findSuspects(1, page([run(1, 'ACME OLD NAME', 40, 100, { invisible: true }), ...filler(5)]));
    expect(invisible.map((s) => s.reason)).toEqual(['invisible']);
    const overlap = findSuspects(1, page([run(1, '1,000,000', 500, 300), run(2, '2,000,000', 500.5, 300), ...filler(5)]));
    expect(overlap.map((s) => s.reason)).toEqual(['overlap']);
    // the same text twice (fake bold) and a long text running into the next column are no edit
    expect(findSuspects(1, page([run(1, 'INSURED', 40, 100), run(2, 'INSURED', 40.4, 100), ...filler(5)]))).toEqual([]);
    expect(findSuspects(1, page([run(1, 'COMMERCIAL GENERAL LIABILITY', 86, 192), run(2, 'CGL-7845291', 187, 192), ...filler(5)]))).toEqual([]);
  });
});

describe('the cheap signals that decide whether the paint order is fetched', () => {
  const word = (text: string, x: number, y: number) => ({ text, x, y, width: 36, height: 8, confidence: 1 });
  it('hasOverlappingWords: two different words at one place on one baseline', () => {
    expect(hasOverlappingWords([word('1,000,000', 527, 302), word('5,370,000', 527.4, 302), word('EACH', 400, 302)])).toBe(true);
    expect(hasOverlappingWords([word('1,000,000', 527, 302), word('1,000,000', 527.5, 302)])).toBe(false);
    expect(hasOverlappingWords([word('Condition', 433, 540), word('Aggregate', 433, 543.5)])).toBe(false);
    expect(hasOverlappingWords([word('1,000,000', 527, 302), word('300,000', 527, 314)])).toBe(false);
    // a long cell running into the next column's value
    expect(hasOverlappingWords([{ ...word('LIABILITY', 177, 192), width: 42 }, { ...word('CGL-7845291', 187, 192), width: 50 }])).toBe(false);
  });

  it('savedAgain: an end-of-file marker more than the file was written with', () => {
    const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}`);
    expect(savedAgain(pdf('1 0 obj\n%%EOF\n'))).toBe(false);
    expect(savedAgain(pdf('1 0 obj\n%%EOF\n2 0 obj\n%%EOF\n'))).toBe(true);
    expect(savedAgain(pdf('<< /Linearized 1 >>\n%%EOF\nrest\n%%EOF\n'))).toBe(false);
    expect(savedAgain(pdf('<< /Linearized 1 >>\n%%EOF\nrest\n%%EOF\nupdate\n%%EOF\n'))).toBe(true);
  });
});

describe('sameText', () => {
  it('needs digits to match exactly and lets letters slip', () => {
    expect(sameText('5,000,000', '$5,000,000')).toBe(true);
    expect(sameText('5,000,000', '1,000,000')).toBe(false);
    expect(sameText('05/08/2028', '05/08/2026')).toBe(false);
    expect(sameText('Hartford Fire Insurance', 'Hartfard Fire lnsurance')).toBe(true);
  });
});

describe('disagreementWarning', () => {
  it('names the fields whose boxes fall in a region', () => {
    const boxes = { '/policies/0/expirationDate': { page: 1, x: 380, y: 338, width: 40, height: 8 }, '/insured/name': { page: 1, x: 40, y: 100, width: 80, height: 8 } };
    const found = disagreementWarning([{ page: 1, box: { page: 1, x: 376, y: 334, width: 50, height: 16 }, textLayer: '05/08/2026 05/08/2028', rendered: '05/08/2028' }], boxes);
    expect(found?.pointers).toEqual(['/policies/0/expirationDate']);
    expect(found?.warning).toMatch(/^text layer disagrees with the rendered page: \/policies\/0\/expirationDate/);
    expect(disagreementWarning([], boxes)).toBeNull();
  });
});

describe('checkTextLayer', () => {
  it('drops a template placeholder under a white field background without a warning or OCR', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 8; i++) page.drawText(`Printed label ${i}`, { x: 40, y: 700 - 14 * i, size: 8, font });
    page.drawText('MM/DD/YYYY', { x: 300, y: 600, size: 8, font });
    page.drawRectangle({ x: 298, y: 597, width: 60, height: 12, color: rgb(1, 1, 1) });
    page.drawText('05/08/2026', { x: 300, y: 600, size: 8, font });
    const pdf = await openPdf(Buffer.from(await doc.save()));
    try {
      const words = await textLayerWords(await pdf.doc.getPage(1), { marks: false });
      expect(words.words.map((w) => w.text)).toContain('MM/DD/YYYY');
      const checked = await checkTextLayer(pdf, words);
      expect(checked.disagreements).toEqual([]);
      const texts = checked.words.words.map((w) => w.text);
      expect(texts).not.toContain('MM/DD/YYYY');
      expect(texts).toContain('05/08/2026');
      expect(texts.filter((t) => t === 'label')).toHaveLength(8);
    } finally {
      await pdf.close();
    }
  });
});

describe.skipIf(!HAVE_FORM)('certificates edited after issue', () => {
  const blank = HAVE_FORM ? new Uint8Array(fs.readFileSync(DEFAULT_FORM)) : new Uint8Array();
  afterAll(() => terminateOcr());

  async function read(kind: TamperKind) {
    const t = await tamperedCertificate(blank, kind);
    const { extraction } = await readCertificate(Buffer.from(t.bytes), `${kind}.pdf`);
    const i = extraction.policies.findIndex((p) => p.coverage === t.coverage);
    return { t, extraction, i, policy: extraction.policies[i]! };
  }

  it.each(['rectangle', 'image'] as const)('a value painted over with a %s reads as the page shows it, with a warning', async (kind) => {
    const { t, extraction, i, policy } = await read(kind);
    expect(t.newLimit).not.toBe(t.oldLimit);
    expect(policy.limits[t.limitKey]).toBe(t.newLimit);
    expect(policy.expirationDate).toBe(t.newExpiration);
    const warning = extraction.warnings.find((w) => w.startsWith('text layer disagrees with the rendered page'));
    expect(warning).toContain(`/policies/${i}/limits/${t.limitKey}`);
    expect(warning).toContain(`/policies/${i}/expirationDate`);
    expect(extraction.confidence?.[`/policies/${i}/limits/${t.limitKey}`]).toBeLessThanOrEqual(DISAGREEMENT_CONFIDENCE);
    expect(extraction.confidence?.[`/policies/${i}/expirationDate`]).toBeLessThanOrEqual(DISAGREEMENT_CONFIDENCE);
    // the fields nobody touched keep their confidence
    expect(extraction.confidence?.['/insured/name']).toBeGreaterThan(0.9);
  }, 60_000);

  it('the untouched control reads the original values with no warning', async () => {
    const { t, extraction, policy } = await read('clean');
    expect(policy.limits[t.limitKey]).toBe(t.oldLimit);
    expect(policy.expirationDate).toBe(t.oldExpiration);
    expect(extraction.warnings.filter((w) => w.includes('disagrees'))).toEqual([]);
  }, 60_000);
});
