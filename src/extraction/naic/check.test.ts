import { describe, expect, it } from 'vitest';
import { checkInsurer, nameSimilarity } from './check.js';

describe('checkInsurer', () => {
  it('accepts a matching pair', () => {
    expect(checkInsurer('Hartford Fire Insurance Company', '19682')).toMatchObject({ naic: '19682', warnings: [] });
  });
  it('corrects OCR letters in the code', () => {
    const r = checkInsurer('Cincinnati Insurance Co.', '1O677');
    expect(r.naic).toBe('10677');
    expect(r.warnings[0]).toMatch(/read as 10677/);
  });
  it('corrects one wrong digit when the name confirms the listed code', () => {
    const r = checkInsurer('Travelers Indemnity Company', '25659');
    expect(r.naic).toBe('25658');
  });
  it('flags a code printed with another company name', () => {
    const r = checkInsurer('Acme Mutual Insurance', '19682');
    expect(r.naic).toBe('19682');
    expect(r.warnings).toContain('NAIC 19682 belongs to Hartford Fire Insurance Company, the certificate says Acme Mutual Insurance');
    expect(r.confidence).toBeLessThan(0.6);
  });
  it('leaves unknown codes and absent codes alone', () => {
    expect(checkInsurer('Coastal Mutual Insurance Company', '88214')).toMatchObject({ naic: '88214', warnings: [] });
    expect(checkInsurer('Test Carrier Insurance Co.', null)).toMatchObject({ naic: null, warnings: [] });
  });
  it("spells a listed company's words OCR misread, by its code or by its name alone", () => {
    const byCode = checkInsurer('Hartford Fire Insurunce Company', '19682');
    expect(byCode.name).toBe('Hartford Fire Insurance Company');
    expect(byCode.warnings).toContain('insurer name "Hartford Fire Insurunce Company" read as "Hartford Fire Insurance Company"');
    expect(checkInsurer('CINCINATI INSURANCE COMPANY', null).name).toBe('CINCINNATI INSURANCE COMPANY');
    // (its own abbreviations and a company the table does not list stay as printed)
    expect(checkInsurer('Hartford Fire Ins. Co.', '19682').name).toBe('Hartford Fire Ins. Co.');
    expect(checkInsurer('Evergreen Indematy Company', '12834').name).toBe('Evergreen Indematy Company');
  });
  it('compares names without filler words', () => {
    expect(nameSimilarity('The Travelers Indemnity Co.', 'Travelers Indemnity Company')).toBe(1);
  });
});
