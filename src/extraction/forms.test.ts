import { describe, expect, it } from 'vitest';
import type { PageWords } from './layout/words.js';
import { footerStamp, recognizeForm } from './forms.js';

const page = (text: string): PageWords[] => [
  { page: 1, width: 612, height: 792, source: 'ocr', words: text.split(/\s+/).map((t, i) => ({ text: t, x: i * 10, y: 10, width: 9, height: 9, confidence: 0.9 })) },
];

describe('recognizeForm', () => {
  it.each([
    ['EVIDENCE OF COMMERCIAL PROPERTY INSURANCE LOAN NUMBER COMPANY ACORD 28 (2016/03)', 'ACORD 28', '2016/03'],
    ['EVIDENCE OF PROPERTY INSURANCE ADDITIONAL INTEREST ACORD 27 (2016/03)', 'ACORD 27', '2016/03'],
    ['CERTIFICATE OF PROPERTY INSURANCE ACORD 24 (2016/03)', 'ACORD 24', '2016/03'],
    ['ADDITIONAL REMARKS SCHEDULE ACORD 101 (2008/01)', 'ACORD 101', '2008/01'],
    ['CERTIFICATE OF LIABILITY INSURANCE INSR LTR TYPE OF INSURANCE ADDL INSD SUBR WVD POLICY EFF POLICY EXP NAIC # ACORD 25 (2016/03)', 'ACORD 25', '2016/03'],
    ['CERTIF1CATE OF LIABILITY INSURANCE INSR LTR TYPE OF INSURANCE ADDL INSD SUBR WVD POLICY EFF AC0RD 25 (2O16/O3)', 'ACORD 25', '2016/03'],
  ])('%s', (text, type, edition) => {
    const r = recognizeForm(page(text));
    expect([r.type, r.edition, r.isCertificate]).toEqual([type, edition, true]);
  });

  it('labels a look-alike that claims ACORD 25 without its grid as other', () => {
    const r = recognizeForm(page('ACORD 25 (2016/03) CERTIFICATE OF LIABILITY INSURANCE PRODUCER INSURED POLICY NUMBER Each Occurrence'));
    expect([r.type, r.isCertificate]).toEqual(['other', true]);
  });

  it('recognizes carriers\' other titles (schedule, summary, verification of insurance, insurance certificate) as certificates', () => {
    for (const text of [
      'SCHEDULE OF INSURANCE Insured Okafor Enterprises Policy No. 721-BAP-449456 Term February 17, 2024 Combined Single Limit (Each Accident) Certificate Holder',
      'SUMMARY OF COVERAGE Named Insured Delgado Landscaping LLC Policy # 503-PKG-074168 Effective Date 2 January 2024 Occurrence Limit $ 1,000,000',
      'VERIFICATION OF COVERAGE Insured Okafor Enterprises Policy No. 721-BAP-449456 Policy Period 2/17/2024 - 2/17/2025',
      'INSURANCE CERTIFICATE INSURED NAME Pristine Building Services Co. TYPE OF COVERAGE POLICY NUMBER INCEPTION EXPIRY Commercial General Liability GL148604340 EACH OCCURRENCE LIMIT: $ 1,000,000',
    ]) {
      const r = recognizeForm(page(text));
      expect([r.type, r.isCertificate]).toEqual(['other', true]);
    }
  });

  it('takes a page whose title a photo lost for a certificate by its parties and policy words', () => {
    const r = recognizeForm(page('Issued: 2026-03-24 Cert. No.: 18706735 Policyholder Insurer Affording Coverage Bright Spark Electrical Contractors LLC Summit Ridge Indemnity Company Type of Coverage Policy No. Eff. Date Exp. Date Aggregate Commercial General CGL 0962973 2025-07-02 2026-07-02 Holder Larkspur County Facilities Department'));
    expect([r.type, r.isCertificate]).toEqual(['other', true]);
    // (its letterhead banner and title lost, its holder's box 'Issued To': the certificate's number and the insured)
    const banner = recognizeForm(page('Issued: 11/18/25 Certificate Number: 2025-494258 Insured Producer Blue Line Plumbing & Drain Co. Company: Cardinal National Insurance Co. Coverage Policy Number Effective Date Expiration Date Aggregate Business Automobile Liability BAP039996631 7/12/25 7/12/26 Issued To Harbor District Port Authority'));
    expect([banner.type, banner.isCertificate]).toEqual(['other', true]);
    // (and one of its words OCR misread by a letter: 'Ingured')
    const slipped = recognizeForm(page('Issued: 9/1/24 Ingured Producer Blue Line Plumbing & Drain Co. Insurer Affording Coverage: Bluestem Workers Compensation Mutual NAIC #: 11570 Type of Coverage Policy No. Inception Expiry Aggregate General Liability GL23 594749 34 6/26/24 6/26/25'));
    expect([slipped.type, slipped.isCertificate]).toEqual(['other', true]);
  });

  it("keeps a certificate whose boilerplate speaks of a notice of cancellation", () => {
    const r = recognizeForm(page("WORKERS' COMPENSATION CERTIFICATE OF COVERAGE Policy #: C55WC877078 Term: 11/16/2025 through 11/16/2026 This certificate confers no rights upon the certificate holder. Notice of cancellation will be mailed to the certificate holder 30 days in advance."));
    expect([r.type, r.isCertificate]).toEqual(['other', true]);
    const notice = recognizeForm(page('NOTICE OF CANCELLATION Policy Number C55WC877078 The policy is cancelled effective 12/01/2026. Certificate of insurance holders will be told.'));
    expect(notice.isCertificate).toBe(false);
  });

  it.each([
    ['Form W-9 Request for Taxpayer Identification Number and Certification', /W-9/],
    ['INVOICE Invoice Number 123 Bill To Amount Due $400', /invoice/],
    ['Dear Ms. Smith, thank you for your business. Sincerely, Bob', /letter/],
  ])('%s is not a certificate', (text, reason) => {
    const r = recognizeForm(page(text));
    expect(r.isCertificate).toBe(false);
    expect(r.reason).toMatch(reason);
  });

  it('finds the form on a later page of a package, and prefers the certificate to its remarks page', () => {
    const pages = (...texts: string[]): PageWords[] => texts.map((t, i) => ({ ...page(t)[0]!, page: i + 1 }));
    const letter = 'Dear Ms. Smith, enclosed is the evidence of insurance you asked for. Sincerely, Bob';
    const r = recognizeForm(pages(letter, 'EVIDENCE OF PROPERTY INSURANCE ADDITIONAL INTEREST LOAN NUMBER COMPANY POLICY NUMBER'));
    expect([r.type, r.edition, r.isCertificate]).toEqual(['ACORD 27', null, true]);
    const remarksFirst = recognizeForm(pages('ADDITIONAL REMARKS SCHEDULE ACORD 101 (2008/01)', 'CERTIFICATE OF PROPERTY INSURANCE ACORD 24 (2016/03)'));
    expect([remarksFirst.type, remarksFirst.edition]).toEqual(['ACORD 24', '2016/03']);
  });

  it('does not take one form naming another for its title', () => {
    // an ACORD 25 whose footer stamp OCR lost still mentions the remarks schedule in its description box
    const liability = recognizeForm(
      page('CERTIFICATE OF LIABILITY INSURANCE INSR LTR TYPE OF INSURANCE ADDL INSD SUBR WVD POLICY EFF POLICY EXP NAIC # DESCRIPTION OF OPERATIONS (ACORD 101, Additional Remarks Schedule, may be attached if more space is required)'),
    );
    expect(liability.type).toBe('ACORD 25');
    // a remarks page names the form it continues
    const remarks = recognizeForm(page('ADDITIONAL REMARKS SCHEDULE AGENCY CUSTOMER ID: LOC #: FORM NUMBER: 25 FORM TITLE: CERTIFICATE OF LIABILITY INSURANCE'));
    expect(remarks.type).toBe('ACORD 101');
  });

  it('reads footer stamps with OCR slips', () => {
    expect(footerStamp('AC0RD 25 (2O14/01)')).toEqual({ type: 'ACORD 25', edition: '2014/01' });
  });
});
