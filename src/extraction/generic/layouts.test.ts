// Carrier certificates in layouts the reader was not written for: cards side by side, headings over their values,
// headings on two lines, numbers with spaces, insurers named by a heading, a letterhead or a sentence, flags stated
// in sentences. Each page is laid out word by word here, as a text layer gives it.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import { recognizeForm } from '../forms.js';
import { genericFromWords } from './carrier.js';
import { pageLines } from './lines.js';

/**
 * A page of rows: each row [top, [[x, text], …]] (cells of words 5 points a letter, 9 points high). As OCR gives
 * it: words 6 points high (the letters' ink), 7 points apart.
 */
function page(rows: [number, [number, string][]][], source: 'text' | 'ocr' = 'text'): PageWords {
  const words: Word[] = [];
  for (const [y, cells] of rows) {
    for (const [x0, text] of cells) {
      let x = x0;
      for (const t of text.split(' ')) {
        words.push({ text: t, x, y, width: t.length * 5, height: source === 'ocr' ? 6 : 9, confidence: source === 'ocr' ? 0.9 : 1 });
        x += t.length * 5 + (source === 'ocr' ? 7 : 3);
      }
    }
  }
  return { page: 1, width: 612, height: 792, source, words };
}

const read = (rows: [number, [number, string][]][]) => genericFromWords([page(rows)], { fileName: 'x.pdf', pages: 1, method: 'text' });
const head: [number, [number, string][]][] = [
  [20, [[200, 'CERTIFICATE OF INSURANCE']]],
  [60, [[40, 'Named Insured: Lakeview Roofing LLC']]],
];

describe('carrier layouts', () => {
  it('reads two cards set side by side column by column, each its own policy', () => {
    const got = read([
      ...head,
      [100, [[40, 'General Liability'], [320, "Workers' Compensation"]]],
      [115, [[40, 'Policy #'], [160, 'GL-5551234'], [320, 'Policy #'], [440, 'WC-7771234']]],
      [130, [[40, 'Policy period'], [140, '01/01/2026 - 01/01/2027'], [320, 'Policy period'], [420, '02/01/2026 - 02/01/2027']]],
      [145, [[40, 'Each Occurrence'], [160, '$1,000,000'], [320, 'E.L. Each Accident'], [440, '$500,000']]],
      [160, [[40, 'General Aggregate'], [160, '$2,000,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.limits])).toEqual([
      ['general_liability', 'GL-5551234', '2026-01-01', { each_occurrence: 1_000_000, general_aggregate: 2_000_000 }],
      ['workers_compensation', 'WC-7771234', '2026-02-01', { el_each_accident: 500_000 }],
    ]);
  });

  it("finds the gutter between two columns narrower than each card's gap between label and value", () => {
    const got = read([
      ...head,
      [100, [[40, 'GENERAL LIABILITY'], [318, 'WC & EL']]],
      [115, [[40, 'Policy #'], [236, 'GL-5551234'], [318, 'Policy #'], [500, 'WC-7771234']]],
      [130, [[40, 'Term'], [180, '01/01/2026 to 01/01/2027'], [318, 'Term'], [440, '02/01/2026 to 02/01/2027']]],
      [145, [[40, 'Damage to Rented Premises (Each Occurrence)'], [250, '$100,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate])).toEqual([
      ['general_liability', 'GL-5551234', '2026-01-01'],
      ['workers_compensation', 'WC-7771234', '2026-02-01'],
    ]);
  });

  it('keeps a table of four columns a table (its sides differ)', () => {
    const lines = pageLines(
      page([
        [100, [[40, 'Coverage'], [150, 'Policy Number'], [320, 'Effective'], [420, 'Expiration']]],
        [115, [[40, 'General Liability'], [150, 'GL-1234567'], [320, '01/01/2026'], [420, '01/01/2027']]],
        [130, [[40, 'Business Auto'], [150, 'CA-1234567'], [320, '01/01/2026'], [420, '01/01/2027']]],
      ]),
    );
    expect(lines.map((l) => l.segments.length)).toEqual([4, 4, 4]);
  });

  it("reads a table whose headings run over two lines (Add'l over Ins.), values set flush right under theirs", () => {
    const got = read([
      ...head,
      [96, [[300, "Add'l"], [340, 'Subr'], [425, 'Each']]],
      [105, [[40, 'Coverage'], [140, 'Policy No.'], [220, 'Eff.'], [260, 'Exp.'], [500, 'Aggregate']]],
      [114, [[300, 'Ins.'], [340, 'Wvd'], [400, 'Occurrence']]],
      [130, [[40, 'Business Liability'], [140, 'PKG 04-07174-021'], [220, '4/6/2024'], [260, '4/6/2025'], [302, 'Y'], [342, 'N'], [395, '$1,000,000'], [490, '$2,000,000']]],
    ]);
    expect(got.policies).toMatchObject([
      { coverage: 'general_liability', policyNumber: 'PKG 04-07174-021', effectiveDate: '2024-04-06', additionalInsured: true, subrogationWaived: false, limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000 } },
    ]);
  });

  it("pairs a line of headings with the values set under them, and reads a one-coverage certificate's policy", () => {
    const got = read([
      [20, [[150, "CERTIFICATE OF WORKERS' COMPENSATION INSURANCE"]]],
      [40, [[40, 'Company: Three Rivers Employers Insurance Company']]],
      [60, [[40, 'Policy #'], [200, 'Policy Period'], [450, 'Issue Date']]],
      [72, [[40, 'WCP 967757754'], [200, '07-02-2025 through 07-02-2026'], [450, '11-07-2025']]],
      [100, [[40, 'EMPLOYER / INSURED']]],
      [112, [[40, 'Paper Lantern Boutique, Inc.']]],
    ]);
    expect(got.certificateDate).toBe('2025-11-07');
    expect(got.insured.name).toBe('Paper Lantern Boutique, Inc.');
    expect(got.insurers).toEqual([{ letter: null, name: 'Three Rivers Employers Insurance Company', naic: null }]);
    expect(got.policies).toMatchObject([{ coverage: 'workers_compensation', policyNumber: 'WCP 967757754', effectiveDate: '2025-07-02', expirationDate: '2026-07-02' }]);
  });

  it('reads party headings set side by side over their blocks, and an insurer under a heading of its own', () => {
    const got = read([
      [20, [[40, 'Bluestem Insurance'], [380, 'CERTIFICATE OF INSURANCE']]],
      [50, [[40, 'Insured Name'], [320, 'Company']]],
      [62, [[40, 'Mbeki Holdings LLC'], [320, 'Bluestem Workers Compensation Mutual']]],
      [74, [[40, '8790 Ulmerton Rd'], [320, 'NAIC # 11570']]],
      [100, [[40, 'Commercial General Liability'], [220, 'Policy No: CGL 16-92077-128'], [420, '01/01/2026 to 01/01/2027']]],
    ]);
    expect(got.insured.name).toBe('Mbeki Holdings LLC');
    expect(got.insurers).toEqual([{ letter: null, name: 'Bluestem Workers Compensation Mutual', naic: '11570' }]);
    expect(got.policies[0]).toMatchObject({ policyNumber: 'CGL 16-92077-128' });
  });

  it("reads an insurers table's letters, and a letter's insurer named in a sentence", () => {
    const table = read([
      ...head,
      [90, [[40, 'Ltr'], [80, 'Insurer Name'], [400, 'NAIC']]],
      [102, [[40, 'A'], [80, 'Magnolia Underwriters Insurance Company'], [400, '39051']]],
      [114, [[40, 'B'], [80, 'Redstone American Insurance Company'], [400, '15592']]],
    ]);
    expect(table.insurers).toEqual([
      { letter: 'A', name: 'Magnolia Underwriters Insurance Company', naic: '39051' },
      { letter: 'B', name: 'Redstone American Insurance Company', naic: '15592' },
    ]);
    const prose = read([
      [20, [[40, 'Tri-County Insurance Brokers']]],
      [60, [[40, 'Evidence of Insurance']]],
      [80, [[40, 'We confirm that Delgado Security Services, Inc. is insured with Lakeshore Mutual Casualty Company (NAIC 21466) as follows.']]],
      [100, [[40, '1. Commercial General Liability. Policy No. K25GL391954, effective 2025-06-03 to 2026-06-03. Limits: $1,000,000 per occurrence.']]],
    ]);
    expect(prose.insurers).toEqual([{ letter: null, name: 'Lakeshore Mutual Casualty Company', naic: '21466' }]);
    // a letterhead is taken only when nothing names the insurer, and an agency's never
    const letterhead = read([[20, [[40, 'Pacific Crest Specialty Insurance Company']]], ...head.slice(1), [100, [[40, 'General Liability'], [200, 'Policy No: GL-1234567']]]]);
    expect(letterhead.insurers.map((i) => i.name)).toEqual(['Pacific Crest Specialty Insurance Company']);
    expect(prose.insurers.map((i) => i.name)).not.toContain('Tri-County Insurance Brokers');
  });

  it("reads flags stated in sentences, a policy's own and the page's for the coverages it names", () => {
    const got = read([
      ...head,
      [100, [[40, 'Commercial General Liability. Policy GL 68-32655-458, effective 01/01/2026 to 01/01/2027.']]],
      [112, [[40, 'The certificate holder is included as an additional insured. No waiver of subrogation applies.']]],
      [130, [[40, 'Business Auto. Policy CA 65-80779-435, effective 01/01/2026 to 01/01/2027.']]],
      [200, [[40, 'Waiver of subrogation applies to the Business Auto policy.']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.additionalInsured, p.subrogationWaived])).toEqual([
      ['general_liability', 'GL 68-32655-458', true, false],
      ['automobile_liability', 'CA 65-80779-435', false, true],
    ]);
  });

  it("takes no date's digits for a policy number, and skips a 'Policyholder Service' phone line", () => {
    const got = read([
      [10, [[400, 'Policyholder Service (888) 555-0191']]],
      ...head,
      [100, [[40, 'Hired & Non-Owned Auto']]],
      [112, [[40, 'Policy period'], [160, 'Mar 3, 2024 – Mar 3, 2025']]],
      [124, [[40, 'Policy #'], [160, 'TDM-AJSWEDU']]],
      [136, [[40, 'WC & EL'], [160, 'Policy No: WC 1329276']]],
    ]);
    expect(got.insured.name).toBe('Lakeview Roofing LLC');
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate])).toEqual([
      ['automobile_liability', 'TDM-AJSWEDU', '2024-03-03'],
      ['workers_compensation', 'WC 1329276', null],
    ]);
  });

  it("reads limits listed one to a clause, one wrapped onto the next line, and a box marked before its option", () => {
    const got = read([
      [20, [[150, "CERTIFICATE OF WORKERS' COMPENSATION INSURANCE"]]],
      [40, [[40, 'ISSUED'], [300, 'NAMED INSURED']]],
      [52, [[40, '11/07/2025'], [300, 'Paper Lantern Boutique, Inc.']]],
      [80, [[40, "Workers' Compensation Policy No: WCP 967757754 Policy Period: 07-02-2025 to 07-02-2026"]]],
      [92, [[40, 'Bodily Injury by Accident $500,000 each accident; Bodily Injury by Disease $1,000,000 each employee; Bodily Injury by Disease']]],
      [104, [[40, '$2,000,000 policy limit']]],
      [116, [[40, 'Blanket Waiver of Subrogation:'], [200, 'X Yes'], [260, 'No']]],
    ]);
    expect(got.certificateDate).toBe('2025-11-07');
    expect(got.policies).toMatchObject([
      { coverage: 'workers_compensation', subrogationWaived: true, limits: { el_each_accident: 500_000, el_disease_each_employee: 1_000_000, el_disease_policy_limit: 2_000_000 } },
    ]);
    const unmarked = read([...head, [80, [[40, 'General Liability Policy No: GL 1234567']]], [92, [[40, 'Waiver of Subrogation:'], [200, 'Yes'], [260, 'X No']]]]);
    expect(unmarked.policies[0]!.subrogationWaived).toBe(false);
  });

  it("reads a letter's insured from its sentence, and an agency's letterhead as the producer", () => {
    const got = read([
      [10, [[40, 'Tri-County Insurance Brokers']]],
      [60, [[40, 'Evidence of Insurance']]],
      [80, [[40, 'We confirm that Delgado Security Services, Inc. of 6417 Cleveland Ave, Grove City, OH 43123 is insured as follows.']]],
      [100, [[40, 'Commercial General Liability. Policy No. K25GL391954, effective 2025-06-03 to 2026-06-03.']]],
    ]);
    expect([got.insured.name, got.producer.name]).toEqual(['Delgado Security Services, Inc.', 'Tri-County Insurance Brokers']);
  });

  it("reads an OCR page's words as cells though its spaces measure wide, and its cards though OCR slips in a label", () => {
    const rows: [number, [number, string][]][] = [
      [10, [[40, 'Memorandum of insurance']]],
      [30, [[40, 'Named Insured: Lakeview Roofing LLC 88 Elm St Austin, TX 78701']]],
      [45, [[40, 'Agent: Keystone Risk Advisors (555) 201-4400']]],
      [52, [[40, 'Certificate Holder: Pioneer Insurance Brokers Denver, CO']]],
      [60, [[40, 'The certificate holder is insured with nobody in particular.']]],
      [100, [[40, 'General Liability'], [320, "Workers' Compensation"]]],
      [115, [[40, 'Policy #'], [160, 'GL-5551234'], [320, 'Palicy #'], [440, 'WC-7771234']]],
      [130, [[40, 'Policy period'], [140, '01/01/2026'], [200, '01/01/2027'], [320, 'Policy period'], [420, '02/01/2026'], [480, '02/01/2027']]],
      [145, [[40, 'Each Occurrence'], [160, '$1,000,000'], [320, 'E.L. Each Accident'], [440, '$500,000']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' });
    expect([got.insured.name, got.producer.name, got.certificateHolder.name]).toEqual(['Lakeview Roofing LLC', 'Keystone Risk Advisors', 'Pioneer Insurance Brokers']);
    expect(got.insurers).toEqual([]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.limits])).toEqual([
      ['general_liability', 'GL-5551234', '2026-01-01', '2027-01-01', { each_occurrence: 1_000_000 }],
      ['workers_compensation', 'WC-7771234', '2026-02-01', '2027-02-01', { el_each_accident: 500_000 }],
    ]);
  });

  it("reads a memorandum's narrow columns: each policy's insurer, names and dates wrapped onto the next line", () => {
    const got = read([
      [20, [[40, 'MEMORANDUM OF INSURANCE']]],
      [40, [[40, 'Named Insured: Lakeview Roofing LLC']]],
      [80, [[40, 'Type of Coverage'], [150, 'Underwriter'], [300, 'Policy No.'], [380, 'Effective'], [440, 'Expiration'], [520, 'Limits']]],
      [100, [[40, 'Commercial General'], [150, 'Three Rivers Insurance'], [300, '5239-97-24'], [380, 'August 1,'], [440, 'August 1,'], [520, '$500,000']]],
      [112, [[40, 'Liability'], [150, 'Company'], [380, '2023'], [440, '2024']]],
      [130, [[40, 'Business Auto'], [150, 'Bluestem Mutual'], [300, '9949-31-16'], [380, '08/01/2023'], [440, '08/01/2024']]],
      [142, [[40, 'A blanket waiver of subrogation applies to all policies shown.']]],
    ]);
    expect(got.insurers.map((i) => i.name)).toEqual(['Three Rivers Insurance Company', 'Bluestem Mutual']);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.subrogationWaived])).toEqual([
      ['general_liability', '5239-97-24', '2023-08-01', '2024-08-01', true],
      ['automobile_liability', '9949-31-16', '2023-08-01', '2024-08-01', true],
    ]);
  });

  it("takes OCR's 'Policy Neo.' for a policy number column", () => {
    const got = read([
      ...head,
      [100, [[40, 'Coverage'], [150, 'Policy Neo.'], [320, 'Eff. Date'], [420, 'Exp. Date'], [500, 'Addl Insd']]],
      [115, [[40, 'General Liability'], [150, 'GL 1234567'], [320, '01/01/2026'], [420, '01/01/2027'], [510, 'Y']]],
    ]);
    expect(got.policies.map((p) => [p.policyNumber, p.additionalInsured])).toEqual([['GL 1234567', true]]);
  });

  it('recognizes a memorandum of insurance as a certificate', () => {
    const form = recognizeForm([page([[20, [[40, 'MEMORANDUM OF INSURANCE']]], [60, [[40, 'Policy No. 1641064782 Effective 01/27/2026 Expiration 01/27/2027 Aggregate $2,000,000']]]])]);
    expect(form.isCertificate).toBe(true);
  });
});
