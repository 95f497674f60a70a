// ACORD 101 remarks: which page is one, what its remarks are (not its header boxes), and packages built at test time
// (test/fixtures/package.ts: a generated ACORD 25 with a 101-like page of our own drawing, in memory only; the blank
// ACORD 25 is read from ../shared/corpus and the tests skip without it) read through extractCertificate.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM } from '../../../test/fixtures/generate.js';
import { certificatePackage, type PackageLayout } from '../../../test/fixtures/package.js';
import { generateCertificate } from '../../../test/fixtures/values.js';
import type { Extraction } from '../../domain/certificate.js';
import { extractCertificate } from '../extract.js';
import type { PageWords, Word } from '../layout/words.js';
import { appendRemarks, isAcord101Page, remarksFromWords } from './acord101.js';

const HAVE_FORM = fs.existsSync(DEFAULT_FORM);

function line(text: string, x: number, y: number, size = 7): Word[] {
  const out: Word[] = [];
  let at = x;
  for (const t of text.split(' ')) {
    out.push({ text: t, x: at, y, width: 0.55 * size * t.length, height: size, confidence: 1 });
    at += 0.55 * size * t.length + 0.3 * size;
  }
  return out;
}
const pageOf = (lines: [string, number, number, number?][]): PageWords => ({ page: 2, width: 612, height: 792, source: 'text', words: lines.flatMap(([t, x, y, s]) => line(t, x, y, s)) });

const remarksPage = pageOf([
  ['AGENCY CUSTOMER ID: 0042', 330, 24], ['LOC #: 1', 520, 24],
  ['ADDITIONAL REMARKS SCHEDULE', 160, 40, 14], ['Page 1 of 1', 520, 44],
  ['AGENCY', 34, 65], ['NAMED INSURED', 310, 65],
  ['Northline Insurance Services', 34, 80], ['Ridgeway Paving Co', 310, 80],
  ['POLICY NUMBER', 34, 104], ['GL-558120', 34, 112],
  ['CARRIER', 34, 124], ['NAIC CODE', 234, 124], ['EFFECTIVE DATE: 01/01/2026', 310, 128],
  ['Summit Casualty Company', 34, 132], ['31194', 234, 132],
  ['ADDITIONAL REMARKS', 34, 144],
  ['THIS ADDITIONAL REMARKS FORM IS A SCHEDULE TO ACORD FORM,', 34, 160],
  ['FORM NUMBER: 25 FORM TITLE: CERTIFICATE OF LIABILITY INSURANCE', 34, 170],
  ['The City of Ashford is an additional insured per form CG 20 26.', 34, 190, 9],
  ['Thirty days notice of cancellation applies.', 34, 202, 9],
  ['ACORD 101 (2008/01)', 30, 760, 8], ['© 2008 ACORD CORPORATION. All rights reserved.', 330, 760],
]);

describe('ACORD 101 pages', () => {
  it('are told by their title or footer stamp, and an ACORD 25 that mentions the schedule is not one', () => {
    expect(isAcord101Page(remarksPage)).toBe(true);
    expect(isAcord101Page(pageOf([['remarks continued', 30, 100], ['ACORD 101 (2008/01)', 30, 760]]))).toBe(true);
    expect(isAcord101Page(pageOf([['DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES (ACORD 101, Additional Remarks Schedule, may be attached if more space is required)', 30, 500]]))).toBe(false);
  });

  it('give the free text under the schedule line, without the header boxes, the form lines or the footer', () => {
    expect(remarksFromWords(remarksPage)).toBe('The City of Ashford is an additional insured per form CG 20 26.\nThirty days notice of cancellation applies.');
  });

  it('are appended to the description of operations, or become it when the certificate has none', () => {
    const x = { descriptionOfOperations: 'Paving operations.' } as Extraction;
    appendRemarks(x, ['Second line.', null, '  ']);
    expect(x.descriptionOfOperations).toBe('Paving operations.\nSecond line.');
    const empty = { descriptionOfOperations: null } as Extraction;
    appendRemarks(empty, ['Only remarks.']);
    expect(empty.descriptionOfOperations).toBe('Only remarks.');
  });
});

describe.skipIf(!HAVE_FORM)('packages with ACORD 101 remarks', () => {
  const blank = HAVE_FORM ? new Uint8Array(fs.readFileSync(DEFAULT_FORM)) : new Uint8Array();
  const fixture = generateCertificate(777);

  const cases: [string, PackageLayout][] = [
    ['a flattened certificate with the remarks page after it', { before: 0, endorsementsBefore101: 0, after: 0, certificate: 'flattened' }],
    ['a fillable certificate with a flattened remarks page after it', { before: 0, endorsementsBefore101: 1, after: 1, certificate: 'fillable' }],
    ['a cover letter, the certificate as page 2 of 6, endorsements, remarks on page 5', { before: 1, endorsementsBefore101: 2, after: 1, certificate: 'flattened' }],
    ['two cover pages, the certificate as page 3 of 6', { before: 2, endorsementsBefore101: 0, after: 2, certificate: 'flattened' }],
    ['a flattened certificate with a filled (fillable) remarks page', { before: 0, endorsementsBefore101: 0, after: 0, certificate: 'flattened', remarks: 'field' }],
  ];
  it.each(cases)('%s', async (_name, layout) => {
    const pkg = await certificatePackage(blank, fixture, layout);
    const x = await extractCertificate(Buffer.from(pkg.bytes), 'package.pdf');
    expect(x.form.type).toBe('ACORD 25');
    expect(x.insured.name).toBe(fixture.extraction.insured.name);
    expect(x.policies.map((p) => [p.coverage, p.policyNumber])).toEqual(fixture.extraction.policies.map((p) => [p.coverage, p.policyNumber]));
    const description = x.descriptionOfOperations ?? '';
    // the certificate's own description first (line breaks as its box wraps), then the remarks
    expect(description.replace(/\s+/g, ' ').startsWith(fixture.extraction.descriptionOfOperations!.replace(/\s+/g, ' '))).toBe(true);
    expect(description.endsWith(pkg.remarks.remarks.join('\n'))).toBe(true);
    // nothing of the header boxes
    expect(description).not.toContain('NAMED INSURED');
    expect(description).not.toContain(pkg.remarks.carrier);
  }, 60_000);
});
