// A faxed certificate (test/fixtures/scan.ts faxPdf: 200 × 100 dpi, black and white, a speck in one pixel of 500):
// its specks standing alone are cleared before it is read (preprocess.ts removeLoneSpecks), so that they are not read
// as letters beside its names and numbers.
import { afterAll, describe, expect, it } from 'vitest';
import { carrierCertificate } from '../../../test/fixtures/noncert.js';
import { faxPdf } from '../../../test/fixtures/scan.js';
import { readCertificate } from '../extract.js';
import { terminateOcr } from './index.js';

afterAll(() => terminateOcr());

describe('a faxed carrier certificate', { timeout: 120_000 }, () => {
  it.each(['stacked', 'prose'] as const)('reads its names and policy numbers whole (%s)', async (design) => {
    const { pdf, expected } = await carrierCertificate(2, design, `${design}.pdf`);
    const fax = await faxPdf(pdf, 2);
    expect(fax.report.specks).toBeGreaterThan(1000);
    const { extraction } = await readCertificate(Buffer.from(fax.bytes), `${design}-fax.pdf`);
    expect(extraction.insured.name).toBe(expected!.insured.name);
    expect(extraction.certificateHolder.name).toBe(expected!.certificateHolder.name);
    expect(extraction.policies.map((p) => p.policyNumber)).toEqual(expected!.policies.map((p) => p.policyNumber));
  });
});
