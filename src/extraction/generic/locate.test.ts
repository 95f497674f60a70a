// Boxes for a carrier certificate read by the generic reader: each value is found again among the page's words, and a
// policy's limits are taken from its own row.
import { describe, expect, it } from 'vitest';
import { carrierCertificate, NONCERT_DESIGNS } from '../../../test/fixtures/noncert.js';
import type { Extraction } from '../../domain/certificate.js';
import { readCertificate } from '../extract.js';
import type { PageWords } from '../layout/words.js';
import { locateValues } from './locate.js';

const word = (text: string, x: number, y: number): PageWords['words'][number] => ({ text, x, y, width: text.length * 5, height: 8, confidence: 1 });

describe('locateValues', () => {
  it('finds names by their folded text and gives each policy the limit printed on its own row', () => {
    const page: PageWords = {
      page: 1,
      width: 612,
      height: 792,
      source: 'text',
      words: [
        word('Insured:', 40, 100), word('Acme', 90, 100), word('Roofing,', 120, 100), word('Inc.', 165, 100),
        word('GL-1', 40, 200), word('$1,000,000', 300, 200),
        word('AU-2', 40, 230), word('$1,000,000', 300, 230),
      ],
    };
    const x = {
      insured: { name: 'ACME ROOFING INC', address: null },
      producer: { name: null },
      certificateHolder: { name: null },
      certificateDate: null,
      insurers: [],
      policies: [
        { policyNumber: 'GL-1', effectiveDate: null, expirationDate: null, limits: { each_occurrence: 1_000_000 } },
        { policyNumber: 'AU-2', effectiveDate: null, expirationDate: null, limits: { combined_single_limit: 1_000_000 } },
      ],
    } as unknown as Extraction;
    const boxes = locateValues(x, [page]);
    expect(boxes['/insured/name']).toMatchObject({ page: 1, x: 90, y: 100 });
    expect(boxes['/policies/0/limits/each_occurrence']?.y).toBe(200);
    expect(boxes['/policies/1/limits/combined_single_limit']?.y).toBe(230);
    expect(boxes['/producer/name']).toBeUndefined();
  });

  it.each(NONCERT_DESIGNS)('boxes the values of our %s carrier layout where they are printed', async (design) => {
    const fx = await carrierCertificate(91, design, `locate-${design}`);
    const { extraction, provenance } = await readCertificate(Buffer.from(fx.pdf), 'carrier.pdf');
    expect(extraction.form.type).toBe('other');
    const boxes = provenance.boxes;
    expect(boxes['/insured/name']).toBeDefined();
    extraction.policies.forEach((p, i) => {
      if (p.policyNumber) expect(boxes[`/policies/${i}/policyNumber`], `policy ${i}`).toBeDefined();
      for (const key of Object.keys(p.limits)) expect(boxes[`/policies/${i}/limits/${key}`], `policy ${i} ${key}`).toBeDefined();
    });
    // every box lies on the page
    for (const b of Object.values(boxes)) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(provenance.pages[0]!.width + 1);
      expect(b.y + b.height).toBeLessThanOrEqual(provenance.pages[0]!.height + 1);
    }
  });
});
