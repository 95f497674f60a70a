// Carrier certificates in layouts the reader was not written for: cards side by side, headings over their values,
// headings on two lines, numbers with spaces, insurers named by a heading, a letterhead or a sentence, flags stated
// in sentences. Each page is laid out word by word here, as a text layer gives it.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import { recognizeForm } from '../forms.js';
import { genericFromWords } from './carrier.js';
import { pageLines } from './lines.js';
import { findDates, labelledSlashlessDate, limitKeyFor, limitPairs, mendOcrToken } from './values.js';

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

  it("reads a holder's name set a line's space below its box's heading on an OCR page (whose lines measure their letters' ink)", () => {
    const rows: [number, [number, string][]][] = [
      [10, [[40, 'Certificate of insurance']]],
      [30, [[40, 'Named Insured: Lakeview Roofing LLC']]],
      [60, [[40, 'General Liability'], [160, 'GL-5551234'], [260, '01/01/2026'], [330, '01/01/2027']]],
      [100, [[40, 'CERTIFICATE HOLDER'], [300, 'CANCELLATION']]],
      [118, [[40, 'Riverside Commercial Properties LLC'], [300, 'SHOULD ANY OF THE ABOVE DESCRIBED POLICIES BE CANCELLED']]],
      [130, [[40, '789 River Road']]],
      [142, [[40, 'Houston, TX 77002']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' });
    expect(got.certificateHolder).toEqual({ name: 'Riverside Commercial Properties LLC', address: { lines: ['789 River Road'], city: 'Houston', state: 'TX', postalCode: '77002' } });
    // a fax's jitter: the name set 7 pt left of its heading, the next column's text 5 pt left of its own
    const jittered = rows.map(([y, cells]): [number, [number, string][]] => [y, y === 118 ? [[33, cells[0]![1]], [295, cells[1]![1]]] : cells]);
    expect(genericFromWords([page(jittered, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' }).certificateHolder.name).toBe('Riverside Commercial Properties LLC');
  });

  it("reads insurers' labels and NAIC labels as OCR misreads them ('Insurer 8:', 'Insurer C2', 'NAIC¥', 'NAICE'); printed text as printed", () => {
    const rows: [number, [number, string][]][] = [
      [10, [[40, 'Certificate of insurance']]],
      [30, [[40, 'Named Insured: Lakeview Roofing LLC']]],
      [50, [[40, 'Insurer A: Sample Insurance Co. NAIC¥ 12345']]],
      [60, [[40, 'Insurer 8: Example Insurance Ltd. NAIC# 23456']]],
      [70, [[40, 'Insurer C2 Demo Assurance Corp. NAICE 34567']]],
      [90, [[40, 'General Liability'], [160, 'GL-5551234'], [260, '01/01/2026'], [330, '01/01/2027']]],
    ];
    const ocr = genericFromWords([page(rows, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' });
    expect(ocr.insurers).toEqual([
      { letter: 'A', name: 'Sample Insurance Co.', naic: '12345' },
      { letter: 'B', name: 'Example Insurance Ltd.', naic: '23456' },
      { letter: 'C', name: 'Demo Assurance Corp.', naic: '34567' },
    ]);
    const text = genericFromWords([page(rows)], { fileName: 'x.pdf', pages: 1, method: 'text' });
    expect(text.insurers.map((i) => i.letter)).not.toContain('B');
  });

  it("reads a holder's box under its heading where OCR garbled the next box's heading on the line ('c ELLATION.'), far right of it", () => {
    const rows: [number, [number, string][]][] = [
      [10, [[40, 'Certificate of insurance']]],
      [30, [[40, 'Named Insured: Lakeview Roofing LLC']]],
      [60, [[40, 'General Liability'], [160, 'GL-5551234'], [260, '01/01/2026'], [330, '01/01/2027']]],
      [100, [[40, 'CERTIFICATE HOLDER'], [332, 'c ELLATION.']]],
      [112, [[40, 'XYZ Corporation'], [314, 'Should any of the above described policies be']]],
      [124, [[40, '456 Elm Street'], [314, 'cancelled before the expiration date thereof,']]],
      [136, [[40, 'Toronto, ON M5V 2T6']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' });
    expect(got.certificateHolder).toEqual({ name: 'XYZ Corporation', address: { lines: ['456 Elm Street'], city: 'Toronto', state: 'ON', postalCode: 'M5V 2T6' } });
    // (a value set beside its heading, not far, is still the line's next cell)
    const beside = rows.map(([y, cells]): [number, [number, string][]] => [y, y === 100 ? [[40, 'CERTIFICATE HOLDER'], [160, 'Acme Holdings LLC']] : cells]);
    expect(genericFromWords([page(beside, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' }).certificateHolder.name).toBe('Acme Holdings LLC');
  });

  it("takes a certificate date OCR read a digit off, outside its policies' term, for the one such date within it; printed text stays as printed", () => {
    const rows = (issued: string): [number, [number, string][]][] => [
      [20, [[150, "CERTIFICATE OF WORKERS' COMPENSATION INSURANCE"]]],
      [40, [[40, 'Company: Three Rivers Employers Insurance Company']]],
      [60, [[40, 'Policy #'], [200, 'Policy Period'], [450, 'Issue Date']]],
      [72, [[40, 'WCP 967757754'], [200, '07-02-2025 through 07-02-2026'], [450, issued]]],
    ];
    const got = (issued: string, method: 'ocr' | 'text') => genericFromWords([page(rows(issued), method)], { fileName: 'x.png', pages: 1, method });
    // a 5 read as 8
    const mended = got('11-07-2028', 'ocr');
    expect(mended.certificateDate).toBe('2025-11-07');
    expect(mended.warnings.join(' ')).toMatch(/certificate date read as 2028-11-07, outside every policy's term, taken for 2025-11-07/);
    expect(got('11-07-2028', 'text').certificateDate).toBe('2028-11-07');
    // a date within the term, or one that no single slip brings into it, stays as read
    expect(got('12-01-2025', 'ocr').certificateDate).toBe('2025-12-01');
    expect(got('11-07-2031', 'ocr').certificateDate).toBe('2031-11-07');
  });

  it("drops an insurer's rating from its name, its closing parenthesis lost to OCR or not, and reads its letter's colon read as a semicolon", () => {
    const insurer = (line: string) => {
      const rows: [number, [number, string][]][] = [
        [10, [[40, 'Certificate of insurance']]],
        [30, [[40, 'Named Insured: Lakeview Roofing LLC']]],
        [45, [[40, line]]],
        [100, [[40, 'General Liability'], [160, 'GL-5551234'], [260, '01/01/2026'], [330, '01/01/2027']]],
      ];
      return genericFromWords([page(rows, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' }).insurers.map((i) => i.name);
    };
    expect(insurer('Insurer: Test Carrier Insurance Co. (AM Best: A+)')).toEqual(['Test Carrier Insurance Co.']);
    expect(insurer('Insurer: Test Carrier Insurance Co. (AM Best: A')).toEqual(['Test Carrier Insurance Co.']);
    // and a letter's colon OCR read as a semicolon
    expect(insurer('Insurer A; Coastal Mutual Insurance Company (AM Best Rating; B+)')).toEqual(['Coastal Mutual Insurance Company']);
  });

  it("reads a company's closing 'Inc.' that OCR read 'Ine' or 'Ing.' as Inc. on an OCR page, and leaves printed text as printed", () => {
    const rows: [number, [number, string][]][] = [
      [10, [[40, 'Memorandum of insurance']]],
      [30, [[40, 'Named Insured: Flow Wellness Studios, Ing.']]],
      [45, [[40, 'Agent: Keystone Risk Advisors Ine']]],
      [60, [[40, 'Insurer: Meridian Umbrella Underwriters Ine']]],
      [100, [[40, 'General Liability']]],
      [115, [[40, 'Policy #'], [160, 'GL-5551234']]],
      [130, [[40, 'Policy period'], [140, '01/01/2026'], [200, '01/01/2027']]],
    ];
    const names = (method: 'ocr' | 'text') => {
      const got = genericFromWords([page(rows, method)], { fileName: 'x.png', pages: 1, method });
      return [got.insured.name, got.producer.name, got.insurers.map((i) => i.name)];
    };
    expect(names('ocr')).toEqual(['Flow Wellness Studios, Inc.', 'Keystone Risk Advisors Inc.', ['Meridian Umbrella Underwriters Inc.']]);
    expect(names('text')).toEqual(['Flow Wellness Studios, Ing.', 'Keystone Risk Advisors Ine', ['Meridian Umbrella Underwriters Ine']]);
  });

  it("mends a policy's year digit OCR slipped, by the term of the page's other policies or by a year's term, with a warning; printed text stays as printed", () => {
    const rows: [number, [number, string][]][] = [
      [10, [[40, 'Memorandum of insurance']]],
      [30, [[40, 'Named Insured: Lakeview Roofing LLC 88 Elm St Austin, TX 78701']]],
      [100, [[40, 'General Liability'], [320, "Workers' Compensation"]]],
      [115, [[40, 'Policy #'], [160, 'GL-5551234'], [320, 'Policy #'], [440, 'WC-7771234']]],
      [130, [[40, 'Policy period'], [140, '03/26/2024'], [200, '03/26/2028'], [320, 'Policy period'], [420, '03/26/2024'], [480, '03/26/2025']]],
      [160, [[40, 'Umbrella Liability'], [320, 'Inland Marine']]],
      [175, [[40, 'Policy #'], [160, 'UMB-3331234'], [320, 'Policy #'], [440, 'IM-2221234']]],
      [190, [[40, 'Policy period'], [140, '05/01/2025'], [200, '05/01/2020'], [320, 'Policy period'], [420, '03/26/2024'], [480, '03/26/2025']]],
      [220, [[40, 'Tools & Equipment'], [320, 'Pollution Liability']]],
      [235, [[40, 'Policy #'], [160, 'TE-4441234'], [320, 'Policy #'], [440, 'PL-6661234']]],
      [250, [[40, 'Policy period'], [140, '07/06/2025'], [200, '01/06/2026'], [320, 'Policy period'], [420, '07/06/2025'], [480, '07/06/2026']]],
    ];
    const terms = (method: 'ocr' | 'text') => {
      const got = genericFromWords([page(rows, method)], { fileName: 'x.png', pages: 1, method });
      return { terms: got.policies.map((p) => [p.policyNumber, p.effectiveDate, p.expirationDate]), warnings: got.warnings.filter((w) => /dates read/.test(w)) };
    };
    const ocr = terms('ocr');
    expect(ocr.terms).toEqual([
      ['GL-5551234', '2024-03-26', '2025-03-26'],
      ['WC-7771234', '2024-03-26', '2025-03-26'],
      ['UMB-3331234', '2025-05-01', '2026-05-01'],
      ['IM-2221234', '2024-03-26', '2025-03-26'],
      // (a term of six months stays, though 1 and 7 are digits OCR confuses and another policy runs from July to July)
      ['TE-4441234', '2025-07-06', '2026-01-06'],
      ['PL-6661234', '2025-07-06', '2026-07-06'],
    ]);
    expect(ocr.warnings).toHaveLength(2);
    expect(ocr.warnings.join('\n')).toMatch(/2024-03-26 to 2028-03-26, no one-year term; taken for 2024-03-26 to 2025-03-26/);
    expect(ocr.warnings.join('\n')).toMatch(/2025-05-01 to 2020-05-01, an expiration before the effective date; .*2025-05-01 to 2026-05-01/);
    const text = terms('text');
    expect(Object.fromEntries(text.terms.map(([n, e, x]) => [n, [e, x]]))).toEqual({
      'GL-5551234': ['2024-03-26', '2028-03-26'],
      'WC-7771234': ['2024-03-26', '2025-03-26'],
      'UMB-3331234': ['2025-05-01', '2020-05-01'],
      'IM-2221234': ['2024-03-26', '2025-03-26'],
      'TE-4441234': ['2025-07-06', '2026-01-06'],
      'PL-6661234': ['2025-07-06', '2026-07-06'],
    });
    expect(text.warnings).toEqual([]);
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

  it('reads two cards of different policies side by side, each label and value in its own column', () => {
    const got = read([
      ...head,
      [80, [[40, 'Insurance Company'], [400, 'Union Trades Insurance Company']]],
      [92, [[40, 'NAIC'], [540, '26044']]],
      [120, [[40, 'GENERAL LIABILITY'], [320, 'AUTOMOBILE LIABILITY']]],
      [135, [[40, 'Policy No.'], [230, 'C73CGL494324'], [320, 'Policy No.'], [505, 'C04AUT241066']]],
      [147, [[40, 'Policy Period'], [180, '01/21/2025 - 01/21/2026'], [320, 'From'], [520, '08/28/2025']]],
      [159, [[40, 'Per Occurrence'], [240, '$1,000,000'], [320, 'To'], [520, '08/28/2026']]],
      [171, [[40, 'Aggregate'], [240, '$2,000,000'], [320, 'CSL'], [520, '$500,000']]],
      [183, [[40, 'Addl. Insured'], [270, 'Yes'], [320, 'Addl. Insured'], [550, 'No']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.additionalInsured, p.limits])).toEqual([
      ['general_liability', 'C73CGL494324', '2025-01-21', '2026-01-21', true, { each_occurrence: 1_000_000, general_aggregate: 2_000_000 }],
      ['automobile_liability', 'C04AUT241066', '2025-08-28', '2026-08-28', false, { combined_single_limit: 500_000 }],
    ]);
    expect(got.insurers).toMatchObject([{ name: 'Union Trades Insurance Company', naic: '26044' }]);
  });

  it("reads a card's LIMITS heading as part of its policy, and the insured under an INSURED BUSINESS heading", () => {
    const got = read([
      [20, [[400, 'Proof of Insurance']]],
      [60, [[40, 'INSURED BUSINESS']]],
      [72, [[40, 'Abernathy Building Supply, Inc.']]],
      [84, [[40, '4454 N 50th St']]],
      [96, [[40, 'Brandon, FL 33510']]],
      [130, [[40, 'Commercial Umbrella']]],
      [145, [[40, 'Policy #'], [230, 'NMB-ZADK240']]],
      [157, [[40, 'Coverage period'], [200, '12/5/24 - 12/5/25']]],
      [169, [[40, 'LIMITS']]],
      [181, [[40, 'Occurrence'], [240, '2,000,000']]],
      [193, [[40, 'Retained Limit'], [240, '25,000']]],
    ]);
    expect(got.insured.name).toBe('Abernathy Building Supply, Inc.');
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.limits])).toEqual([['umbrella_liability', 'NMB-ZADK240', { each_occurrence: 2_000_000, retention: 25_000 }]]);
  });

  it("reads a letter: its addressee as the holder, sentences wrapped from line to line, form numbers and insurers' names aside", () => {
    const got = read([
      [10, [[40, 'Lakeshore Insurance']]],
      [40, [[40, 'To:'], [70, 'Demo Property Group']]],
      [52, [[70, '200 Congress Ave']]],
      [64, [[70, 'Austin, TX 78701']]],
      [90, [[40, 'We confirm that Mbeki Plumbing, Inc. of 7985 W Kennedy Blvd, Clearwater, FL 33755 is insured as follows.']]],
      [110, [[46, '1.'], [60, 'Workers Compensation and Employers Liability.']]],
      [122, [[60, 'Policy number 8008-01-70, effective 11/28/24 to 11/28/25. Limits: 500,000 each accident; 500,000 disease -']]],
      [134, [[60, 'policy limit; 500,000 disease - each employee. Additional insured status does not apply. Waiver of subrogation']]],
      [146, [[60, 'applies in favor of the certificate holder.']]],
      [166, [[46, '2.'], [60, 'General Liability.']]],
      [178, [[60, 'Policy 4778-17-24, issued by Bluestem Workers Compensation Mutual (NAIC 11570), effective 5/28/24 to']]],
      [190, [[60, '5/28/25. Limits: 1,000,000 per occurrence.']]],
      [210, [[40, 'Blanket additional insured applies per form CG 20 10 to the Commercial General']]],
      [222, [[40, 'Liability policy.']]],
    ]);
    expect(got.certificateHolder.name).toBe('Demo Property Group');
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.additionalInsured, p.subrogationWaived, p.limits])).toEqual([
      ['workers_compensation', '8008-01-70', '2024-11-28', '2025-11-28', false, true, { el_each_accident: 500_000, el_disease_policy_limit: 500_000, el_disease_each_employee: 500_000 }],
      ['general_liability', '4778-17-24', '2024-05-28', '2025-05-28', true, false, { each_occurrence: 1_000_000 }],
    ]);
  });

  it('reads a flag stated with words between its name and its verb', () => {
    const got = read([
      ...head,
      [80, [[40, "Workers' Compensation Policy No. WC 79-31819-961 Term 6/8/26 - 6/8/27"]]],
      [100, [[40, 'A waiver of our right to recover from others endorsement (WC 00 03 13) applies in favor of the certificate holder.']]],
      [120, [[40, 'Commercial General Liability Policy No. CGL-4711 Term 6/8/26 - 6/8/27']]],
      [140, [[40, 'Waiver of subrogation in favor of the holder is not provided. Additional insured status, where required by contract, is included.']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.additionalInsured, p.subrogationWaived])).toEqual([
      ['workers_compensation', 'WC 79-31819-961', false, true],
      ['general_liability', 'CGL-4711', true, false],
    ]);
  });

  it("reads an insurer named beside its letter's cell, under an Insurer(s) heading, or with its NAIC under a heading", () => {
    const lettered = read([...head, [80, [[40, 'Ltr: INSURER A'], [150, 'Insurer Name: Prairie States Assurance Company'], [420, 'NAIC Code: 14702']]]]);
    expect(lettered.insurers).toEqual([{ letter: 'A', name: 'Prairie States Assurance Company', naic: '14702' }]);
    const heading = read([...head, [80, [[40, 'Insurer(s)']]], [92, [[50, 'Evergreen Indemnity Company - NAIC 12834']]]]);
    expect(heading.insurers).toEqual([{ letter: null, name: 'Evergreen Indemnity Company', naic: '12834' }]);
  });

  it("goes on with a policy named again beside its own values, and keeps a name's professional suffix", () => {
    const got = read([
      [20, [[200, 'CERTIFICATE OF INSURANCE']]],
      [40, [[40, 'HOLDER'], [320, 'INSURED EMPLOYER']]],
      [52, [[40, 'Silverline Logistics Park LP'], [320, 'Brightsmile Family Medicine, PA']]],
      [64, [[40, '7685 Wacker Dr'], [320, '8925 N Dale Mabry Hwy']]],
      [76, [[40, 'Milwaukee, WI 53202'], [320, 'Brandon, FL 33510']]],
      [100, [[40, "WORKERS' COMP / EMPLOYERS' LIABILITY"], [300, '1866931355']]],
      [115, [[40, 'Policy Number: 1866931355'], [300, "Employers' Liability - Each Accident"], [500, 'USD 1,000,000']]],
      [127, [[40, 'Coverage Period: 27 August 2025 to 27 August 2026'], [300, "Employers' Liability Disease - Policy Limit"], [500, 'USD 1,000,000']]],
    ]);
    expect([got.insured.name, got.certificateHolder.name]).toEqual(['Brightsmile Family Medicine, PA', 'Silverline Logistics Park LP']);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.limits])).toEqual([
      ['workers_compensation', '1866931355', '2025-08-27', { el_each_accident: 1_000_000, el_disease_policy_limit: 1_000_000 }],
    ]);
  });

  it('reads limit boxes: headings at the left of their boxes, values set flush right, headings wrapped onto a second line', () => {
    const rows: [number, [number, string][]][] = [
      ...head,
      [100, [[40, 'LINE OF COVERAGE'], [210, 'POLICY NO.'], [330, 'FROM'], [410, 'TO']]],
      [110, [[40, 'CGL'], [210, '027-BOP-413696'], [330, '3/5/2025'], [410, '3/5/2026']]],
      [130, [[40, 'OCCURRENCE LIMIT'], [220, 'POLICY AGGREGATE'], [400, 'PROD/COMP OPS AGG']]],
      [142, [[147, '$1,000,000.00'], [327, '$2,000,000.00'], [507, '$2,000,000.00']]],
      [170, [[40, 'LINE OF COVERAGE'], [210, 'POLICY NO.'], [330, 'FROM'], [410, 'TO']]],
      [180, [[40, 'Workers Compensation'], [210, '547-WCP-638362'], [330, '2/3/2025'], [410, '2/3/2026']]],
      [200, [[40, "WORKERS' COMP"], [140, 'BI BY ACCIDENT - EACH'], [300, 'BI BY DISEASE - EACH'], [450, 'BI BY DISEASE - POLICY']]],
      [209, [[140, 'ACCIDENT'], [300, 'EMPLOYEE'], [450, 'LIMIT']]],
      [222, [[60, 'Statutory'], [170, '$1,000,000'], [330, '$500,000'], [480, '$1,000,000']]],
    ];
    const got = read(rows);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.limits])).toEqual([
      ['general_liability', '027-BOP-413696', { each_occurrence: 1_000_000, general_aggregate: 2_000_000, products_completed_operations_aggregate: 2_000_000 }],
      ['workers_compensation', '547-WCP-638362', { el_each_accident: 1_000_000, el_disease_each_employee: 500_000, el_disease_policy_limit: 1_000_000 }],
    ]);
  });

  it("reads a certificate of one coverage named by its title: the insurer's line with the policy number, a table with no coverage column", () => {
    const auto = read([
      [20, [[40, 'Hudson Valley Mutual Insurance Company'], [330, 'Commercial Auto Certificate of Insurance']]],
      [40, [[40, '2048 Union Sq, Albuquerque, NM 87102']]],
      [60, [[40, 'Insured Name: Underwood Group, Inc.']]],
      [90, [[40, 'Underwriter: Hudson Valley Mutual Insurance Company'], [250, 'NAIC: 25893'], [350, 'Policy #: CAP 9866808']]],
      [110, [[40, 'From: 05/18/2023'], [200, 'To: 05/18/2024']]],
      [130, [[40, 'Limits']]],
      [145, [[40, 'Bodily Injury (Per Person)'], [370, '$ 1,000,000']]],
      [170, [[40, 'Motor Truck Cargo'], [160, 'Policy Number: MTC-2026-424781'], [330, 'Term: 05/18/2023 to 05/18/2024']]],
    ]);
    expect(auto.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.limits])).toEqual([
      ['automobile_liability', 'CAP 9866808', '2023-05-18', '2024-05-18', { bodily_injury_per_person: 1_000_000 }],
      ['other', 'MTC-2026-424781', '2023-05-18', '2024-05-18', {}],
    ]);
    expect(auto.insurers).toEqual([{ letter: null, name: 'Hudson Valley Mutual Insurance Company', naic: '25893' }]);

    const table = read([
      [20, [[40, 'Keystone Insurance'], [330, 'Commercial Auto Certificate of Insurance']]],
      [60, [[40, 'Company'], [250, 'Policy Number'], [400, 'Inception']]],
      [72, [[40, 'Keystone Employers Assurance Co.'], [250, 'AUT-2026-136392'], [400, '2025-11-04']]],
      [100, [[40, 'Motor Truck Cargo'], [160, 'Policy Number: MTC-2026-424781'], [400, 'Term: 2025-11-04 to 2026-11-04']]],
    ]);
    expect(table.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate])).toEqual([
      ['automobile_liability', 'AUT-2026-136392', '2025-11-04'],
      ['other', 'MTC-2026-424781', '2025-11-04'],
    ]);
    expect(table.insurers.map((i) => i.name)).toEqual(['Keystone Employers Assurance Co.']);
  });

  it("reads a table's NAIC column, a bare 'Excess' as its coverage, and dates wrapped day and month over year", () => {
    const got = read([
      ...head,
      [100, [[40, 'Type of Coverage'], [150, 'Insurer'], [300, 'NAIC #'], [350, 'Policy Number'], [450, 'Effective'], [520, 'Expiration']]],
      [115, [[40, 'Excess'], [150, 'Stonebridge General Insurance'], [300, '22651'], [350, 'XL266294068'], [450, '20 September'], [520, '20 September']]],
      [124, [[40, 'Liability'], [150, 'Company'], [450, '2025'], [520, '2026']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['excess_liability', 'XL266294068', '2025-09-20', '2026-09-20']]);
    expect(got.insurers).toEqual([{ letter: null, name: 'Stonebridge General Insurance Company', naic: '22651' }]);
  });

  it("takes the one NAIC code a page prints, under its heading, for the insurer of its letterhead", () => {
    const got = read([
      [20, [[150, 'Front Range State Compensation Fund']]],
      [40, [[120, "WORKERS' COMPENSATION CERTIFICATE OF COVERAGE"]]],
      [70, [[40, 'Policy #'], [150, 'Term'], [300, 'Issued'], [380, 'Cert. No.'], [460, 'NAIC No.']]],
      [80, [[40, 'WC 79-31819-961'], [150, '6/8/26 through 6/8/27'], [300, '9/5/26'], [380, '2026-966707'], [460, '41190']]],
    ]);
    expect(got.insurers).toEqual([{ letter: null, name: 'Front Range State Compensation Fund', naic: '41190' }]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['workers_compensation', 'WC 79-31819-961', '2026-06-08', '2027-06-08']]);
    expect(got.certificateDate).toBe('2026-09-05');
  });

  it('reads a grid of heading rows over value rows, a letterhead spaced word by word, and an insured beside an Issued date', () => {
    const got = read([
      [13, [[42, 'Meridian'], [90, 'Umbrella'], [140, 'Underwriters'], [210, 'Inc.'], [330, 'Evidence of Commercial Automobile Insurance']]],
      [60, [[42, 'Insured Name'], [300, 'Issued: Dec 12, 2024']]],
      [72, [[42, 'AirPro Heating & Air, Inc.']]],
      [84, [[42, '7147 N Dale Mabry Hwy']]],
      [110, [[47, 'Insurer Affording Coverage'], [223, 'NAIC #'], [399, 'Policy Number']]],
      [120, [[47, 'Meridian Umbrella Underwriters Inc.'], [223, '38215'], [399, 'CA 5433729']]],
      [138, [[47, 'Effective'], [223, 'Expiration'], [399, 'Date']]],
      [148, [[47, '01/13/2024'], [223, '07/13/2024'], [399, '05/05/2024']]],
      [170, [[42, 'Combined Single Limit'], [300, '$2,000,000']]],
      [185, [[42, 'Waiver of Subr.: Included']]],
    ]);
    expect(got.insured.name).toBe('AirPro Heating & Air, Inc.');
    expect(got.insurers).toEqual([{ letter: null, name: 'Meridian Umbrella Underwriters Inc.', naic: '38215' }]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.subrogationWaived, p.limits])).toEqual([
      ['automobile_liability', 'CA 5433729', '2024-01-13', '2024-07-13', true, { combined_single_limit: 2_000_000 }],
    ]);
  });

  it("pairs no line of labels under an insurer's name that reads like a coverage", () => {
    const got = read([
      [20, [[200, 'SUMMARY OF COVERAGE']]],
      [60, [[40, 'Insurance Company'], [300, 'Bluestem Workers Compensation Mutual']]],
      [73, [[40, 'Date'], [300, '20 June 2024']]],
      [100, [[40, 'COMMERCIAL GENERAL LIABILITY (CGL)']]],
      [115, [[40, 'Policy #'], [300, '503-PKG-074168']]],
    ]);
    expect(got.insurers.map((i) => i.name)).toEqual(['Bluestem Workers Compensation Mutual']);
    expect(got.certificateDate).toBe('2024-06-20');
    expect(got.policies.map((p) => [p.coverage, p.policyNumber])).toEqual([['general_liability', '503-PKG-074168']]);
  });

  it("reads OCR's cards whose right card's edge was read as an 'I', its '#' as '4', and a coverage's word one letter off", () => {
    const rows: [number, [number, string][]][] = [
      [10, [[40, 'Proof of Insurance']]],
      [100, [[40, 'Commercial General Liability (CGL)'], [318, 'I Cyber Liability']]],
      [115, [[40, 'Policy 4'], [160, 'NMB-LSERD1R'], [326, 'Policy 4'], [440, 'NMB-W124HE9']]],
      [130, [[40, 'Coverage period'], [160, '1/2/25 - 1/2/26'], [326, 'Coverage period'], [440, '10/1/25 - 10/1/26']]],
      [145, [[40, 'Occurrence Limit'], [160, '1,000,000'], [326, 'Each Claim'], [440, '1,000,000']]],
      [170, [[40, "Waorkers' Compensation"], [200, 'Policy 4 NMB-XKEGLSR'], [360, 'Term 12/6/24 - 12/6/25']]],
    ];
    const pages = [page(rows, 'ocr')];
    const got = genericFromWords(
      pages.map((p) => ({ ...p, words: p.words.map((w) => ({ ...w, text: mendOcrToken(w.text) })) })),
      { fileName: 'x.png', pages: 1, method: 'ocr' },
    );
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate])).toEqual([
      ['general_liability', 'NMB-LSERD1R', '2025-01-02'],
      ['other', 'NMB-W124HE9', '2025-10-01'],
      ['workers_compensation', 'NMB-XKEGLSR', '2024-12-06'],
    ]);
  });

  it("pairs an OCR page's headings with their values though one heading was garbled, and takes 'policy:' for the number's label", () => {
    const rows: [number, [number, string][]][] = [
      [10, [[40, 'Hudson Valley Mutual Insurance Company'], [330, 'Commercial Auto Certificate of Insurance']]],
      [60, [[40, 'Underwriter'], [230, 'nate"'], [400, 'policy']]],
      [72, [[40, 'Hudson Valley Mutual Insurance Company'], [230, '25893'], [400, 'CAP 9866808']]],
      [95, [[40, 'From: 05/18/2023'], [230, 'To: 05/18/2024']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' });
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['automobile_liability', 'CAP 9866808', '2023-05-18', '2024-05-18']]);
  });

  it("reads an insurers table whose rows name 'INSURER A', and a coverage wrapped in its narrow column", () => {
    const got = read([
      ...head,
      [80, [[40, 'Ltr'], [110, 'Insurer Name'], [510, 'NAIC']]],
      [93, [[40, 'INSURER A'], [110, 'Bluestem Workers Compensation Mutual'], [510, '11570']]],
      [106, [[40, 'INSURER B'], [110, 'Magnolia Underwriters Insurance Company'], [510, '39051']]],
      [140, [[34, 'Type of Coverage'], [140, 'Policy No.'], [230, 'From'], [290, 'To'], [350, 'Limits of Insurance']]],
      [159, [[34, 'Hired & Non-Owned'], [140, 'A40CA375463'], [230, 'Jun 6,'], [290, 'Jun 6,'], [350, 'Combined Single Limit'], [500, '$1,000,000']]],
      [168, [[34, 'Auto'], [230, '2024'], [290, '2025']]],
    ]);
    expect(got.insurers).toEqual([
      { letter: 'A', name: 'Bluestem Workers Compensation Mutual', naic: '11570' },
      { letter: 'B', name: 'Magnolia Underwriters Insurance Company', naic: '39051' },
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.limits])).toEqual([
      ['automobile_liability', 'A40CA375463', '2024-06-06', '2025-06-06', { combined_single_limit: 1_000_000 }],
    ]);
  });

  it("takes 'Certificate of Automobile Insurance' for a certificate of auto liability", () => {
    const got = read([
      [20, [[40, 'Hudson Valley Mutual Insurance Company'], [330, 'CERTIFICATE OF AUTOMOBILE INSURANCE']]],
      [60, [[40, 'Underwriter: Hudson Valley Mutual Insurance Company'], [300, 'Policy No.: BAP 1603434']]],
      [80, [[40, 'Effective: 10/16/2023'], [200, 'Expiration: 10/16/2024']]],
      [100, [[40, 'BI Each Person'], [300, 'USD 100,000']]],
      [120, [[40, 'Motor Truck Cargo'], [160, 'Policy No.: MTC 8388145'], [330, 'Coverage Period: 10/16/2023 to 10/16/2024']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.limits])).toEqual([
      ['automobile_liability', 'BAP 1603434', '2023-10-16', { bodily_injury_per_person: 100_000 }],
      ['other', 'MTC 8388145', '2023-10-16', {}],
    ]);
  });

  it("reads a card's own insurer as its policy's, its limits after it, an SIR, and an insurer's name wrapped after 'Mutual'", () => {
    const cards = read([
      [10, [[40, 'Proof of Insurance']]],
      [60, [[40, 'Liquor Liability']]],
      [75, [[40, 'Policy Number'], [200, '7223069108']]],
      [87, [[40, 'Insurer'], [200, 'Pacific Crest Specialty Insurance Company']]],
      [99, [[40, 'NAIC'], [200, '40312']]],
      [111, [[40, 'Each Common Cause'], [200, '1,000,000']]],
      [140, [[40, 'Excess Liability. Policy No. N29EXL906986. Limits: 10,000,000 each occurrence; 10,000 sir.']]],
      [152, [[40, 'Insurer'], [200, 'Ridgeline Property and Casualty Insurance Company']]],
    ]);
    expect(cards.policies.map((p) => [p.coverage, p.policyNumber, p.limits])).toEqual([
      ['other', '7223069108', { each_common_cause: 1_000_000 }],
      ['excess_liability', 'N29EXL906986', { each_occurrence: 10_000_000, retention: 10_000 }],
    ]);
    expect(cards.insurers).toEqual([
      { letter: null, name: 'Pacific Crest Specialty Insurance Company', naic: '40312' },
      { letter: null, name: 'Ridgeline Property and Casualty Insurance Company', naic: null },
    ]);
    const memo = read([
      ...head,
      [100, [[40, 'Type of Coverage'], [150, 'Insurer'], [300, 'Policy Number'], [450, 'Effective']]],
      [115, [[40, 'General Liability'], [150, 'Old Dominion Mutual'], [300, 'GL-4711'], [450, '06/06/2024']]],
      [124, [[150, 'Casualty Company']]],
    ]);
    expect(memo.insurers.map((i) => i.name)).toEqual(['Old Dominion Mutual Casualty Company']);
  });

  it('recognizes a memorandum of insurance as a certificate', () => {
    const form = recognizeForm([page([[20, [[40, 'MEMORANDUM OF INSURANCE']]], [60, [[40, 'Policy No. 1641064782 Effective 01/27/2026 Expiration 01/27/2027 Aggregate $2,000,000']]]])]);
    expect(form.isCertificate).toBe(true);
  });
  it("reads a flag centred under a two-word heading ('Addl Insd') that happens to start under its second word", () => {
    const got = read([
      ...head,
      [100, [[40, 'TYPE OF COVERAGE'], [210, 'POLICY NUMBER'], [330, 'INCEPTION'], [410, 'EXPIRY'], [490, 'ADDL INSD'], [545, 'SUBR WVD']]],
      [112, [[40, 'Commercial General Liability'], [210, 'GL148604340'], [330, '05/26/2024'], [410, '05/26/2025'], [513, 'X'], [560, 'X']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.additionalInsured, p.subrogationWaived])).toEqual([['general_liability', 'GL148604340', true, true]]);
  });
  it("reads a lone limit box's name over its amount set flush right below it", () => {
    const got = read([
      ...head,
      [100, [[40, 'LINE OF COVERAGE'], [210, 'POLICY NUMBER'], [330, 'FROM'], [410, 'TO']]],
      [112, [[40, 'Commercial Automobile Liability'], [210, 'CAP-2026-922276'], [330, '04-17-2026'], [410, '04-17-2027']]],
      [130, [[40, 'COMBINED SINGLE LIMIT']]],
      [145, [[174, '$1,000,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.limits])).toEqual([['automobile_liability', { combined_single_limit: 1_000_000 }]]);
  });
  it('gives a flag to the coverages a line lists after it (named in full or not), even where the last policy runs on above it', () => {
    const got = read([
      ...head,
      [100, [[66, '1.'], [82, 'Commercial Automobile Liability.']]],
      [112, [[82, 'Policy No. 5943307308, effective 2026-03-14 to 2027-03-14. Limits: $ 1,000,000 combined single limit.']]],
      [130, [[66, '2.'], [82, 'Employment Practices.']]],
      [142, [[82, 'Policy 8335-92-11, effective 2026-03-14 to 2027-03-14. Limits: $ 1,000,000 each pollution condition.']]],
      [160, [[66, '3.'], [82, 'CGL.']]],
      [172, [[82, 'Policy number 2739-91-07, effective 2026-03-14 to 2027-03-14. Limits: $ 1,000,000 each occurrence limit.']]],
      [190, [[60, 'Waiver of Subrogation: Commercial Automobile Liability and Employment Practices Liability.']]],
      [205, [[60, 'Additional Insured: Follow Form Umbrella and Employment Practices Liability.']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.subrogationWaived, p.additionalInsured])).toEqual([
      ['automobile_liability', '5943307308', true, false],
      ['other', '8335-92-11', true, true],
      ['general_liability', '2739-91-07', false, false],
    ]);
  });
  it("keeps an amount's currency word ('USD') out of the flag column it starts under", () => {
    const got = read([
      ...head,
      [100, [[44, 'Type of Coverage'], [148, 'Policy No.'], [248, 'Eff. Date'], [308, 'Exp. Date'], [373, 'AI'], [407, 'WOS'], [459, 'Occurrence']]],
      [115, [[44, 'Commercial General Liability'], [178, 'CGL 0962973'], [248, '2025-07-02'], [308, '2026-07-02'], [378, 'Y'], [412, 'Y'], [436, 'USD 2,000,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.additionalInsured, p.subrogationWaived, p.limits])).toEqual([['general_liability', true, true, { each_occurrence: 2_000_000 }]]);
  });
  it("reads a table row's insurer going on as 'Insurance Company' in its column, and limit names wrapped beside their amounts", () => {
    const got = read([
      ...head,
      [100, [[34, 'Coverage'], [146, 'Insurer'], [282, 'NAIC #'], [326, 'Policy Number'], [422, 'Eff. Date'], [482, 'Exp. Date'], [543, 'Limits of Insurance']]],
      [115, [[34, 'General Liability'], [146, 'Pacific Crest Specialty'], [282, '40312'], [326, '330-BOP-880752'], [422, '2025-12-12'], [482, '2026-12-12'], [543, 'Each Occurrence'], [672, '$ 1,000,000']]],
      [125, [[146, 'Insurance Company'], [543, 'General Aggregate'], [672, '$ 2,000,000']]],
      [142, [[34, 'Workers Compensation'], [146, 'Northbridge Fire &'], [282, '19283'], [326, 'WCP 6845288'], [422, '2025-12-12'], [482, '2026-12-12'], [543, "Employers' Liability -"], [672, '$ 500,000']]],
      [152, [[146, 'Casualty Co.'], [543, 'Each Accident']]],
      [162, [[543, "Employers' Liability"], [672, '$ 600,000']]],
      [172, [[543, 'Disease - Each Employee']]],
    ]);
    expect(got.insurers.map((i) => i.name)).toEqual(['Pacific Crest Specialty Insurance Company', 'Northbridge Fire & Casualty Co.']);
    expect(got.policies.map((p) => [p.coverage, p.limits])).toEqual([
      ['general_liability', { each_occurrence: 1_000_000, general_aggregate: 2_000_000 }],
      ['workers_compensation', { el_each_accident: 500_000, el_disease_each_employee: 600_000 }],
    ]);
  });
  it("reads a letter's insured given 'as evidence that', and its flag statement naming two coverages on one line", () => {
    const got = read([
      [20, [[235, 'LETTER OF INSURANCE']]],
      [45, [[60, 'Please accept this letter as evidence that True North Plumbing & Heating LLC, 4953 Wilkinson Blvd, Charlotte, NC 28206,']]],
      [57, [[60, 'maintains the insurance described below.']]],
      [80, [[66, '1.'], [82, 'Commercial General Liability (CGL).']]],
      [92, [[82, 'Policy No. GL-2024-079728, effective 28 July 2023 to 28 July 2024. Limits: USD 1,000,000 each occurrence.']]],
      [110, [[66, '2.'], [82, 'Business Auto.']]],
      [122, [[82, 'Policy number AUT-2024-405628, effective 28 July 2023 to 28 July 2024. Limits: USD 500,000 combined single limit.']]],
      [140, [[66, '3.'], [82, 'Professional Liability.']]],
      [152, [[82, 'Policy No. PL-2024-496532, effective 28 July 2023 to 28 July 2024. Limits: USD 2,000,000 each claim.']]],
      [170, [[60, 'Additional insured status applies to: Commercial General Liability (CGL) and Business Auto.']]],
    ]);
    expect(got.insured.name).toBe('True North Plumbing & Heating LLC');
    expect(got.policies.map((p) => [p.coverage, p.additionalInsured])).toEqual([
      ['general_liability', true],
      ['automobile_liability', true],
      ['other', false],
    ]);
  });
  it("takes an insurance business's letterhead for the producer when the insurers it names are others, and a memorandum's holder", () => {
    const got = read([
      [20, [[36, 'Tidewater Commercial Insurance'], [374, 'Certificate of Insurance']]],
      [40, [[36, '8320 Elm St']]],
      [67, [[35, 'INSURED'], [282, 'INSURER'], [530, 'MEMORANDUM HOLDER']]],
      [77, [[35, 'Crystal Janitorial Services LLC'], [282, 'Atlantic Keystone Insurance Company'], [530, 'Oakhurst Senior Living, LLC']]],
      [90, [[35, '7741 Independence Blvd'], [282, 'NAIC 29851'], [530, '9175 Elm St']]],
      [130, [[40, 'Commercial General Liability'], [220, 'Policy # GL 4412101767'], [380, '07-20-2026 to 07-20-2027']]],
    ]);
    expect([got.producer.name, got.insured.name, got.certificateHolder.name]).toEqual(['Tidewater Commercial Insurance', 'Crystal Janitorial Services LLC', 'Oakhurst Senior Living, LLC']);
    expect(got.insurers.map((i) => i.name)).toEqual(['Atlantic Keystone Insurance Company']);
  });
  it.each(['ISSUED TC', 'ISSUED TQ'])("takes a holder's heading OCR read '%s' for ISSUED TO, not for the broker's name", (heading) => {
    const got = read([
      [20, [[36, 'Memorandum of Insurance']]],
      [67, [[35, 'FIRST NAMED INSURED'], [284, 'BROKER'], [531, heading]]],
      [77, [[35, 'Dunham Plumbing & Heating LLC'], [284, 'Hollis & Grant Insurance Services'], [531, 'Turner-Okafor General Contractors']]],
      [90, [[35, '7741 Independence Blvd'], [284, '12 Elm St'], [531, '9175 Elm St']]],
      [130, [[40, 'Commercial General Liability'], [220, 'Policy # GL 4412101767'], [380, '07-20-2026 to 07-20-2027']]],
    ]);
    expect([got.producer.name, got.insured.name, got.certificateHolder.name]).toEqual(['Hollis & Grant Insurance Services', 'Dunham Plumbing & Heating LLC', 'Turner-Okafor General Contractors']);
  });
  it("reads a card's insurer whose company form wraps flush under it ('Company'), and the card's limits after it", () => {
    const got = read([
      ...head,
      [100, [[52, 'General Liability']]],
      [115, [[52, 'Policy #'], [230, 'TDM-0SZJA7A']]],
      [127, [[52, 'Term'], [170, '03/15/2026 - 03/15/2027']]],
      [139, [[52, 'Carrier'], [140, 'Blue Ridge Casualty Insurance']]],
      [150, [[244, 'Company']]],
      [162, [[52, 'Occurrence Limit'], [230, '$ 1,000,000']]],
      [174, [[52, 'Policy Aggregate'], [230, '$ 2,000,000']]],
    ]);
    expect(got.insurers.map((i) => i.name)).toEqual(['Blue Ridge Casualty Insurance Company']);
    expect(got.policies.map((p) => [p.coverage, p.limits])).toEqual([['general_liability', { each_occurrence: 1_000_000, general_aggregate: 2_000_000 }]]);
  });
  it('gives a flag to every coverage a sentence below the last policy names, the sentence wrapped over two lines', () => {
    const got = read([
      ...head,
      [100, [[66, '1.'], [82, 'Business Liability.']]],
      [112, [[82, 'Policy No. BL-2024-079728, effective 28 July 2023 to 28 July 2024. Limits: USD 1,000,000 each occurrence.']]],
      [130, [[66, '2.'], [82, 'Hired & Non-Owned Auto.']]],
      [142, [[82, 'Policy number AUT-2024-405628, effective 28 July 2023 to 28 July 2024. Limits: USD 500,000 combined single limit.']]],
      [160, [[66, '3.'], [82, 'Pollution Liability.']]],
      [172, [[82, 'Policy No. PLL-2024-496532, effective 28 July 2023 to 28 July 2024. Limits: USD 2,000,000 each pollution condition.']]],
      [195, [[60, 'The certificate holder is included as an additional insured under the Business Liability, Hired & Non-Owned Auto and']]],
      [207, [[60, 'Pollution Liability policies when required by written contract.']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.additionalInsured])).toEqual([
      ['general_liability', true],
      ['automobile_liability', true],
      ['other', true],
    ]);
  });
  it("reads a sentence under a coverage table whole, not cut by the table's columns, and a limit named across two cells", () => {
    const got = read([
      ...head,
      [100, [[44, 'Type of Insurance'], [180, 'Policy #'], [260, 'From'], [330, 'To'], [420, 'Limits']]],
      [115, [[44, 'General Liability'], [180, 'GL 5512345'], [260, '01/01/2026'], [330, '01/01/2027'], [420, 'Each Occurrence $1,000,000']]],
      [130, [[44, "Workers' Compensation"], [180, 'WC 7712345'], [260, '01/01/2026'], [330, '01/01/2027'], [420, 'Statutory']]],
      [145, [[60, 'Bodily Injury by Disease'], [200, 'USD 1,000,000 policy limit']]],
      [170, [[40, 'The certificate holder is included as an additional insured under the Commercial General Liability policy when required by written contract.']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.additionalInsured, p.limits])).toEqual([
      ['general_liability', true, { each_occurrence: 1_000_000 }],
      ['workers_compensation', false, { el_disease_policy_limit: 1_000_000 }],
    ]);
  });
  it("reads insurers named in prose (', by X (NAIC n)', 'provided by X - NAIC # n', a name with '&') and not a logo's letter beside a letterhead", () => {
    const letter = read([
      [20, [[46, 'C'], [70, 'Copper State Insurance'], [389, 'CONFIRMATION OF COVERAGE']]],
      [45, [[60, 'This is to certify that the policies listed below have been issued to Yates Engineering, PLLC,']]],
      [57, [[60, '7190 Morse Rd, Dublin, OH 43017, by Summit Ridge Indemnity Company (NAIC 37540), for the policy periods indicated.']]],
      [80, [[66, '1.'], [82, 'General Liability.']]],
      [92, [[82, 'Policy number CPP9034953-03, effective 07/07/2024 to 07/07/2025. Limits: 1,000,000 per occurrence.']]],
    ]);
    expect(letter.insurers).toEqual([{ letter: null, name: 'Summit Ridge Indemnity Company', naic: '37540' }]);
    const heading = read([
      ...head,
      [90, [[48, 'Insurance provided by']]],
      [102, [[58, 'Summit Ridge Indemnity Company - NAIC # 37540']]],
      [120, [[54, 'GENERAL LIABILITY']]],
      [132, [[54, 'Policy No.: 456-CPP-039918'], [330, 'Each Occurrence Limit'], [500, '$1,000,000.00']]],
    ]);
    expect(heading.insurers).toEqual([{ letter: null, name: 'Summit Ridge Indemnity Company', naic: '37540' }]);
    const ampersand = read([
      [20, [[212, 'CONFIRMATION OF COVERAGE']]],
      [45, [[60, 'Please accept this letter as evidence that Oak & Stone Lawn Co., 7838 N Tryon St, Charlotte, NC 28203, maintains']]],
      [57, [[60, 'the insurance described below, written by Great Plains Surety & Casualty Co..']]],
      [80, [[66, '1.'], [82, 'Commercial General Liability.']]],
      [92, [[82, 'Policy No. A03BOP910679, effective Jan 5, 2024 to Jan 5, 2025. USD 1,000,000 per occurrence.']]],
    ]);
    expect(ampersand.insurers).toEqual([{ letter: null, name: 'Great Plains Surety & Casualty Co.', naic: null }]);
  });

  it("joins a table row's insurer name wrapped onto the next line: a company form ('Co.') or the rest of a name holding a coverage's words", () => {
    const got = read([
      ...head,
      [100, [[34, 'Coverage'], [146, 'Insurer'], [282, 'Policy #'], [378, 'Eff. Date'], [438, 'Exp. Date'], [499, 'Limits']]],
      [115, [[34, 'Excess Liability'], [146, 'Heartland Commercial Insurance'], [282, 'B65XS040099'], [378, '07-25-2025'], [438, '07-25-2026'], [499, 'Occurrence'], [655, '5,000,000']]],
      [125, [[146, 'Co.'], [499, 'Aggregate'], [655, '5,000,000']]],
      [140, [[34, 'Pollution Liability'], [146, 'Bluestem Workers Compensation'], [282, 'PLL 5399841'], [378, '8/4/2024'], [438, '8/4/2025'], [499, 'Each Pollution Condition'], [655, '2,000,000']]],
      [150, [[146, 'Mutual'], [499, 'Aggregate'], [655, '2,000,000']]],
    ]);
    expect(got.insurers.map((i) => i.name)).toEqual(['Heartland Commercial Insurance Co.', 'Bluestem Workers Compensation Mutual']);
  });
  it("reads flag columns under headings OCR garbled ('Add) Ins', 'Subr Wed') and a flag with a speck read beside it ('Y +')", () => {
    const got = read([
      ...head,
      [100, [[30, 'Type of Coverage'], [185, 'Policy #'], [280, 'Effective'], [345, 'Expiration'], [410, 'Add) Ins'], [465, 'Subr Wed'], [520, 'Limits']]],
      [115, [[30, 'Commercial General Liability'], [185, 'GL 69-95127-935'], [280, '3/26/24'], [345, '3/26/25'], [418, 'Y'], [473, 'Y +'], [520, 'Each Occurrence $1,000,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.additionalInsured, p.subrogationWaived])).toEqual([['general_liability', true, true]]);
  });
  it("reads a flag column whose heading's first line OCR garbled ('Sabr' over 'Wvd')", () => {
    const got = read([
      ...head,
      [96, [[410, 'Addl'], [465, 'Sabr']]],
      [100, [[30, 'Type of Coverage'], [185, 'Policy #'], [280, 'Effective'], [345, 'Expiration'], [520, 'Limits']]],
      [104, [[410, 'Ins'], [465, 'Wvd']]],
      [115, [[30, 'Commercial General Liability'], [185, 'GL 69-95127-935'], [280, '3/26/24'], [345, '3/26/25'], [418, 'Y'], [473, 'Y'], [520, 'Each Occurrence $1,000,000']]],
      [130, [[30, 'Crime'], [185, 'CRM352967438'], [280, '3/26/24'], [345, '3/26/25'], [473, 'Y'], [520, 'Employee Theft $50,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.additionalInsured, p.subrogationWaived])).toEqual([
      ['general_liability', true, true],
      ['other', false, true],
    ]);
  });
  it("reads an OCR page's boxes with values at their foot, a coverage OCR set in two cells, and a policy number boxed wider than its heading", () => {
    const rows: [number, [number, string][]][] = [
      ...head,
      [100, [[40, 'TYPE OF COVERAGE'], [210, 'POLICY NO.'], [330, 'EFFECTIVE'], [455, 'EXPIRATION']]],
      [112, [[41, "Workers'"], [90, 'Compensation'], [205, 'WC181117647'], [332, '9/14/2025'], [457, '9/14/2026']]],
      [140, [[40, 'TYPE OF COVERAGE'], [210, 'POLICY NO.'], [330, 'EFFECTIVE'], [455, 'EXPIRATION']]],
      [152, [[41, 'Business Liability'], [211, 'GL743136555'], [332, '9/14/2025'], [457, '9/14/2026']]],
      [172, [[48, 'EACH OCCURRENCE LIMIT'], [220, 'GENERAL AGGREGATE LIMIT']]],
      [191, [[157, '$ 1,000,000'], [337, '$ 2,000,000']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' });
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.limits])).toEqual([
      ['workers_compensation', 'WC181117647', '2025-09-14', {}],
      ['general_liability', 'GL743136555', '2025-09-14', { each_occurrence: 1_000_000, general_aggregate: 2_000_000 }],
    ]);
  });
  it('reads a grid of boxes, each policy a row of headings over values (two of them dates), as one table, and a policy number shaped like an ISO date', () => {
    const got = read([
      ...head,
      [100, [[40, 'TYPE OF COVERAGE'], [210, 'POLICY NO.'], [330, 'INCEPTION'], [455, 'EXPIRY']]],
      [110, [[40, 'Business Liability'], [210, '6541-04-01'], [330, '08/14/2024'], [455, '08/14/2025']]],
      [125, [[40, 'EACH OCCURRENCE LIMIT'], [220, 'GENERAL AGGREGATE LIMIT']]],
      [135, [[154, 'USD 1,000,000'], [334, 'USD 2,000,000']]],
      [160, [[40, 'TYPE OF COVERAGE'], [210, 'POLICY NO.'], [330, 'INCEPTION'], [455, 'EXPIRY']]],
      [170, [[40, 'Commercial Auto'], [210, '2686-10-91'], [330, '09/13/2024'], [455, '03/13/2025']]],
      [185, [[40, 'COMBINED SINGLE LIMIT (EACH ACCIDENT)']]],
      [195, [[161, 'USD 500,000']]],
      [220, [[40, 'TYPE OF COVERAGE'], [210, 'POLICY NO.'], [330, 'INCEPTION'], [455, 'EXPIRY']]],
      [230, [[40, 'Inland Marine'], [210, '1128-57-99'], [330, '12/14/2024'], [455, '12/14/2025']]],
      [245, [[40, 'SCHEDULED EQUIPMENT'], [220, 'DEDUCTIBLE']]],
      [255, [[161, 'USD 250,000'], [350, 'USD 1,000']]],
      [280, [[40, 'TYPE OF COVERAGE'], [210, 'POLICY NO.'], [330, 'INCEPTION'], [455, 'EXPIRY']]],
      [290, [[40, 'Contractors Pollution Liability'], [210, '3620-24-42'], [330, '09/22/2024'], [455, '03/22/2025']]],
      [305, [[40, 'EACH POLLUTION CONDITION'], [220, 'AGGREGATE']]],
      [315, [[154, 'USD 5,000,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([
      ['general_liability', '6541-04-01', '2024-08-14', '2025-08-14'],
      ['automobile_liability', '2686-10-91', '2024-09-13', '2025-03-13'],
      ['other', '1128-57-99', '2024-12-14', '2025-12-14'],
      ['other', '3620-24-42', '2024-09-22', '2025-03-22'],
    ]);
    // (a lone limit box's name over its amount in dollars named 'USD')
    expect(got.policies[1]!.limits).toEqual({ combined_single_limit: 500_000 });
  });
  it("reads a table's dates wrapped over three lines in their narrow columns ('13' over 'February' over '2026')", () => {
    const got = read([
      ...head,
      [100, [[34, 'Line of Coverage'], [146, 'Insurer'], [326, 'Policy #'], [422, 'Eff. Date'], [482, 'Exp. Date'], [542, 'Limits']]],
      [120, [[34, 'Business Auto'], [146, 'Crestline Excess & Surplus'], [326, 'AUT 4074934'], [422, '13'], [482, '13'], [543, 'CSL'], [695, '$2,000,000.00']]],
      [130, [[146, 'Company'], [422, 'February'], [482, 'February']]],
      [140, [[422, '2026'], [482, '2027']]],
      [160, [[34, 'Excess'], [146, 'Blue Ridge Casualty'], [326, '315-XS-273719'], [422, 'May 17,'], [482, 'May 17,'], [543, 'Per Occurrence'], [695, '$1,000,000.00']]],
      [170, [[146, 'Insurance Company'], [422, '2025'], [482, '2026']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([
      ['automobile_liability', 'AUT 4074934', '2026-02-13', '2027-02-13'],
      ['excess_liability', '315-XS-273719', '2025-05-17', '2026-05-17'],
    ]);
  });
  it("reads a workers' compensation certificate's 'Waiver of Our Right to Recover from Others: X Yes  No' boxes", () => {
    const rows = (marked: string): [number, [number, string][]][] => [
      [20, [[82, "Certificate of Workers' Compensation and Employer's Liability Insurance"]]],
      [40, [[49, 'Policy #: 929-WC-692883'], [200, 'Coverage Period: 4/5/2026 to 4/5/2027']]],
      [60, [[50, 'INSURED EMPLOYER']]],
      [72, [[50, 'Mbeki Holdings LLC']]],
      [100, [[44, "Workers' Compensation Limits:"], [250, 'Per Statute (State of OH)']]],
      [120, [[44, 'Waiver of Our Right to Recover from Others:'], [280, marked]]],
    ];
    expect(read(rows('X Yes  No')).policies).toMatchObject([{ coverage: 'workers_compensation', subrogationWaived: true }]);
    expect(read(rows('Yes  X No')).policies).toMatchObject([{ coverage: 'workers_compensation', subrogationWaived: false }]);
  });
  it("keeps a label and an insurer's name holding a coverage's word ('Meridian Umbrella Underwriters Inc.') a label and its value, its NAIC on the line below", () => {
    const got = read([
      ...head,
      [90, [[44, 'Insurance Company'], [424, 'Meridian Umbrella Underwriters Inc.']]],
      [103, [[44, 'NAIC #'], [543, '38215']]],
      [130, [[44, 'COMMERCIAL UMBRELLA']]],
      [146, [[44, 'Policy No.'], [500, '4521296073']]],
      [158, [[44, 'Term'], [450, '2023-08-08 to 2024-08-08']]],
    ]);
    expect(got.insurers).toEqual([{ letter: null, name: 'Meridian Umbrella Underwriters Inc.', naic: '38215' }]);
  });
  it("reads a table row's coverage wrapped in its column ('Contractors' over 'Pollution Liability') as one policy, its dates' years on the line below", () => {
    const got = read([
      ...head,
      [164, [[373, 'Addl'], [415, 'Each']]],
      [169, [[44, 'Coverage'], [160, 'Policy Number'], [230, 'Effective'], [290, 'Expiration'], [373, 'WOS'], [470, 'Aggregate']]],
      [173, [[373, 'Insd'], [415, 'Occurrence']]],
      [190, [[44, 'Commercial General'], [160, '7873-08-55'], [230, 'Apr 26,'], [290, 'Apr 26,'], [373, 'Y'], [395, 'N'], [415, '1,000,000'], [470, '2,000,000']]],
      [199, [[44, 'Liability'], [230, '2026'], [290, '2027']]],
      [329, [[44, 'Contractors'], [160, '2427-42-69'], [230, 'Apr 26,'], [290, 'Apr 26,'], [373, 'N'], [395, 'N']]],
      [339, [[44, 'Pollution Liability'], [230, '2026'], [290, '2027']]],
      [350, [[50, 'Each Pollution Condition: 5,000,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.description, p.policyNumber, p.effectiveDate, p.expirationDate, p.limits])).toEqual([
      ['general_liability', null, '7873-08-55', '2026-04-26', '2027-04-26', { each_occurrence: 1_000_000, general_aggregate: 2_000_000 }],
      ['other', 'Contractors Pollution Liability', '2427-42-69', '2026-04-26', '2027-04-26', { each_pollution_condition: 5_000_000 }],
    ]);
  });

  it("reads a card's insurer line (its NAIC in brackets) as the card's, and the limits set beside it", () => {
    const got = read([
      ...head,
      [185, [[54, 'COMMERCIAL GENERAL LIABILITY (CGL)'], [300, 'CPP5459586-01']]],
      [202, [[54, 'Policy #: CPP5459586-01'], [260, 'Occurrence Limit'], [480, '2,000,000']]],
      [212, [[54, 'Coverage Period: 12/20/24 through 12/20/25'], [260, 'Policy Aggregate'], [480, '4,000,000']]],
      [222, [[54, 'Underwriter: Meridian Umbrella Underwriters Inc. (NAIC 38215)'], [380, 'Med Exp (Any One Person)'], [530, '10,000']]],
      [232, [[54, 'Addl Insd: Included']]],
      [264, [[54, 'WC & EL'], [300, '5590-14-30']]],
      [281, [[54, 'Policy #: 5590-14-30'], [260, 'Bodily Injury by Accident - Each Accident'], [480, '1,000,000']]],
      [291, [[54, 'Coverage Period: 6/27/25 through 6/27/26']]],
      [301, [[54, 'Insurer: Crestline Excess & Surplus Company (NAIC No. 10867)'], [380, 'E.L. Disease - Policy Limit'], [530, '1,000,000']]],
      [321, [[54, 'Addl Insd: Excluded']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.additionalInsured, p.limits])).toEqual([
      ['general_liability', true, { each_occurrence: 2_000_000, general_aggregate: 4_000_000, medical_expense: 10_000 }],
      ['workers_compensation', false, { el_each_accident: 1_000_000, el_disease_policy_limit: 1_000_000 }],
    ]);
    expect(got.insurers).toEqual([
      { letter: null, name: 'Meridian Umbrella Underwriters Inc.', naic: '38215' },
      { letter: null, name: 'Crestline Excess & Surplus Company', naic: '10867' },
    ]);
  });

  it("reads an insurer under a label of both name and code ('Issuing Company: NAIC #' beside 'Name: 12345')", () => {
    const got = read([...head, [175, [[44, 'Issuing Company: NAIC #'], [300, 'Bluestem Workers Compensation Mutual: 11570']]]]);
    expect(got.insurers).toEqual([{ letter: null, name: 'Bluestem Workers Compensation Mutual', naic: '11570' }]);
  });
  it("reads a typewriter letter's prose by OCR: its wide spaces no cells, 'Oct 14,' | '2024' and 'Dec3, 2024' dates, amounts listed with OCR's ':' for ';', a wrapped last word", () => {
    // words as tesseract boxes a monospaced 9.5 pt letter: ink 6 to 8 points tall, 6 to 9 points apart
    const line = (y: number, text: string, gaps: number[] = []): Word[] => {
      let x = 85;
      return text.split(' ').map((t, k) => {
        const w = { text: t, x, y, width: t.length * 5.7 - 1, height: 6.5 + (k % 3) * 0.6, confidence: 0.9 };
        x += w.width + (gaps[k] ?? (t.endsWith(',') ? 8.8 : 6.8));
        return w;
      });
    };
    const words = [
      ...line(30, 'Certificate of Insurance'),
      ...line(94, 'May 31,').map((w) => ({ ...w, x: w.x + 400 })),
      { text: '2024', x: 530, y: 94, width: 22, height: 6.5, confidence: 0.9 },
      ...line(253, '1. Business Liability.'),
      ...line(265, 'Policy number 7718040598, effective Oct 14, 2023 to Dec3, 2024. Written on an'),
      ...line(278, 'occurrence basis. Limits of liability: $ 1,000,000 per occurrence: $ 2,000,000'),
      ...line(291, 'aggregate: $ 2,000,000 products/completed ops aggregate: $ 1,000,000 personal and'),
      ...line(303, 'advertising injury.'),
      ...line(321, '2. Commercial Automobile Liability.'),
      ...line(334, 'Policy No. 5679783409, effective Oct 14, 2023 to Oct 14, 2024. Limits: $ 1,000,000'),
      ...line(347, 'csl.'),
    ];
    const got = genericFromWords([{ page: 1, width: 612, height: 792, source: 'ocr', words }], { fileName: 'x.pdf', pages: 1, method: 'ocr' });
    expect(got.certificateDate).toBe('2024-05-31');
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate, p.limits])).toEqual([
      [
        'general_liability',
        '7718040598',
        '2023-10-14',
        '2024-12-03',
        { each_occurrence: 1_000_000, general_aggregate: 2_000_000, products_completed_operations_aggregate: 2_000_000, personal_advertising_injury: 1_000_000 },
      ],
      ['automobile_liability', '5679783409', '2023-10-14', '2024-10-14', { combined_single_limit: 1_000_000 }],
    ]);
  });

  it("keeps limits named first ('Each Occurrence: $1,000,000 General Aggregate: $2,000,000', 'Policy Limit: USD 500,000') as named, and ends amount-first clauses at OCR's ':'", () => {
    expect(limitPairs('Each Occurrence: $1,000,000 General Aggregate: $2,000,000')).toEqual([
      { label: 'Each Occurrence', amount: 1_000_000 },
      { label: 'General Aggregate', amount: 2_000_000 },
    ]);
    expect(limitPairs('E.L. Disease - Policy Limit: USD 500,000')).toEqual([{ label: 'E.L. Disease - Policy Limit', amount: 500_000 }]);
    expect(limitPairs("Employers' liability limits: $500,000 each accident; $500,000 disease - policy limit: $500,000 disease - each employee")).toEqual([
      { label: 'each accident', amount: 500_000 },
      { label: 'disease - policy limit', amount: 500_000 },
      { label: 'disease - each employee', amount: 500_000 },
    ]);
  });
  it("reads a colon OCR read as a semicolon: after a heading of limits ('Limits; 1,000,000 Each Occurrence / …'), no label; after a limit's name ('E.L. Each Accident; 1,000,000'), its label", () => {
    expect(limitPairs('Limits; 1,000,000 Each Occurrence / 2,000,000 General Aggregate / 2,000,000 Products-Completed Operations Aggregate')).toEqual([
      { label: 'Each Occurrence', amount: 1_000_000 },
      { label: 'General Aggregate', amount: 2_000_000 },
      { label: 'Products-Completed Operations Aggregate', amount: 2_000_000 },
    ]);
    expect(limitPairs('E.L. Each Accident; 1,000,000')).toEqual([{ label: 'E.L. Each Accident', amount: 1_000_000 }]);
    expect(limitPairs("Employers' liability limits; $500,000 each accident; $500,000 disease - policy limit")).toEqual([
      { label: 'each accident', amount: 500_000 },
      { label: 'disease - policy limit', amount: 500_000 },
    ]);
  });
  it("reads a certificate's date under its heading though OCR read its slashes as ones ('21712026' for 2/7/2026)", () => {
    expect(labelledSlashlessDate('21712026')).toBe('2026-02-07');
    expect(labelledSlashlessDate('832025')).toBe('2025-08-03');
    // in doubt, or no date: null
    expect(labelledSlashlessDate('1122026')).toBeNull();
    expect(labelledSlashlessDate('98765432')).toBeNull();
    expect(labelledSlashlessDate('GL743136555')).toBeNull();
    const rows: [number, [number, string][]][] = [
      [20, [[200, 'CERTIFICATE OF INSURANCE']]],
      [58, [[37, 'FIRST NAMED INSURED'], [347, 'ISSUE DATE']]],
      [66, [[38, 'Harmon Plumbing, Inc.'], [347, '21712026']]],
      [77, [[38, '5841 Ben White Blvd']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.png', pages: 1, method: 'ocr' });
    expect(got.certificateDate).toBe('2026-02-07');
  });
  it("names an auto's bodily injury limits whose 'BI' OCR read 'Bl'", () => {
    expect(limitKeyFor('automobile_liability', 'Bl Each Person')).toBe('bodily_injury_per_person');
    expect(limitKeyFor('automobile_liability', 'Bl Each Accident')).toBe('bodily_injury_per_accident');
    expect(limitKeyFor('automobile_liability', 'BI Each Accident')).toBe('bodily_injury_per_accident');
  });
  it("reads the dates OCR gives with a point or no space after the day ('July 24. 2025', 'July 24,2024', 'Dec3, 2024')", () => {
    expect(findDates('July 24. 2025 | July 24,2024 | Dec3, 2024 | Policy 12.2025').map((d) => d.value)).toEqual(['2025-07-24', '2024-07-24', '2024-12-03']);
  });
  it("reads a policy's period whose slashes OCR lost or read as sevens ('832025 | 87372026'), and no lone number ending in a year", () => {
    const rows: [number, [number, string][]][] = [
      ...head,
      [100, [[40, 'Type of Insurance'], [160, 'Policy #'], [260, 'Policy Effective'], [340, 'Expiration'], [420, 'Limits']]],
      [115, [[40, 'Business Liability'], [160, 'C24CPP427797'], [260, '832025'], [340, '87372026'], [420, 'Per Occurrence'], [520, '1,000,000']]],
      [130, [[40, 'Workers Compensation'], [160, 'WC 1202025'], [260, '1122025'], [340, '1/12/2026'], [420, 'Each Accident'], [520, '100,000']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.pdf', pages: 1, method: 'ocr' });
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([
      ['general_liability', 'C24CPP427797', '2025-08-03', '2026-08-03'],
      ['workers_compensation', 'WC 1202025', '2025-01-12', '2026-01-12'],
    ]);
    // (two-digit years, '32624 | 372625' for 3/26/24 and 3/26/25; a date that kept one slash, '9/5724', alone)
    const short = genericFromWords(
      [
        page(
          [
            ...head,
            [40, [[400, 'Issue Date: 9/5724']]],
            [100, [[40, 'Type of Coverage'], [200, 'Policy #'], [300, 'Effective'], [380, 'Expiration']]],
            [115, [[40, 'Commercial General Liability'], [200, 'GL 69-95127-935'], [300, '32624'], [380, '372625']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect([short.certificateDate, ...short.policies.map((p) => [p.policyNumber, p.effectiveDate, p.expirationDate])]).toEqual(['2024-09-05', ['GL 69-95127-935', '2024-03-26', '2025-03-26']]);
    // (but a NAIC code beside a policy's period is no date: '40312' is no 4/3/12)
    const naic = genericFromWords(
      [
        page(
          [
            ...head,
            [100, [[40, 'Type of Coverage'], [200, 'NAIC'], [300, 'Effective'], [420, 'Expiration']]],
            [115, [[40, 'Errors & Omissions'], [200, '40312'], [300, '2024-12-03'], [420, '2025-12-03']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(naic.policies.map((p) => [p.effectiveDate, p.expirationDate])).toEqual([['2024-12-03', '2025-12-03']]);
    // (a date that kept only its second slash, '83/2025' beside '8/3/2026', as the line's other date confirms it; a
    // month and year, '12/2025' beside '3/26/2026', stays no date)
    const second = genericFromWords(
      [
        page(
          [
            ...head,
            [100, [[40, 'Type of Insurance'], [160, 'Policy #'], [260, 'Policy Effective'], [340, 'Expiration'], [420, 'Limits']]],
            [115, [[40, 'Business Liability'], [160, 'C24CPP427797'], [260, '83/2025'], [340, '8/3/2026'], [420, 'Per Occurrence'], [520, '1,000,000']]],
            [130, [[40, 'Workers Compensation'], [160, 'WC 1202025'], [260, '12/2025'], [340, '3/26/2026'], [420, 'Each Accident'], [520, '100,000']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(second.policies.map((p) => [p.policyNumber, p.effectiveDate, p.expirationDate])[0]).toEqual(['C24CPP427797', '2025-08-03', '2026-08-03']);
    expect(second.policies[1]!.policyNumber).toBe('WC 1202025');
    expect([second.policies[1]!.effectiveDate, second.policies[1]!.expirationDate]).not.toContain('2025-01-02');
    expect(labelledSlashlessDate('83/2025')).toBeNull();
    // (a date whose slashes OCR read as a degree sign and a colon, wherever it stands)
    expect(genericFromWords([page([[50, [[40, 'Certificate of Insurance'], [400, 'Issued 12°14:2025']]]], 'ocr')], { fileName: 'x.pdf', pages: 1, method: 'ocr' }).certificateDate).toBe('2025-12-14');
  });

  it("cuts two headings OCR ran into one cell over their two values ('BODILY INJURY BY ACCIDENT - EACH ACCIDENT BODILY INJURY BY DISEASE - POLICY LIMIT')", () => {
    // a boxed form's row of limit boxes as tesseract boxed it on a scan: tiny headings, the first two 3.6 points apart
    const words: Word[] = [];
    const put = (y: number, height: number, cells: [number, string, number][]) => {
      for (const [x, text, width] of cells) words.push({ text, x, y, width, height, confidence: 0.9 });
    };
    put(20, 8, [[200, 'CERTIFICATE', 50], [254, 'OF', 10], [268, 'LIABILITY', 40], [312, 'INSURANCE', 44]]);
    put(302, 4.4, [[36, 'COVERAGE', 30], [124, 'POLICY', 20], [146, '#', 4], [250, 'EFFECTIVE', 30], [283, 'DATE', 15], [350, 'EXPIRATION', 35], [388, 'DATE', 15]]);
    put(311, 7, [[37, 'WC', 12], [52, '&', 5], [60, 'EL', 9], [124, 'WCA-2025-854019', 60], [250, 'July', 15], [268, '24,', 10], [281, '2024', 17], [350, 'July', 15], [368, '24,', 10], [381, '2025', 17]]);
    put(328.6, 4.4, [
      [36.3, 'WORKERS', 28.1], [65.9, 'COMPENSATION', 43.6],
      [171.5, 'BODILY', 20.3], [194.1, 'INJURY', 19.3], [215.4, 'BY', 7.4], [224.4, 'ACCIDENT', 28.1], [254.3, '-', 1.3], [257.3, 'EACH', 14.8], [274.1, 'ACCIDENT', 28.8],
      [306.5, 'BODILY', 20.5], [329.0, 'INJURY', 19.3], [350.3, 'BY', 7.3], [359.5, 'DISEASE', 22.8], [383.9, '-', 1.4], [387.1, 'POLICY', 19.8], [408.8, 'LIMIT', 15.4],
      [441.5, 'BODILY', 20.5], [464.1, 'INJURY', 19.4], [485.5, 'BY', 7.3], [494.4, 'DISEASE', 22.8], [518.8, '-', 1.5], [522.0, 'EACH', 14.8], [538.8, 'EMPLOYEE', 29.6],
    ]);
    put(344.4, 7.7, [[123.6, 'Per', 12.7], [138.5, 'Statute', 25.4], [267.6, '$100,000', 31.4], [402.7, '$500,000', 32.2], [537.6, '$100,000', 31.4]]);
    const got = genericFromWords([{ page: 1, width: 612, height: 792, source: 'ocr', words }], { fileName: 'x.pdf', pages: 1, method: 'ocr' });
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.limits])).toEqual([
      ['workers_compensation', 'WCA-2025-854019', { el_each_accident: 100_000, el_disease_policy_limit: 500_000, el_disease_each_employee: 100_000 }],
    ]);
  });
  it("reads a row of headings OCR garbled ('Policy Nutnber | Policy Petiod | Cendicate Date | Cen. No') over its values, and no name beside no heading", () => {
    const rows: [number, [number, string][]][] = [
      [20, [[100, "Certificate of Workers' Compensation Insurance"]]],
      [96, [[49, 'Policy Nutnber'], [150, 'Policy Petiod'], [300, 'Cendicate Date'], [420, 'Cen. No'], [520, 'NAIC Code']]],
      [107, [[48, 'WC001336553'], [150, '12/22/25 through 12/22/26'], [300, '6/12/26'], [420, '2026-268432'], [520, '25893']]],
      [132, [[50, 'NAMED INSURED']]],
      [142, [[50, 'Holden Construction Co.']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.pdf', pages: 1, method: 'ocr' });
    expect([got.certificateDate, got.insured.name]).toEqual(['2026-06-12', 'Holden Construction Co.']);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['workers_compensation', 'WC001336553', '2025-12-22', '2026-12-22']]);
    // ('Certificate #' is a heading, its '#' ending the label)
    const hashed = genericFromWords(
      [
        page(
          [
            [76, [[119, "CERTIFICATE OF WORKERS' COMPENSATION INSURANCE"]]],
            [99, [[49, 'Policy'], [150, 'Pols Period'], [400, 'Issued'], [500, 'Certificate #']]],
            [110, [[48, 'WCX4017885-04'], [150, 'February 1, 2025 to February 1, 2026'], [400, 'April 6, 2025'], [500, 'BLT-68657']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(hashed.policies.map((p) => [p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['WCX4017885-04', '2025-02-01', '2026-02-01']]);
  });
  it("reads past OCR's specks: a line of a dash alone between a heading and its value, a lone 'f' before a heading", () => {
    const rows: [number, [number, string][]][] = [
      [29, [[74, 'Evidence of Commercial Automobile Insurance']]],
      [129, [[48, 'Company: Meridian Umbrella Underwriters Inc.'], [330, 'Policy: BAX8279815-04']]],
      [157, [[48, 'Effective Date'], [200, 'Expiration Date'], [350, 'f Date Issued']]],
      [160, [[441, '-']]],
      [170, [[48, 'August 26, 2024'], [200, 'August 26, 2025'], [350, 'June 15, 2025']]],
      [434, [[49, 'Certificate Issued To']]],
      [439, [[59, '-']]],
      [445, [[49, 'Ibarra Enterprises, Inc.']]],
      [456, [[49, '6761 Industrial Blvd']]],
    ];
    const got = genericFromWords([page(rows, 'ocr')], { fileName: 'x.pdf', pages: 1, method: 'ocr' });
    expect([got.certificateDate, got.certificateHolder.name]).toEqual(['2025-06-15', 'Ibarra Enterprises, Inc.']);
    // (a labelled date OCR cut over two cells after its label)
    expect(genericFromWords([page([...rows.slice(0, 2), [75, [[41, 'Certificate Date:'], [160, 'Sep 12,'], [220, '2026']]]], 'ocr')], { fileName: 'x.pdf', pages: 1, method: 'ocr' }).certificateDate).toBe('2026-09-12');
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['automobile_liability', 'BAX8279815-04', '2024-08-26', '2025-08-26']]);
  });
  it("gives a one-coverage certificate's limits to its policy though they stand above its only readable policy number, and no vehicle's year", () => {
    const got = read([
      [27, [[72, 'Meridian Umbrella Underwriters Inc.'], [330, 'Evidence of Commercial Automobile Insurance']]],
      [128, [[46, 'Company: Meridian Umbrella Underwriters Inc.'], [300, 'NAIC: 38215'], [400, 'Pcl oy: BAX8279815-04']]],
      [240, [[41, 'Limits of Insurance']]],
      [257, [[46, 'Liability Coverage'], [300, 'Amount']]],
      [270, [[46, 'Bodily Injury Per Person'], [300, '$1,000,000']]],
      [284, [[46, 'Property Damage Per Accident'], [300, '$500,000']]],
      [319, [[41, 'Described Autos']]],
      [332, [[41, 'Veh #'], [80, 'Year'], [140, 'Make / Model'], [300, 'VIN']]],
      [343, [[41, '1'], [80, '2024'], [140, 'Freightliner M2 106'], [300, '5YXK6PC70UGVX74XL']]],
      [539, [[51, 'COMMERCIAL AUTO ID CARD'], [300, 'Keep this card in the vehicle.']]],
      [585, [[51, 'Policy'], [120, 'BAX8279815-04']]],
      [598, [[51, 'Effective'], [120, 'August 26, 2024 Expires August 26, 2025']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.limits])).toEqual([
      ['automobile_liability', 'BAX8279815-04', '2024-08-26', { bodily_injury_per_person: 1_000_000, property_damage_per_accident: 500_000 }],
    ]);
  });
  it("reads a date's month name OCR garbled by the row's other date ('Occ 3, 2025' beside 'Dec 3, 2024'), and an 'Undenntiter' column", () => {
    const got = genericFromWords(
      [
        page(
          [
            ...head,
            [150, [[31, 'Type of Coverage'], [130, 'Undenntiter'], [300, 'Policy #'], [380, 'Eff. Date'], [460, 'Exp. Date']]],
            [163, [[31, 'Umbrella Liability'], [130, 'Sentry Point Assurance Co.'], [300, '3189-42-26'], [380, 'Dec 3, 2024'], [460, 'Occ 3, 2025']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['umbrella_liability', '3189-42-26', '2024-12-03', '2025-12-03']]);
    expect(got.insurers.map((i) => i.name)).toEqual(['Sentry Point Assurance Co.']);
  });
  it("reads an insurer's code OCR set after its name ('… Company 27065') and a label with a speck inside ('P’alicy Number:')", () => {
    const got = genericFromWords(
      [
        page(
          [
            [70, [[189, 'Commercial Auto Certificate of Insurance']]],
            [162, [[47, 'Insurer: Liberty Harbor Fire Insurance Company 27065'], [330, 'NAIC'], [380, 'P’alicy Number: BA 64-56841-908']]],
            [187, [[44, 'From: December 3, 2025'], [200, 'To: December 3, 2026']]],
            [260, [[46, 'Coverage: CSL'], [200, 'Limit: 500,000']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(got.insurers).toEqual([{ letter: null, name: 'Liberty Harbor Fire Insurance Company', naic: '27065' }]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['automobile_liability', 'BA 64-56841-908', '2025-12-03', '2026-12-03']]);
  });
  it("reads a letter-spaced name as one cell and a card's date whose year wraps alone onto the next line, two cards side by side", () => {
    // a text layer's words in 8.5 pt type: each cell's words 4.8 pt apart, unless `space` says otherwise
    const words: Word[] = [];
    const row = (y: number, cells: [number, string][], space = 4.8) => {
      for (const [x0, text] of cells) {
        let x = x0;
        for (const t of text.split(' ')) {
          words.push({ text: t, x, y, width: t.length * 4.4, height: 8.5, confidence: 1 });
          x += t.length * 4.4 + space;
        }
      }
    };
    row(25, [[40, 'Certificate of Insurance']]);
    row(91, [[40, 'BUSINESS NAME'], [314, 'CERTIFICATE ISSUED TO']]);
    row(101, [[40, 'Alvarez Wellness Studios, Inc.']]);
    // (the holder's name set with 6.6 pt spaces: letter-spaced)
    row(101, [[314, 'Lamar Union Lofts Owner, LLC']], 6.6);
    row(259, [[52, 'Follow Form Excess Liability'], [326, 'Business Auto']]);
    row(278, [[52, 'Policy No.'], [153, 'CVY-0U2SJW9'], [326, 'Policy No.'], [427, 'CVY-1A2B3C4']]);
    row(290, [[52, 'Coverage period'], [153, 'March 12, 2025 – March 12,'], [326, 'Coverage period'], [427, 'March 12, 2025 – March 12,']]);
    row(301, [[266, '2026'], [540, '2026']]);
    row(313, [[52, 'Coverage form'], [153, 'Occurrence'], [326, 'Covered autos'], [427, 'Any Auto']]);
    const got = genericFromWords([{ page: 1, width: 612, height: 792, source: 'text', words }], { fileName: 'x.pdf', pages: 1, method: 'text' });
    expect(got.certificateHolder.name).toBe('Lamar Union Lofts Owner, LLC');
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([
      ['excess_liability', 'CVY-0U2SJW9', '2025-03-12', '2026-03-12'],
      ['automobile_liability', 'CVY-1A2B3C4', '2025-03-12', '2026-03-12'],
    ]);
  });
  it("takes a one-coverage certificate's policy from the line that starts with its number and gives its period, its headings unreadable", () => {
    const got = genericFromWords(
      [
        page(
          [
            [72, [[121, "WORKERS' COMPENSATION CERTIFICATE OF COVERAGE"]]],
            [96, [[48, 'FoL.cy'], [200, 'poy eres'], [420, 'or21 ate']]],
            [107, [[47, 'WCA 87-15436-458'], [150, '12:01 a.m. 11/12/23 to 12:01 a.m. 11/12/24'], [420, '/24'], [500, '41190']]],
            [139, [[49, 'INSURED EMPLOYER']]],
            [150, [[48, 'Bright Spark Electrical Contractors LLC']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['workers_compensation', 'WCA 87-15436-458', '2023-11-12', '2024-11-12']]);
  });
  it("reads two cards side by side whose titles' line holds a card's edge OCR read as a tall '1' in the gutter", () => {
    const words: Word[] = [];
    const put = (y: number, cells: [number, string, number][], height = 6.5) => {
      for (const [x, text, right] of cells) words.push({ text, x, y, width: right - x, height, confidence: 0.9 });
    };
    put(30, [[40, 'Certificate', 90], [94, 'of', 104], [108, 'Insurance', 150]]);
    words.push({ text: '1', x: 298.1, y: 388.3, width: 19.4, height: 15.8, confidence: 0.5 });
    put(392.4, [[53, 'Commercial', 110.2], [113.5, 'Umbrella', 157.4], [326.6, "Workers'", 370.1], [374.2, 'Compensation', 441.4]], 7.9);
    put(411.6, [[52.8, 'Policy', 80.9], [86.6, '#', 90], [230.2, 'NMB-ZADK240', 285.8], [327.1, 'Policy', 355], [360.7, '#', 364.1], [504.2, 'NMB-XKEGLSR', 560.4]]);
    put(424, [[53, 'Coverage', 90], [94, 'period', 120], [230, '12/5/24', 258], [266, '-', 269], [273, '12/5/25', 301], [327, 'Coverage', 364], [368, 'period', 394], [504, '12/6/24', 532], [540, '-', 543], [547, '12/6/25', 575]]);
    put(450, [[53, 'Occurrence', 100], [250, '2,000,000', 290], [327, 'Each', 345], [349, 'Accident', 383], [520, '100,000', 555]]);
    const got = genericFromWords([{ page: 1, width: 612, height: 792, source: 'ocr', words }], { fileName: 'x.pdf', pages: 1, method: 'ocr' });
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate])).toEqual([
      ['umbrella_liability', 'NMB-ZADK240', '2024-12-05'],
      ['workers_compensation', 'NMB-XKEGLSR', '2024-12-06'],
    ]);
  });
  it("takes two cards for two whose second label OCR cut short on one side ('Coverage pe' | 'cd' beside 'Coverage period')", () => {
    const got = genericFromWords(
      [
        page(
          [
            [30, [[40, 'Certificate of Insurance']]],
            [262, [[51, 'Follow Form Excess Liability'], [327, 'Hired & Non-Owned Auto']]],
            [281, [[52, 'Policy No.'], [150, 'CVY-0U2SJW9'], [327, 'Policy No'], [430, 'CVY-A5TX101']]],
            [293, [[51, 'Coverage period'], [150, 'Mar 12, 2025 - Mar 12, 2026'], [327, 'Coverage pe'], [402, 'cd'], [430, 'Mar 12, 2025 - Mar 12, 2026']]],
            [305, [[51, 'Coverage form'], [150, 'Occurrence Form'], [327, 'Covered autos'], [430, 'Hired Autos Only']]],
            [317, [[51, 'Occurrence'], [150, '$5,000,000.00'], [327, 'Combined Single Limit'], [470, '$500,000.00']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.limits])).toEqual([
      ['excess_liability', 'CVY-0U2SJW9', '2025-03-12', { each_occurrence: 5_000_000 }],
      ['automobile_liability', 'CVY-A5TX101', '2025-03-12', { combined_single_limit: 500_000 }],
    ]);
  });

  it("reads a row of limit boxes whose headings wrap, a second line running past its first ('PRODUCTS-COMPLETED' over 'OPERATIONS AGGREGATE')", () => {
    const got = read([
      ...head,
      [100, [[40, 'TYPE OF INSURANCE'], [150, 'POLICY NO.'], [260, 'INCEPTION'], [360, 'EXPIRY']]],
      [112, [[40, 'CGL'], [150, '1821-07-74'], [260, '3/21/2026'], [360, '3/21/2027']]],
      [140, [[40, 'EACH OCCURRENCE'], [140, 'PERSONAL & ADVERTISING'], [260, 'GENERAL AGGREGATE'], [360, 'PRODUCTS-COMPLETED']]],
      [147, [[140, 'INJURY'], [360, 'OPERATIONS AGGREGATE']]],
      [160, [[40, 'USD 1,000,000'], [140, 'USD 1,000,000'], [260, 'USD 2,000,000'], [360, 'USD 3,000,000']]],
    ]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.limits])).toEqual([
      ['general_liability', '1821-07-74', { each_occurrence: 1_000_000, personal_advertising_injury: 1_000_000, general_aggregate: 2_000_000, products_completed_operations_aggregate: 3_000_000 }],
    ]);
  });

  it("pairs a row of headings with a reference number's among them, and takes no company's letterhead for a coverage ('Meridian Umbrella Insurance Group')", () => {
    const got = read([
      [20, [[200, 'Meridian Umbrella Insurance Group']]],
      [32, [[200, '6939 Industrial Pkwy, Raleigh, NC 27601']]],
      [50, [[150, "WORKERS' COMPENSATION CERTIFICATE OF COVERAGE"]]],
      [70, [[40, 'Insurer Affording Coverage: Meridian Umbrella Underwriters Inc.']]],
      [90, [[40, 'Policy Number'], [120, 'Term'], [330, 'Date Issued'], [400, 'Reference No.'], [480, 'NAIC']]],
      [101, [[40, '0898969082'], [120, '12:01 a.m. 10/16/23 to 12:01 a.m. 10/16/24'], [330, '3/17/24'], [400, 'C-3029623'], [480, '38215']]],
      [130, [[40, 'NAMED INSURED: Guardian Pest Control LLC']]],
    ]);
    expect(got.insurers).toEqual([{ letter: null, name: 'Meridian Umbrella Underwriters Inc.', naic: '38215' }]);
    expect(got.policies.map((p) => [p.coverage, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['workers_compensation', '0898969082', '2023-10-16', '2024-10-16']]);
  });

  it("takes any company's name under an insurer's heading ('INSURANCE CARRIER' over 'Crestline Excess & Surplus Company')", () => {
    const got = read([
      ...head,
      [90, [[40, 'INSURANCE CARRIER'], [314, 'AGENCY']]],
      [101, [[40, 'Crestline Excess & Surplus Company'], [314, 'Tandem Business Insurance Agency LLC']]],
      [113, [[40, 'NAIC #10867'], [314, '6688 Harbor Way']]],
      [140, [[40, 'Commercial General Liability']]],
      [152, [[40, 'Policy #'], [120, 'TDM-5Y21Z7D']]],
      [164, [[40, 'Term'], [120, '1/11/2026 – 1/11/2027']]],
    ]);
    expect(got.insurers).toEqual([{ letter: null, name: 'Crestline Excess & Surplus Company', naic: '10867' }]);
  });

  it("names a coverage whose words OCR misread a letter or two of ('Errors & Omimgsions', \"Workers*®' Comp\"), and hired and non-owned autos without 'Auto' ('Aute')", () => {
    const got = genericFromWords(
      [
        page(
          [
            [20, [[200, 'CERTIFICATE OF INSURANCE']]],
            [100, [[40, 'Type of Coverage'], [150, 'Policy #'], [260, 'Inception'], [340, 'Expiry']]],
            [120, [[40, 'Hired & Non-Owned'], [150, 'S83AUT153037'], [260, '05/11/2026'], [340, '05/11/2027']]],
            [128, [[40, 'Aute']]],
            [150, [[40, 'Errors & Omimgsions'], [150, 'EO-2026-738001'], [260, '05/11/2026'], [340, '05/11/2027']]],
            [180, [[40, "Workers*®' Comp"], [150, 'WC-2026-1234'], [260, '05/11/2026'], [340, '05/11/2027']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(got.policies.map((p) => [p.coverage, p.description, p.policyNumber])).toEqual([
      ['automobile_liability', null, 'S83AUT153037'],
      ['other', 'Errors & Omissions', 'EO-2026-738001'],
      ['workers_compensation', null, 'WC-2026-1234'],
    ]);
  });

  it('names workers\' compensation with a double quote OCR put for its apostrophe (\'Workers" | Compensation\')', () => {
    const got = genericFromWords(
      [
        page(
          [
            [20, [[200, 'CERTIFICATE OF INSURANCE']]],
            [100, [[40, 'TYPE OF COVERAGE'], [150, 'POLICY NO.'], [260, 'EFFECTIVE'], [340, 'EXPIRATION']]],
            [120, [[40, 'Workers"'], [85, 'Compensation'], [150, 'WC181117647'], [260, '9/14/2025'], [340, '9/14/2026']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(got.policies.map((p) => [p.coverage, p.policyNumber])).toEqual([['workers_compensation', 'WC181117647']]);
  });

  it("joins a label word OCR split in pieces ('NAMED INSU RE D')", () => {
    const got = genericFromWords(
      [
        page(
          [
            [20, [[200, 'CERTIFICATE OF COVERAGE']]],
            [100, [[40, 'NAMED INSU RE D'], [320, 'HOLDER']]],
            [112, [[40, 'Nakamura Group, Inc.'], [320, 'Riverside Commons Owner, LLC']]],
            [124, [[40, '7193 Cleveland Ave'], [320, '1200 E Riverside Dr']]],
            [150, [[40, 'Business Liability'], [150, 'C24CPP427797'], [260, '8/3/2025'], [340, '8/3/2026']]],
          ],
          'ocr',
        ),
      ],
      { fileName: 'x.pdf', pages: 1, method: 'ocr' },
    );
    expect(got.insured.name).toBe('Nakamura Group, Inc.');
  });
});
