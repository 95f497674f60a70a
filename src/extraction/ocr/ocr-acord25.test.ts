// OCR of a generated scanned ACORD 25 (image-only PDF: 200 dpi, skewed up to ±1.5°, grey, noisy, JPEG): the printed
// labels the layout mapper anchors on and the values typed into the form come back, where they are on the page.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateCorpus } from '../../../test/fixtures/generate.js';
import type { PageWords, Word } from '../layout/words.js';
import { openPdf } from '../pdf/open.js';
import { ocrPdfPages, terminateOcr } from './index.js';

const corpus = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));

type Expected = { certificateDate: string; insured: { name: string }; policies: { policyNumber: string | null }[] };

const normalize = (s: string) => s.toUpperCase().replace(/[^\p{L}\p{N}/&-]/gu, '');

/** Where the words of `phrase` stand one after another on one line; the first word's box, or undefined. */
function findPhrase(words: Word[], phrase: string): Word | undefined {
  const tokens = phrase.split(/\s+/).map(normalize);
  for (const first of words) {
    if (normalize(first.text) !== tokens[0]) continue;
    let last = first;
    let matched = 1;
    while (matched < tokens.length) {
      const next = words
        .filter((w) => w.x > last.x && Math.abs(w.y + w.height / 2 - (last.y + last.height / 2)) < 4)
        .sort((a, b) => a.x - b.x)[0];
      if (!next || normalize(next.text) !== tokens[matched]) break;
      last = next;
      matched++;
    }
    if (matched === tokens.length) return first;
  }
  return undefined;
}

describe.skipIf(!existsSync(corpus))('OCR of a scanned ACORD 25', () => {
  let dir: string;
  let page: PageWords;
  let expected: Expected;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coi-ocr-acord25-'));
    const [file] = await generateCorpus({ out: dir, count: 1, seed: DEFAULT_SEED, variants: ['scanned'] });
    expected = JSON.parse(await fs.readFile(file.expected, 'utf8')) as Expected;
    const pdf = await openPdf(await fs.readFile(file.pdf));
    try {
      [page] = await ocrPdfPages(await pdf.renderable(), [1]);
    } finally {
      await pdf.close();
    }
  }, 90_000);

  afterAll(async () => {
    await terminateOcr();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('gives a letter page of OCR words in points', () => {
    expect(page).toMatchObject({ page: 1, width: 612, height: 792, source: 'ocr' });
    expect(page.words.length).toBeGreaterThan(300);
    for (const w of page.words) {
      expect(w.confidence).toBeGreaterThanOrEqual(0);
      expect(w.confidence).toBeLessThanOrEqual(1);
      expect(w.x).toBeGreaterThan(-5);
      expect(w.x + w.width).toBeLessThan(617);
    }
  });

  it('finds the printed labels where the form prints them', () => {
    const title = findPhrase(page.words, 'CERTIFICATE OF LIABILITY INSURANCE');
    expect(title, 'title').toBeDefined();
    expect(title!.y).toBeLessThan(60);
    const insurerA = findPhrase(page.words, 'INSURER A');
    expect(insurerA, 'INSURER A').toBeDefined();
    expect(insurerA!.x).toBeGreaterThan(280); // the insurers' box is the right half
    expect(insurerA!.y).toBeGreaterThan(150);
    expect(insurerA!.y).toBeLessThan(260);
    const eachOccurrence = findPhrase(page.words, 'EACH OCCURRENCE');
    expect(eachOccurrence, 'EACH OCCURRENCE').toBeDefined();
    expect(eachOccurrence!.x).toBeGreaterThan(380); // the limits column
  });

  it('reads the filled values: insured, a policy number, the certificate date', () => {
    const insured = findPhrase(page.words, expected.insured.name);
    expect(insured, expected.insured.name).toBeDefined();
    expect(insured!.x).toBeLessThan(306); // the insured box is the left half
    expect(insured!.y).toBeGreaterThan(150);
    expect(insured!.y).toBeLessThan(260);

    const policyNumber = expected.policies.find((p) => p.policyNumber)!.policyNumber!;
    const policy = findPhrase(page.words, policyNumber);
    expect(policy, policyNumber).toBeDefined();
    expect(policy!.x).toBeGreaterThan(150); // the policy number column
    expect(policy!.x).toBeLessThan(360);

    const [year, month, day] = expected.certificateDate.split('-');
    const date = findPhrase(page.words, `${month}/${day}/${year}`);
    expect(date, 'certificate date').toBeDefined();
    expect(date!.x).toBeGreaterThan(450); // top right: DATE (MM/DD/YYYY)
    expect(date!.y).toBeLessThan(70);
  });
});
