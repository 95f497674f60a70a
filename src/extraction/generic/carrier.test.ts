import { describe, expect, it } from 'vitest';
import { carrierCertificate, invoicePdf, NONCERT_DESIGNS } from '../../../test/fixtures/noncert.js';
import { textPdf } from '../../../test/fixtures/bad-input.js';
import { INSTRUCTION_TEXT_WARNING } from '../guard.js';
import { genericFromWords, parseParty } from './carrier.js';
import { openPdf } from '../pdf/open.js';
import { textLayerWords } from '../text/words.js';
import { findDates, limitPairs, mendOcrToken } from './values.js';
import { recognizeForm } from '../forms.js';

// the same text-layer words the engine reads
async function words(pdf: Uint8Array) {
  const opened = await openPdf(pdf);
  try {
    const pages = [];
    for (let n = 1; n <= opened.pages; n++) pages.push(await textLayerWords(await opened.doc.getPage(n), { marks: false }));
    return pages;
  } finally {
    await opened.close();
  }
}

describe('genericFromWords', () => {
  it.each(NONCERT_DESIGNS.flatMap((d) => [1, 2].map((n) => [d, n] as const)))('reads our %s carrier layout (seed %i)', async (design, n) => {
    const fx = await carrierCertificate(77 + n, design, `t-${design}`);
    const got = genericFromWords(await words(fx.pdf), { fileName: 'x.pdf', pages: 1, method: 'text' });
    const exp = fx.expected!;
    expect(got.form.type).toBe('other');
    expect(got.certificateDate).toBe(exp.certificateDate);
    expect(got.insured.name).toBe(exp.insured.name);
    expect(got.certificateHolder.name).toBe(exp.certificateHolder.name);
    expect(got.insurers).toEqual(exp.insurers);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.additionalInsured, p.subrogationWaived])).toEqual(
      exp.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.additionalInsured, p.subrogationWaived]),
    );
    for (const [i, p] of exp.policies.entries()) if (p.coverage !== 'other') expect(got.policies[i].limits).toMatchObject(p.limits);
    expect(got.warnings).toContain(INSTRUCTION_TEXT_WARNING);
  });

  it('keeps instruction text out of every field and warns', async () => {
    const got = genericFromWords(await words(await textPdf()), { fileName: 'x.pdf', pages: 1, method: 'text' });
    expect(got.warnings).toContain(INSTRUCTION_TEXT_WARNING);
    expect(got.insured.name).toBe('Guardrail Test Tenant LLC');
    expect(JSON.stringify({ ...got, warnings: [] })).not.toMatch(/ignore previous/i);
  });

  it('recognizes an invoice as not a certificate', async () => {
    const form = recognizeForm(await words(await invoicePdf(1)));
    expect(form.isCertificate).toBe(false);
    expect(form.reason).toMatch(/invoice/);
  });
});

describe('values', () => {
  it('reads prose limits with the label after the amount', () => {
    expect(limitPairs('$1 000 000 Occurrence / $1 000 000 Aggregate')).toEqual([
      { label: 'Occurrence', amount: 1_000_000 },
      { label: 'Aggregate', amount: 1_000_000 },
    ]);
    expect(limitPairs('Each Occurrence: $1,000,000')).toEqual([{ label: 'Each Occurrence', amount: 1_000_000 }]);
    expect(limitPairs('Each Occurrence: \\,000,000')).toEqual([]);
  });
  it('reads numeric and month-name dates', () => {
    expect(findDates('01/01/2026 to 01/01/2027').map((d) => d.value)).toEqual(['2026-01-01', '2027-01-01']);
    expect(findDates('Issued on: August 03, 2025')[0].value).toBe('2025-08-03');
  });
});

describe("OCR's slips mended before a carrier certificate is read", () => {
  it("reads round letters among an amount's whole groups as zeros, and a '(' among a policy number's letters as C", () => {
    expect(['$1,00C,000', '$1,OOO,OOO', '2,0O0,000', 'W(345678', 'WC(345678', 'W(C345678', '"W(345678', '“GL-123456'].map(mendOcrToken)).toEqual(['$1,000,000', '$1,000,000', '2,000,000', 'WC345678', 'WCC345678', 'WC345678', 'WC345678', 'GL-123456']);
    // (a '$' read as 5 or S only where it makes the first group four digits long)
    expect(['5100,000', 'S500,000', '51,000,000', '500,000', '5,000'].map(mendOcrToken)).toEqual(['$100,000', '$500,000', '51,000,000', '500,000', '5,000']);
    // (a quoted word stays quoted)
    expect(mendOcrToken('"Workers')).toBe('"Workers');
    // anything else as read: words, a phone's area code, amounts whose groups are not whole, a letter first
    // a point read for a comma among an amount's groups
    expect(['$2,000.000.00', '2.000.000', '$1.000,000', '$500.000', '500.000', '10.000', '5.000', '12.50'].map(mendOcrToken)).toEqual(['$2,000,000.00', '2,000,000', '$1,000,000', '$500,000', '500,000', '10,000', '5.000', '12.50']);
    // a coverage's word one letter off; other words as read
    expect(["Waorkers'", 'LIABILTY', 'Umbrela', 'Employees', 'Generali', 'Delgado', 'Ensurer', 'INSURERS', 'Insured'].map(mendOcrToken)).toEqual(["Workers'", 'LIABILITY', 'Umbrella', 'Employees', 'Generali', 'Delgado', 'Insurer', 'INSURERS', 'Insured']);
    for (const kept of ['$1,000.00', '2.000', '12.345.678.9',  '(555)', '$1,0C0,00', '$O,000', 'Co.', '(Ea', 'W(34', 'w(345678', '$1,000,000']) expect(mendOcrToken(kept), kept).toBe(kept);
  });

  it("gives a date its own separator throughout where OCR read one of them as a point, reads 'usD' as USD and a word's first 1 as I", () => {
    expect(['2025.07-02', '2026-07,02', '07/02.2025', '7.2-25', 'usD', '1ssUED', '1nsured'].map(mendOcrToken)).toEqual(['2025-07-02', '2026-07-02', '07/02/2025', '7-2-25', 'USD', 'IssUED', 'Insured']);
    for (const kept of ['2025.07.02', '12.50', '2025-07-02', '07/02/2025', '1st', '1A2B3']) expect(mendOcrToken(kept), kept).toBe(kept);
    // a long word whose first letters a box's rule took ('JURRENCE'); English words as they are
    expect(['JURRENCE', 'GREGATE'].map(mendOcrToken)).toEqual(['OCCURRENCE', 'AGGREGATE']);
    for (const kept of ['CURRENCY', 'ability', 'REGATE']) expect(mendOcrToken(kept), kept).toBe(kept);
  });

  it("keeps a company's form that OCR set apart from its name with the name", () => {
    expect(parseParty(['Granite Peak Builders, | Inc.', '8550 Meridian Ave', 'Tampa, FL 33602']).name).toBe('Granite Peak Builders, Inc.');
    expect(parseParty(['Granite Peak Builders', '8550 Meridian Ave']).name).toBe('Granite Peak Builders');
  });

  it("reads a party's LLC with a speck read as a period inside it ('LL.C') as LLC, at the name's end or before its DBA", () => {
    expect(parseParty(['Riverside Commons Owner, LL.C', '45 Industrial Way']).name).toBe('Riverside Commons Owner, LLC');
    expect(parseParty(['Yates Holdings LL.C DBA Okafor Electric', '45 Industrial Way']).name).toBe('Yates Holdings LLC DBA Okafor Electric');
    expect(parseParty(['Acme L.L.C.', '45 Industrial Way']).name).toBe('Acme L.L.C.');
  });
});
